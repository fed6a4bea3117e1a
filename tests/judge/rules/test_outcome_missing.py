"""`outcome-missing`: a closed deal without its outcome."""

from __future__ import annotations

import pytest

from tests.conftest import MINIMAL
from tests.judge.rules.conftest import Check, at, deal, rule, where


@pytest.mark.parametrize("status", ["won", "lost", "dropped"])
def test_outcome_missing(check: Check, status: str) -> None:
    text = deal(extra=f"status: {status}")
    [finding] = rule(check(text), "outcome-missing")
    assert finding.severity == "warning"
    assert where(finding) == (1, 1)  # no `outcome:`: its parent is the whole file
    assert status in finding.message


def test_outcome_without_reasons(check: Check) -> None:
    text = deal("outcome:\n  date: 2026-10-28\n  winner: Tideway\n", extra="status: lost")
    [finding] = rule(check(text), "outcome-missing")
    assert where(finding) == at(text, "outcome:")


def test_outcome_recorded(check: Check) -> None:
    text = deal(
        "outcome:\n  date: 2026-10-28\n  winner: Tideway\n  reasons: [ignored the competitor]\n",
        extra="status: lost",
    )
    assert rule(check(text), "outcome-missing") == []


def test_open_deal_needs_no_outcome(check: Check) -> None:
    assert rule(check(MINIMAL), "outcome-missing") == []
