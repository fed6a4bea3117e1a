"""Fewer people in the decision chain than the minimum.

Checks, from the playbook's decision-chain stage on (the default playbook's relationship
stage), that `decision_chain:` names at least `thresholds.min_decision_chain` people
(2 by default, set in reviewkit.yaml).

Why: a deal hanging on one contact is single-threaded: when that person is away, changes
role or turns out to favour a competitor, the deal is lost with them. The methodology maps
decision makers, advisors, gatekeepers, users and the coach, and meets them one by one.

Severity follows the stage policy, counted from the decision-chain stage: a warning at that
stage, an error after it, information on a closed deal.

Fix: reach more people of the customer and add each to `decision_chain:`.

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
      - {name: Wang Qiang, roles: [decision-maker]}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import chain_stage_reached
from reviewkit.judge.findings import STAGE_POLICY, Finding, Review

SLUG = "single-threaded"
SEVERITY = STAGE_POLICY


def check(review: Review) -> Iterator[Finding]:
    chain = review.deal.data["decision_chain"]
    minimum = review.config.thresholds.min_decision_chain
    if chain_stage_reached(review) and len(chain) < minimum:
        kind = "single-threaded" if chain else "chain-empty"
        yield review.finding(
            ("decision_chain",),
            kind,
            count=len(chain),
            minimum=minimum,
        )
