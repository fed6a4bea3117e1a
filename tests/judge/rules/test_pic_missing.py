"""`pic-missing`: a key person's burning need (PIC, 燃眉之急) is not recorded."""

from __future__ import annotations

import pytest

from tests.judge.rules.case import PERSON_A, PERSON_C
from tests.judge.rules.conftest import Check, at, deal, rule, where


def test_the_course_case_a_has_no_personal_win(check: Check) -> None:
    """Case 3: A gains whichever vendor wins; what is A's own burning need?"""
    text = deal("decision_chain:\n" + PERSON_A + PERSON_C)
    [finding] = rule(check(text), "pic-missing")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "name: A")
    assert finding.message == (
        "A (high influence) has no burning need (PIC) recorded: what is personal, immediate "
        "and worth acting on for them?"
    )


@pytest.mark.parametrize("slot", ["personal", "immediate", "certain"])
def test_a_need_written(check: Check, slot: str) -> None:
    text = deal("decision_chain:\n" + PERSON_A + f"    needs: {{{slot}: keep his seat safe}}\n")
    assert rule(check(text), "pic-missing") == []


def test_a_blank_need_is_no_need(check: Check) -> None:
    text = deal("decision_chain:\n" + PERSON_A + "    needs: {personal: ' '}\n")
    assert len(rule(check(text), "pic-missing")) == 1


def test_not_before_the_relationship_stage(check: Check) -> None:
    assert rule(check(deal("decision_chain:\n" + PERSON_A, stage="discovery")), "pic-missing") == []


def test_in_chinese(check: Check) -> None:
    text = deal("decision_chain:\n  - {name: 王总, influence: high}\n", extra="language: zh")
    [finding] = rule(check(text), "pic-missing")
    assert finding.message == (
        "王总（影响力高）没有记录燃眉之急（PIC）：对王总而言，个人的、紧急的、值得的需求是什么？"
    )
