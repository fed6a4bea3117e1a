"""An action aimed at a name not in the decision chain or among the partners.

Checks every name under `actions[].with:` against the `name` of each person under
`decision_chain:` and each partner under `partners:`.

Why: an action's `with:` is how the plan for each person is read (the pack's people section,
the person-without-plan rule). A misspelt name leaves the person without a plan, and the
action aimed at nobody.

Fix: write the name exactly as under `decision_chain:` (or `partners:`), or add the person
to the decision chain.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang}
    actions:
      - {what: Dinner, owner: Li Wei, due: 2026-12-20, checkpoint: date agreed, with: [Wang Qiang]}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang}
    actions:
      - {what: Dinner, owner: Li Wei, due: 2026-12-20, checkpoint: date agreed, with: [Wang Qiang]}
      - {what: Demo, owner: Li Wei, due: 2026-12-20, checkpoint: demo held, with: [Wang Qang]}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import known_people
from reviewkit.judge.findings import Finding, Review, clip
from reviewkit.model.schema import suggestion

SLUG = "action-unknown-person"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    known = known_people(review)
    for index, action in enumerate(review.deal.data["actions"]):
        for slot, name in enumerate(action["with"]):
            if name not in known:
                yield review.finding(
                    ("actions", index, "with", slot),
                    "action-unknown-person",
                    what=clip(action["what"], 80),
                    name=name,
                    suggestion=suggestion(review.lang, name, sorted(known)),
                )
