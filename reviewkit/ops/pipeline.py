"""`reviewkit pipeline`: one page over many deals, in the format and to the place asked for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reviewkit.model.config import Settings
from reviewkit.ops.outcome import Outcome
from reviewkit.ops.render import _pdf, refuse_pdf_to_terminal, write_pack
from reviewkit.present.pipeline import Pipeline, build_pipeline, collect
from reviewkit.present.render import render_pipeline
from reviewkit.text.catalogue import say


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
) -> Outcome:
    """The pipeline view of the deals named or found under the folders named."""
    settings = Settings(config, playbook)
    view_lang = lang or settings.for_folder(Path.cwd()).language or "en"
    lines = collect(paths, settings, today, view_lang, jobs)
    view = build_pipeline(lines, today, view_lang)
    target = pipeline_target(format, output)
    data = pipeline_data(view, format, target)
    if target == "-":
        assert isinstance(data, str)
        return Outcome(data)
    write_pack(Path(target), data)
    return Outcome(err=(say(view_lang, "cli.wrote", path=target),))


def pipeline_target(format: str, output: str | None) -> str:
    """Where the view goes: `output`, else stdout for md and pipeline.html / pipeline.pdf."""
    return output or ("-" if format == "md" else f"pipeline.{format}")


def pipeline_data(view: Pipeline, format: str, target: str) -> str | bytes:
    """The view as md, html or pdf; a PDF is refused to the terminal ('-')."""
    if format == "md":
        return render_pipeline(view, "md")
    html = render_pipeline(view, "html")
    if format != "pdf":
        return html
    refuse_pdf_to_terminal(None if target == "-" else target)
    return _pdf(html)
