"""Every sentence reviewkit says about a user's file: a message and a hint per problem kind.

The wording is in the catalogues (`message.<kind>`, `hint.<kind>`, `word.<key>`); `msg()`
and `word()` read it.
"""

from __future__ import annotations

import re

from reviewkit.text.catalogue import has, say

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def clip(text: object, limit: int = 100) -> str:
    """User text quoted in a one-line message: whitespace collapsed, control characters
    (which could drive a terminal) shown as �, long text shortened."""
    flat = _CONTROL.sub("\ufffd", " ".join(str(text).split()))
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def msg(lang: str, kind: str, /, **args: object) -> tuple[str, str]:
    """The (message, hint) for a problem `kind` in `lang`, with its fields filled in."""
    hint = f"hint.{kind}"
    return say(lang, f"message.{kind}", **args), say(lang, hint, **args) if has(lang, hint) else ""


def word(lang: str, key: str, /, **args: object) -> str:
    """A word or phrase used inside messages."""
    return say(lang, f"word.{key}", **args)
