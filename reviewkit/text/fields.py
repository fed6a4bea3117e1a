"""How a field of the deal file is named to a reader: its label (`field.<dotted path>`), never
its key path; a path without a label reads as itself."""

from __future__ import annotations

from collections.abc import Sequence

from reviewkit.text.catalogue import has, plural, say


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


def field_place(path: Sequence[str | int], lang: str) -> str:
    """Where in the deal a value sits, in words: `决策链第 3 项的备注`, or the field's label."""
    if path and isinstance(path[-1], int):
        return say(lang, "field.entry-n", field=field_place(path[:-1], lang), n=path[-1] + 1)
    for depth, part in enumerate(path):
        if isinstance(part, int):
            return say(
                lang,
                "field.in-entry",
                list=field_label(path[:depth], lang),
                n=part + 1,
                field=field_place(path[depth + 1 :], lang)
                if any(isinstance(p, int) for p in path[depth + 1 :])
                else field_label(path, lang),
            )
    return field_label(path, lang)
