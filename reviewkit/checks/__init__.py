"""The rule engine: every rule `check` applies, in one explicit registry."""

from __future__ import annotations

import datetime as dt

from reviewkit.checks import actions, chain, checklist, commercial, meeting
from reviewkit.deal import Deal
from reviewkit.errors import InvalidFile
from reviewkit.findings import Finding, Review, Rule

RULES: tuple[Rule, ...] = (
    *checklist.RULES,
    *actions.RULES,
    *chain.RULES,
    *commercial.RULES,
    *meeting.RULES,
)


def check_deal(deal: Deal, today: dt.date | None = None) -> list[Finding]:
    """Every finding for a valid deal, in file order."""
    review = Review(deal, today or dt.date.today())
    found = [finding for rule in RULES for finding in rule.run(review)]
    return sorted(found, key=Finding.sort_key)


def invalid_findings(error: InvalidFile) -> list[Finding]:
    """The problems of a file that could not be loaded, as `invalid` findings."""
    return [
        Finding(
            p.path,
            p.line,
            p.column,
            "error",
            "invalid",
            f"{p.message} — {p.hint}" if p.hint else p.message,
        )
        for p in error.problems
    ]
