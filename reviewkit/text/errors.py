"""Errors and command lines in words from the catalogue: `error.<key>` is the message of an
error, `error.<key>.hint` (when written) its hint."""

from __future__ import annotations

from reviewkit.errors import ReviewkitError
from reviewkit.text.catalogue import FALLBACK, has, say


def error(
    key: str,
    /,
    lang: str = FALLBACK,
    *,
    kind: type[ReviewkitError] = ReviewkitError,
    **args: object,
) -> ReviewkitError:
    """The error `error.<key>` in `lang`, its fields filled from `args`; `kind` is the class of
    error made (a ReviewkitError or one of its kinds)."""
    hint_key = f"error.{key}.hint"
    hint = say(lang, hint_key, **args) if has(lang, hint_key) else ""
    return kind(say(lang, f"error.{key}", **args), hint=hint)


def internal_error(exc: BaseException, lang: str = FALLBACK) -> str:
    """How an unexpected exception, a bug in reviewkit, is named to the user: in one line."""
    return say(lang, "error.internal", kind=type(exc).__name__, detail=exc)
