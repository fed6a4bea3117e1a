"""`check --fix`: the corrections of a deal file that have one obvious answer, made in place.

A value in another case (`High`), a currency alias (`RMB`), an enumeration label in any
language (`不支持者`), a full-width '：' after a key or '，' between the items of a `[ ]` list.
Each is replaced where it stands, at the position ruamel.yaml's parser gives it; every other
byte of the file (comments, order, quoting, layout, line endings) stays as written. (A
ruamel.yaml round trip would re-indent lists and move comments to other columns.) The schema
decides what is fixable (`Context.offer`), `slips` finds the full-width punctuation; this
module only applies the edits.
"""

from __future__ import annotations

from pathlib import Path

from reviewkit.errors import InvalidFile
from reviewkit.model.deal import guess_language, schema_for
from reviewkit.model.files import read_text, write_file
from reviewkit.model.playbook import Playbook
from reviewkit.model.schema import Context, Fix
from reviewkit.model.slips import LINE_BREAK
from reviewkit.model.yamlread import Mapping, compose

#: Most rounds of fixing one file (each parses it): far more slips than a person types.
MAX_ROUNDS = 300


def fix_text(text: str, playbook: Playbook, language: str | None = None) -> tuple[str, int]:
    """The text with every obvious correction made, and how many were made.

    Made in rounds: a full-width colon fixed lets the file parse, which can show the values
    to fix next. Text that still does not parse once fixed is returned as it was: a file is
    fixed whole or not at all.
    """
    fixed, count = text, 0
    # A syntax slip stops parsing: each round fixes the first one, so one round per
    # full-width character, and a few for what parsing then shows; never more than
    # MAX_ROUNDS parses of the file.
    for _ in range(min(sum(text.count(char) for char in "：，、") + 3, MAX_ROUNDS)):
        fixes = find_fixes(fixed, playbook, language)
        changed, made = apply_fixes(fixed, fixes)
        if not made:
            break
        fixed, count = changed, count + made
    if count and compose(fixed, "-")[0] is None:
        return text, 0
    return fixed, count


def find_fixes(text: str, playbook: Playbook, language: str | None = None) -> list[Fix]:
    """The obvious corrections of a deal file's text, at the places they are written."""
    lang = guess_language(text, language)
    root, problems = compose(text, "-", lang)
    fixes = [_punctuation(text, p.line, p.column) for p in problems if p.kind in _PUNCTUATION]
    if root is None or not isinstance(root, Mapping):
        return fixes
    ctx = Context("-", lang)
    schema_for(playbook).load_document(root, ctx)
    return fixes + ctx.fixes


#: The full-width punctuation the reader finds where YAML needs ASCII, and its replacement.
_PUNCTUATION = {"yaml-fullwidth-colon": ":", "yaml-fullwidth-comma": ","}


def _punctuation(text: str, line: int, column: int) -> Fix:
    """'：' -> ': ', '，' -> ', ' (without the space where one follows already)."""
    starts = _line_starts(text)
    at = starts[line - 1] + column - 1 if line <= len(starts) else 0
    old = text[at : at + 1]
    ascii = ":" if old == "：" else ","
    spaced = text[at + 1 : at + 2] in (" ", "\t", "\n", "\r", "")
    return Fix(line, column, old, ascii if spaced else ascii + " ")


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in LINE_BREAK.finditer(text))]


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Make each fix whose `old` text stands where it says (others are skipped)."""
    starts = _line_starts(text)
    edits: dict[int, Fix] = {}
    for fix in fixes:
        if not 1 <= fix.line <= len(starts) or fix.column < 1:
            continue
        at = starts[fix.line - 1] + fix.column - 1 + fix.quoted
        if text[at : at + len(fix.old)] != fix.old or fix.old == fix.new:
            continue
        if fix.list_item and _before(text, at) not in ("[", ","):
            continue
        edits.setdefault(at, fix)
    end = len(text) + 1
    out = text
    made = 0
    for at in sorted(edits, reverse=True):
        fix = edits[at]
        if at + len(fix.old) > end:  # overlaps the edit after it
            continue
        out = out[:at] + fix.new + out[at + len(fix.old) :]
        end = at
        made += 1
    return out, made


def _before(text: str, at: int) -> str:
    """The character before `at`, spaces skipped."""
    at -= 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return text[at] if at >= 0 else ""


def fix_file(path: Path, playbook: Playbook, language: str | None = None) -> tuple[int, str]:
    """Fix a deal file in place (atomically; a symbolic link keeps pointing at the file it
    points at, which is the one rewritten). Returns how many fixes were made and the file's
    language. A file that cannot be read, or has nothing to fix, is left untouched."""
    text, problems = read_text(path, str(path))
    if text is None:
        raise InvalidFile(str(path), problems)
    fixed, count = fix_text(text, playbook, language)
    if count:
        with open(path, "rb") as stream:  # a byte-order mark, which reading set aside, stays
            bom = "\ufeff" if stream.read(3) == b"\xef\xbb\xbf" else ""
        write_file(path, bom + fixed)
    return count, guess_language(fixed, language)
