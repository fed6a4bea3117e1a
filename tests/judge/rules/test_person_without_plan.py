"""`person-without-plan`: a key person not with us, and no open action aimed at them."""

from __future__ import annotations

import pytest

from tests.judge.rules.case import PERSON_A, PERSON_C
from tests.judge.rules.conftest import Check, at, deal, rule, where

#: "How do we win A over?": an open action aimed at A.
PLAN_FOR_A = """\
actions:
  - what: One-to-one dinner with A, without the group
    owner: Li Wei
    due: 2026-12-20
    checkpoint: A names what would put his seat at risk
    with: [A]
"""


def test_a_without_a_plan(check: Check) -> None:
    text = deal("decision_chain:\n" + PERSON_A + PERSON_C)
    [finding] = rule(check(text), "person-without-plan")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "name: A")
    assert finding.message == (
        "A (high influence, acknowledger) has no open action aimed at them: "
        "how do we win them over, or weaken their influence?"
    )


def test_a_with_a_plan(check: Check) -> None:
    assert (
        rule(check(deal("decision_chain:\n" + PERSON_A + PLAN_FOR_A)), "person-without-plan") == []
    )


@pytest.mark.parametrize("status", ["done", "dropped"])
def test_a_closed_action_is_no_plan(check: Check, status: str) -> None:
    text = deal("decision_chain:\n" + PERSON_A + PLAN_FOR_A + f"    status: {status}\n")
    assert len(rule(check(text), "person-without-plan")) == 1


@pytest.mark.parametrize(
    ("attitude", "influence", "found"),
    [
        ("opposer", "high", 1),
        ("non-supporter", "high", 1),
        ("unknown", "high", 1),
        ("supporter", "high", 0),
        ("ally", "high", 0),
        ("opposer", "medium", 0),
    ],
)
def test_who_needs_a_plan(check: Check, attitude: str, influence: str, found: int) -> None:
    text = deal(f"decision_chain:\n  - {{name: A, influence: {influence}, attitude: {attitude}}}\n")
    assert len(rule(check(text), "person-without-plan")) == found


def test_not_before_the_relationship_stage(check: Check) -> None:
    text = deal("decision_chain:\n" + PERSON_A, stage="qualification")
    assert rule(check(text), "person-without-plan") == []


def test_not_for_a_closed_deal(check: Check) -> None:
    text = deal("decision_chain:\n" + PERSON_A, extra="status: lost")
    assert rule(check(text), "person-without-plan") == []


def test_in_chinese(check: Check) -> None:
    text = deal(
        "decision_chain:\n  - {name: 王总, influence: high, attitude: acknowledger}\n",
        extra="language: zh",
    )
    [finding] = rule(check(text), "person-without-plan")
    assert finding.message == (
        "王总（影响力高，认可者）没有针对其本人的进行中行动：如何争取王总，或削弱其影响？"
    )
