"""A high-influence person not yet with us, and no open action aimed at them.

From the playbook's decision-chain stage (relationship) on, every person under
`decision_chain:` of high influence whose `attitude` is not supporter, sympathizer or ally
(or is not given) needs at least one open action whose `with:` names them.

Why: the course asks of every key person who is not with us: how do we win A over, how do
we win over or weaken C? A plan that names no action for a person leaves them to the
competitor.

Fix: add an action aimed at the person, with their name under `with:`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, influence: high, attitude: acknowledger}
    actions:
      - what: Reference visit to Suzhou Metro
        owner: Li Wei
        due: 2026-12-20
        checkpoint: Wang Qiang joins the visit
        with: [Wang Qiang]

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, influence: high, attitude: acknowledger}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import needs_plan, plan_for
from reviewkit.judge.findings import Finding, Review
from reviewkit.text.labels import label

SLUG = "person-without-plan"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if needs_plan(review, person) and not plan_for(review.deal.data["actions"], person["name"]):
            yield review.finding(
                ("decision_chain", index, "name"),
                "person-without-plan",
                name=person["name"],
                attitude=label("attitude", person["attitude"] or "unknown", review.lang),
            )
