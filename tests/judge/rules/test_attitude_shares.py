"""`attitude-shares`: an attitude that mindshare and heartshare contradict."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


def _person(attitude: str, mind: str, heart: str) -> str:
    return deal(
        f"""\
        decision_chain:
          - name: C
            attitude: {attitude}
            mindshare: {mind}
            heartshare: {heart}
        """
    )


@pytest.mark.parametrize("attitude", ["ally", "sympathizer"])
def test_a_friend_at_low_low(check: Check, attitude: str) -> None:
    """C sounded like a friend; neither share backs the rating."""
    text = _person(attitude, "low", "low")
    [finding] = rule(check(text), "attitude-shares")
    assert finding.severity == "warning"
    assert where(finding) == at(text, f"attitude: {attitude}")
    assert finding.message == (
        f"C is rated {attitude}, but mindshare and heartshare are both low: verify the rating"
    )


def test_an_opposer_at_high_high(check: Check) -> None:
    [finding] = rule(check(_person("opposer", "high", "high")), "attitude-shares")
    assert "both high: verify the rating, or find out what turned them" in finding.message


@pytest.mark.parametrize(
    ("attitude", "mind", "heart"),
    [
        ("ally", "high", "low"),
        ("ally", "high", "high"),
        ("supporter", "low", "low"),
        ("opposer", "low", "low"),
        ("opposer", "high", "low"),
        ("unknown", "high", "high"),
        ("ally", "~", "~"),
    ],
)
def test_shares_that_fit(check: Check, attitude: str, mind: str, heart: str) -> None:
    assert rule(check(_person(attitude, mind, heart)), "attitude-shares") == []


def test_in_chinese(check: Check) -> None:
    text = deal(
        "decision_chain:\n  - {name: 陈工, attitude: ally, mindshare: low, heartshare: low}\n",
        extra="language: zh",
    )
    [finding] = rule(check(text), "attitude-shares")
    assert finding.message == "陈工被评为同盟者，但 mindshare 和 heartshare 都低：请核实其态度"
