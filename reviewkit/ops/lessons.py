"""`reviewkit lessons`: what the lost deals under the paths teach, in the format asked for."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from reviewkit.model.config import Settings
from reviewkit.ops.outcome import Outcome
from reviewkit.ops.render import _pdf, refuse_pdf_to_terminal, write_pack
from reviewkit.present.lessons import Lessons, build_lessons, collect
from reviewkit.present.render import render_lessons
from reviewkit.text.catalogue import say


def lessons_command(
    paths: list[Path],
    *,
    format: str,
    output: str | None,
    lang: str | None,
    playbook: Path | None,
    config: Path | None,
    jobs: int | None,
) -> Outcome:
    """The ranked table of what was open at the close of the won and lost deals found."""
    settings = Settings(config, playbook)
    view_lang = lang or settings.for_folder(Path.cwd()).language or "en"
    view = build_lessons(collect(paths, settings, view_lang, jobs), view_lang)
    target = output or ("-" if format in ("md", "json") else f"lessons.{format}")
    data = lessons_data(view, format, target)
    if target == "-":
        assert isinstance(data, str)
        return Outcome(data)
    write_pack(Path(target), data)
    return Outcome(err=(say(view_lang, "cli.wrote", path=target),))


def lessons_data(view: Lessons, format: str, target: str) -> str | bytes:
    """The view as md, html, pdf or json; a PDF is refused to the terminal ('-')."""
    if format == "json":
        return json.dumps(asdict(view), ensure_ascii=False, indent=2) + "\n"
    if format == "md":
        return render_lessons(view, "md")
    html = render_lessons(view, "html")
    if format != "pdf":
        return html
    refuse_pdf_to_terminal(None if target == "-" else target)
    return _pdf(html)
