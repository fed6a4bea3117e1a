"""A won, lost or dropped deal without its outcome.

Checks that a deal whose `deal.status` is `won`, `lost` or `dropped` records `outcome:` with
its `date` and at least one of its `reasons`.

Why: every deal ends in a lesson. A lost deal gets a lost-deal review, and that review —
and the team's next deal — needs to know when it ended and why.

Fix: fill in `outcome: {date: ..., reasons: [...]}` (and `winner:` for a lost deal).

PASS:

    reviewkit: 1
    deal: {name: Example, stage: bidding, status: lost}
    outcome: {date: 2026-10-28, winner: Tideway, reasons: [ignored the competitor]}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: bidding, status: lost}
    outcome: {date: 2026-10-28, winner: Tideway}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review
from reviewkit.text.labels import label

SLUG = "outcome-missing"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    deal = review.deal
    outcome = deal.data["outcome"]
    if not deal.is_open and (outcome["date"] is None or not outcome["reasons"]):
        yield review.finding(
            ("outcome",),
            "outcome-missing",
            status=label("status", deal.status, review.lang),
        )
