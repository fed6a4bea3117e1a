"""What a deal's data shows, as the rules, packs, changes, advance and pipeline all ask it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from reviewkit.judge.findings import Review, clip
from reviewkit.model.playbook import Item, Stage, tr
from reviewkit.text.catalogue import say
from reviewkit.text.labels import ENUMS, FRIENDLY

if TYPE_CHECKING:
    from reviewkit.model.dealtypes import (
        Action,
        ChecklistAnswer,
        Person,
        ProductProblem,
        StageMove,
        Visit,
    )

# -- the playbook's stages ----------------------------------------------------------


def stages_reached(review: Review) -> tuple[Stage, ...]:
    """The playbook's stages up to and including the deal's current one."""
    return review.deal.playbook.stages[: review.deal.stage_index + 1]


def chain_stage_reached(review: Review) -> bool:
    """Whether the deal is at or past the playbook's decision-chain stage (if it has one)."""
    chain = review.deal.playbook.chain_stage
    return chain is not None and review.deal.playbook.index[chain] <= review.deal.stage_index


def bid_stage_reached(review: Review) -> bool:
    """Whether the deal is at or past the bid: the first stage with the `pre-bid` trigger
    (the default playbook's bidding, MEDDPICC's negotiate)."""
    for stage in review.deal.playbook.stages:
        if "pre-bid" in stage.triggers:
            return stage.index <= review.deal.stage_index
    return False


# -- checklist items and gates ------------------------------------------------------


@dataclass(frozen=True)
class ItemState:
    """How one checklist item stands: `met`, `partial`, `unmet`, `unknown` or `unanswered`."""

    item: Item
    state: str
    answer: ChecklistAnswer | None
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


@dataclass(frozen=True)
class Acceptance:
    """An open item or gate a forced `advance` moved past: when, and why."""

    date: dt.date | None
    reason: str


def accepted(review: Review, stage: str, item: str) -> Acceptance | None:
    """Whether `advance --force` accepted item `item` (or "gate") of `stage` as open: the
    latest forced move whose `open:` list names `stage/item`."""
    return accepted_in(review.deal.data["history"], stage, item)


def accepted_in(history: Sequence[StageMove], stage: str, item: str) -> Acceptance | None:
    """`accepted`, read from a deal's `history:` (a pack reads it with the floor withheld)."""
    for entry in reversed(history):
        if entry["forced"] and f"{stage}/{item}" in entry["open"]:
            return Acceptance(entry["date"], entry["reason"] or "")
    return None


def accepted_note(acceptance: Acceptance, lang: str) -> str:
    """What an accepted item's finding and pack line add: " — accepted when advancing on…"."""
    date = acceptance.date.isoformat() if acceptance.date else "?"
    return say(lang, "message.accepted", date=date, reason=acceptance.reason)


# -- actions and review meetings ----------------------------------------------------


def overdue_actions(review: Review) -> list[tuple[int, Action]]:
    """(index, action) of every open action past its due date, in file order."""
    if not review.deal.is_open:
        return []
    return [
        (index, action)
        for index, action in enumerate(review.deal.data["actions"])
        if action["status"] == "open" and action["due"] is not None and action["due"] < review.today
    ]


def last_review(review: Review) -> tuple[dt.date, tuple[str, ...]] | None:
    """The most recent review meeting held (not one still ahead), and where it is written."""
    held = [
        (day, ("review", key))
        for key in ("date", "previous")
        if (day := review.deal.data["review"][key]) is not None and day <= review.today
    ]
    return max(held) if held else None


def review_overdue(review: Review) -> tuple[dt.date, int, tuple[str, ...]] | None:
    """(last meeting, days since, where it is written) when an open deal has gone longer than
    `thresholds.stale_review_days` without a review meeting. A deal with no meeting recorded
    is not overdue: there is no meeting to count from (the pipeline says "none recorded")."""
    last = last_review(review)
    if not review.deal.is_open or last is None:
        return None
    days = (review.today - last[0]).days
    if days <= review.config.thresholds.stale_review_days:
        return None
    return last[0], days, last[1]


def next_action(review: Review) -> Action | None:
    """The open action due first (undated ones after every dated one, in file order)."""
    open_ = [a for a in review.deal.data["actions"] if a["status"] == "open"]
    dated = [a for a in open_ if a["due"] is not None]
    if dated:
        return min(dated, key=lambda a: a["due"] or dt.date.max)
    return open_[0] if open_ else None


def sales_cycle(review: Review) -> tuple[dt.date, dt.date] | None:
    """(start, close) of a won or lost deal: from the first date its `history` or review
    meetings record to the outcome's date; None when either end is unknown."""
    deal = review.deal
    close = deal.data["outcome"]["date"]
    if deal.status not in ("won", "lost") or close is None:
        return None
    starts = [m["date"] for m in deal.data["history"] if m["date"] is not None]
    starts += [d for d in (deal.data["review"]["previous"], deal.data["review"]["date"]) if d]
    starts = [d for d in starts if d <= close]
    return (min(starts), close) if starts else None


@dataclass(frozen=True)
class Trigger:
    """One reason for the meeting, with why, and where in the file it shows."""

    key: str
    reasons: tuple[str, ...]
    at: tuple[str | int, ...]


def meeting_triggers(review: Review) -> list[Trigger]:
    """The meeting's triggers in the format's order: declared ones and those the data shows."""
    deal = review.deal
    if not deal.is_open:
        return []
    found: dict[str, tuple[list[str], tuple[str | int, ...]]] = {}

    def add(key: str, reason: str, at: tuple[str | int, ...]) -> None:
        found.setdefault(key, ([], at))[0].append(reason)

    for index, declared in enumerate(deal.data["review"]["triggers"]):
        add(declared, review.text("trigger-declared"), ("review", "triggers", index))
    overdue = overdue_actions(review)
    if overdue:
        add(
            "plan-slip",
            review.text("trigger-overdue", count=len(overdue)),
            ("actions", overdue[0][0], "due"),
        )
    previous = deal.data["review"]["previous"]
    for index, event in enumerate(deal.data["dynamics"]):
        if not event["reversal"]:
            continue
        if previous is not None and event["date"] is not None and event["date"] <= previous:
            continue
        when = event["date"].isoformat() if event["date"] else "?"
        add(
            "dynamics-reversal",
            review.text("trigger-reversal", date=when, event=clip(event["event"], 80)),
            ("dynamics", index, "reversal"),
        )
    stage = deal.playbook.stage(deal.stage)
    for key in stage.triggers:
        add(
            key, review.text("trigger-stage", stage=tr(stage.label, review.lang)), ("deal", "stage")
        )
    order = list(ENUMS["trigger"])
    return [
        Trigger(key, tuple(dict.fromkeys(reasons)), at)
        for key, (reasons, at) in sorted(found.items(), key=lambda kv: order.index(kv[0]))
    ]


# -- people: competitor ties, coach, advocate, decision maker ------------------------

#: How a person's or partner's `competitor_ties` reads: no tie, tie unknown, or a tie.
TieState = Literal["none", "unknown", "tie"]

#: Texts that record that no competitor tie is known (so the field is answered, not a tie).
NO_TIES = frozenset(
    {
        "none",
        "none known",
        "no",
        "no ties",
        "no tie",
        "nothing known",
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

#: Texts that record that nobody knows yet whether there is a tie.
UNKNOWN_TIES = frozenset(
    {
        "unknown",
        "not known",
        "not known yet",
        "unclear",
        "to be checked",
        "tbd",
        "?",
        "未知",
        "不清楚",
        "不详",
        "待查",
        "待了解",
    }
)


def tie_state(text: str | None) -> TieState | None:
    """What a `competitor_ties` text says: "none", "unknown" or "tie"; None when blank."""
    if text is None or not text.strip():
        return None
    words = " ".join(text.split()).lower().rstrip(".。")
    if words in NO_TIES:
        return "none"
    if words in UNKNOWN_TIES:
        return "unknown"
    return "tie"


def has_ties(text: str | None) -> bool:
    """Whether the text names a tie to a competitor (not "none known", not "unknown")."""
    return tie_state(text) == "tie"


def is_coach(person: Person) -> bool:
    """Whether the person is our coach (`coach: true`)."""
    return bool(person["coach"])


def speaks_for_us(person: Person) -> bool:
    """Whether the person is our advocate: speaks up for us (`speaks_for_us: true`)."""
    return bool(person["speaks_for_us"])


def is_decision_maker(person: Person) -> bool:
    """Whether the person decides (`decision-maker` among their `roles`)."""
    return "decision-maker" in person["roles"]


def is_hostile(person: Person) -> bool:
    """Whether the person is rated against us: opposer or non-supporter."""
    return person["attitude"] in ("opposer", "non-supporter")


def is_friendly(person: Person) -> bool:
    """Whether the person is rated supporter or better: supporter, sympathizer or ally."""
    return person["attitude"] in FRIENDLY


def has_pic(person: Person) -> bool:
    """Whether the person's burning need (PIC, 燃眉之急) is written under `needs`."""
    needs = person["needs"]
    return any(
        text and text.strip() for text in (needs["personal"], needs["immediate"], needs["certain"])
    )


# -- who "us" is: visit hosts, whose product ---------------------------------------

#: Texts that name our own company in `visits[].host` and `product_problems[].whose`.
US = frozenset({"us", "we", "ours", "our company", "我方", "我们", "我司", "本公司", "我公司"})


def is_us(text: str | None) -> bool:
    """Whether a host or owner text names our own company ("us", "我方", ...)."""
    return text is not None and " ".join(text.split()).lower().rstrip(".。") in US


# -- actions aimed at people ---------------------------------------------------------


def known_people(review: Review) -> frozenset[str]:
    """The names an action's `with` may give: the decision chain's people and the partners."""
    data = review.deal.data
    return frozenset(p["name"] for p in (*data["decision_chain"], *data["partners"]) if p["name"])


def plan_for(actions: list[Action], name: str) -> list[Action]:
    """The open actions aimed at the person called `name` (`with:` names them), in file order."""
    return [action for action in actions if action["status"] == "open" and name in action["with"]]


def needs_plan(review: Review, person: Person) -> bool:
    """Whether the course asks for a plan aimed at the person from the relationship stage on:
    high influence and not rated supporter or better ("how do we win A over?")."""
    return (
        review.deal.is_open
        and chain_stage_reached(review)
        and person["influence"] == "high"
        and not is_friendly(person)
    )


# -- product problems and visits ----------------------------------------------------


def is_open_problem(problem: ProductProblem) -> bool:
    """Whether a product problem is still open (a problem without `status` loads as open)."""
    return problem["status"] == "open"


def is_unanswered_problem(problem: ProductProblem) -> bool:
    """Whether a problem is ours, still open, and without our response written."""
    answered = bool(problem["response"] and problem["response"].strip())
    return is_us(problem["whose"]) and is_open_problem(problem) and not answered


def is_risky_visit(visit: Visit) -> bool:
    """Whether a customer visit needs a director's attention: hosted by someone other than us
    (a host is given and is not us), or one we did not accompany ("not accompanying the
    customer is a serious mistake")."""
    host = visit["host"]
    return bool(host and host.strip() and not is_us(host)) or visit["accompanied"] is False
