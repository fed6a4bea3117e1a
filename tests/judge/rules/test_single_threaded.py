"""`single-threaded`: fewer people in the decision chain than the minimum."""

from __future__ import annotations

from tests.conftest import MINIMAL
from tests.judge.rules.conftest import PERSON_OK, TWO_ADVISORS, Check, at, deal, rule, where


def test_single_threaded(check: Check) -> None:
    text = deal("decision_chain:\n" + PERSON_OK)
    [finding] = rule(check(text), "single-threaded")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "decision_chain:")
    assert "only 1 in the decision chain (fewer than 2)" in finding.message


def test_two_people_are_not_single_threaded(check: Check) -> None:
    assert rule(check(deal(TWO_ADVISORS)), "single-threaded") == []


def test_empty_chain_points_at_top(check: Check) -> None:
    findings = check(MINIMAL)
    assert [where(f) for f in rule(findings, "single-threaded")] == [(1, 1)]
    [empty] = rule(findings, "single-threaded")
    assert "nobody is in the decision chain yet" in empty.message
