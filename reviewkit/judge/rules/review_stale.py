"""An open deal not reviewed for longer than the limit.

Checks the last review meeting held — the later of `review.date` and `review.previous` that
is not after today — against the limit `thresholds.stale_review_days` of reviewkit.yaml
(30 days by default). A deal with no review recorded is not reported.

Why: the methodology holds a project analysis meeting whenever the deal meets an obstacle,
the plan slips, the dynamics reverse or the bid nears; an open deal nobody has looked at for
a month has likely met one of them unnoticed.

Fix: hold the review meeting (`reviewkit render` writes its pack) and record its date in
`review.date`.

Examples are checked on 2026-12-01.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    review: {date: 2026-11-20}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    review: {date: 2026-10-01}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import review_overdue
from reviewkit.judge.findings import Finding, Review

SLUG = "review-stale"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    late = review_overdue(review)
    if late is not None:
        day, days, at = late
        yield review.finding(
            at,
            "review-stale",
            date=day.isoformat(),
            days=days,
            limit=review.config.thresholds.stale_review_days,
        )
