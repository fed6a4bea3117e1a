"""A reason to hold a review meeting now.

Reports each reason for a project analysis meeting of an open deal, declared or seen in the
data: a trigger listed in `review.triggers` (obstacle, plan-slip, dynamics-reversal,
pre-bid, regular); a slipped plan (an open action overdue); a reversal in the dynamics
(`reversal: true` on an event after the last review, `review.previous`); and the stage's own
triggers (the default playbook's bidding stage: before the bid). One finding per trigger,
with every reason for it.

Why: the methodology calls the meeting when the deal hits an obstacle or stalls, when the
plan cannot be finished on time, when the customer's or a competitor's dynamics reverse, and
before the bid, to set the commercial strategy.

Fix: nothing is wrong — this is information. Hold the meeting (`reviewkit render` writes
its pack), record it in `review.date`, and move its date to `review.previous` at the next.

Examples are checked on 2026-12-01.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    review: {previous: 2026-11-12}
    dynamics:
      - {date: 2026-11-01, event: Rivalnet took the CTO to its reference site, reversal: true}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    review: {previous: 2026-11-12}
    dynamics:
      - {date: 2026-11-28, event: Rivalnet took the CTO to its reference site, reversal: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import meeting_triggers
from reviewkit.judge.findings import Finding, Review
from reviewkit.text.catalogue import say
from reviewkit.text.labels import label

SLUG = "meeting-trigger"
SEVERITY = "info"


def check(review: Review) -> Iterator[Finding]:
    separator = say(review.lang, "punct.semi")
    for trigger in meeting_triggers(review):
        yield review.finding(
            trigger.at,
            "meeting-trigger",
            trigger=label("trigger", trigger.key, review.lang),
            why=separator.join(trigger.reasons),
        )
