"""From the bid on, not exactly one person named as knowing the final price.

From the playbook's bidding stage (the first stage with the `pre-bid` trigger) on, an open
deal's `strategy.commercial.price_holders` must name exactly one person.

Why: the course's lesson 8: before the bid, only one person knows the final price. However
much a customer person supports us, the price must not leak; every extra person who knows it
is one more way for it to reach a competitor.

Fix: decide who alone knows the final price and name that one person under
`price_holders:`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: bidding}
    strategy:
      commercial:
        price_holders: [Chen Hao]

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: bidding}
    strategy:
      commercial:
        price_holders: [Chen Hao, Li Wei]
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import bid_stage_reached
from reviewkit.judge.findings import Finding, Review
from reviewkit.model.playbook import tr
from reviewkit.text.messages import word

SLUG = "price-holders"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    if not review.deal.is_open or not bid_stage_reached(review):
        return
    holders = review.deal.data["strategy"]["commercial"]["price_holders"]
    if len(holders) == 1:
        return
    stage = review.deal.playbook.stage(review.deal.stage)
    if not holders:
        yield review.finding(
            ("strategy", "commercial", "price_holders"),
            "price-holders-none",
            stage_label=tr(stage.label, review.lang),
        )
    else:
        yield review.finding(
            ("strategy", "commercial", "price_holders"),
            "price-holders-many",
            count=len(holders),
            names=word(review.lang, "comma").join(holders),
        )
