"""How free text from a deal file is laid out: paragraphs, kept line breaks, re-joined wraps.

People wrap long notes in their editor. A line that ends mid-sentence is a wrap and is joined
to the next (without a space between Chinese characters); a line that ends a sentence, a
line before a list item, and a blank line are kept as written.
"""

from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"^([-*•·–]|\d+[.)、]|[a-z][.)])\s")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_ENDS_SENTENCE = tuple('.!?;:。！？；：…)）」』"”')


def is_wide(char: str) -> bool:
    """Whether a character is CJK (or full-width): about one em wide, no spaces between."""
    return bool(_CJK.match(char))


def paragraphs(text: str) -> list[list[str]]:
    """`text` as paragraphs, each a list of lines to keep apart."""
    out: list[list[str]] = []
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            if lines:
                out.append(lines)
                lines = []
            continue
        if lines and not lines[-1].endswith(_ENDS_SENTENCE) and not _LIST_ITEM.match(line):
            previous = lines[-1]
            glue = "" if is_wide(previous[-1]) and is_wide(line[0]) else " "
            lines[-1] = previous + glue + line
        else:
            lines.append(line)
    if lines:
        out.append(lines)
    return out
