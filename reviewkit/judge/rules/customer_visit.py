"""A customer visit hosted by a competitor, or one we did not accompany.

Checks every entry under `visits:` of an open deal: a `host` other than us ("us", "我方", ...) means a
competitor (or someone else) took the customer's people to a site; `accompanied: false`
means nobody of ours went with them.

Why: the course calls not accompanying the customer on an inspection trip "absolutely
wrong": the key problems come up during the visit, and whoever is there answers them. A trip
a competitor hosts is a competitor's relationship move, to be learnt about and answered.

Fix: go with the customer next time (and record `accompanied: true`); for a competitor's
trip, find out through the coach what was shown and said, and plan the answer as an action.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    visits:
      - {date: 2026-11-10, host: us, site: Suzhou Metro reference site, accompanied: true}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    visits:
      - {date: 2026-11-10, host: Kestrel, site: Kestrel's Shenzhen lab, accompanied: false}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import is_risky_visit, is_us
from reviewkit.judge.findings import Finding, Review, clip

SLUG = "customer-visit"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    if not review.deal.is_open:
        return  # a closed deal's visits are its lost-deal review's, not work to do
    for index, visit in enumerate(review.deal.data["visits"]):
        if not is_risky_visit(visit):
            continue
        ours = is_us(visit["host"]) or not (visit["host"] or "").strip()
        kind = "visit-unaccompanied" if ours else "visit-by-other"
        if not ours and visit["accompanied"] is False:
            kind = "visit-by-other-unaccompanied"
        yield review.finding(
            ("visits", index),
            kind,
            site=clip(visit["site"], 80),
            date=visit["date"].isoformat() if visit["date"] else "?",
            host=clip(visit["host"] or "?", 40),
        )
