"""An open action without an owner or a due date.

Checks every open action under `actions:` for an `owner` and a `due` date; done and dropped
actions are left alone.

Why: the methodology's next actions name the work, its owner, its time and its checkpoint.
An action nobody owns is done by nobody, and one without a date cannot slip — so nobody
notices when it does.

Fix: add the missing `owner:` and `due:`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    actions:
      - {what: Site visit, owner: Li Wei, due: 2026-12-20}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    actions:
      - {what: Site visit, owner: Li Wei}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review, clip
from reviewkit.text.messages import word

SLUG = "action-incomplete"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    for index, action in enumerate(review.deal.data["actions"]):
        if action["status"] != "open":
            continue
        missing = [name for name in ("owner", "due") if not action[name]]
        if not missing:
            continue
        words = {"owner": "owner", "due": "due date"}.get("".join(missing), "owner and due date")
        yield review.finding(
            ("actions", index),
            "action-incomplete",
            what=clip(action["what"], 80),
            missing=word(review.lang, words),
        )
