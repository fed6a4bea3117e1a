"""`competitor-ties`: people and partners tied to a competitor."""

from __future__ import annotations

import pytest

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
        ("supporter", "classmate of Kestrel's rep", "high"),
        ("ally", "classmate of Kestrel's rep", "high"),
        ("acknowledger", "classmate of Kestrel's rep", "medium"),
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
