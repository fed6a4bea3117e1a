"""`hostile-coach`: a coach rated opposer or non-supporter."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


@pytest.mark.parametrize("attitude", ["opposer", "non-supporter"])
def test_a_coach_against_us_is_an_error(check: Check, attitude: str) -> None:
    """The issue's own example: A, the decision maker, rated opposer and marked coach."""
    text = deal(
        f"""\
        decision_chain:
          - name: A
            roles: [decision-maker]
            influence: high
            attitude: {attitude}
            coach: true
        """
    )
    [finding] = rule(check(text), "hostile-coach")
    assert finding.severity == "error"
    assert where(finding) == at(text, "coach: true")
    assert finding.message.startswith(f"A is our coach but rated {attitude}:")


@pytest.mark.parametrize("attitude", ["acknowledger", "supporter", "ally", "unknown"])
def test_a_coach_not_against_us(check: Check, attitude: str) -> None:
    text = deal(f"decision_chain:\n  - {{name: B, attitude: {attitude}, coach: true}}\n")
    assert rule(check(text), "hostile-coach") == []


def test_an_opposer_who_is_not_the_coach(check: Check) -> None:
    text = deal("decision_chain:\n  - {name: C, attitude: opposer, coach: false}\n")
    assert rule(check(text), "hostile-coach") == []


def test_in_chinese(check: Check) -> None:
    text = deal(
        "decision_chain:\n  - {name: 王总, attitude: non-supporter, coach: true}\n",
        extra="language: zh",
    )
    [finding] = rule(check(text), "hostile-coach")
    assert finding.message.startswith("王总被标为我方教练，却被评为不支持者")
