"""The rule engine: every rule `check` applies, in one explicit registry."""

from __future__ import annotations

import dataclasses
import datetime as dt

from reviewkit.errors import InvalidFile
from reviewkit.judge.findings import Finding, Review, Rule
from reviewkit.judge.floor import Redactor, floor_amount, redacted
from reviewkit.judge.rules import actions, chain, checklist, commercial, meeting
from reviewkit.model.config import DEFAULT, Config
from reviewkit.model.deal import Deal
from reviewkit.model.rulenames import RULE_SLUGS

RULES: tuple[Rule, ...] = (
    *checklist.RULES,
    *actions.RULES,
    *chain.RULES,
    *commercial.RULES,
    *meeting.RULES,
)


assert {r.slug for r in RULES} | {"invalid", "unused-suppression"} == set(RULE_SLUGS)


def check_deal(
    deal: Deal,
    today: dt.date | None = None,
    config: Config = DEFAULT,
    language: str | None = None,
) -> list[Finding]:
    """Every finding for a valid deal, in file order: the rules the config selects, at the
    severity it sets, less what the deal file suppresses (with a reason). Messages never
    carry the floor figure, even where a note quoted in them does."""
    review = Review(deal, today or dt.date.today(), config, language)
    found = [finding for rule in RULES if config.applies(rule.slug) for finding in rule.run(review)]
    found = [
        dataclasses.replace(f, severity=config.severity[f.rule]) if f.rule in config.severity else f
        for f in found
    ]
    found = _suppress(review, found)
    floor = floor_amount(deal.data)
    if floor is not None:
        redactor = Redactor([floor], redacted(review.lang))
        found = [dataclasses.replace(f, message=redactor.text(f.message)) for f in found]
    return sorted(found, key=Finding.sort_key)


def _suppress(review: Review, found: list[Finding]) -> list[Finding]:
    """Drop the findings the deal suppresses; report suppressions that matched nothing."""
    kept = found
    for index, entry in enumerate(review.deal.data["suppress"]):

        def matches(f: Finding, entry: dict[str, str | None] = entry) -> bool:
            return (
                f.rule == entry["rule"]
                and entry["stage"] in (None, f.stage)
                and entry["item"] in (None, f.item)
            )

        remaining = [f for f in kept if not matches(f)]
        if len(remaining) == len(kept) and review.config.applies("unused-suppression"):
            remaining.append(
                review.finding(
                    "unused-suppression",
                    "info",
                    ("suppress", index),
                    "unused-suppression",
                    slug=entry["rule"],
                )
            )
        kept = remaining
    return kept


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
