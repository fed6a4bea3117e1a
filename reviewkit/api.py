"""The library's operations as the CLI and other programs call them."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from reviewkit.deal import load_deal
from reviewkit.errors import ReviewkitError
from reviewkit.files import write_atomic
from reviewkit.pack import PackOptions, build_pack
from reviewkit.playbook import load_playbook

SUFFIX = {"md": ".review.md", "html": ".review.html", "pdf": ".review.pdf"}


def pack_path(deal_path: Path, deal_id: str, format: str) -> Path:
    """Where a pack goes by default: beside the deal file, named after the deal id."""
    return deal_path.parent / f"{deal_id}{SUFFIX[format]}"


def render_pack(
    path: Path,
    *,
    format: str = "md",
    output: str | None = None,
    lang: str | None = None,
    reveal_floor: bool = False,
    today: dt.date | None = None,
    playbook: Path | None = None,
) -> Path | None:
    """Render a deal's pack; write it and return its path (None when written to stdout)."""
    from reviewkit.render import render_markdown

    deal = load_deal(path, load_playbook(playbook))
    pack = build_pack(deal, PackOptions(today or dt.date.today(), lang, reveal_floor))
    text = render_markdown(pack)
    if output == "-":
        sys.stdout.write(text)
        return None
    target = Path(output) if output else pack_path(path, deal.id, format)
    _refuse_clobbering(target, path)
    try:
        write_atomic(target, text)
    except OSError as exc:
        raise ReviewkitError(f"{target}: cannot write: {exc.strerror}") from None
    return target


def _refuse_clobbering(target: Path, source: Path) -> None:
    """A pack never replaces the deal file or any YAML file a user wrote."""
    if target.suffix in (".yaml", ".yml") or (target.exists() and target.samefile(source)):
        raise ReviewkitError(
            f"{target}: refusing to write a pack over a YAML file",
            hint="choose an output name ending in the pack's format, e.g. -o pack.md",
        )
    if target.is_dir():
        raise ReviewkitError(f"{target} is a folder", hint="give a file name with -o")
