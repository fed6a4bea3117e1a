"""`reviewkit rule NAME`: a rule's documentation — what it reports, why, how to fix it."""

from __future__ import annotations

from reviewkit.judge.engine import find_rule
from reviewkit.ops.outcome import Outcome


def rule_command(name: str, lang: str | None = None) -> Outcome:
    """The manual page of the rule `name` (an error with a suggestion when there is none)."""
    from reviewkit.text.catalogue import FALLBACK

    return Outcome(find_rule(name).manual(lang or FALLBACK))
