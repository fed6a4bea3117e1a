"""A high-influence person or partner with ties to a competitor.

Checks the `competitor_ties` of everyone under `decision_chain:` of high influence whose
attitude is not friendly (supporter, sympathizer or ally), and of every partner of high or
medium influence. A text that says no tie is known ("none", "none known", "n/a", "无",
"暂无", ...) is not a tie, nor is one that says nobody knows yet ("unknown", "未知", ...).

Why: the course's lost deal turned on a friendly-sounding person who was the competitor's
classmate: "we are all friends, just bring good equipment" hid a tie nobody weighed. Know
each person's ties to competitors, and each partner's.

Fix: win the person over (and record the new `attitude`), plan around them in the
relationship strategy, or — if the tie turned out to be nothing — write that in
`competitor_ties`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - name: Liu Jianguo
        influence: high
        attitude: supporter
        competitor_ties: classmate of Rivalnet's account director

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - name: Liu Jianguo
        influence: high
        attitude: acknowledger
        competitor_ties: classmate of Rivalnet's account director
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import has_ties
from reviewkit.judge.findings import Finding, Review, clip
from reviewkit.text.labels import FRIENDLY, label

SLUG = "competitor-ties"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    lang = review.lang
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if (
            person["influence"] == "high"
            and has_ties(person["competitor_ties"])
            and person["attitude"] not in FRIENDLY
        ):
            yield review.finding(
                ("decision_chain", index, "competitor_ties"),
                "competitor-ties",
                name=person["name"],
                ties=clip(person["competitor_ties"]),
                influence=label("level", "high", lang),
                attitude=label("attitude", person["attitude"] or "unknown", lang),
            )
    for index, partner in enumerate(review.deal.data["partners"]):
        if partner["influence"] in ("high", "medium") and has_ties(partner["competitor_ties"]):
            yield review.finding(
                ("partners", index, "competitor_ties"),
                "partner-competitor-ties",
                name=partner["name"],
                ties=clip(partner["competitor_ties"]),
                influence=label("level", partner["influence"], lang),
            )
