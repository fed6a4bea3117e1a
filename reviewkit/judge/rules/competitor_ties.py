"""A person or partner of high or medium influence with ties to a competitor.

Checks the `competitor_ties` of everyone under `decision_chain:` and every partner of high or
medium influence. A person rated friendly (supporter, sympathizer or ally) is reported too,
as a rating to verify. A text that says no tie is known ("none", "none known", "n/a", "无",
"暂无", ...) is not a tie, nor is one that says nobody knows yet ("unknown", "未知", ...).

Why: the course's lost deal turned on C, who sounded friendly ("we are all friends, as long
as the equipment is good") and was the competitor's classmate: a friendly rating hid a tie
nobody weighed. The hands-on people of medium influence (具体操办) count as much. Know each
person's ties to competitors, and each partner's.

Fix: win the person over (and record the new `attitude`), plan around them in the
relationship strategy, check a friendly rating through a second channel, or — if the tie
turned out to be nothing — write that in `competitor_ties`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - name: Liu Jianguo
        influence: high
        attitude: supporter
        competitor_ties: none known

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - name: Liu Jianguo
        influence: medium
        attitude: supporter
        competitor_ties: classmate of Rivalnet's account director
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import has_ties, is_friendly
from reviewkit.judge.findings import Finding, Review, clip
from reviewkit.text.labels import label

SLUG = "competitor-ties"
SEVERITY = "warning"

#: The influence at which a tie to a competitor matters.
WEIGHTY = ("high", "medium")


def check(review: Review) -> Iterator[Finding]:
    lang = review.lang
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if person["influence"] in WEIGHTY and has_ties(person["competitor_ties"]):
            yield review.finding(
                ("decision_chain", index, "competitor_ties"),
                "competitor-ties-friendly" if is_friendly(person) else "competitor-ties",
                name=person["name"],
                ties=clip(person["competitor_ties"]),
                influence=label("level", person["influence"], lang),
                attitude=label("attitude", person["attitude"] or "unknown", lang),
            )
    for index, partner in enumerate(review.deal.data["partners"]):
        if partner["influence"] in WEIGHTY and has_ties(partner["competitor_ties"]):
            yield review.finding(
                ("partners", index, "competitor_ties"),
                "partner-competitor-ties",
                name=partner["name"],
                ties=clip(partner["competitor_ties"]),
                influence=label("level", partner["influence"], lang),
            )
