"""`coach-profile`: a coach who is the decision maker, or of low influence."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


def test_the_decision_maker_as_coach(check: Check) -> None:
    """A, the course's decision maker, cannot tell us how A sees us."""
    text = deal(
        """\
        decision_chain:
          - {name: A, roles: [decision-maker], influence: high, attitude: ally, coach: true}
        """
    )
    [finding] = rule(check(text), "coach-profile")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "coach: true")
    assert finding.message.startswith("A, our coach, is the decision maker:")
    assert "middle or lower level" in finding.message


def test_a_coach_of_low_influence(check: Check) -> None:
    text = deal("decision_chain:\n  - {name: Xiao Zhang, influence: low, coach: true}\n")
    [finding] = rule(check(text), "coach-profile")
    assert finding.message.startswith("Xiao Zhang, our coach, has low influence:")
    assert "well connected" in finding.message


@pytest.mark.parametrize(
    "person",
    [
        "{name: D, roles: [technical], influence: medium, coach: true}",
        "{name: D, roles: [user], influence: high, coach: true}",
        "{name: D, roles: [user], coach: true}",
        "{name: A, roles: [decision-maker], influence: high, coach: false}",
        "{name: E, influence: low}",
    ],
)
def test_a_coach_of_the_good_profile(check: Check, person: str) -> None:
    assert rule(check(deal(f"decision_chain:\n  - {person}\n")), "coach-profile") == []


def test_in_chinese(check: Check) -> None:
    text = deal(
        "decision_chain:\n  - {name: 小张, influence: low, coach: true}\n", extra="language: zh"
    )
    [finding] = rule(check(text), "coach-profile")
    assert finding.message == "我方教练小张影响力低：好教练人脉广、消息灵通，职位不高但关键"
