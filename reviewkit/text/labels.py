"""The enumerations of deal format 1, and how each value reads in a language (`label.<enum>.<value>`)."""

from __future__ import annotations

from reviewkit.text.catalogue import has, languages, say

#: The keys of each enumeration, in order; `language` has one per catalogue file.
ENUMS: dict[str, tuple[str, ...]] = {
    "status": ("open", "won", "lost", "dropped"),
    "language": languages(),
    "trigger": ("obstacle", "plan-slip", "dynamics-reversal", "pre-bid", "regular"),
    "level": ("low", "medium", "high"),
    "share": ("low", "high"),
    "role": ("decision-maker", "advisor", "gatekeeper", "user", "procurement", "technical"),
    "attitude": (
        "opposer",
        "non-supporter",
        "acknowledger",
        "supporter",
        "sympathizer",
        "ally",
        "unknown",
    ),
    "stance": ("positive", "neutral", "negative"),
    "dm-stance": ("positive", "neutral", "negative", "unknown"),
    "party": ("customer", "competitor", "channel", "us"),
    "action-status": ("open", "done", "dropped"),
    "problem-status": ("open", "resolved"),
    "answer": ("yes", "partial", "no", "unknown"),
}

#: The attitude ladder from most hostile to most friendly; `unknown` stands apart.
ATTITUDE_LADDER = ("opposer", "non-supporter", "acknowledger", "supporter", "sympathizer", "ally")
FRIENDLY = frozenset({"supporter", "sympathizer", "ally"})


def label(enum: str, value: str | None, lang: str) -> str:
    """How `value` of enumeration `enum` reads in `lang`; values without a label read as
    themselves."""
    if value is None:
        return ""
    key = f"label.{enum}.{value}"
    return say(lang, key) if has(lang, key) else value


def readings(enum: str) -> dict[str, str]:
    """Every label of `enum` in every language, and the key each one reads for."""
    return {label(enum, key, lang): key for key in ENUMS.get(enum, ()) for lang in languages()}


def key_label(parent: tuple[str, ...], key: str, lang: str) -> str | None:
    """How deal-file key `key` (inside the mapping at `parent`, list items looked through)
    reads in `lang`: `key.<parent>.<key>` where one place needs its own word, else
    `key.<key>`; None for a key without a label."""
    for name in (f"key.{'.'.join((*parent, key))}", f"key.{key}"):
        if has(lang, name):
            return say(lang, name)
    return None
