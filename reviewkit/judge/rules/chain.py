"""Decision-chain rules: `no-decision-maker`, `single-threaded`, `competitor-ties`, `attitude-unknown`.

FAIL  decision_chain: [{name: C, influence: high, attitude: acknowledger,
                        competitor_ties: classmate of Rivalnet's rep}]
PASS  the same person with attitude: supporter (the tie is known and neutralised)
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review, Rule, clip
from reviewkit.text.labels import FRIENDLY, label

#: Texts that record that no competitor tie is known (so the field is answered, not a tie).
NO_TIES = frozenset(
    {
        "none",
        "none known",
        "no",
        "n/a",
        "na",
        "-",
        "—",
        "无",
        "没有",
        "暂无",
        "未发现",
        "无已知关系",
    }
)


def has_ties(text: str | None) -> bool:
    return bool(text and text.strip().lower().rstrip(".。") not in NO_TIES)


def _no_decision_maker(review: Review) -> Iterator[Finding]:
    severity = review.from_chain_stage()
    chain = review.deal.data["decision_chain"]
    if severity and not any("decision-maker" in p["roles"] for p in chain):
        yield review.finding(
            "no-decision-maker", severity, ("decision_chain",), "no-decision-maker"
        )


def _single_threaded(review: Review) -> Iterator[Finding]:
    severity = review.from_chain_stage()
    chain = review.deal.data["decision_chain"]
    minimum = review.config.thresholds.min_decision_chain
    if severity and len(chain) < minimum:
        kind = "single-threaded" if chain else "chain-empty"
        yield review.finding(
            "single-threaded",
            severity,
            ("decision_chain",),
            kind,
            count=len(chain),
            minimum=minimum,
        )


def _competitor_ties(review: Review) -> Iterator[Finding]:
    lang = review.lang
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if (
            person["influence"] == "high"
            and has_ties(person["competitor_ties"])
            and person["attitude"] not in FRIENDLY
        ):
            yield review.finding(
                "competitor-ties",
                "warning",
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
                "competitor-ties",
                "warning",
                ("partners", index, "competitor_ties"),
                "partner-competitor-ties",
                name=partner["name"],
                ties=clip(partner["competitor_ties"]),
                influence=label("level", partner["influence"], lang),
            )


def _attitude_unknown(review: Review) -> Iterator[Finding]:
    for index, person in enumerate(review.deal.data["decision_chain"]):
        if person["influence"] == "high" and person["attitude"] in (None, "unknown"):
            at = ("decision_chain", index, "attitude")
            yield review.finding(
                "attitude-unknown", "warning", at, "attitude-unknown", name=person["name"]
            )


RULES = (
    Rule(
        "no-decision-maker",
        "no decision-chain member has the decision-maker role",
        _no_decision_maker,
    ),
    Rule(
        "single-threaded",
        "fewer people in the decision chain than the minimum",
        _single_threaded,
    ),
    Rule(
        "competitor-ties",
        "a high-influence person or partner with ties to a competitor",
        _competitor_ties,
    ),
    Rule(
        "attitude-unknown", "a high-influence person whose attitude is unknown", _attitude_unknown
    ),
)
