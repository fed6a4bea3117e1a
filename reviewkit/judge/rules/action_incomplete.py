"""An open action without an owner, a due date or a checkpoint.

Checks every open action under `actions:` for an `owner`, a `due` date and a `checkpoint`;
done and dropped actions are left alone.

Why: the course's action plan names four things for each next action: the work, its owner,
its time and its checkpoint (监控点). An action nobody owns is done by nobody, one without a
date cannot slip — so nobody notices when it does — and one without a checkpoint cannot be
seen to have worked.

Fix: add the missing `owner:`, `due:` and `checkpoint:` (what shows the action worked).

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    actions:
      - {what: Site visit, owner: Li Wei, due: 2026-12-20, checkpoint: CTO joins the visit}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    actions:
      - {what: Site visit, owner: Li Wei, due: 2026-12-20}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from reviewkit.judge.findings import Finding, Review, clip
from reviewkit.text.messages import word

SLUG = "action-incomplete"
SEVERITY = "warning"

#: The parts of an action the plan needs, and their word in messages.
PARTS: dict[Literal["owner", "due", "checkpoint"], str] = {
    "owner": "owner",
    "due": "due date",
    "checkpoint": "checkpoint",
}


def check(review: Review) -> Iterator[Finding]:
    for index, action in enumerate(review.deal.data["actions"]):
        if action["status"] != "open":
            continue
        missing = [word(review.lang, w) for name, w in PARTS.items() if not action[name]]
        if not missing:
            continue
        *most, last = missing
        listed = word(review.lang, "list", most=word(review.lang, "comma").join(most), last=last)
        yield review.finding(
            ("actions", index),
            "action-incomplete",
            what=clip(action["what"], 80),
            missing=listed if most else last,
        )
