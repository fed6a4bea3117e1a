"""`floor-not-confidential`, `floor-in-text` and `outcome-missing`: commercial discipline.

FAIL  strategy: {commercial: {floor: {amount: 10900000, currency: CNY}}}   (not confidential)
PASS  the same with deal: {confidential: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review, Rule
from reviewkit.judge.floor import FLOOR, floor_amount, mentions
from reviewkit.model.schema import show
from reviewkit.text.labels import label


def _floor_not_confidential(review: Review) -> Iterator[Finding]:
    if floor_amount(review.deal.data) is not None and not review.deal.confidential:
        yield review.finding("floor-not-confidential", "error", FLOOR, "floor-not-confidential")


def _floor_in_text(review: Review) -> Iterator[Finding]:
    for path in mentions(review.deal.data):
        yield review.finding("floor-in-text", "error", path, "floor-in-text", where=show(path))


def _outcome_missing(review: Review) -> Iterator[Finding]:
    deal = review.deal
    outcome = deal.data["outcome"]
    if not deal.is_open and (outcome["date"] is None or not outcome["reasons"]):
        yield review.finding(
            "outcome-missing",
            "warning",
            ("outcome",),
            "outcome-missing",
            status=label("status", deal.status, review.lang),
        )


RULES = (
    Rule(
        "floor-not-confidential",
        "a floor price is recorded but the deal is not confidential",
        _floor_not_confidential,
    ),
    Rule("floor-in-text", "the floor figure is written into a text field", _floor_in_text),
    Rule("outcome-missing", "a won, lost or dropped deal without its outcome", _outcome_missing),
)
