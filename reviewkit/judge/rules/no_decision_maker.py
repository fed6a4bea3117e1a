"""No decision-chain member has the decision-maker role.

Checks, from the playbook's decision-chain stage on (the default playbook's relationship
stage), that someone under `decision_chain:` has `decision-maker` among their `roles`.

Why: the deal is decided by a group, and one person in it decides. "Choosing the right
people matters more than saying the right words": a team that does not know who decides
cannot plan whom to reach, or how.

Severity follows the stage policy, counted from the decision-chain stage: a warning at that
stage, an error after it, information on a closed deal.

Fix: find out who decides and add `decision-maker` to that person's `roles`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, roles: [decision-maker]}
      - {name: Zhou Lin, roles: [user]}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Liu Jianguo, roles: [advisor]}
      - {name: Zhou Lin, roles: [user]}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import chain_stage_reached, is_decision_maker
from reviewkit.judge.findings import STAGE_POLICY, Finding, Review

SLUG = "no-decision-maker"
SEVERITY = STAGE_POLICY


def check(review: Review) -> Iterator[Finding]:
    chain = review.deal.data["decision_chain"]
    if chain_stage_reached(review) and not any(is_decision_maker(p) for p in chain):
        yield review.finding(("decision_chain",), "no-decision-maker")
