"""Colour on a terminal: when to use it (`--color`, NO_COLOR, FORCE_COLOR) and the one palette
that `check`, `diff` and `advance` share."""

from __future__ import annotations

import os
from typing import TextIO

#: ANSI styles by what they mark.
STYLES = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "info": "\033[36m",
    "place": "\033[2m",
    "heading": "\033[1m",
    "reversal": "\033[1;33m",
}
_RESET = "\033[0m"
CHOICES = ("auto", "always", "never")


def wanted(choice: str, stream: TextIO) -> bool:
    """Whether to colour output to `stream`: `always` and `never` decide; `auto` colours a
    terminal unless NO_COLOR is set (not empty), and any stream when FORCE_COLOR is."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def paint(text: str, style: str, on: bool) -> str:
    """`text` in `style` (a key of STYLES) when `on`, else as it is."""
    return f"{STYLES[style]}{text}{_RESET}" if on and text else text


def changes(text: str, reversal: str, on: bool) -> str:
    """`diff`'s text report coloured: group headings bold, reversal marks highlighted."""
    if not on:
        return text
    mark = f"⟲ {reversal}"
    lines = []
    for line in text.splitlines():
        if line and not line.startswith(" "):
            line = paint(line, "heading", on)
        elif mark in line:
            line = line.replace(mark, paint(mark, "reversal", on))
        lines.append(line)
    return "\n".join(lines) + "\n"
