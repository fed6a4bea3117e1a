"""A high-influence person whose attitude is unknown.

Checks everyone under `decision_chain:` with `influence: high` for an `attitude` other than
`unknown` (or none at all).

Why: the methodology rates each person's attitude towards us on a ladder — opposer,
non-supporter, acknowledger, supporter, sympathizer, ally — from their mindshare and
heartshare. The people who weigh most are the ones whose stance the strategy must rest on.

Fix: find out — through the coach, a visit, several channels — and set `attitude:`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Luo Jianhua, influence: high, attitude: acknowledger}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Luo Jianhua, influence: high, attitude: unknown}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review

SLUG = "attitude-unknown"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if person["influence"] == "high" and person["attitude"] in (None, "unknown"):
            at = ("decision_chain", index, "attitude")
            yield review.finding(at, "attitude-unknown", name=person["name"])
