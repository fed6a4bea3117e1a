"""A stage's gate that does not hold.

Checks the gate of every stage up to the deal's current one: a condition on the deal data
that must hold before the deal may leave the stage. The default playbook's relationship
stage has one: at least one key customer person of high influence speaks up for us
(`influence: high` and `speaks_for_us: true` on the same person). The finding has
`item: gate`.

Why: the methodology lets a stage pass only when its gate holds; without a high-influence
advocate, the work of the later stages rests on nobody inside the customer.

Severity follows the stage, as for `checklist`: an earlier stage's gate is an error, the
current stage's a warning, and a closed deal's information.

Fix: do what the gate asks and record it in the data it names; `reviewkit playbook show`
prints every stage's gate.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, influence: high, speaks_for_us: true}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, influence: high}
      - {name: Zhou Lin, influence: medium, speaks_for_us: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import gate_holds, stages_reached
from reviewkit.judge.findings import STAGE_POLICY, Finding, Review
from reviewkit.model.playbook import tr

SLUG = "gate"
SEVERITY = STAGE_POLICY


def check(review: Review) -> Iterator[Finding]:
    for stage in stages_reached(review):
        if stage.gate is None or gate_holds(review, stage):
            continue
        yield review.finding(
            stage.gate.rule.subject(),
            "gate",
            stage=stage.key,
            item="gate",
            stage_label=tr(stage.label, review.lang),
            label=tr(stage.gate.label, review.lang),
            needs=stage.gate.rule.explain(review.deal.data, review.lang),
        )
