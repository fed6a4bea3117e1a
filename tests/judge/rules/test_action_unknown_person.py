"""`action-unknown-person`: an action aimed at a name nobody in the deal has."""

from __future__ import annotations

from tests.judge.rules.case import PERSON_A, PERSON_C
from tests.judge.rules.conftest import Check, at, deal, rule, where

PARTNER = """\
partners:
  - name: Harbourline
"""


def _action(names: str) -> str:
    return f"""\
actions:
  - what: Separate dinners, never the whole group
    owner: Li Wei
    due: 2026-12-20
    checkpoint: each tells us one thing the group does not
    with: [{names}]
"""


def test_names_in_the_chain_and_partners_are_known(check: Check) -> None:
    text = deal("decision_chain:\n" + PERSON_A + PERSON_C + PARTNER + _action("A, C, Harbourline"))
    assert rule(check(text), "action-unknown-person") == []


def test_an_unknown_name_is_reported_with_a_suggestion(check: Check) -> None:
    text = deal(
        "decision_chain:\n  - {name: Wang Qiang}\n  - {name: Liu Jianguo}\n"
        + _action("Wang Qiang, Wang Qaing")
    )
    [finding] = rule(check(text), "action-unknown-person")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "Wang Qaing")
    assert finding.message == (
        "action “Separate dinners, never the whole group” is aimed at “Wang Qaing”, who is not "
        "in the decision chain or among the partners; did you mean 'Wang Qiang'?"
    )


def test_every_unknown_name_is_reported(check: Check) -> None:
    text = deal("decision_chain:\n" + PERSON_A + _action("B, D"))
    assert len(rule(check(text), "action-unknown-person")) == 2


def test_in_chinese(check: Check) -> None:
    text = deal(
        "decision_chain:\n  - {name: 王强}\n" + _action("王墙"),
        extra="language: zh",
    )
    [finding] = rule(check(text), "action-unknown-person")
    assert "的对象“王墙”不在决策链或合作伙伴中" in finding.message
