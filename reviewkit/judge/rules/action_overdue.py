"""An open action past its due date.

Checks every action under `actions:` whose `status` is `open` (the default) and whose `due`
date is before today (`--today`, else the system date). A won, lost or dropped deal has no
overdue actions. The message names the action, its owner and how many days it is late.

Why: the review meeting ends with next actions — work, owner, time, checkpoint. An action
left open past its date means the plan slipped, itself a reason for a review meeting
(`meeting-trigger`).

Fix: do it and set `status: done`; give up on it with `status: dropped`; or agree a new
`due` date.

Examples are checked on 2026-12-01.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    actions:
      - {what: Dinner with the procurement head, owner: Li Wei, due: 2026-11-01, status: done}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    actions:
      - {what: Dinner with the procurement head, owner: Li Wei, due: 2026-11-01}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import overdue_actions
from reviewkit.judge.findings import Finding, Review, clip
from reviewkit.text.messages import word

SLUG = "action-overdue"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    for index, action in overdue_actions(review):
        due = action["due"]
        assert due is not None  # an overdue action has a due date
        yield review.finding(
            ("actions", index, "due"),
            "action-overdue",
            what=clip(action["what"], 80),
            owner=action["owner"] or word(review.lang, "no owner"),
            due=due.isoformat(),
            days=(review.today - due).days,
        )
