"""Keeping the floor price out of the messages about a deal file that does not load.

A loaded deal is redacted by `judge.floor`; a broken one never becomes a deal, and its
messages may quote what was written (`'7730000' is not a number`). So the floor is found
leniently in what could be read of the file (the node tree, or the raw text when the YAML
itself is broken), and every problem's message and hint lose every written form of that
figure and the floor field's own value as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal

from reviewkit.errors import Problem
from reviewkit.model.amounts import patterns, read_amount, replaced
from reviewkit.model.yamlread import Mapping, Node, Scalar, Sequence
from reviewkit.text.catalogue import FALLBACK, languages, say
from reviewkit.text.labels import key_label
from reviewkit.text.messages import clip

FLOOR_PATH = ("strategy", "commercial", "floor")


def _child(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, Mapping):
        return None
    for name, value in node.pairs:
        if name.value.strip().lower() == key:
            return value
    return None


def _scalars(node: Node | None, skip_key: str = "currency") -> Iterator[Scalar]:
    if isinstance(node, Scalar):
        yield node
    elif isinstance(node, Mapping):
        for name, value in node.pairs:
            if name.value.strip().lower() != skip_key:
                yield from _scalars(value)
    elif isinstance(node, Sequence):
        for item in node.items:
            yield from _scalars(item)


def _names(parent: tuple[str, ...], key: str) -> str:
    """A regular expression for `key` in every form a file may write it (`floor`, `底线`)."""
    others = (lang for lang in languages() if lang != FALLBACK)
    words = {key, *(key_label(parent, key, lang) or key for lang in others)}
    return "|".join(re.escape(word) for word in sorted(words))


@functools.cache
def _raw_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`floor:` in raw text with what follows it up to the next key as deep or shallower,
    and a value (or `amount:` value) inside that."""
    floor = _names(("strategy", "commercial"), "floor")
    amount = _names(FLOOR_PATH, "amount")
    return (
        re.compile(rf"^([ \t-]*)(?:{floor})\s*:(.*(?:\n(?:\1[ \t]+.*|[ \t]*))*)", re.MULTILINE),
        re.compile(rf"""(?:^|(?:{amount})\s*:)\s*(['"]?)([^'"\n,{{}}#\[\]]*)\1"""),
    )


def floor_values(root: Node | None, text: str) -> list[tuple[str, tuple[int, int] | None]]:
    """The floor's value as written (with where it is), found leniently in the node tree, or
    in the raw text when the file could not be parsed."""
    if root is not None:
        floor = _child(_child(_child(root, "strategy"), "commercial"), "floor")
        return [(s.value, (s.line, s.column)) for s in _scalars(floor)]
    found: list[tuple[str, tuple[int, int] | None]] = []
    raw_floor, raw_value = _raw_patterns()
    for match in raw_floor.finditer(text):
        for value in raw_value.finditer(match.group(2)):
            if value.group(2).strip():
                found.append((value.group(2).strip(), None))
    return found


def _variants(value: str) -> list[str]:
    """`value` and the shortened forms in which a message may quote it."""
    forms = {value, clip(value, 200)}
    if len(value) > 40:
        forms.add(value[:37] + "...")
        forms.add(clip(value[:37] + "...", 200))
    return sorted(forms, key=len, reverse=True)


def withhold_problems(
    problems: list[Problem], root: Node | None, text: str, lang: str
) -> list[Problem]:
    """`problems` with the floor figure (every written form) and the floor field's own value
    replaced by the redaction marker."""
    values = floor_values(root, text)
    if not values:
        return problems
    marker = say(lang, "floor.redacted")
    amounts = {a for a in (read_amount(v) for v, _ in values) if a is not None}
    regexes = [r for a in sorted(amounts) for r in patterns(Decimal(a))]
    places = {at for _, at in values if at is not None}
    out = []
    for problem in problems:
        here = (problem.line, problem.column) in places

        def hide(text: str, here: bool = here) -> str:
            for value, _ in values:
                value = value.strip()
                if value and (here or len(value) >= 4):
                    for form in _variants(value):
                        text = text.replace(form, marker)
            return replaced(regexes, text, marker)

        message, hint = hide(problem.message), hide(problem.hint)
        if (message, hint) == (problem.message, problem.hint):
            out.append(problem)
        else:
            out.append(
                Problem(problem.path, problem.line, problem.column, problem.kind, message, hint)
            )
    return out
