"""The tender's comprehensive scoring (综合评分法) estimated: each bid's price and total score.

The price score follows the low-price benchmark most Chinese tenders use: the lowest valid
bid earns the full price weight, every other bid the weight times lowest / its own price.
The technical score is the rep's own estimate, in points of the technical weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Bid:
    """One bidder's expected price and estimated technical points, as far as known."""

    name: str
    amount: Decimal | None
    currency: str | None
    technical: Decimal | None


@dataclass(frozen=True)
class Score:
    """A bid's estimated points: price, technical and their sum (None where unknown)."""

    price: Decimal | None
    technical: Decimal | None
    total: Decimal | None


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def scores(bids: list[Bid], price_weight: Decimal | None) -> list[Score]:
    """Each bid's estimated score under the tender's price weight, in the order given.
    Price points are estimated only when the weight is known and every priced bid is in one
    currency; a bid without a price gets none."""
    priced = [b for b in bids if b.amount is not None and b.amount > 0]
    currencies = {b.currency for b in priced}
    lowest = min((b.amount for b in priced if b.amount is not None), default=None)
    comparable = price_weight is not None and lowest is not None and len(currencies) == 1
    out = []
    for bid in bids:
        price = None
        if comparable and bid.amount is not None and bid.amount > 0:
            assert price_weight is not None and lowest is not None
            price = _round(price_weight * lowest / bid.amount)
        technical = None if bid.technical is None else _round(bid.technical)
        total = None if price is None or technical is None else price + technical
        out.append(Score(price, technical, total))
    return out
