"""`price-holders`: from the bid on, exactly one person knows the final price."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


def _holders(names: str, stage: str = "bidding", extra: str = "") -> str:
    return deal(
        f"strategy:\n  commercial:\n    price_holders: [{names}]\n", stage=stage, extra=extra
    )


def test_the_course_case_more_than_one_knows(check: Check) -> None:
    """Case 8: before the bid, only one person knows the final price."""
    text = _holders("Chen Hao, Li Wei")
    [finding] = rule(check(text), "price-holders")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "price_holders")
    assert finding.message == (
        "2 people know the final price (Chen Hao, Li Wei): before the bid, only one person should"
    )


def test_nobody_named(check: Check) -> None:
    [finding] = rule(check(deal(stage="bidding")), "price-holders")
    assert finding.message == (
        "the deal is at “Bid and commercial negotiation” and nobody is named as knowing the "
        "final price: name the one person who does"
    )


@pytest.mark.parametrize(
    ("names", "stage", "extra"),
    [
        ("Chen Hao", "bidding", ""),
        ("Chen Hao", "implementation", ""),
        ("", "solution", ""),
        ("Chen Hao, Li Wei", "partner", ""),
        ("Chen Hao, Li Wei", "bidding", "status: won"),
    ],
)
def test_one_holder_or_not_yet_bidding(check: Check, names: str, stage: str, extra: str) -> None:
    assert rule(check(_holders(names, stage, extra)), "price-holders") == []


def test_names_in_chinese(check: Check) -> None:
    text = _holders("赵磊, 黄志远", extra="language: zh")
    [finding] = rule(check(text), "price-holders")
    assert finding.message == "有2人知道最终价格（赵磊、黄志远）：投标前只能有一个人知道"


def test_in_chinese(check: Check) -> None:
    [finding] = rule(check(deal(stage="bidding", extra="language: zh")), "price-holders")
    assert finding.message == (
        "项目已到“投标和商务谈判”阶段，却未指定知道最终价格的人：要指定唯一的一个人"
    )
