"""`review-stale`: an open deal whose last review meeting is older than the limit."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


def test_review_stale(check: Check) -> None:
    text = deal("review:\n  date: 2026-10-01\n")
    [finding] = rule(check(text), "review-stale")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "date:")
    assert "2026-10-01" in finding.message
    assert "61 days ago (more than 30)" in finding.message


def test_the_later_of_date_and_previous_counts(check: Check) -> None:
    text = deal("review:\n  previous: 2026-09-01\n  date: 2026-10-20\n")
    [finding] = rule(check(text), "review-stale")
    assert where(finding) == at(text, "date:")
    assert "42 days ago" in finding.message


@pytest.mark.parametrize(
    ("review", "extra"),
    [
        ("review:\n  date: 2026-11-01\n", ""),  # 30 days: not more than the limit
        ("review:\n  date: 2026-12-20\n  previous: 2026-11-20\n", ""),  # one ahead, one recent
        ("review:\n  date: 2026-09-01\n", "status: lost"),
        ("", ""),  # never reviewed: nothing to count from
    ],
)
def test_review_not_stale(check: Check, review: str, extra: str) -> None:
    assert rule(check(deal(review, extra=extra)), "review-stale") == []
