"""A high-influence person whose burning need (PIC) is not recorded.

From the playbook's decision-chain stage (relationship) on, every person under
`decision_chain:` of high influence needs their `needs` written: the one need that is
personal, immediate and worth acting on (PIC, 燃眉之急).

Why: a person who gains whichever vendor wins will not take a risk for us. The course finds
each key person's personal win, the burning need that is at once personal, immediate and
certain, and sells the cure to it, not a tonic.

Fix: find out (through the coach, one to one) what the person needs personally and urgently,
and write it under `needs:`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - name: Wang Qiang
        influence: high
        needs:
          personal: to be seen as the CTO who modernised dispatch
          immediate: before the provincial audit in March

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, influence: high}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import chain_stage_reached, has_pic
from reviewkit.judge.findings import Finding, Review

SLUG = "pic-missing"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    if not review.deal.is_open or not chain_stage_reached(review):
        return
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if person["influence"] == "high" and not has_pic(person):
            yield review.finding(
                ("decision_chain", index, "name"), "pic-missing", name=person["name"]
            )
