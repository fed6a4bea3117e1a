"""`product-problem-unanswered`: an open problem of ours at the customer, no response."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


def _problem(whose: str, extra: str = "") -> str:
    return deal(
        f"""\
        product_problems:
          - whose: {whose}
            problem: Controller reboots at the Jinan branch
        {extra}""",
        stage="solution",
    )


def test_our_open_problem_without_a_response(check: Check) -> None:
    """Case 7: explain our own problem, guarantee after-sales service, show references."""
    text = _problem("us")
    [finding] = rule(check(text), "product-problem-unanswered")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "whose: us")
    assert finding.message == (
        "our product problem at the customer has no response: “Controller reboots at the Jinan "
        "branch” — explain it, guarantee after-sales service, show reference cases"
    )


@pytest.mark.parametrize(
    ("whose", "extra"),
    [
        ("us", "    response: firmware fix and a 24x7 engineer on site\n"),
        ("us", "    status: resolved\n"),
        ("Kestrel", ""),
    ],
)
def test_answered_resolved_or_not_ours(check: Check, whose: str, extra: str) -> None:
    assert rule(check(_problem(whose, extra)), "product-problem-unanswered") == []


def test_a_blank_response_is_no_response(check: Check) -> None:
    assert (
        len(rule(check(_problem("us", "    response: ' '\n")), "product-problem-unanswered")) == 1
    )


def test_not_for_a_closed_deal(check: Check) -> None:
    text = deal("product_problems:\n  - {whose: us, problem: reboots}\n", extra="status: lost")
    assert rule(check(text), "product-problem-unanswered") == []


def test_in_chinese(check: Check) -> None:
    text = deal(
        "product_problems:\n  - {whose: 我方, problem: 济南分行控制器重启}\n",
        extra="language: zh",
    )
    [finding] = rule(check(text), "product-problem-unanswered")
    assert finding.message.startswith("我方产品在客户处的问题尚无应对：“济南分行控制器重启”")
