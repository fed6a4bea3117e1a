"""`reviewkit pipeline`: the director's view of many deals, in the format and to the place asked for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reviewkit.model.config import Settings
from reviewkit.ops.outcome import Outcome
from reviewkit.ops.render import _pdf, refuse_pdf_to_terminal, write_pack
from reviewkit.present.pipeline import Pipeline, build_pipeline, collect, parse_sort
from reviewkit.present.render import render_pipeline
from reviewkit.text.catalogue import say
from reviewkit.text.errors import error

#: Formats that are text and go to stdout when no output is named.
TO_STDOUT = ("md", "json", "csv")


def pipeline_command(
    paths: list[Path],
    *,
    format: str,
    output: str | None,
    lang: str | None,
    today: dt.date,
    playbook: Path | None,
    config: Path | None,
    jobs: int | None,
    sort: str | None = None,
    since: str | None = None,
) -> Outcome:
    """The pipeline view of the deals named or found under the folders named."""
    order = parse_sort(sort)
    if since is not None:
        from reviewkit.model.git import require_revision

        first = paths[0] if paths else Path.cwd()
        require_revision(first if first.is_dir() else first.absolute().parent, since)
    settings = Settings(config, playbook)
    view_lang = lang or settings.for_folder(Path.cwd()).language or "en"
    lines = collect(paths, settings, today, view_lang, jobs, since)
    view = build_pipeline(lines, today, view_lang, order, since)
    target = pipeline_target(format, output)
    data = pipeline_data(view, format, target)
    if target == "-":
        assert isinstance(data, str)
        return Outcome(data)
    write_pack(Path(target), data)
    return Outcome(err=(say(view_lang, "cli.wrote", path=target),))


def pipeline_target(format: str, output: str | None) -> str:
    """Where the view goes: `output`, else stdout for md, json and csv, else pipeline.<format>."""
    return output or ("-" if format in TO_STDOUT else f"pipeline.{format}")


def pipeline_data(view: Pipeline, format: str, target: str) -> str | bytes:
    """The view as md, html, pdf, json, csv or xlsx; a PDF or workbook is refused to the
    terminal ('-')."""
    from reviewkit.present import ledger

    if format == "md":
        return render_pipeline(view, "md")
    if format == "json":
        return ledger.pipeline_json(view)
    if format == "csv":
        return ledger.pipeline_csv(view)
    if format == "xlsx":
        if target == "-":
            raise error("xlsx-to-terminal")
        return ledger.pipeline_xlsx(view)
    if format == "pdf":
        refuse_pdf_to_terminal(None if target == "-" else target)
    html = render_pipeline(view, "html")
    return _pdf(html) if format == "pdf" else html
