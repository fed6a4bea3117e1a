"""`meeting-trigger`: the reasons to hold a review meeting now, declared or seen in the data.

The course calls a project analysis meeting when the deal hits an obstacle, the plan slips,
the customer's or a competitor's dynamics reverse, or before the bid.

    INFO  actions: [{what: Site visit, owner: Li, due: 2026-11-01}]   plan-slip (overdue)
    INFO  dynamics: [{date: 2026-11-28, event: ..., reversal: true}]  dynamics-reversal
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reviewkit.judge.findings import Finding, Review, Rule, clip
from reviewkit.judge.rules.actions import overdue_actions
from reviewkit.model.playbook import tr
from reviewkit.text.catalogue import say
from reviewkit.text.labels import ENUMS, label


@dataclass(frozen=True)
class Trigger:
    """One reason for the meeting, with why, and where in the file it shows."""

    key: str
    reasons: tuple[str, ...]
    at: tuple[str | int, ...]


def meeting_triggers(review: Review) -> list[Trigger]:
    """The meeting's triggers in the format's order: declared ones and those the data shows."""
    deal = review.deal
    if not deal.is_open:
        return []
    found: dict[str, tuple[list[str], tuple[str | int, ...]]] = {}

    def add(key: str, reason: str, at: tuple[str | int, ...]) -> None:
        found.setdefault(key, ([], at))[0].append(reason)

    for index, key in enumerate(deal.data["review"]["triggers"]):
        add(key, review.text("trigger-declared"), ("review", "triggers", index))
    overdue = overdue_actions(review)
    if overdue:
        add(
            "plan-slip",
            review.text("trigger-overdue", count=len(overdue)),
            ("actions", overdue[0][0], "due"),
        )
    previous = deal.data["review"]["previous"]
    for index, event in enumerate(deal.data["dynamics"]):
        if not event["reversal"]:
            continue
        if previous is not None and event["date"] is not None and event["date"] <= previous:
            continue
        when = event["date"].isoformat() if event["date"] else "?"
        add(
            "dynamics-reversal",
            review.text("trigger-reversal", date=when, event=clip(event["event"], 80)),
            ("dynamics", index, "reversal"),
        )
    stage = deal.playbook.stage(deal.stage)
    for key in stage.triggers:
        add(
            key, review.text("trigger-stage", stage=tr(stage.label, review.lang)), ("deal", "stage")
        )
    order = list(ENUMS["trigger"])
    return [
        Trigger(key, tuple(dict.fromkeys(reasons)), at)
        for key, (reasons, at) in sorted(found.items(), key=lambda kv: order.index(kv[0]))
    ]


def _triggers(review: Review) -> Iterator[Finding]:
    separator = say(review.lang, "punct.semi")
    for trigger in meeting_triggers(review):
        yield review.finding(
            "meeting-trigger",
            "info",
            trigger.at,
            "meeting-trigger",
            trigger=label("trigger", trigger.key, review.lang),
            why=separator.join(trigger.reasons),
        )


RULES = (Rule("meeting-trigger", "a reason to hold a review meeting now", _triggers),)
