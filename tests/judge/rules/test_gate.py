"""`gate`: a stage's gate, where it points and how severe it is by stage."""

from __future__ import annotations

import pytest

from tests.conftest import MINIMAL
from tests.judge.rules.conftest import Check, at, deal, rule, where


def _chain(influence: str, speaks: str, stage: str = "relationship") -> str:
    return deal(
        f"""\
        decision_chain:
          - name: Wang Qiang
            influence: {influence}
            speaks_for_us: {speaks}
        """,
        stage=stage,
    )


def test_gate_holds_with_high_influence_who_speaks_for_us(
    check: Check,
) -> None:
    assert rule(check(_chain("high", "true")), "gate") == []


@pytest.mark.parametrize(("influence", "speaks"), [("medium", "true"), ("high", "false")])
def test_gate_fails(check: Check, influence: str, speaks: str) -> None:
    text = _chain(influence, speaks)
    [finding] = rule(check(text), "gate")
    assert finding.severity == "warning"
    assert (finding.stage, finding.item) == ("relationship", "gate")
    assert where(finding) == at(text, "decision_chain:")
    assert "gate not passed" in finding.message
    assert "influence is high, speaks for us" in finding.message


def test_gate_needs_both_in_the_same_person(check: Check) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Wang Qiang
            influence: high
          - name: Zhou Lin
            influence: medium
            speaks_for_us: true
        """
    )
    assert len(rule(check(text), "gate")) == 1


def test_gate_without_decision_chain_points_at_top(check: Check) -> None:
    [finding] = rule(check(MINIMAL), "gate")
    assert where(finding) == (1, 1)


def test_gate_of_an_earlier_stage_is_an_error(check: Check) -> None:
    [finding] = rule(check(_chain("medium", "true", stage="partner")), "gate")
    assert finding.severity == "error"


def test_gate_of_a_later_stage_is_not_reported(check: Check) -> None:
    assert rule(check(_chain("medium", "true", stage="discovery")), "gate") == []
