"""An attitude that mindshare and heartshare contradict.

Checks everyone under `decision_chain:` whose `mindshare` and `heartshare` are both given:
an ally or sympathizer at low/low, or an opposer at high/high, is reported.

Why: the course's attitude ladder rests on the two shares: mindshare (they value what we
offer) and heartshare (they like and trust us). "Mindshare plus heartshare is your market
share." An ally who neither values nor likes us is a hope, not an ally; an opposer who does
both is misread, or turned by something the plan does not know.

Fix: verify the rating through a second channel and correct the `attitude` or the shares; for
an opposer at high/high, find out what turned them (a competitor tie, a personal need).

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Zhou Lin, attitude: ally, mindshare: high, heartshare: high}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Zhou Lin, attitude: ally, mindshare: low, heartshare: low}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review
from reviewkit.text.labels import label

SLUG = "attitude-shares"
SEVERITY = "warning"

#: (attitude, both shares) pairs that contradict each other, and the message for each.
CONTRADICTIONS = {
    ("ally", "low"): "attitude-shares-low",
    ("sympathizer", "low"): "attitude-shares-low",
    ("opposer", "high"): "attitude-shares-high",
}


def check(review: Review) -> Iterator[Finding]:
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if person["mindshare"] is None or person["mindshare"] != person["heartshare"]:
            continue
        kind = CONTRADICTIONS.get((person["attitude"] or "unknown", person["mindshare"]))
        if kind is not None:
            yield review.finding(
                ("decision_chain", index, "attitude"),
                kind,
                name=person["name"],
                attitude=label("attitude", person["attitude"], review.lang),
            )
