"""A floor price is recorded but the deal is not confidential.

Checks that a deal file recording `strategy.commercial.floor` says `confidential: true`
under `deal:`.

Why: "before the bid only one person knows the final price". However much a customer person
supports us, the floor must not leak; a file that holds it must be handled as confidential
(packs leave it out unless `render --reveal-floor` asks for it).

Fix: add `confidential: true` under `deal:`, or take the floor out of the file.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: bidding, confidential: true}
    strategy:
      commercial:
        floor: {amount: 10900000, currency: CNY}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: bidding}
    strategy:
      commercial:
        floor: {amount: 10900000, currency: CNY}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review
from reviewkit.judge.floor import FLOOR, floor_amount

SLUG = "floor-not-confidential"
SEVERITY = "error"


def check(review: Review) -> Iterator[Finding]:
    if floor_amount(review.deal.data) is not None and not review.deal.confidential:
        yield review.finding(FLOOR, "floor-not-confidential")
