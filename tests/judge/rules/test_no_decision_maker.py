"""`no-decision-maker`: nobody in the decision chain decides."""

from __future__ import annotations

from tests.conftest import MINIMAL
from tests.judge.rules.conftest import TWO_ADVISORS, Check, at, deal, rule, where


def test_no_decision_maker(check: Check) -> None:
    text = deal(TWO_ADVISORS)
    [finding] = rule(check(text), "no-decision-maker")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "decision_chain:")
    assert "decision-maker" in finding.message


def test_decision_maker_present(check: Check) -> None:
    text = deal(TWO_ADVISORS.replace("[user]", "[user, decision-maker]"))
    assert rule(check(text), "no-decision-maker") == []


def test_empty_chain_points_at_top(check: Check) -> None:
    findings = check(MINIMAL)
    assert [where(f) for f in rule(findings, "no-decision-maker")] == [(1, 1)]
