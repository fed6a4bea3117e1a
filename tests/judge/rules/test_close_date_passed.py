"""`close-date-passed`: an open deal's expected close date in the past."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


def test_close_date_passed(check: Check) -> None:
    text = deal(extra="expected_close: 2026-11-30")
    [finding] = rule(check(text), "close-date-passed")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "expected_close:")
    assert "2026-11-30" in finding.message
    assert "1 day(s)" in finding.message


@pytest.mark.parametrize(
    "extra",
    [
        "expected_close: 2026-12-01",
        "expected_close: 2027-03-31",
        "expected_close: 2026-01-01\nstatus: won",
        "expected_close: 2026-01-01\nstatus: dropped",
        "",
    ],
)
def test_close_date_not_passed(check: Check, extra: str) -> None:
    assert rule(check(deal(extra=extra)), "close-date-passed") == []
