"""`checklist` and `gate`: the playbook's questions and gates for every stage up to the current one.

An item with an automatic rule is decided by the deal data (a "yes" the data does not
back is still unmet); an item without one by its answer under `checklist:`.

    PASS  decision_chain: [{name: Zhou Lin, coach: true}]          coach-developed holds
    FAIL  checklist: {relationship: {coach-developed: {status: yes}}}   but nobody has coach: true
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reviewkit.judge.findings import Finding, Review, Rule, clip
from reviewkit.model.playbook import Item, Stage, tr
from reviewkit.text.catalogue import say


@dataclass(frozen=True)
class ItemState:
    """How one checklist item stands: `met`, `partial`, `unmet`, `unknown` or `unanswered`."""

    item: Item
    state: str
    answer: dict[str, Any] | None
    rule_holds: bool | None

    @property
    def met(self) -> bool:
        return self.state == "met"


ANSWER_STATE = {"yes": "met", "no": "unmet", "partial": "partial", "unknown": "unknown"}


def item_state(review: Review, item: Item) -> ItemState:
    answer = review.deal.data["checklist"].get(item.stage, {}).get(item.key)
    if item.rule is not None:
        # The data must show it; a rep's own "no", "partial" or "unknown" still stands.
        holds = item.rule.holds(review.deal.data)
        doubt = answer is not None and answer["status"] in ("no", "partial", "unknown")
        if holds and doubt:
            assert answer is not None
            return ItemState(item, ANSWER_STATE[answer["status"]], answer, holds)
        return ItemState(item, "met" if holds else "unmet", answer, holds)
    if answer is None:
        return ItemState(item, "unanswered", None, None)
    return ItemState(item, ANSWER_STATE[answer["status"]], answer, None)


def gate_holds(review: Review, stage: Stage) -> bool | None:
    """Whether the stage's gate holds; None when the stage has no gate."""
    return None if stage.gate is None else stage.gate.rule.holds(review.deal.data)


def open_work(review: Review, stages: Iterable[Stage]) -> Iterator[tuple[Stage, Item | None, str]]:
    """Every unmet item (with its state) and failed gate (item None) of `stages`."""
    for stage in stages:
        for item in stage.items:
            state = item_state(review, item)
            if not state.met:
                yield stage, item, state.state
        if stage.gate is not None and not gate_holds(review, stage):
            yield stage, None, "unmet"


def _items(review: Review) -> Iterator[Finding]:
    for stage in review.deal.playbook.stages:
        severity = review.stage_severity(stage.key)
        if severity is None:
            break
        for item in stage.items:
            state = item_state(review, item)
            if state.met:
                continue
            yield _finding(review, stage, state, severity)


def _finding(review: Review, stage: Stage, state: ItemState, severity: str) -> Finding:
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
            "checklist",
            severity,
            at,
            kind,
            needs=item.rule.explain(review.deal.data, lang),
            **common,
        )
    if state.answer is None:
        return review.finding(
            "checklist",
            severity,
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
    return review.finding("checklist", severity, answer_at, kind, evidence=quoted, **common)


def _gates(review: Review) -> Iterator[Finding]:
    for stage in review.deal.playbook.stages:
        severity = review.stage_severity(stage.key)
        if severity is None:
            break
        if stage.gate is None or gate_holds(review, stage):
            continue
        yield review.finding(
            "gate",
            severity,
            stage.gate.rule.subject(),
            "gate",
            stage=stage.key,
            item="gate",
            stage_label=tr(stage.label, review.lang),
            label=tr(stage.gate.label, review.lang),
            needs=stage.gate.rule.explain(review.deal.data, review.lang),
        )


RULES = (
    Rule("checklist", "a playbook item that is not satisfied", _items),
    Rule("gate", "a stage's gate that does not hold", _gates),
)
