"""An open deal whose expected close date is past.

Checks `deal.expected_close` of an open deal against today (`--today`, else the system
date).

Why: a close date in the past is a forecast nobody believes any more; the pipeline and the
review meeting plan with it.

Fix: agree a new date with the team and write it to `deal.expected_close`; or, if the deal
ended, set `deal.status` (won, lost, dropped) and record the `outcome:`.

Examples are checked on 2026-12-01.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship, expected_close: 2027-03-31}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship, expected_close: 2026-11-30}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review

SLUG = "close-date-passed"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    close = review.deal.data["deal"]["expected_close"]
    if review.deal.is_open and close is not None and close < review.today:
        yield review.finding(
            ("deal", "expected_close"),
            "close-date-passed",
            date=close.isoformat(),
            days=(review.today - close).days,
        )
