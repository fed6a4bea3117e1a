"""`action-overdue`, `action-incomplete` and `close-date-passed`: dates that slipped, work nobody owns.

FAIL  actions: [{what: Dinner, owner: Li Wei, due: 2026-11-01}]   with --today 2026-12-01
PASS  actions: [{what: Dinner, owner: Li Wei, due: 2026-11-01, status: done}]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from reviewkit.judge.findings import Finding, Review, Rule, clip
from reviewkit.text.messages import word


def overdue_actions(review: Review) -> list[tuple[int, dict[str, Any]]]:
    """(index, action) of every open action past its due date, in file order."""
    if not review.deal.is_open:
        return []
    return [
        (index, action)
        for index, action in enumerate(review.deal.data["actions"])
        if action["status"] == "open" and action["due"] is not None and action["due"] < review.today
    ]


def _overdue(review: Review) -> Iterator[Finding]:
    for index, action in overdue_actions(review):
        yield review.finding(
            "action-overdue",
            "warning",
            ("actions", index, "due"),
            "action-overdue",
            what=clip(action["what"], 80),
            owner=action["owner"] or word(review.lang, "no owner"),
            due=action["due"].isoformat(),
            days=(review.today - action["due"]).days,
        )


def _incomplete(review: Review) -> Iterator[Finding]:
    for index, action in enumerate(review.deal.data["actions"]):
        if action["status"] != "open":
            continue
        missing = [name for name in ("owner", "due") if not action[name]]
        if not missing:
            continue
        words = {"owner": "owner", "due": "due date"}.get("".join(missing), "owner and due date")
        yield review.finding(
            "action-incomplete",
            "warning",
            ("actions", index),
            "action-incomplete",
            what=clip(action["what"], 80),
            missing=word(review.lang, words),
        )


def _close_date(review: Review) -> Iterator[Finding]:
    close = review.deal.data["deal"]["expected_close"]
    if review.deal.is_open and close is not None and close < review.today:
        yield review.finding(
            "close-date-passed",
            "warning",
            ("deal", "expected_close"),
            "close-date-passed",
            date=close.isoformat(),
            days=(review.today - close).days,
        )


def last_review(review: Review) -> tuple[dt.date, tuple[str, ...]] | None:
    """The most recent review meeting held (not one still ahead), and where it is written."""
    held = [
        (day, ("review", key))
        for key in ("date", "previous")
        if (day := review.deal.data["review"][key]) is not None and day <= review.today
    ]
    return max(held) if held else None


def _review_stale(review: Review) -> Iterator[Finding]:
    last = last_review(review)
    limit = review.config.thresholds.stale_review_days
    if review.deal.is_open and last is not None and (review.today - last[0]).days > limit:
        day, at = last
        yield review.finding(
            "review-stale",
            "warning",
            at,
            "review-stale",
            date=day.isoformat(),
            days=(review.today - day).days,
            limit=limit,
        )


RULES = (
    Rule("action-overdue", "an open action past its due date", _overdue),
    Rule("action-incomplete", "an open action without an owner or a due date", _incomplete),
    Rule("close-date-passed", "an open deal whose expected close date is past", _close_date),
    Rule(
        "review-stale",
        "an open deal not reviewed for longer than the limit",
        _review_stale,
    ),
)
