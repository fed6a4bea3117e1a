"""`competitor-ties`: people and partners tied to a competitor."""

from __future__ import annotations

import pytest

from tests.judge.rules.case import PERSON_A, PERSON_C
from tests.judge.rules.conftest import Check, at, deal, rule, where


def _tied(attitude: str, ties: str, influence: str = "high") -> str:
    return deal(
        f"""\
        decision_chain:
          - name: Liu Jianguo
            influence: {influence}
            attitude: {attitude}
            competitor_ties: {ties}
        """
    )


def test_competitor_ties_of_an_acknowledger(check: Check) -> None:
    text = _tied("acknowledger", "classmate of Kestrel's account director")
    [finding] = rule(check(text), "competitor-ties")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "competitor_ties:")
    assert "Liu Jianguo" in finding.message
    assert "classmate of Kestrel's account director" in finding.message
    assert "acknowledger" in finding.message


@pytest.mark.parametrize(
    ("attitude", "ties", "influence"),
    [
        ("supporter", "classmate of Kestrel's rep", "low"),
        ("acknowledger", "classmate of Kestrel's rep", "low"),
        ("supporter", "none known", "medium"),
        ("acknowledger", "none known", "high"),
        ("acknowledger", "None known.", "high"),
        ("acknowledger", "无", "high"),
        ("acknowledger", "unknown", "high"),
        ("acknowledger", "not known", "high"),
        ("acknowledger", "不清楚", "high"),
        ("acknowledger", '""', "high"),
    ],
)
def test_no_competitor_ties(check: Check, attitude: str, ties: str, influence: str) -> None:
    assert rule(check(_tied(attitude, ties, influence)), "competitor-ties") == []


@pytest.mark.parametrize("attitude", ["supporter", "sympathizer", "ally"])
@pytest.mark.parametrize("influence", ["high", "medium"])
def test_a_friendly_rating_does_not_hide_a_tie(check: Check, attitude: str, influence: str) -> None:
    text = _tied(attitude, "classmate of Kestrel's account director", influence)
    [finding] = rule(check(text), "competitor-ties")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "competitor_ties:")
    assert finding.message == (
        f"Liu Jianguo is rated {attitude} ({influence} influence), but tied to a competitor: "
        "“classmate of Kestrel's account director” — verify the rating"
    )


def test_the_course_case_c_is_reported_and_a_is_not(check: Check) -> None:
    """C, hands-on and friendly-sounding, was the competitor's classmate; A has no known tie."""
    text = deal("decision_chain:\n" + PERSON_A + PERSON_C)
    [finding] = rule(check(text), "competitor-ties")
    assert where(finding) == at(text, "competitor_ties:")
    assert finding.message.startswith("C is rated supporter (medium influence), but tied")


def test_a_friendly_tie_in_chinese(check: Check) -> None:
    text = deal(
        """\
        decision_chain:
          - name: 陈工
            influence: medium
            attitude: supporter
            competitor_ties: 与对手客户经理是同学
        """,
        extra="language: zh",
    )
    [finding] = rule(check(text), "competitor-ties")
    assert finding.message == (
        "陈工被评为支持者（影响力中），但与竞争对手有关系：“与对手客户经理是同学”——请核实其态度"
    )


def test_competitor_ties_of_medium_influence(check: Check) -> None:
    [finding] = rule(
        check(_tied("acknowledger", "Kestrel hosted him", "medium")), "competitor-ties"
    )
    assert "(medium influence, acknowledger)" in finding.message


def test_competitor_ties_with_attitude_missing(check: Check) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Liu Jianguo
            influence: high
            competitor_ties: Kestrel hosted his team
        """
    )
    [finding] = rule(check(text), "competitor-ties")
    assert "unknown" in finding.message


@pytest.mark.parametrize("influence", ["high", "medium"])
def test_partner_competitor_ties(check: Check, influence: str) -> None:
    text = deal(
        f"""\
        partners:
          - name: Harbourline
            influence: {influence}
            competitor_ties: Kestrel platinum partner
        """
    )
    [finding] = rule(check(text), "competitor-ties")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "competitor_ties:")
    assert "Harbourline" in finding.message
    assert "Kestrel platinum partner" in finding.message
    assert influence in finding.message


@pytest.mark.parametrize(("influence", "ties"), [("low", "Kestrel partner"), ("high", "none")])
def test_partner_without_relevant_ties(check: Check, influence: str, ties: str) -> None:
    text = deal(
        f"""\
        partners:
          - name: Harbourline
            influence: {influence}
            competitor_ties: {ties}
        """
    )
    assert rule(check(text), "competitor-ties") == []
