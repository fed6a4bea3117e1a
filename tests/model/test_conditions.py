"""Playbook rules evaluated on small deals: exists, count, every, all / any / not, and words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reviewkit.errors import InvalidFile
from reviewkit.model import conditions
from reviewkit.model.conditions import Rule, get
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import load_playbook
from tests.conftest import MINIMAL

Write = Callable[..., Path]

PLAYBOOK = """\
reviewkit-playbook: 1
name: {{en: Rules}}
stages:
  - key: relationship
    label: {{en: R}}
    items:
      - key: probe
        label: {{en: Probe}}
        question: {{en: Probe}}
        rule: {rule}
"""


@pytest.fixture
def rule(write: Write) -> Callable[[str], Rule]:
    """rule('{count: partners}') -> the Rule a playbook with that rule loads to."""

    def _rule(text: str) -> Rule:
        book = load_playbook(write(PLAYBOOK.format(rule=text), "rules.yaml"))
        parsed = book.stages[0].items[0].rule
        assert parsed is not None
        return parsed

    return _rule


@pytest.fixture
def deal(write: Write) -> Callable[[str], dict[str, Any]]:
    """deal(yaml after MINIMAL) -> the loaded data of that deal."""

    def _deal(extra: str = "") -> dict[str, Any]:
        return load_deal(write(MINIMAL + extra, "deal.yaml")).data

    return _deal


Rules = Callable[[str], Rule]
Deals = Callable[[str], dict[str, Any]]

CHAIN = """\
decision_chain:
  - name: Wang
    roles: [decision-maker]
    influence: high
    attitude: acknowledger
    coach: false
  - name: Zhou
    roles: [user, technical]
    influence: medium
    attitude: ally
    coach: true
    speaks_for_us: true
    profile: analytical
  - name: Sun
    roles: [advisor]
    influence: high
    attitude: supporter
    speaks_for_us: true
"""


# -- exists -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "holds"),
    [
        pytest.param("", False, id="absent"),
        pytest.param("  owner: Li Wei\n", True, id="present"),
        pytest.param("  owner:\n", False, id="null"),
        pytest.param("  owner: ''\n", False, id="empty-string"),
        pytest.param("  owner: '   '\n", False, id="blank-string"),
        pytest.param("  owner: |\n    Li Wei\n", True, id="block"),
    ],
)
def test_exists_on_text(rule: Rules, deal: Deals, extra: str, holds: bool) -> None:
    assert rule("{exists: deal.owner}").holds(deal(extra)) is holds


@pytest.mark.parametrize(
    ("extra", "holds"),
    [
        pytest.param("", False, id="absent"),
        pytest.param("  team: []\n", False, id="empty-list"),
        pytest.param("  team: [Chen Yu]\n", True, id="one"),
    ],
)
def test_exists_on_a_list(rule: Rules, deal: Deals, extra: str, holds: bool) -> None:
    assert rule("{exists: deal.team}").holds(deal(extra)) is holds


@pytest.mark.parametrize(
    ("extra", "holds"),
    [
        pytest.param("", False, id="absent"),
        pytest.param("  value: {amount: 12000000, currency: CNY}\n", True, id="money"),
        pytest.param("  value: {amount: 0, currency: CNY}\n", True, id="zero-amount"),
    ],
)
def test_exists_on_money(rule: Rules, deal: Deals, extra: str, holds: bool) -> None:
    assert rule("{exists: deal.value}").holds(deal(extra)) is holds
    assert rule("{exists: deal.value.amount}").holds(deal(extra)) is holds


def test_exists_on_a_mapping_holds_when_any_field_is_filled(rule: Rules, deal: Deals) -> None:
    departments = rule("{exists: background.customer.departments}")
    assert not departments.holds(deal(""))
    assert not departments.holds(deal("background:\n  customer:\n    departments: {}\n"))
    assert departments.holds(deal("background:\n  customer:\n    departments: {user: IT}\n"))


def test_exists_with_several_paths_needs_all_of_them(rule: Rules, deal: Deals) -> None:
    both = rule("{exists: [deal.owner, deal.customer]}")
    assert both.paths == (("deal", "owner"), ("deal", "customer"))
    assert not both.holds(deal("  owner: Li\n"))
    assert not both.holds(deal("  customer: Acme\n"))
    assert both.holds(deal("  owner: Li\n  customer: Acme\n"))


def test_exists_on_a_missing_section(rule: Rules, deal: Deals) -> None:
    floor = rule("{exists: strategy.commercial.floor}")
    assert not floor.holds(deal(""))
    assert not floor.holds(deal("strategy:\n  product: x\n"))
    assert floor.holds(deal("strategy:\n  commercial:\n    floor: {amount: 1, currency: CNY}\n"))


def test_exists_through_a_list_is_refused_or_works(write: Write, deal: Deals) -> None:
    path = write(PLAYBOOK.format(rule="{exists: decision_chain.name}"), "rules.yaml")
    try:
        book = load_playbook(path)
    except InvalidFile as exc:
        assert [(p.line, p.kind) for p in exc.problems] == [(10, "rule-path-in-list")]
        assert "use count or every" in exc.problems[0].hint
        return
    parsed = book.stages[0].items[0].rule
    assert parsed is not None and parsed.holds(deal(CHAIN))


# -- count ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        pytest.param("{count: decision_chain}", True, id="no-where"),
        pytest.param("{count: decision_chain, min: 3}", True, id="min-3"),
        pytest.param("{count: decision_chain, min: 4}", False, id="min-4"),
        pytest.param("{count: decision_chain, where: {coach: true}}", True, id="bool"),
        pytest.param("{count: decision_chain, where: {coach: true}, min: 2}", False, id="bool-min"),
        pytest.param("{count: decision_chain, where: {influence: high}, min: 2}", True, id="enum"),
        pytest.param("{count: decision_chain, where: {influence: low}}", False, id="enum-none"),
        pytest.param(
            "{count: decision_chain, where: {roles: decision-maker}}", True, id="list-contains"
        ),
        pytest.param("{count: decision_chain, where: {roles: gatekeeper}}", False, id="list-lacks"),
        pytest.param(
            "{count: decision_chain, where: {roles: [advisor, technical]}, min: 2}",
            True,
            id="list-one-of",
        ),
        pytest.param(
            "{count: decision_chain, where: {attitude: [supporter, sympathizer, ally]}, min: 2}",
            True,
            id="one-of",
        ),
        pytest.param(
            "{count: decision_chain, where: {attitude: [opposer, non-supporter]}}",
            False,
            id="one-of-none",
        ),
        pytest.param(
            "{count: decision_chain, where: {influence: high, speaks_for_us: true}}",
            True,
            id="and",
        ),
        pytest.param(
            "{count: decision_chain, where: {influence: medium, speaks_for_us: true, "
            "coach: false}}",
            False,
            id="and-none",
        ),
        pytest.param(
            "{count: decision_chain, where: {profile: {present: true}}, min: 2}",
            False,
            id="present-true",
        ),
        pytest.param(
            "{count: decision_chain, where: {profile: {present: false}}, min: 2}",
            True,
            id="present-false",
        ),
        pytest.param(
            "{count: decision_chain, where: {speaks_for_us: {present: false}}}",
            True,
            id="absent-bool",
        ),
        pytest.param(
            "{count: decision_chain, where: {integrator_attitudes: {present: true}}}",
            False,
            id="present-empty-map",
        ),
    ],
)
def test_count(rule: Rules, deal: Deals, text: str, holds: bool) -> None:
    assert rule(text).holds(deal(CHAIN)) is holds


def test_count_on_an_empty_or_absent_list(rule: Rules, deal: Deals) -> None:
    anyone = rule("{count: decision_chain}")
    assert not anyone.holds(deal(""))
    assert not anyone.holds(deal("decision_chain: []\n"))


def test_count_where_false_does_not_match_an_absent_value(rule: Rules, deal: Deals) -> None:
    not_coach = rule("{count: decision_chain, where: {coach: false}, min: 2}")
    # Wang says coach: false; Sun says nothing: only one entry matches.
    assert not not_coach.holds(deal(CHAIN))
    assert rule("{count: decision_chain, where: {coach: false}}").holds(deal(CHAIN))


def test_count_on_a_dotted_field(rule: Rules, deal: Deals) -> None:
    named = rule("{count: competitors, where: {sales_rep.name: {present: true}}}")
    assert named.where == (conditions.Test(("sales_rep", "name"), "present", True),)
    assert not named.holds(deal("competitors:\n  - name: Rivalnet\n"))
    assert not named.holds(deal("competitors:\n  - name: Rivalnet\n    sales_rep: {style: loud}\n"))
    assert named.holds(deal("competitors:\n  - name: Rivalnet\n    sales_rep: {name: Ma}\n"))


def test_count_on_a_map_field(rule: Rules, deal: Deals) -> None:
    known = rule("{count: decision_chain, where: {integrator_attitudes: {present: true}}}")
    data = deal(
        "decision_chain:\n  - name: A\n    integrator_attitudes: {Eastbridge Systems: positive}\n"
    )
    assert known.holds(data)


def test_count_on_other_lists(rule: Rules, deal: Deals) -> None:
    reversal = rule("{count: dynamics, where: {reversal: true, impact: negative}}")
    data = deal(
        "dynamics:\n"
        "  - {event: a, reversal: true, impact: positive}\n"
        "  - {event: b, reversal: true, impact: negative}\n"
    )
    assert reversal.holds(data)
    done = rule("{count: actions, where: {status: done}}")
    # An action's status defaults to open when loaded.
    assert not done.holds(deal("actions:\n  - what: call\n"))
    assert rule("{count: actions, where: {status: open}}").holds(deal("actions:\n  - what: call\n"))


# -- every --------------------------------------------------------------------------------------


def test_every_is_false_on_an_empty_list(rule: Rules, deal: Deals) -> None:
    profiled = rule("{every: decision_chain, where: {profile: {present: true}}}")
    assert not profiled.holds(deal(""))
    assert not profiled.holds(deal("decision_chain: []\n"))
    assert profiled.missing(deal("")) == []


def test_every_holds_when_all_entries_match(rule: Rules, deal: Deals) -> None:
    profiled = rule("{every: decision_chain, where: {profile: {present: true}}}")
    data = deal("decision_chain:\n  - {name: A, profile: x}\n  - {name: B, profile: y}\n")
    assert profiled.holds(data)
    assert profiled.missing(data) == []
    assert profiled.explain(data, "en") == profiled.describe("en")


def test_every_names_the_entries_that_fall_short(rule: Rules, deal: Deals) -> None:
    profiled = rule("{every: decision_chain, where: {profile: {present: true}}}")
    data = deal(CHAIN)
    assert not profiled.holds(data)
    assert profiled.missing(data) == ["Wang", "Sun"]
    assert profiled.explain(data, "en") == (
        "needs, for every entry of the decision chain: profile filled in (not yet: Wang, Sun)"
    )
    assert profiled.explain(data, "zh") == (
        "需要决策链非空，且每一项都满足：已填写性格特征（尚缺：Wang、Sun）"
    )


def test_every_numbers_entries_without_a_name(rule: Rules, deal: Deals) -> None:
    dated = rule("{every: dynamics, where: {date: {present: true}}}")
    data = deal("dynamics:\n  - {event: a, date: 2026-11-01}\n  - {event: b}\n  - {event: c}\n")
    assert dated.missing(data) == ["dynamics[1]", "dynamics[2]"]


def test_every_with_one_of(rule: Rules, deal: Deals) -> None:
    known = rule(
        "{every: decision_chain, where: {attitude: "
        "[opposer, non-supporter, acknowledger, supporter, sympathizer, ally]}}"
    )
    assert known.holds(deal(CHAIN))
    data = deal(CHAIN + "  - name: Ma\n    attitude: unknown\n  - name: Qian\n")
    assert not known.holds(data)
    assert known.missing(data) == ["Ma", "Qian"]


def test_missing_is_empty_for_rules_other_than_every(rule: Rules, deal: Deals) -> None:
    coach = rule("{count: decision_chain, where: {coach: true}, min: 5}")
    assert coach.missing(deal(CHAIN)) == []
    assert coach.explain(deal(CHAIN), "en") == coach.describe("en")


# -- all / any / not ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "extra", "holds"),
    [
        pytest.param(
            "{all: [{exists: deal.owner}, {exists: deal.customer}]}",
            "  owner: Li\n",
            False,
            id="all-one",
        ),
        pytest.param(
            "{all: [{exists: deal.owner}, {exists: deal.customer}]}",
            "  owner: Li\n  customer: C\n",
            True,
            id="all-both",
        ),
        pytest.param(
            "{any: [{exists: deal.owner}, {exists: deal.customer}]}",
            "  customer: C\n",
            True,
            id="any-one",
        ),
        pytest.param(
            "{any: [{exists: deal.owner}, {exists: deal.customer}]}", "", False, id="any-none"
        ),
        pytest.param("{not: {exists: deal.owner}}", "", True, id="not-absent"),
        pytest.param("{not: {exists: deal.owner}}", "  owner: Li\n", False, id="not-present"),
        pytest.param(
            "{all: [{count: decision_chain, min: 3}, {count: decision_chain, where: {roles: decision-maker}}]}",
            CHAIN,
            True,
            id="nested-counts",
        ),
        pytest.param(
            "{any: [{not: {count: decision_chain}}, {all: [{exists: deal.owner}]}]}",
            CHAIN,
            False,
            id="deeply-nested",
        ),
    ],
)
def test_all_any_not(rule: Rules, deal: Deals, text: str, extra: str, holds: bool) -> None:
    assert rule(text).holds(deal(extra)) is holds


# -- built directly --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "entry", "matches"),
    [
        (conditions.Test(("coach",), "eq", True), {"coach": True}, True),
        (conditions.Test(("coach",), "eq", True), {"coach": None}, False),
        (conditions.Test(("coach",), "eq", True), {}, False),
        (conditions.Test(("roles",), "eq", "user"), {"roles": ["advisor", "user"]}, True),
        (conditions.Test(("roles",), "eq", "user"), {"roles": []}, False),
        (conditions.Test(("roles",), "in", ("user", "advisor")), {"roles": ["advisor"]}, True),
        (conditions.Test(("attitude",), "in", ("ally", "supporter")), {"attitude": "ally"}, True),
        (
            conditions.Test(("attitude",), "in", ("ally", "supporter")),
            {"attitude": "opposer"},
            False,
        ),
        (conditions.Test(("profile",), "present", True), {"profile": " "}, False),
        (conditions.Test(("profile",), "present", False), {"profile": None}, True),
        (
            conditions.Test(("sales_rep", "name"), "present", True),
            {"sales_rep": {"name": "Ma"}},
            True,
        ),
        (conditions.Test(("sales_rep", "name"), "present", True), {"sales_rep": None}, False),
    ],
)
def test_test_matches(test: conditions.Test, entry: dict[str, Any], matches: bool) -> None:
    assert test.matches(entry) is matches


def test_rules_built_directly() -> None:
    owner = Rule("exists", paths=(("deal", "owner"),))
    coach = Rule(
        "count", paths=(("decision_chain",),), where=(conditions.Test(("coach",), "eq", True),)
    )
    data = {"deal": {"owner": "Li"}, "decision_chain": [{"name": "A", "coach": True}]}
    assert owner.holds(data) and coach.holds(data)
    assert Rule("all", rules=(owner, coach)).holds(data)
    assert not Rule("not", rules=(owner,)).holds(data)
    assert Rule("any", rules=(Rule("not", rules=(owner,)), coach)).holds(data)
    assert not Rule("count", paths=(("decision_chain",),), min=2).holds(data)
    assert not owner.holds({"deal": None})
    assert Rule("all", rules=(coach, owner)).subject() == ("decision_chain",)
    assert Rule("not", rules=(owner,)).subject() == ("deal", "owner")


def test_get_walks_dicts_and_stops_elsewhere() -> None:
    data = {"a": {"b": {"c": 1}}, "l": [{"x": 1}]}
    assert get(data, ("a", "b", "c")) == 1
    assert get(data, ("a", "z")) is None
    assert get(data, ("l", "x")) is None
    assert get(data, ()) is data


# -- words --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "en", "zh"),
    [
        pytest.param(
            "{exists: [strategy.commercial.floor, strategy.commercial.target]}",
            "needs the floor price, target price filled in",
            "需要填写：底线、目标价",
            id="exists",
        ),
        pytest.param(
            "{count: decision_chain, where: {coach: true}}",
            "needs at least 1 person in the decision chain: is our coach",
            "需要决策链中至少 1 人：是我方教练",
            id="count",
        ),
        pytest.param(
            "{count: decision_chain, min: 3}",
            "needs at least 3 people in the decision chain",
            "需要决策链中至少 3 人",
            id="count-min",
        ),
        pytest.param(
            "{count: competitors, where: {sales_rep.name: {present: true}, threat: [medium, high]}}",
            "needs at least 1 competitor: their sales rep's name filled in, threat is medium or high",
            "需要竞争对手中至少 1 家：已填写对方销售代表的姓名、威胁为中或高",
            id="count-present-one-of",
        ),
        pytest.param(
            "{every: partners, where: {competitor_ties: {present: false}}}",
            "needs, for every entry of the partners: no ties to competitors",
            "需要合作伙伴非空，且每一项都满足：未填写与对手关系",
            id="every-absent",
        ),
        pytest.param(
            "{count: decision_chain, where: {roles: decision-maker, speaks_for_us: false}}",
            "needs at least 1 person in the decision chain: role is decision maker, does not speak for us",
            "需要决策链中至少 1 人：角色为决策者、不为我方说话",
            id="count-enum-and-false",
        ),
        pytest.param(
            "{every: decision_chain, where: {attitude: [opposer, non-supporter, acknowledger,"
            " supporter, sympathizer, ally]}}",
            "needs, for every entry of the decision chain: attitude known",
            "需要决策链非空，且每一项都满足：态度已判明",
            id="every-known",
        ),
        pytest.param(
            "{not: {exists: deal.owner}}",
            "must not hold: needs the account manager filled in",
            "不应满足：需要填写：客户经理",
            id="not",
        ),
        pytest.param(
            "{all: [{exists: deal.owner}, {count: partners}]}",
            "needs the account manager filled in; and needs at least 1 partner",
            "需要填写：客户经理；并且需要合作伙伴中至少 1 家",
            id="all",
        ),
        pytest.param(
            "{any: [{exists: background.project.channels}, {count: partners}]}",
            "needs the channels involved filled in; or needs at least 1 partner",
            "需要填写：参与渠道；或者需要合作伙伴中至少 1 家",
            id="any",
        ),
    ],
)
def test_describe(rule: Rules, text: str, en: str, zh: str) -> None:
    parsed = rule(text)
    assert parsed.describe("en") == en
    assert parsed.describe("zh") == zh


@pytest.mark.parametrize(
    "rule",
    [
        "{exists: []}",
        "{exists: [deal.owner, ~]}",
        "{count: decision_chain, where: {coach: {present: }}}",
    ],
)
def test_an_empty_rule_part_is_reported(write: Write, rule: str) -> None:
    path = write(PLAYBOOK.format(rule=rule), "rules.yaml")
    with pytest.raises(InvalidFile) as info:
        load_playbook(path)
    assert [p.kind for p in info.value.problems] == ["rule-empty-value"]


def test_an_empty_rule_means_answered_by_hand(write: Write) -> None:
    path = write(PLAYBOOK.format(rule="~"), "rules.yaml")
    assert load_playbook(path).stages[0].items[0].rule is None
