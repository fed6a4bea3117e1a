"""The YAML slips people make typing a deal file by hand, recognised at the line they made them.

A parser error says where parsing stopped, which is often a line after the slip and in words
about tokens. `syntax_slip` looks at the text around such an error for what a person really
typed (a forgotten ':', a full-width '：', a '#' inside { }, a tab, a quote left open) and names
it; `orphan_key`, `text_colon` and `fullwidth_comma` name the slips that parse but mean
something else. Each returns a `Slip` (a problem kind, its place, its fields) or None, never
raises, and looks at a bounded stretch of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: How many characters of a flow collection are searched for a '#'.
_FLOW_SCAN = 4000

# What stands before a full-width colon typed for a key's ':': the key, after any '- '.
# (Found with str.find first: a lazy pattern that ran to the '：' could take quadratic time.)
_KEY_BEFORE = re.compile(r"\s*(?:-\s+)?[^\s:#'\"{}\[\],][^:#'\"{}\[\]]*")
# A key then ':' and a full-width space where YAML needs an ASCII one.
_IDEOGRAPHIC_SPACE = re.compile(r"\s*(?:-\s+)?[^\s:#'\"{}\[\],][^:#]*:\u3000")
# A key then ':' directly followed by text (`stage:qualify`), not a URL's '://'.
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s:/])")
FULLWIDTH_COMMAS = "，、"
_CLOSE = {"{": "}", "[": "]"}
# What follows a full-width comma that was meant to start the next `key: value` of a { }.
_KEY_AFTER = re.compile(r"\s*[\w-]+:\s")
#: A line break as the YAML parser counts lines.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def lines_of(text: str) -> list[str]:
    """The text's lines as the YAML parser counts them."""
    return LINE_BREAK.split(text)


@dataclass(frozen=True)
class Slip:
    """A recognised slip: its problem kind, 1-based line and column, and message fields."""

    kind: str
    line: int
    column: int
    args: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ParseError:
    """What the parser said, as 1-based positions (`context` may be absent)."""

    problem: str
    context: str
    problem_at: tuple[int, int]
    context_at: tuple[int, int] | None
    #: A quoted value that spans lines, as (line, column, last line), if one ended before the error.
    quoted: tuple[int, int, int] | None = None


def syntax_slip(lines: list[str], error: ParseError) -> Slip | None:
    """The slip behind a parser error, or None when it is none of those known."""
    try:
        slip = _syntax_slip(lines, error)
    except (IndexError, ValueError):  # a position outside the text: no guess
        return None
    if slip is None or not 1 <= slip.line <= len(lines) or slip.column < 1:
        return None
    return slip


def _syntax_slip(lines: list[str], error: ParseError) -> Slip | None:
    line, column = error.problem_at
    if "tab character" in error.problem or _char(lines, line, column) == "\t":
        return Slip("yaml-tab", line, column)
    if "could not find expected ':'" in error.problem and error.context_at:
        return _key_line(lines, error.context_at[0])
    flow = "flow mapping" in error.context or "flow sequence" in error.context
    if error.context_at and flow and "did not find expected" in error.problem:
        return _flow(lines, error.context_at, error.problem_at)
    if "mapping values are not allowed" in error.problem:
        found = _text_colon_line(lines, line, column)
        if found:
            return found
    if "quoted scalar" in error.context and error.context_at:
        return Slip("yaml-quote-open", *error.context_at)
    if error.quoted and error.quoted[2] > error.quoted[0] and 0 <= line - error.quoted[2] <= 1:
        start, col, end = error.quoted
        return Slip("yaml-quote-lines", start, col, {"end": end})
    for candidate in _before(lines, line):
        found = _line_slip(lines, candidate)
        if found:
            return found
    return None


def _char(lines: list[str], line: int, column: int) -> str:
    if 1 <= line <= len(lines):
        return lines[line - 1][column - 1 : column]
    return ""


def _before(lines: list[str], line: int) -> list[int]:
    """The error's line, and the nearest line above it that holds something when the error's
    line could continue it (is not indented less): a key that lost its ':' runs on into it."""
    if not 1 <= line <= len(lines):
        return []
    out = [line]
    above = line - 1
    while above >= 1 and (not lines[above - 1].strip() or lines[above - 1].lstrip()[:1] == "#"):
        above -= 1
    if above >= 1 and _indent(lines[above - 1]) <= _indent(lines[line - 1]):
        out.append(above)
    return out


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _line_slip(lines: list[str], line: int) -> Slip | None:
    """A slip that one line shows by itself: a tab in its indent, a full-width or glued colon."""
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    indent = len(text) - len(text.lstrip())
    if "\t" in text[:indent]:
        return Slip("yaml-tab", line, text.index("\t") + 1)
    if ": " in text or text.rstrip().endswith(":"):
        return None
    space = text.find(":\u3000")
    if space > 0 and _IDEOGRAPHIC_SPACE.fullmatch(text, 0, space + 2):
        return Slip("yaml-fullwidth-space", line, space + 2)
    colon = text.find("：")
    if colon > 0 and _KEY_BEFORE.fullmatch(text, 0, colon):
        return Slip("yaml-fullwidth-colon", line, colon + 1)
    match = _NO_SPACE.match(text)
    if match:
        return Slip("yaml-no-space", line, match.end() + 1, {"line": line})
    return None


def _key_line(lines: list[str], line: int) -> Slip | None:
    """A line read as the start of a key that never got its ':'."""
    if not 1 <= line <= len(lines):
        return None
    return _line_slip(lines, line) or Slip(
        "yaml-no-colon", line, _content_column(lines[line - 1]), {"line": line}
    )


def _content_column(text: str) -> int:
    match = re.match(r"\s*(?:-\s+)?", text)
    return (match.end() if match else 0) + 1


def _flow(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> Slip:
    """A `{ }` or `[ ]` that did not close: a '#' inside it began a comment, or it lacks its
    closing bracket."""
    line, column = start
    opener = _char(lines, line, column)
    shape: dict[str, object] = {"open": opener, "close": _CLOSE.get(opener, "}")}
    quote = ""
    scanned = 0
    while line <= min(end[0], len(lines)) and scanned < _FLOW_SCAN:
        text = lines[line - 1]
        for index in range(column - 1, len(text)):
            scanned += 1
            char = text[index]
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"" and (index == 0 or text[index - 1] in " ,[{:"):
                quote = char
            elif char == "#" and index > 0 and text[index - 1] in " \t":
                return Slip("yaml-flow-hash", line, index + 1, shape)
            elif char in FULLWIDTH_COMMAS and _KEY_AFTER.match(text, index + 1):
                return Slip("yaml-fullwidth-comma", line, index + 1, {**shape, "char": char})
        line, column = line + 1, 1
    return Slip("yaml-flow-unclosed", start[0], start[1], shape)


def _text_colon_line(lines: list[str], line: int, column: int) -> Slip | None:
    """`key: some text: more`, or `- text: more: more`: a ': ' inside a value's text."""
    text = lines[line - 1] if 1 <= line <= len(lines) else ""
    before = text[: column - 1]
    if ": " in before or before.lstrip().startswith("- "):
        start = before.index(": ") + 2 if ": " in before else before.index("- ") + 2
        value = before[start:].lstrip()
        quote = curly_quote(value, line, len(before) - len(value) + 1)
        return quote or Slip("yaml-text-colon", line, column)
    return None


def orphan_key(text: str, line: int, column: int) -> Slip:
    """A piece of text inside `{ }` that has no ':' of its own: the text before it held a ','
    (or the piece holds a full-width '：' where the ':' should be)."""
    if "：" in text and "\n" not in text:
        return Slip("yaml-fullwidth-colon", line, column + text.index("："))
    return Slip("yaml-flow-comma", line, column, {"text": text})


def text_colon(key: str, line: int, column: int) -> Slip:
    """A one-line `text: more text` where plain text was expected."""
    return Slip("yaml-text-colon", line, column + len(key) if "\n" not in key else column)


def fullwidth_comma(value: str, line: int, column: int) -> Slip | None:
    """A value holding a full-width comma, meant as two values of a `[ ]` list."""
    index = next((i for i, char in enumerate(value) if char in FULLWIDTH_COMMAS), -1)
    if index < 0:
        return None
    at = column + index if "\n" not in value[:index] else column
    return Slip("yaml-fullwidth-comma", line, at, {"char": value[index], "open": "[", "close": "]"})


def key_slip(key: str, line: int, column: int) -> Slip | None:
    """A key that shows a slip: full-width spaces for indentation, no space after a list's '-'."""
    if key[:1] == "\u3000":
        return Slip("yaml-fullwidth-space", line, column)
    if re.match(r"-[^\s\-]", key):
        return Slip("yaml-dash-space", line, column + 1)
    return None


def fullwidth_brackets(value: str, line: int, column: int) -> Slip | None:
    """`［user, technical］`: a list written in full-width brackets."""
    if value[:1] == "［":
        return Slip("yaml-fullwidth-bracket", line, column)
    return None


def curly_quote(value: str, line: int, column: int) -> Slip | None:
    """A text that begins with a typographic quote, which YAML does not read as a quote."""
    if value and value[0] in "“‘「":
        return Slip("yaml-curly-quote", line, column, {"char": value[0]})
    return None


def split_fullwidth(value: str) -> list[str]:
    """The values a text holding full-width commas was meant to list."""
    return [part.strip() for part in re.split(f"[{FULLWIDTH_COMMAS}]", value)]
