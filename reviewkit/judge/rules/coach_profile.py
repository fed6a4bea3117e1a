"""A coach who is the decision maker, or of low influence.

Checks everyone under `decision_chain:` with `coach: true`: a coach with the
`decision-maker` role, or with `influence: low`, is reported.

Why: the course's good coach is at middle or lower level, well connected, well informed and
willing: a post that is not high but key. The decision maker cannot tell us how the decision
maker is seen, and a person of low influence hears too little and moves nobody.

Fix: develop a coach at middle or lower level with a wide network (and mark them
`coach: true`); keep the decision maker as the person the plan aims at.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Zhou Lin, roles: [technical], influence: medium, attitude: ally, coach: true}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, roles: [decision-maker], influence: high, attitude: ally, coach: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import is_coach, is_decision_maker
from reviewkit.judge.findings import Finding, Review

SLUG = "coach-profile"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if not is_coach(person):
            continue
        if is_decision_maker(person):
            kind = "coach-is-decision-maker"
        elif person["influence"] == "low":
            kind = "coach-low-influence"
        else:
            continue
        yield review.finding(("decision_chain", index, "coach"), kind, name=person["name"])
