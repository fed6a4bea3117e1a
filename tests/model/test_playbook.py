"""Playbooks: the shipped default (its stage and item keys are a file-format contract) and
the problems of a team's own playbook file."""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from reviewkit.errors import InvalidFile, Problem
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import (
    DEFAULT_PLAYBOOK,
    Lesson,
    Playbook,
    describe,
    load_playbook,
    tr,
)
from tests.conftest import MINIMAL, SAMPLES

SAMPLE_PLAYBOOK = SAMPLES / "playbooks" / "meddpicc.yaml"

Write = Callable[..., Path]

#: Stage and item keys of the default playbook, as listed in design/methodology.md. Deal
#: files name them under `checklist:`: changing one breaks users' files.
DEFAULT_KEYS: dict[str, list[str]] = {
    "discovery": [
        "customer-background",
        "competitor-intel",
        "project-facts",
        "decision-chain-mapped",
        "channels-known",
        "needs-confirmed",
    ],
    "qualification": ["opportunity-rated", "resources-assigned"],
    "relationship": [
        "decision-chain-profiled",
        "acceptance-known",
        "integrator-attitudes-known",
        "competitor-relationships-known",
        "coach-developed",
        "pr-strategy-aligned",
        "pr-plan-feasible",
        "key-customer-guiding",
        "decision-maker-stance",
    ],
    "partner": [
        "integrator-influence",
        "integrator-competitor-ties",
        "integrator-informants",
        "integrator-strategy-aligned",
        "decision-maker-on-integrator",
    ],
    "solution": [
        "solution-confirmed",
        "tender-spec-favorable",
        "competition-analysed",
        "differentiation-strategy",
        "partner-confirmed-solution",
    ],
    "bidding": [
        "competitor-inside-source",
        "evaluation-rules-shaped",
        "evaluation-committee-known",
        "advocate-in-chain",
        "chain-obstacles-planned",
        "commercial-expectations-known",
        "commercial-strategy-set",
        "floor-and-target-set",
        "closing-plan",
    ],
    "implementation": [
        "delivery-plan",
        "acceptance-criteria-agreed",
        "payment-schedule",
        "reference-value",
    ],
}


def has_both_languages(text: dict[str, str] | None) -> bool:
    return bool(text) and all((text or {}).get(lang, "").strip() for lang in ("en", "zh"))


# -- the default playbook ---------------------------------------------------------------------


def test_default_playbook_loads_once(playbook: Playbook) -> None:
    assert load_playbook() is playbook
    assert playbook.path == "default playbook"
    assert DEFAULT_PLAYBOOK.name == "default.yaml"
    assert has_both_languages(playbook.name)


def test_default_stage_keys(playbook: Playbook) -> None:
    assert [s.key for s in playbook.stages] == [
        "discovery",
        "qualification",
        "relationship",
        "partner",
        "solution",
        "bidding",
        "implementation",
    ]
    assert [s.index for s in playbook.stages] == list(range(7))
    assert playbook.index == {s.key: i for i, s in enumerate(playbook.stages)}
    assert playbook.stage("bidding").index == 5


@pytest.mark.parametrize("stage", list(DEFAULT_KEYS))
def test_default_item_keys(playbook: Playbook, stage: str) -> None:
    items = playbook.stage(stage).items
    assert [i.key for i in items] == DEFAULT_KEYS[stage]
    assert all(i.stage == stage for i in items)


def test_item_stage_maps_every_item_to_its_stage(playbook: Playbook) -> None:
    expected = {item: stage for stage, items in DEFAULT_KEYS.items() for item in items}
    assert playbook.item_stage == expected
    assert playbook.item_stage["floor-and-target-set"] == "bidding"


def test_every_text_of_the_default_playbook_is_in_english_and_chinese(
    playbook: Playbook,
) -> None:
    missing = []
    for stage in playbook.stages:
        for what, text in (("label", stage.label), ("summary", stage.summary)):
            if not has_both_languages(text):
                missing.append(f"{stage.key}.{what}")
        for item in stage.items:
            for what, text in (("label", item.label), ("question", item.question)):
                if not has_both_languages(text):
                    missing.append(f"{stage.key}.{item.key}.{what}")
        if stage.gate is not None and not has_both_languages(stage.gate.label):
            missing.append(f"{stage.key}.gate")
    assert missing == []


def test_only_the_relationship_stage_has_a_gate(playbook: Playbook) -> None:
    assert [s.key for s in playbook.stages if s.gate is not None] == ["relationship"]
    gate = playbook.stage("relationship").gate
    assert gate is not None and gate.stage == "relationship"
    assert gate.rule.op == "count" and gate.rule.paths == (("decision_chain",),)
    assert "speaks up for us" in gate.label["en"]


def test_only_bidding_is_a_meeting_trigger(playbook: Playbook) -> None:
    assert {s.key: s.triggers for s in playbook.stages if s.triggers} == {"bidding": ("pre-bid",)}


def test_weights_are_increasing_win_probabilities(playbook: Playbook) -> None:
    weights = [s.weight for s in playbook.stages if s.weight is not None]
    assert len(weights) == len(playbook.stages)
    assert all(a < b for a, b in itertools.pairwise(weights))
    assert weights[0] > 0 and weights[-1] == 1


def test_default_chain_stage_is_relationship(playbook: Playbook) -> None:
    assert playbook.chain_stage == "relationship"


def test_items_with_rules(playbook: Playbook) -> None:
    ruled = {i.key for s in playbook.stages for i in s.items if i.rule is not None}
    assert {"customer-background", "coach-developed", "floor-and-target-set"} <= ruled
    assert not {"needs-confirmed", "pr-plan-feasible", "closing-plan"} & ruled
    coach = next(i for i in playbook.stage("relationship").items if i.key == "coach-developed")
    assert coach.rule is not None
    assert coach.rule.holds({"decision_chain": [{"name": "Zhou", "coach": True}]})
    assert not coach.rule.holds({"decision_chain": [{"name": "Zhou", "coach": False}]})


def test_tr_falls_back_to_english() -> None:
    assert tr({"en": "Coach", "zh": "教练"}, "zh") == "教练"
    assert tr({"en": "Coach", "zh": None}, "zh") == "Coach"
    assert tr({"en": "Coach"}, "fr") == "Coach"
    assert tr(None, "en") == ""


# -- a team's own playbook ----------------------------------------------------------------------

CUSTOM = """\
reviewkit-playbook: 1
name: {en: Small team playbook, zh: 小团队}
chain_stage: meet
stages:
  - key: meet
    label: {en: Meet, zh: 会面}
    weight: 0.2
    items:
      - key: champion-found
        label: {en: Champion found}
        question: {en: "Is there a champion?", zh: 有内线吗？}
        rule: {count: decision_chain, where: {coach: true}}
      - key: notes-taken
        label: {en: Notes}
        question: {en: "Notes taken?"}
    gate:
      label: {en: Champion speaks}
      rule: {count: decision_chain, where: {speaks_for_us: true}}
  - key: close
    label: {en: Close}
    weight: 0.9
    triggers: [pre-bid, regular]
"""


def test_a_custom_playbook_loads(write: Write) -> None:
    path = write(CUSTOM, "team.yaml")
    book = load_playbook(path)
    assert book.path == str(path)
    assert book.name == {"en": "Small team playbook", "zh": "小团队"}
    assert book.chain_stage == "meet"
    assert [s.key for s in book.stages] == ["meet", "close"]
    meet, close = book.stages
    assert [i.key for i in meet.items] == ["champion-found", "notes-taken"]
    assert meet.items[0].label == {"en": "Champion found", "zh": None}
    assert meet.items[1].rule is None
    assert meet.gate is not None and meet.gate.label["en"] == "Champion speaks"
    assert (meet.weight, close.weight) == (Decimal("0.2"), Decimal("0.9"))
    assert close.triggers == ("pre-bid", "regular") and close.items == () and close.gate is None
    assert book.item_stage == {"champion-found": "meet", "notes-taken": "meet"}


def test_load_deal_with_a_custom_playbook_uses_its_stages(write: Write) -> None:
    book = load_playbook(write(CUSTOM, "team.yaml"))
    path = write(
        "reviewkit: 1\ndeal:\n  name: x\n  stage: close\n"
        "checklist:\n  meet:\n    champion-found: {status: yes}\n"
    )
    deal = load_deal(path, book)
    assert deal.stage == "close" and deal.stage_index == 1
    assert deal.data["checklist"] == {
        "meet": {"champion-found": {"status": "yes", "evidence": None}, "notes-taken": None},
        "close": {},
    }


def test_load_deal_with_a_custom_playbook_rejects_the_default_stages(write: Write) -> None:
    book = load_playbook(write(CUSTOM, "team.yaml"))
    path = write(
        MINIMAL + "checklist:\n  meet:\n    coach-developed: {status: yes}\n"
        "  relationship:\n    coach-developed: {status: yes}\n"
    )
    with pytest.raises(InvalidFile) as info:
        load_deal(path, book)
    problems = info.value.problems
    assert [(p.line, p.column, p.kind) for p in problems] == [
        (4, 10, "unknown-stage"),
        (7, 5, "unknown-item"),
        (8, 3, "unknown-key"),
    ]
    assert problems[0].hint == "the playbook's stages are: meet, close"
    assert "did you mean" not in problems[0].message
    assert problems[1].hint == "the items of 'meet' are: champion-found, notes-taken"
    assert "unknown key 'relationship' in checklist" in problems[2].message


# -- problems of a custom playbook --------------------------------------------------------------

HEAD = """\
reviewkit-playbook: 1
name: {en: Tiny}
stages:
  - key: first
    label: {en: First}
    items:
      - key: a
        label: {en: A}
        question: {en: Q}
"""  # an item's `rule:` goes on line 10, indented 8


def problems_of(write: Write, text: str) -> list[Problem]:
    path = write(text, "pb.yaml")
    with pytest.raises(InvalidFile) as info:
        load_playbook(path)
    assert info.value.path == str(path)
    return info.value.problems


def one_problem(write: Write, text: str) -> Problem:
    problems = problems_of(write, text)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


RULE_PROBLEMS = [
    pytest.param(
        "rule: {cuont: decision_chain}",
        16,
        "rule-unknown-op",
        "stages[0].items[0].rule: unknown rule form 'cuont'; did you mean 'count'?",
        "the rule forms are: exists, count, every, all, any, not",
        id="unknown-form",
    ),
    pytest.param(
        "rule: {count: decision_chain.coaches}",
        23,
        "rule-bad-path",
        "'decision_chain.coaches' is not a key path of the deal file; did you mean "
        "'decision_chain.coach'?",
        "strategy.commercial.floor",
        id="path-in-list",
    ),
    pytest.param(
        "rule: {exists: strategy.comercial.floor}",
        24,
        "rule-bad-path",
        "stages[0].items[0].rule.exists: 'strategy.comercial.floor' is not a key path of the "
        "deal file; did you mean 'strategy.commercial.floor'?",
        "dotted path",
        id="misspelt-path",
    ),
    pytest.param(
        "rule: {exists: [deal.owner, deal.ownr]}",
        37,
        "rule-bad-path",
        "'deal.ownr' is not a key path of the deal file; did you mean 'deal.owner'?",
        "dotted path",
        id="second-of-paths",
    ),
    pytest.param(
        "rule: {count: deal.team}",
        23,
        "rule-not-list",
        "stages[0].items[0].rule.count: 'deal.team' is not a list in the deal file",
        "count and every take a list: decision_chain, partners, competitors, dynamics, actions",
        id="list-of-text",
    ),
    pytest.param(
        "rule: {every: strategy}",
        23,
        "rule-not-list",
        "'strategy' is not a list in the deal file",
        "count and every take a list",
        id="mapping",
    ),
    pytest.param(
        "rule: {count: decision_chain, where: {influence: huge}}",
        58,
        "bad-enum",
        "stages[0].items[0].rule.where.influence: 'huge' is not one of the allowed values",
        "allowed: low, medium, high",
        id="where-enum",
    ),
    pytest.param(
        "rule: {count: decision_chain, where: {attitude: [ally, frend]}}",
        64,
        "bad-enum",
        "'frend' is not one of the allowed values",
        "allowed: opposer, non-supporter",
        id="where-one-of",
    ),
    pytest.param(
        "rule: {count: decision_chain, where: {influense: high}}",
        47,
        "rule-bad-path",
        "stages[0].items[0].rule.where: 'influense' is not a key path of the deal file; "
        "did you mean 'influence'?",
        "dotted path",
        id="where-field",
    ),
    pytest.param(
        "rule: {count: decision_chain, where: {coach: maybe}}",
        54,
        "wrong-type",
        "stages[0].items[0].rule.where.coach: expected true or false, found text 'maybe'",
        "coach: true",
        id="where-bool",
    ),
    pytest.param(
        "rule: {count: decision_chain, where: {coach: {present: maybe}}}",
        64,
        "wrong-type",
        "rule.where.coach.present: expected true or false",
        "present: true",
        id="present-bool",
    ),
    pytest.param(
        "rule: {count: decision_chain, where: {coach: {present: true, x: 1}}}",
        54,
        "rule-shape",
        "rule.where.coach: a rule is a mapping with one of the keys present",
        "rule:",
        id="present-extra-key",
    ),
    pytest.param(
        "rule: {count: decision_chain, min: two}",
        44,
        "bad-number",
        "stages[0].items[0].rule.min: 'two' is not a number",
        "digits",
        id="min-text",
    ),
    pytest.param(
        "rule: decision_chain",
        15,
        "rule-shape",
        "stages[0].items[0].rule: a rule is a mapping with one of the keys exists, count, "
        "every, all, any, not",
        "{count: decision_chain, where: {coach: true}}",
        id="scalar",
    ),
    pytest.param(
        "rule: {exists: deal.owner, count: partners}",
        15,
        "rule-shape",
        "a rule is a mapping with one of the keys",
        "rule:",
        id="two-forms",
    ),
    pytest.param(
        "rule: {all: []}",
        21,
        "rule-shape",
        "stages[0].items[0].rule.all: a rule is a mapping",
        "rule:",
        id="empty-all",
    ),
    pytest.param(
        "rule: {not: {cuont: partners}}",
        22,
        "rule-unknown-op",
        "stages[0].items[0].rule.not: unknown rule form 'cuont'; did you mean 'count'?",
        "the rule forms are",
        id="inside-not",
    ),
    pytest.param(
        "rule: {any: [{exists: deal.owner}, {count: partners, where: {influence: huge}}]}",
        81,
        "bad-enum",
        "stages[0].items[0].rule.any[1].where.influence: 'huge'",
        "allowed: low, medium, high",
        id="inside-any",
    ),
]


@pytest.mark.parametrize(("rule", "column", "kind", "message", "hint"), RULE_PROBLEMS)
def test_rule_problems(
    write: Write, rule: str, column: int, kind: str, message: str, hint: str
) -> None:
    problem = one_problem(write, HEAD + f"        {rule}\n")
    assert (problem.line, problem.column, problem.kind) == (10, column, kind)
    assert message in problem.message
    assert hint in problem.hint


@pytest.mark.parametrize(
    ("tail", "line", "column", "kind", "message", "hint"),
    [
        pytest.param(
            "      - key: a\n        label: {en: A}\n        question: {en: Q}\n",
            10,
            9,
            "duplicate-name",
            "stages[0].items[1].key: 'a' is used twice; keys must be unique",
            "rename one",
            id="duplicate-item",
        ),
        pytest.param(
            "  - key: first\n    label: {en: Again}\n",
            10,
            5,
            "duplicate-name",
            "stages[1].key: 'first' is used twice",
            "rename one",
            id="duplicate-stage",
        ),
        pytest.param(
            "      - key: Coach_Developed\n        label: {en: A}\n        question: {en: Q}\n",
            10,
            9,
            "bad-name",
            "stages[0].items[1].key: 'Coach_Developed' is not a valid key",
            "lower-case letters, digits and '-'",
            id="bad-item-key",
        ),
        pytest.param(
            "  - key: second stage\n    label: {en: S}\n",
            10,
            5,
            "bad-name",
            "stages[1].key: 'second stage' is not a valid key",
            "coach-developed",
            id="bad-stage-key",
        ),
        pytest.param(
            "  - key: second\n    label: {en: S}\n    weight: 1.5\n",
            12,
            5,
            "bad-weight",
            "stages[1].weight: 1.5 is not between 0 and 1",
            "win probability",
            id="weight-over-one",
        ),
        pytest.param(
            "  - key: second\n    label: {en: S}\n    weight: -0.1\n",
            12,
            5,
            "bad-weight",
            "stages[1].weight: -0.1 is not between 0 and 1",
            "win probability",
            id="weight-negative",
        ),
        pytest.param(
            "  - key: second\n    label: {en: S}\n    weight: high\n",
            12,
            13,
            "bad-number",
            "stages[1].weight: 'high' is not a number",
            "digits",
            id="weight-text",
        ),
        pytest.param(
            "  - key: second\n    label: {en: S}\n    summry: {en: x}\n",
            12,
            5,
            "unknown-key",
            "unknown key 'summry' in stages[1]; did you mean 'summary'?",
            "key, label, summary, weight, triggers, items, gate",
            id="unknown-stage-key",
        ),
        pytest.param(
            "  - key: second\n    label: {en: S}\n    triggers: [prebid]\n",
            12,
            16,
            "bad-enum",
            "stages[1].triggers[0]: 'prebid' is not one of the allowed values; did you mean "
            "'pre-bid'?",
            "allowed: obstacle",
            id="bad-trigger",
        ),
        pytest.param(
            "  - key: second\n    label: {zh: 第二}\n",
            11,
            5,
            "missing-key",
            "'en' is required in stages[1].label",
            "add `en: ...`",
            id="label-without-english",
        ),
        pytest.param(
            "    gate:\n      label: {en: G}\n",
            10,
            5,
            "missing-key",
            "'rule' is required in stages[0].gate",
            "add `rule: {count: decision_chain, where: {coach: true}}`",
            id="gate-without-rule",
        ),
        pytest.param(
            "      - key: b\n        label: {en: B}\n",
            10,
            9,
            "missing-key",
            "'question' is required in stages[0].items[1]",
            "add `question: {...}`",
            id="item-without-question",
        ),
    ],
)
def test_playbook_structure_problems(
    write: Write, tail: str, line: int, column: int, kind: str, message: str, hint: str
) -> None:
    problem = one_problem(write, HEAD + tail)
    assert (problem.line, problem.column, problem.kind) == (line, column, kind)
    assert message in problem.message
    assert hint in problem.hint


def test_chain_stage_must_name_a_stage(write: Write) -> None:
    text = HEAD.replace("stages:", "chain_stage: frist\nstages:")
    problem = one_problem(write, text)
    assert (problem.line, problem.column, problem.kind) == (3, 1, "bad-reference")
    assert problem.message == (
        "chain_stage: 'frist' is not a stage of this playbook; did you mean 'first'?"
    )
    assert problem.hint == "the stages are: first"


def test_a_newer_playbook_format_is_the_only_problem(write: Write) -> None:
    problem = one_problem(write, "reviewkit-playbook: 2\nname: {fr: x}\nfoo: 1\nstages: 3\n")
    assert (problem.line, problem.column, problem.kind) == (1, 21, "playbook-version")
    assert problem.message == ("this playbook is format 2; this reviewkit reads playbook format 1")
    assert "upgrade reviewkit" in problem.hint


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "reviewkit-playbook: 1\nname: {en: T}\n",
            [(1, 1, "'stages' is required in the top of the file")],
            id="stages",
        ),
        pytest.param(
            "name: {en: T}\nstages: [{key: a, label: {en: A}}]\n",
            [(1, 1, "'reviewkit-playbook' is required in the top of the file")],
            id="version",
        ),
        pytest.param(
            "# team playbook\nreviewkit-playbook: 1\nstages: [{key: a, label: {en: A}}]\n",
            [(2, 1, "'name' is required in the top of the file")],
            id="name-after-comment",
        ),
    ],
)
def test_playbook_missing_top_level_keys(
    write: Write, text: str, found: list[tuple[int, int, str]]
) -> None:
    problems = problems_of(write, text)
    assert [(p.line, p.column, p.message) for p in problems] == found
    assert {p.kind for p in problems} == {"missing-key"}


@pytest.mark.parametrize(
    ("text", "line", "column", "kind"),
    [
        ("", 1, 1, "empty"),
        ("- a\n", 1, 1, "not-mapping"),
        ("reviewkit-playbook: 1\nname: &n {en: T}\n", 2, 7, "alias"),
        ("reviewkit-playbook: 1\nreviewkit-playbook: 1\n", 2, 1, "duplicate-key"),
    ],
    ids=["empty", "list", "alias", "duplicate-key"],
)
def test_a_playbook_that_is_not_valid_yaml_or_not_a_mapping(
    write: Write, text: str, line: int, column: int, kind: str
) -> None:
    problem = one_problem(write, text)
    assert (problem.line, problem.column, problem.kind) == (line, column, kind)


def test_every_problem_of_a_playbook_is_reported(write: Write) -> None:
    text = textwrap.dedent(
        """\
        reviewkit-playbook: 1
        name: {en: T}
        chain_stage: nowhere
        stages:
          - key: a
            label: {en: A}
            weight: 2
            items:
              - key: x
                label: {en: X}
                question: {en: Q}
                rule: {cuont: partners}
              - key: x
                label: {en: X}
                question: {en: Q}
        """
    )
    problems = problems_of(write, text)
    assert [(p.line, p.column, p.kind) for p in problems] == [  # in file order
        (3, 1, "bad-reference"),
        (7, 5, "bad-weight"),
        (12, 16, "rule-unknown-op"),
        (13, 9, "duplicate-name"),
    ]


def test_a_playbook_without_stages_is_refused(write: Write) -> None:
    problem = one_problem(write, "reviewkit-playbook: 1\nname: {en: T}\nstages: []\n")
    assert (problem.line, problem.column, problem.kind) == (3, 1, "no-stages")


def test_a_missing_playbook_file_is_not_an_invalid_file(tmp_path: Path) -> None:
    from reviewkit.errors import ReviewkitError

    with pytest.raises(ReviewkitError) as info:
        load_playbook(tmp_path / "none.yaml")
    assert not isinstance(info.value, InvalidFile)
    assert "no such file" in info.value.message


# -- bugs -----------------------------------------------------------------------------------------


def test_a_playbook_version_that_is_not_a_number_is_reported_once(write: Write) -> None:
    problem = one_problem(write, HEAD.replace("reviewkit-playbook: 1", "reviewkit-playbook: one"))
    assert (problem.line, problem.column, problem.kind) == (1, 21, "bad-number")


def test_playbook_version_zero_is_refused(write: Write) -> None:
    problem = one_problem(write, HEAD.replace("reviewkit-playbook: 1", "reviewkit-playbook: 0"))
    assert (problem.line, problem.column) == (1, 21)
    assert problem.kind in ("bad-version", "playbook-version")


@pytest.mark.parametrize(
    "rule",
    [
        "rule: {count: decision_chain, where: {coach: }}",
        "rule: {count: decision_chain, where: {attitude: [ally, ~]}}",
    ],
    ids=["empty-value", "null-in-list"],
)
def test_an_empty_where_value_is_a_problem(write: Write, rule: str) -> None:
    problems = problems_of(write, HEAD + f"        {rule}\n")
    assert [p.line for p in problems] == [10]
    assert "where" in problems[0].message


def test_count_min_zero_is_not_silently_changed(write: Write) -> None:
    path = write(HEAD + "        rule: {count: decision_chain, min: 0}\n", "pb.yaml")
    try:
        book = load_playbook(path)
    except InvalidFile as exc:
        assert [(p.line, p.column) for p in exc.problems] == [(10, 44)]
        return
    rule = book.stages[0].items[0].rule
    assert rule is not None and rule.min == 0 and rule.holds({"decision_chain": []})


LESSONS = CUSTOM.replace(
    '        question: {en: "Notes taken?"}\n',
    '        question: {en: "Notes taken?"}\n'
    "        lesson: {en: Write it down the same day., zh: 当天记下来。}\n"
    "        source: reviewkit\n",
).replace(
    "      label: {en: Champion speaks}\n",
    "      label: {en: Champion speaks}\n      lesson: {en: Nobody spoke for us.}\n",
)


def test_items_and_gates_carry_lessons_and_their_source(write: Write) -> None:
    book = load_playbook(write(LESSONS, "team.yaml"))
    meet = book.stages[0]
    assert meet.items[0].lesson is None
    assert meet.items[1].lesson == Lesson(
        {"en": "Write it down the same day.", "zh": "当天记下来。"}, "reviewkit"
    )
    assert book.lesson("meet", "notes-taken") == meet.items[1].lesson
    assert book.lesson("meet", "gate") == Lesson({"en": "Nobody spoke for us.", "zh": None}, None)
    assert book.lesson("close", "gate") is None
    shown = describe(book, "zh")
    assert "教训（reviewkit 经验）：当天记下来。" in shown
    assert "教训：Nobody spoke for us." in shown


def test_a_lesson_source_is_course_or_reviewkit(write: Write) -> None:
    text = LESSONS.replace("source: reviewkit", "source: book")
    problem = one_problem(write, text)
    assert (problem.line, problem.kind) == (17, "bad-enum")
    assert "course, reviewkit" in str(problem) + (problem.hint or "")


def test_every_lesson_of_the_shipped_playbooks_is_in_both_languages() -> None:
    for book in (load_playbook(), load_playbook(SAMPLE_PLAYBOOK)):
        found = [i.lesson for s in book.stages for i in s.items if i.lesson] + [
            s.gate.lesson for s in book.stages if s.gate and s.gate.lesson
        ]
        assert len(found) >= 8
        assert all(has_both_languages(x.text) for x in found)
