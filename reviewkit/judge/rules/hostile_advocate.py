"""A person rated opposer or non-supporter who is marked as speaking for us.

Checks everyone under `decision_chain:` with `speaks_for_us: true` against their `attitude`.

Why: the two cannot both be true. The relationship stage's gate passes on a key person who
speaks up for us, so a wrong `speaks_for_us` lets a deal through the gate on a person who is
against us; a wrong `attitude` hides an ally the plan should use.

Fix: correct whichever is wrong: the `attitude`, or `speaks_for_us`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, influence: high, attitude: supporter, speaks_for_us: true}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Wang Qiang, influence: high, attitude: opposer, speaks_for_us: true}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import is_hostile, speaks_for_us
from reviewkit.judge.findings import Finding, Review
from reviewkit.text.labels import label

SLUG = "hostile-advocate"
SEVERITY = "error"


def check(review: Review) -> Iterator[Finding]:
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if speaks_for_us(person) and is_hostile(person):
            yield review.finding(
                ("decision_chain", index, "speaks_for_us"),
                "hostile-advocate",
                name=person["name"],
                attitude=label("attitude", person["attitude"], review.lang),
            )
