"""One deal's pack: made in memory, placed beside the deal or where asked, written in one rename."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reviewkit.errors import ReviewkitError
from reviewkit.judge.engine import check_deal
from reviewkit.judge.floor import Redactor, floor_amount
from reviewkit.model.config import Settings
from reviewkit.model.deal import Deal, load_deal
from reviewkit.model.files import write_file
from reviewkit.present.pack import PackOptions, build_pack
from reviewkit.text.catalogue import FALLBACK, say
from reviewkit.text.errors import error

SUFFIX = {
    "md": ".review.md",
    "html": ".review.html",
    "pdf": ".review.pdf",
    "docx": ".review.docx",
    "xlsx": ".review.xlsx",
}


def pack_path(folder: Path, deal_id: str, format: str, floor: Decimal | None = None) -> Path:
    """Where a pack goes in `folder` (by default the deal file's): named after the deal id,
    made a plain file name so that no id can place a pack in another folder, and without
    the floor figure (a file name travels further than the pack)."""
    deal_id = Redactor([floor], "floor-withheld").text(deal_id)
    name = re.sub(r"[^\w.-]+", "-", deal_id).strip(".-") or "deal"
    return folder / f"{name}{SUFFIX[format]}"


@dataclass(frozen=True)
class PackRequest:
    """What to render, the same for every deal of a batch."""

    format: str = "md"
    lang: str | None = None
    reveal_floor: bool = False
    today: dt.date | None = None
    playbook: Path | None = None
    config: Path | None = None
    since: str | None = None


def make_pack(
    path: Path, request: PackRequest, output: str | None = None
) -> tuple[Path | None, str | bytes]:
    """A deal's pack in memory, and where it goes (None: stdout). Writes nothing."""
    from reviewkit.present.render import render_html, render_markdown

    if request.format not in SUFFIX:
        raise error("unknown-format", format=request.format)
    today = request.today or dt.date.today()
    settings = Settings(request.config, request.playbook).for_file(Path(path))
    # --lang is also the language of what is said about a file that does not load
    deal = load_deal(path, settings.playbook, language=request.lang or settings.language)
    findings = check_deal(deal, today, settings, request.lang)
    compared = None
    if request.since is not None:
        from reviewkit.judge.changes import changes_between, load_version

        old = load_version(Path(path), request.since, settings)
        changes = changes_between(old, deal, today, settings, request.reveal_floor, request.lang)
        compared = (_reference(request.since, old), changes)
    from reviewkit.judge.movement import attitude_tracks

    options = PackOptions(
        today, request.lang, request.reveal_floor, compared, tuple(attitude_tracks(deal))
    )
    pack = build_pack(deal, options, findings)
    target = None
    if output != "-":
        if output is None:
            target = pack_path(Path(path).parent, deal.id, request.format, floor_amount(deal.data))
        elif Path(output).is_dir():
            target = pack_path(Path(output), deal.id, request.format, floor_amount(deal.data))
        else:
            target = Path(output)
        _refuse_clobbering(target, Path(path))  # early: before the work of rendering
    if request.format == "md":
        return target, render_markdown(pack)
    if request.format == "html":
        return target, render_html(pack)
    if request.format == "docx":
        from reviewkit.present.wordpack import pack_docx

        refuse_file_to_terminal(target, request.format)
        return target, pack_docx(pack)
    if request.format == "xlsx":
        from reviewkit.present.excelpack import pack_xlsx

        refuse_file_to_terminal(target, request.format)
        return target, pack_xlsx(pack)
    refuse_pdf_to_terminal(target)
    return target, _pdf(render_html(pack))


def refuse_pdf_to_terminal(target: Path | str | None) -> None:
    """A PDF goes to a file: None (stdout) is refused."""
    if target is None:
        raise error("pdf-to-terminal")


def refuse_file_to_terminal(target: Path | None, format: str) -> None:
    """A Word or Excel pack goes to a file: None (stdout) is refused."""
    if target is None:
        raise error("binary-to-terminal", format=format)


def write_pack(target: Path, data: str | bytes) -> None:
    """Write an output (pack, view, schema) in one rename: a failure leaves an earlier file
    byte-identical, and no output ever replaces a YAML file a user wrote."""
    _refuse_clobbering(target)
    write_file(target, data)


def render_pack(
    path: Path,
    *,
    format: str = "md",
    output: str | None = None,
    lang: str | None = None,
    reveal_floor: bool = False,
    today: dt.date | None = None,
    playbook: Path | None = None,
    config: Path | None = None,
    since: str | None = None,
) -> Path | None:
    """Render a deal's pack; write it and return its path (None when written to stdout).

    The pack is made in memory and written in one rename: a failure at any step leaves an
    earlier pack byte-identical.
    """
    request = PackRequest(format, lang, reveal_floor, today, playbook, config, since)
    target, data = make_pack(path, request, output)
    if target is None:
        assert isinstance(data, str)
        sys.stdout.write(data)
        return None
    write_pack(target, data)
    return target


def _reference(since: str, old: Deal) -> str:
    """How a pack names the version it compares with: the ref, and that version's review date."""
    held = old.data["review"]["date"]
    return f"{since} ({held.isoformat()})" if held else since


def _pdf(html: str) -> bytes:
    """The PDF of a pack's HTML, after checking that every character can be drawn."""
    from reviewkit.present.fonts import require_fonts
    from reviewkit.present.pdfahead import pdf_renderer

    # The font check runs while WeasyPrint may still be loading in a child process
    # (`pdfahead`); a machine without Pango is still told that first.
    try:
        require_fonts(_visible_text(html))
        missing_font = None
    except ReviewkitError as exc:
        missing_font = exc
    try:
        html_to_pdf = pdf_renderer()  # WeasyPrint imported ahead, or here
    except OSError as exc:  # WeasyPrint could not load Pango
        raise error("no-pango", detail=exc) from None
    if missing_font is not None:
        raise missing_font
    data, refused = html_to_pdf(html)
    if refused:  # a pack's own HTML names no outside resource; say so if one ever does
        sys.stderr.write(say(FALLBACK, "cli.not-fetched", count=len(refused)) + "\n")
    return data


def _visible_text(html: str) -> str:
    """The characters a pack's HTML shows (markup and styles removed)."""
    body = re.sub(r"<style.*?</style>", " ", html, flags=re.DOTALL)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


def _refuse_clobbering(target: Path, source: Path | None = None) -> None:
    """An output never replaces the deal file, an input, or any YAML file a user wrote: also
    not through a symbolic link (the file it resolves to is what would be replaced)."""
    resolved = target
    if not str(target).startswith(("/dev/", "/proc/")):  # /dev/stdout: written to, not replaced
        try:
            resolved = target.resolve()
        except (OSError, RuntimeError):  # a loop of links: writing would fail anyway
            resolved = target
    same = source is not None and resolved.exists() and resolved.samefile(source)
    if {target.suffix.lower(), resolved.suffix.lower()} & {".yaml", ".yml"} or same:
        linked = resolved != target.absolute() and target.is_symlink()
        raise error(
            "refuse-yaml-link" if linked else "refuse-yaml", target=target, resolved=resolved
        )
    if target.is_dir():
        raise error("is-folder", path=target)
