"""`action-overdue`: open actions past their due date, counted from the given today."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.judge.rules.conftest import Check, action, at, rule, where


def test_action_overdue(check: Check) -> None:
    text = action()
    [finding] = rule(check(text), "action-overdue")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "due:")
    assert "Dinner with the procurement head" in finding.message
    assert "Li Wei" in finding.message
    assert "2026-11-27" in finding.message
    assert "4 day(s)" in finding.message


@pytest.mark.parametrize(
    ("due", "status", "extra"),
    [
        ("2026-12-01", "open", ""),  # due today: not overdue yet
        ("2026-12-20", "open", ""),
        ("2026-11-01", "done", ""),
        ("2026-11-01", "dropped", ""),
        ("2026-11-01", "open", "status: won"),
        ("2026-11-01", "open", "status: lost"),
    ],
)
def test_action_not_overdue(check: Check, due: str, status: str, extra: str) -> None:
    assert rule(check(action(due, status, extra)), "action-overdue") == []


def test_action_overdue_counts_from_the_given_today(check: Check) -> None:
    text = action()
    assert rule(check(text, dt.date(2026, 11, 27)), "action-overdue") == []
    [finding] = rule(check(text, dt.date(2026, 11, 28)), "action-overdue")
    assert "1 day(s)" in finding.message
