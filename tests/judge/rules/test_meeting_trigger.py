"""`meeting-trigger`: the reasons to hold a review meeting, declared or seen in the data."""

from __future__ import annotations

import pytest

from tests.conftest import MINIMAL
from tests.judge.rules.conftest import Check, action, at, deal, rule, where


def test_declared_triggers(check: Check) -> None:
    text = deal("review:\n  triggers: [obstacle, regular]\n")
    found = rule(check(text), "meeting-trigger")
    assert [f.severity for f in found] == ["info", "info"]
    assert [where(f) for f in found] == [at(text, "obstacle"), at(text, "regular")]
    assert "obstacle or stall" in found[0].message
    assert "listed in the meeting's triggers" in found[0].message


def test_plan_slip_from_an_overdueaction(check: Check) -> None:
    text = action()
    [finding] = rule(check(text), "meeting-trigger")
    assert finding.severity == "info"
    assert where(finding) == at(text, "due:")
    assert "plan slipped" in finding.message
    assert "1 open action(s) overdue" in finding.message


def _reversal(date: str, previous: str | None) -> str:
    review = f"review:\n  previous: {previous}\n" if previous else ""
    return deal(
        review
        + f"""\
dynamics:
  - date: {date}
    event: Rivalnet took the CTO to its reference site
    reversal: true
"""
    )


@pytest.mark.parametrize(("date", "previous"), [("2026-11-28", "2026-11-12"), ("2026-11-28", None)])
def test_dynamics_reversal_after_the_last_review(
    check: Check, date: str, previous: str | None
) -> None:
    text = _reversal(date, previous)
    [finding] = rule(check(text), "meeting-trigger")
    assert where(finding) == at(text, "reversal:")
    assert "dynamics reversed" in finding.message
    assert "Rivalnet took the CTO" in finding.message


@pytest.mark.parametrize("date", ["2026-11-12", "2026-10-01"])
def test_old_reversal_is_no_trigger(check: Check, date: str) -> None:
    assert rule(check(_reversal(date, "2026-11-12")), "meeting-trigger") == []


def test_event_without_reversal_is_no_trigger(check: Check) -> None:
    text = deal("dynamics:\n  - date: 2026-11-28\n    event: Meeting held\n")
    assert rule(check(text), "meeting-trigger") == []


def test_pre_bid_from_the_bidding_stage(check: Check) -> None:
    text = deal(stage="bidding")
    [finding] = rule(check(text), "meeting-trigger")
    assert where(finding) == at(text, "stage:")
    assert "before the bid" in finding.message
    assert "Bid and commercial negotiation" in finding.message


def test_pre_bid_declared_and_from_the_stage_is_one_finding(
    check: Check,
) -> None:
    text = deal("review:\n  triggers: [pre-bid]\n", stage="bidding")
    [finding] = rule(check(text), "meeting-trigger")
    assert where(finding) == at(text, "pre-bid")
    assert "listed in the meeting's triggers" in finding.message
    assert "bidding" in finding.message.lower() or "Bid and" in finding.message


def test_no_triggers_for_a_quiet_deal(check: Check) -> None:
    assert rule(check(MINIMAL), "meeting-trigger") == []


@pytest.mark.parametrize("status", ["won", "lost", "dropped"])
def test_no_meeting_for_a_closed_deal(check: Check, status: str) -> None:
    text = deal(
        """\
        review:
          triggers: [obstacle]
        dynamics:
          - date: 2026-11-28
            event: Reversal
            reversal: true
        actions:
          - what: Dinner
            owner: Li
            due: 2026-11-01
        """,
        stage="bidding",
        extra=f"status: {status}",
    )
    assert rule(check(text), "meeting-trigger") == []
