"""A playbook item that is not satisfied.

Checks every checklist item of the stages up to the deal's current one. An item with an
automatic rule is decided by the deal data: a "yes" the data does not back is still unmet,
and a rep's own "no", "partial" or "unknown" stands even where the data looks complete. An
item without one is decided by its answer under `checklist: STAGE: ITEM:`; no answer,
`no`, `partial` and `unknown` are unmet (the last two quote the answer's evidence).

Why: each stage of the selling methodology ends with its checklist; a deal that moves on
with questions unanswered is a deal whose team does not know where it stands.

Severity follows the stage: an item of a stage before the current one is an error (the deal
moved on without it), one of the current stage a warning (work to do); later stages are not
checked yet. A won, lost or dropped deal's gaps are information, for its lost-deal review.

Fix: do the work, then write the answer with its evidence, e.g.
`coach-developed: {status: yes, evidence: Zhou Lin briefs us weekly}`; for an automatic item
add the data it names (here `coach: true` on the person). `reviewkit playbook show` lists
every item and its rule.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: discovery}
    background:
      customer: {business: Growing, organization: Three divisions, it_landscape: Old core}
      project:
        budget: {amount: 1000000, currency: CNY}
        timeline: Tender in March
        procurement_process: Open tender
        channels: Eastbridge
    decision_chain:
      - {name: Wang Qiang, roles: [decision-maker], influence: high, attitude: supporter}
      - {name: Liu Jianguo, influence: medium}
      - {name: Zhou Lin, influence: low}
    competitors:
      - name: Rivalnet
        strengths: [incumbent]
        weaknesses: [slow spares]
        sales_rep: {name: Huang Bin}
    checklist:
      discovery:
        needs-confirmed: {status: yes, evidence: Restated in the 11-20 meeting}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: discovery}
    checklist:
      discovery:
        needs-confirmed: {status: partial, evidence: Only the CTO has confirmed}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import ItemState, item_state, stages_reached
from reviewkit.judge.findings import STAGE_POLICY, Finding, Review, clip
from reviewkit.model.playbook import Stage, tr
from reviewkit.text.catalogue import say

SLUG = "checklist"
SEVERITY = STAGE_POLICY


def check(review: Review) -> Iterator[Finding]:
    for stage in stages_reached(review):
        for item in stage.items:
            state = item_state(review, item)
            if state.met:
                continue
            yield _finding(review, stage, state)


def _finding(review: Review, stage: Stage, state: ItemState) -> Finding:
    lang = review.lang
    item = state.item
    answer_at = ("checklist", stage.key, item.key)
    common = {
        "stage": stage.key,
        "item": item.key,
        "stage_label": tr(stage.label, lang),
        "item_label": tr(item.label, lang),
    }
    if item.rule is not None and not state.rule_holds:
        claimed = state.answer is not None and state.answer["status"] == "yes"
        at = answer_at if review.deal.has(*answer_at) else item.rule.subject()
        kind = "checklist-claimed" if claimed else "checklist-rule"
        return review.finding(
            at,
            kind,
            needs=item.rule.explain(review.deal.data, lang),
            **common,
        )
    if state.answer is None:
        return review.finding(
            answer_at,
            "checklist-unanswered",
            question=tr(item.question, lang),
            stage_key=stage.key,
            item_key=item.key,
            **common,
        )
    evidence = clip(state.answer["evidence"]) if state.answer["evidence"] else ""
    quoted = say(lang, "checklist.evidence", evidence=evidence) if evidence else ""
    kind = {"unmet": "checklist-no", "partial": "checklist-partial"}.get(
        state.state, "checklist-unknown"
    )
    return review.finding(answer_at, kind, evidence=quoted, **common)
