"""How a field of the deal file is named to a reader: its label (`field.<dotted path>`), never
its key path; a path without a label reads as itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reviewkit.text.catalogue import has, plural, say
from reviewkit.text.messages import clip

#: What the user wrote for the list entry at a path (`("decision_chain", 0)` -> "王总"), if anything.
Names = Callable[[Sequence[str | int]], str | None]

#: How much of an entry's own text names it in a message.
NAME_LIMIT = 40


def field_label(path: Sequence[str | int], lang: str) -> str:
    """The label of the field at `path` (list indexes skipped): `决策链` for `decision_chain`."""
    dotted = ".".join(str(part) for part in path if not isinstance(part, int))
    key = f"field.{dotted}"
    return say(lang, key) if has(lang, key) else dotted


def field_flag(path: Sequence[str], value: bool, lang: str) -> str:
    """A true/false field as a phrase: `为我方说话`, `不为我方说话`; else `label：是/否`."""
    key = f"field.{'.'.join(path)}.{'yes' if value else 'no'}"
    if has(lang, key):
        return say(lang, key)
    answer = say(lang, "label.answer.yes" if value else "label.answer.no")
    return say(lang, "condition.is", name=field_label(path, lang), value=answer)


def entries(path: Sequence[str], count: int, lang: str) -> str:
    """`{count}` entries of the list at `path`, counted as a reader counts them: `3 人`."""
    key = f"unit.{'.'.join(path)}"
    return plural(lang, key if has(lang, f"{key}.one") else "unit.entry", count)


def field_place(path: Sequence[str | int], lang: str, names: Names | None = None) -> str:
    """Where in the deal a value sits, in words: `决策链“王总”的备注`, or the field's label.

    A list entry is named by what the user wrote for it (`names` gives it for an entry's
    path: a person's name, an action's text), quoted and shortened; an entry without such
    text by its index, counted from 0 as the paths count (`decision_chain[0]`)."""
    at = [depth for depth, part in enumerate(path) if isinstance(part, int)]
    if not at:
        return field_label(path, lang)
    entry_path, index = path[: at[-1] + 1], path[at[-1]]
    assert isinstance(index, int)
    listed = field_place(entry_path[:-1], lang, names)
    name = names(entry_path) if names else None
    entry = (
        say(lang, "field.entry", field=listed, name=clip(name, NAME_LIMIT))
        if name and name.strip()
        else say(lang, "field.entry-at", field=listed, index=index)
    )
    if len(entry_path) == len(path):
        return entry
    return say(lang, "field.in-entry", entry=entry, field=field_label(path, lang))
