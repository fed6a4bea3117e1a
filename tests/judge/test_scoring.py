"""The comprehensive-scoring estimate: the lowest bid earns the full price weight."""

from __future__ import annotations

from decimal import Decimal as D

from reviewkit.judge.scoring import Bid, Score, scores


def test_the_lowest_bid_earns_the_price_weight_and_others_in_proportion() -> None:
    bids = [
        Bid("us", D("27680000"), "CNY", D("46")),
        Bid("A", D("26500000"), "CNY", D("41")),
        Bid("B", D("24000000"), "CNY", None),
    ]
    assert scores(bids, D("40")) == [
        Score(D("34.7"), D("46"), D("80.7")),
        Score(D("36.2"), D("41"), D("77.2")),
        Score(D("40.0"), None, None),
    ]


def test_no_price_points_without_a_weight_a_price_or_one_currency() -> None:
    assert scores([Bid("us", D("10"), "CNY", D("40"))], None) == [Score(None, D("40"), None)]
    unpriced = scores([Bid("us", None, None, None), Bid("A", D("5"), "CNY", None)], D("40"))
    assert unpriced[0].price is None and unpriced[1].price == D("40.0")
    mixed = [Bid("us", D("10"), "CNY", None), Bid("A", D("2"), "USD", None)]
    assert [s.price for s in scores(mixed, D("40"))] == [None, None]
