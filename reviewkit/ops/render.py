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
from reviewkit.present.pack import PackOptions, build_pack, secret_prices
from reviewkit.text.catalogue import FALLBACK, say
from reviewkit.text.errors import error

SUFFIX = {
    "md": ".review.md",
    "html": ".review.html",
    "pdf": ".review.pdf",
    "docx": ".review.docx",
    "xlsx": ".review.xlsx",
}
#: The format each output file extension means (`-o pack.pdf` without `--format`).
EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
}
#: The pipeline writes no Word file, and also writes its table as JSON and CSV.
PIPELINE_EXTENSIONS = {
    **{name: kind for name, kind in EXTENSIONS.items() if kind != "docx"},
    ".json": "json",
    ".csv": "csv",
}
#: What lost deals teach: a page (Markdown, HTML, PDF) or JSON.
LESSONS_EXTENSIONS = {
    **{name: kind for name, kind in EXTENSIONS.items() if kind in ("md", "html", "pdf")},
    ".json": "json",
}


def names_folder(output: str) -> bool:
    """Whether `-o` names a folder: one that exists, or a path written with a trailing slash."""
    return output.endswith(("/", "\\")) or Path(output).is_dir()


def output_format(
    format: str | None, output: str | None, extensions: dict[str, str] = EXTENSIONS
) -> str:
    """The format of an output: `--format`, else the extension of the file `-o` names, else
    Markdown. An extension that contradicts `--format` is refused, and so is a file name
    without a known extension when `--format` is not given."""
    if output is None or output == "-" or names_folder(output):
        return format or "md"
    named = extensions.get(Path(output).suffix.lower())
    if format is None and named is None:
        _refuse_clobbering(Path(output))  # a deal file named by mistake: say that first
        known = ", ".join(extensions)
        raise error("unknown-extension", output=output, known=known)
    if format is not None and named is not None and named != format:
        raise error("format-mismatch", output=output, format=format, named=named)
    return format or named or "md"


def pack_path(
    folder: Path,
    deal_id: str,
    format: str,
    floor: Decimal | None = None,
    revealed: bool = False,
    wide: list[Decimal | None] | None = None,
) -> Path:
    """Where a pack goes in `folder` (by default the deal file's): named after the deal id,
    made a plain file name so that no id can place a pack in another folder, and without
    the floor figure (a file name travels further than the pack). A pack that reveals the
    floor says so in its name: `NAME.review.floor.pdf`. A pack for a wide audience (`wide`:
    the quote and target it withholds) is named `NAME.wide.review.<ext>`, so that nobody
    sends the review team's pack by mistake."""
    deal_id = Redactor([floor, *(wide or [])], "floor-withheld").text(deal_id)
    name = re.sub(r"[^\w.-]+", "-", deal_id).strip(".-") or "deal"
    suffix = SUFFIX[format].replace(".review.", ".review.floor.") if revealed else SUFFIX[format]
    return folder / f"{name}{'.wide' if wide is not None else ''}{suffix}"


#: The .gitignore line that keeps every pack (`*.review.md`, `*.review.floor.pdf`, …) out of git.
GITIGNORE_LINE = "*.review.*"


def gitignore_note(target: Path, lang: str) -> str | None:
    """The offer of a .gitignore entry when a pack lands where git would track it: packs hold
    confidential sales data (the floor, with --reveal-floor). reviewkit never edits .gitignore
    itself; it prints the line to add."""
    from reviewkit.model.git import tracked_folder

    if not tracked_folder(target):
        return None
    return say(lang, "cli.gitignore", path=target, line=GITIGNORE_LINE)


@dataclass(frozen=True)
class PackRequest:
    """What to render, the same for every deal of a batch."""

    format: str | None = "md"  # None: from the extension of `-o` (see output_format)
    lang: str | None = None
    reveal_floor: bool = False
    today: dt.date | None = None
    playbook: Path | None = None
    config: Path | None = None
    since: str | None = None
    full_checklist: bool = False  # the appendix lists met items too
    audience: str = "team"  # who the pack is for: present.pack.AUDIENCES

    def __post_init__(self) -> None:
        if self.audience == "wide" and self.reveal_floor:
            raise error("wide-reveals-floor")


def make_pack(
    path: Path, request: PackRequest, output: str | None = None
) -> tuple[Path | None, str | bytes, str]:
    """A deal's pack in memory, where it goes (None: stdout) and its language. Writes nothing."""
    from reviewkit.present.render import render_html, render_markdown

    if request.format not in SUFFIX:
        raise error("unknown-format", format=request.format)
    assert request.format is not None
    today = request.today or dt.date.today()
    settings = Settings(request.config, request.playbook).for_file(Path(path))
    # --lang is also the language of what is said about a file that does not load
    deal = load_deal(path, settings.playbook, language=request.lang or settings.language)
    # Only a lost-deal review quotes what `check` finds; an open deal's pack reads the facts.
    findings = check_deal(deal, today, settings, request.lang) if deal.status == "lost" else None
    compared = None
    if request.since is not None:
        from reviewkit.judge.changes import changes_between, load_version

        old = load_version(Path(path), request.since, settings)
        changes = changes_between(old, deal, today, settings, request.reveal_floor, request.lang)
        compared = (_reference(request.since, old), changes)
    from reviewkit.judge.movement import attitude_tracks

    options = PackOptions(
        today,
        request.lang,
        request.reveal_floor,
        compared,
        request.full_checklist,
        tuple(attitude_tracks(deal)),
        request.audience,
    )
    pack = build_pack(deal, options, findings)
    target = None
    if output != "-":
        floor, revealed = floor_amount(deal.data), request.reveal_floor
        wide = secret_prices(deal, request.audience) if request.audience == "wide" else None
        if output is None:
            target = pack_path(Path(path).parent, deal.id, request.format, floor, revealed, wide)
        elif names_folder(output):
            target = pack_path(Path(output), deal.id, request.format, floor, revealed, wide)
        else:
            target = Path(output)
        _refuse_clobbering(target, Path(path))  # early: before the work of rendering
    lang = request.lang or deal.language
    if request.format == "md":
        return target, render_markdown(pack), lang
    if request.format == "html":
        return target, render_html(pack), lang
    if request.format == "docx":
        from reviewkit.present.wordpack import pack_docx

        refuse_file_to_terminal(target, request.format)
        return target, pack_docx(pack), lang
    if request.format == "xlsx":
        from reviewkit.present.excelpack import pack_xlsx

        refuse_file_to_terminal(target, request.format)
        return target, pack_xlsx(pack), lang
    refuse_pdf_to_terminal(target)
    return target, _pdf(render_html(pack)), lang


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
    if not target.parent.exists():  # `-o packs/` or `-o out/pack.pdf`: made as named
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise error("make-folder", path=target.parent, reason=exc.strerror or exc) from None
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
    full_checklist: bool = False,
    audience: str = "team",
) -> Path | None:
    """Render a deal's pack; write it and return its path (None when written to stdout).

    The pack is made in memory and written in one rename: a failure at any step leaves an
    earlier pack byte-identical.
    """
    request = PackRequest(
        format, lang, reveal_floor, today, playbook, config, since, full_checklist, audience
    )
    return render_one(path, request, output)[0]


def render_one(
    path: Path, request: PackRequest, output: str | None = None
) -> tuple[Path | None, str]:
    """Render and write one deal's pack; return where it went (None: stdout) and its language."""
    target, data, lang = make_pack(path, request, output)
    if target is None:
        assert isinstance(data, str)
        sys.stdout.write(data)
        return None, lang
    write_pack(target, data)
    return target, lang


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
