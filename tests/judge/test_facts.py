"""The facts every part asks of a deal: items and gates, open work, actions, reviews,
meeting triggers and competitor ties."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from reviewkit.judge.facts import (
    NO_TIES,
    UNKNOWN_TIES,
    US,
    bid_stage_reached,
    chain_stage_reached,
    gate_holds,
    has_pic,
    has_ties,
    is_coach,
    is_decision_maker,
    is_risky_visit,
    is_us,
    item_state,
    last_review,
    meeting_triggers,
    open_work,
    overdue_actions,
    plan_for,
    speaks_for_us,
    stages_reached,
    tie_state,
)
from reviewkit.judge.findings import Review
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import Playbook
from tests.conftest import COMPLETE_DISCOVERY, ROOT, TODAY
from tests.judge.rules.conftest import PERSON_OK, Write, action, deal


def review_of(write: Write, playbook: Playbook, text: str, today: dt.date = TODAY) -> Review:
    return Review(load_deal(write(text), playbook), today)


def test_stages_reached(write: Write, playbook: Playbook) -> None:
    review = review_of(write, playbook, deal(stage="partner"))
    keys = [s.key for s in stages_reached(review)]
    assert keys == ["discovery", "qualification", "relationship", "partner"]


@pytest.mark.parametrize(
    ("stage", "reached"), [("discovery", False), ("relationship", True), ("bidding", True)]
)
def test_chain_stage_reached(write: Write, playbook: Playbook, stage: str, reached: bool) -> None:
    assert chain_stage_reached(review_of(write, playbook, deal(stage=stage))) is reached


@pytest.mark.parametrize(
    ("answer", "state"),
    [
        ("", "unanswered"),
        ("{status: yes}", "met"),
        ("{status: no}", "unmet"),
        ("{status: partial}", "partial"),
        ("{status: unknown}", "unknown"),
    ],
)
def test_item_state_of_an_item_answered_by_hand(
    write: Write, playbook: Playbook, answer: str, state: str
) -> None:
    body = f"checklist:\n  relationship:\n    pr-plan-feasible: {answer}\n" if answer else ""
    review = review_of(write, playbook, deal(body))
    item = next(i for i in playbook.stage("relationship").items if i.key == "pr-plan-feasible")
    got = item_state(review, item)
    assert got.state == state
    assert got.met is (state == "met")
    assert got.rule_holds is None


def test_item_state_of_an_automatic_item(write: Write, playbook: Playbook) -> None:
    item = next(i for i in playbook.stage("relationship").items if i.key == "coach-developed")
    held = item_state(review_of(write, playbook, deal("decision_chain:\n" + PERSON_OK)), item)
    assert (held.state, held.rule_holds) == ("met", True)
    doubted = deal(
        "decision_chain:\n"
        + PERSON_OK
        + "checklist:\n  relationship:\n    coach-developed: {status: partial}\n"
    )
    assert item_state(review_of(write, playbook, doubted), item).state == "partial"
    claimed = deal("checklist:\n  relationship:\n    coach-developed: {status: yes}\n")
    unmet = item_state(review_of(write, playbook, claimed), item)
    assert (unmet.state, unmet.rule_holds) == ("unmet", False)


def test_gate_holds(write: Write, playbook: Playbook) -> None:
    stage = playbook.stage("relationship")
    assert gate_holds(review_of(write, playbook, deal("decision_chain:\n" + PERSON_OK)), stage)
    assert gate_holds(review_of(write, playbook, deal()), stage) is False
    assert gate_holds(review_of(write, playbook, deal()), playbook.stage("discovery")) is None


def test_open_work_of_a_complete_stage_is_empty(write: Write, playbook: Playbook) -> None:
    review = review_of(write, playbook, COMPLETE_DISCOVERY)
    assert list(open_work(review, [playbook.stage("discovery")])) == []
    gaps = list(open_work(review, [playbook.stage("relationship")]))
    assert ("relationship", None, "unmet") in [(s.key, i, state) for s, i, state in gaps]
    assert all(state != "met" for _, _, state in gaps)


def test_overdue_actions(write: Write, playbook: Playbook) -> None:
    [(index, overdue)] = overdue_actions(review_of(write, playbook, action()))
    assert (index, overdue["owner"]) == (0, "Li Wei")
    assert overdue_actions(review_of(write, playbook, action(status="done"))) == []
    assert overdue_actions(review_of(write, playbook, action(extra="status: won"))) == []


def test_last_review_is_the_latest_meeting_held(write: Write, playbook: Playbook) -> None:
    text = deal("review:\n  date: 2026-12-05\n  previous: 2026-11-12\n")
    review = review_of(write, playbook, text)
    assert last_review(review) == (dt.date(2026, 11, 12), ("review", "previous"))
    later = review_of(write, playbook, text, dt.date(2026, 12, 6))
    assert last_review(later) == (dt.date(2026, 12, 5), ("review", "date"))
    assert last_review(review_of(write, playbook, deal())) is None


def test_meeting_triggers_in_the_format_order(write: Write, playbook: Playbook) -> None:
    text = deal(
        """\
        review:
          triggers: [pre-bid, obstacle]
        actions:
          - {what: Call, owner: Li, due: 2026-11-01}
        """,
        stage="bidding",
    )
    triggers = meeting_triggers(review_of(write, playbook, text))
    assert [t.key for t in triggers] == ["obstacle", "plan-slip", "pre-bid"]
    pre_bid = triggers[-1]
    assert pre_bid.at == ("review", "triggers", 0)
    assert len(pre_bid.reasons) == 2  # declared, and the stage's own
    closed = deal("review:\n  triggers: [obstacle]\n", extra="status: lost")
    assert meeting_triggers(review_of(write, playbook, closed)) == []


@pytest.mark.parametrize(
    ("text", "tied"),
    [
        ("classmate of Rivalnet's rep", True),
        ("None known.", False),
        ("  n/a ", False),
        ("暂无。", False),
        ("unknown", False),
        ("未知", False),
        ("", False),
        (None, False),
    ],
)
def test_has_ties(text: str | None, tied: bool) -> None:
    assert has_ties(text) is tied


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("classmate of Rivalnet's rep", "tie"),
        ("No current Kestrel contract, resold Kestrel until 2022", "tie"),
        ("None known.", "none"),
        ("none  KNOWN", "none"),
        ("  n/a ", "none"),
        ("无", "none"),
        ("没有", "none"),
        ("暂无。", "none"),
        ("unknown", "unknown"),
        ("Not known.", "unknown"),
        ("未知", "unknown"),
        ("不清楚。", "unknown"),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_tie_state(text: str | None, state: str | None) -> None:
    assert tie_state(text) == state


def test_coach_advocate_and_decision_maker(write: Write, playbook: Playbook) -> None:
    text = deal(
        """        decision_chain:
          - {name: Wang Qiang, roles: [decision-maker, advisor], speaks_for_us: true}
          - {name: Zhou Lin, roles: [user], coach: true}
        """
    )
    boss, coach = review_of(write, playbook, text).deal.data["decision_chain"]
    assert (is_coach(boss), speaks_for_us(boss), is_decision_maker(boss)) == (False, True, True)
    assert (is_coach(coach), speaks_for_us(coach), is_decision_maker(coach)) == (True, False, False)


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)


def test_deal_format_doc_lists_every_word_and_loads(write: Write, playbook: Playbook) -> None:
    text = (ROOT / "docs" / "deal-format.md").read_text(encoding="utf-8")
    table = text[text.index("### Competitor ties") : text.index("### Coach")]
    listed = set(re.findall(r"`([^`]+)`", table))
    assert listed >= NO_TIES | UNKNOWN_TIES
    people_example, whole = [b for b in _yaml_blocks(text) if "\n决策链:" not in b]
    ties = {
        p["name"]: tie_state(p["competitor_ties"])
        for p in review_of(write, playbook, deal(people_example)).deal.data["decision_chain"]
    }
    assert ties == {
        "Liu Jianguo": "tie",
        "Zhou Lin": "none",
        "Fang Hui": "unknown",
        "王海涛": "none",
    }
    assert load_deal(write(whole), playbook).name == "Provincial core network upgrade"


# -- the course's lessons: us, plans, the bid, PIC, visits ------------------------------


@pytest.mark.parametrize("text", ["us", "Us.", " we ", "our company", "我方", "我们", "我司。"])
def test_us(text: str) -> None:
    assert is_us(text)


@pytest.mark.parametrize("text", [None, "", "Kestrel", "usa", "华信通", "us and Kestrel"])
def test_not_us(text: str | None) -> None:
    assert not is_us(text)


def test_every_word_for_us_is_documented() -> None:
    text = (ROOT / "docs" / "deal-format.md").read_text(encoding="utf-8")
    section = text[text.index("### Us") : text.index("### The course's lessons")]
    assert set(re.findall(r"`([^`]+)`", section)) >= US


def test_a_persons_plan_is_their_open_actions(write: Write, playbook: Playbook) -> None:
    text = deal(
        """\
        decision_chain:
          - {name: A}
        actions:
          - {what: Dinner, with: [A]}
          - {what: Visit, with: [A, C], status: done}
          - {what: Call, with: [C]}
          - {what: Demo, with: [A]}
        """
    )
    actions = review_of(write, playbook, text).deal.data["actions"]
    assert [a["what"] for a in plan_for(actions, "A")] == ["Dinner", "Demo"]
    assert [a["what"] for a in plan_for(actions, "C")] == ["Call"]


@pytest.mark.parametrize(
    ("stage", "reached"),
    [("solution", False), ("bidding", True), ("implementation", True)],
)
def test_the_bid_is_the_first_pre_bid_stage(
    write: Write, playbook: Playbook, stage: str, reached: bool
) -> None:
    assert bid_stage_reached(review_of(write, playbook, deal(stage=stage))) is reached


def test_pic_and_risky_visits(write: Write, playbook: Playbook) -> None:
    text = deal(
        """\
        decision_chain:
          - {name: A, needs: {certain: keeps his seat}}
          - {name: B, needs: {personal: "  "}}
        visits:
          - {site: ours, host: us, accompanied: true}
          - {site: ours alone, host: 我方, accompanied: false}
          - {site: theirs, host: Kestrel, accompanied: true}
          - {site: ours, host: us}
          - {site: nobody said}
          - {site: nobody said, accompanied: false}
        """
    )
    data = review_of(write, playbook, text).deal.data
    assert [has_pic(p) for p in data["decision_chain"]] == [True, False]
    assert [is_risky_visit(v) for v in data["visits"]] == [False, True, True, False, False, True]
