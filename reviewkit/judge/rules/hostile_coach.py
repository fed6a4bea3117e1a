"""A coach rated opposer or non-supporter.

Checks everyone under `decision_chain:` with `coach: true` against their `attitude`.

Why: the coach is the insider who tells us about the customer, its decision process, our
competitors and how the customer sees us; the course's good coach wants us to succeed. A
coach who is against us feeds us what the competitor wants us to hear, and every plan built
on that information is built on sand.

Fix: find the person who really guides us and mark them `coach: true`, or — if this person
has come round — record the new `attitude`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Zhou Lin, influence: medium, attitude: supporter, coach: true}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Zhou Lin, influence: medium, attitude: opposer, coach: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import is_coach, is_hostile
from reviewkit.judge.findings import Finding, Review
from reviewkit.text.labels import label

SLUG = "hostile-coach"
SEVERITY = "error"


def check(review: Review) -> Iterator[Finding]:
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if is_coach(person) and is_hostile(person):
            yield review.finding(
                ("decision_chain", index, "coach"),
                "hostile-coach",
                name=person["name"],
                attitude=label("attitude", person["attitude"], review.lang),
            )
