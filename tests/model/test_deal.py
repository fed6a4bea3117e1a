"""load_deal: defaults, and every problem of a deal file with its kind, place and wording."""

from __future__ import annotations

import datetime as dt
import textwrap
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from reviewkit.errors import InvalidFile, Problem, ReviewkitError
from reviewkit.model import files
from reviewkit.model.deal import Deal, load_deal
from tests.conftest import MINIMAL, SAMPLE_DEALS, load_sample

Write = Callable[..., Path]
STAGES = "discovery, qualification, relationship, partner, solution, bidding, implementation"


#: Lines 5 on of a valid deal with values of every kind.
TYPED = """\
  id: custom-id
  status: lost
  language: zh
  confidential: true
  value: {amount: 12_000_000.50, currency: CNY}
  expected_close: 2027-03-31
  team: [Chen Yu, Zhao Min]
decision_chain:
  - name: Wang Qiang
    roles: [decision-maker, technical]
    coach: False
actions:
  - what: Dinner
checklist:
  relationship:
    coach-developed: {status: yes, evidence: weekly calls}
"""

#: Lines 5 on of a deal with eleven mistakes of six kinds.
MANY_MISTAKES = """\
  confidentail: true
  team: Li Wei
decison_chain: []
decision_chain:
  - name: Wang Qiang
    influence: High
    coach: yes
    attitude: 支持着
    last_contact: 2026/11/20
review:
  date: 2027-02-30
  previous: 2026-13-01
strategy:
  commercial:
    target: {amount: -5, currency: RMB}
"""

#: Lines 5 on of a deal with a decision chain and a strategy.
CHAIN_AND_STRATEGY = """\
decision_chain:
  - name: Wang
  - name: Li
    coach: true
strategy:
  product: x
"""


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InvalidFile) as info:
        load_deal(path)
    assert all(p.path == str(path) for p in info.value.problems)
    return info.value.problems


def one_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def where(problems: list[Problem]) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.kind) for p in problems]


def minimal_plus(write: Write, extra: str, name: str = "deal.yaml") -> Path:
    """MINIMAL (lines 1-4, `deal:` on line 2) followed by `extra` from line 5 on."""
    return write(MINIMAL + extra, name)


# -- valid files and defaults ---------------------------------------------------------------


def test_minimal_file_loads_with_defaults(write: Write) -> None:
    path = write(MINIMAL)
    deal = load_deal(path)
    assert isinstance(deal, Deal)
    assert (deal.name, deal.stage, deal.id) == ("Test deal", "relationship", "deal")
    assert (deal.status, deal.is_open, deal.language, deal.confidential) == (
        "open",
        True,
        "en",
        False,
    )
    assert deal.stage_index == 2
    assert deal.display == str(path) and deal.path == path
    info = deal.data["deal"]
    assert info["team"] == [] and info["value"] is None and info["expected_close"] is None
    for key in ("decision_chain", "partners", "competitors", "dynamics", "actions"):
        assert deal.data[key] == [], key
    assert deal.data["review"]["triggers"] == []
    assert deal.data["strategy"]["commercial"]["floor"] is None
    assert deal.data["background"]["project"]["budget"] is None
    assert deal.data["checklist"]["relationship"]["coach-developed"] is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("prov-core.yaml", "prov-core"), ("prov-core.yml", "prov-core"), ("a.b.yaml", "a.b")],
)
def test_id_defaults_to_the_file_name(write: Write, name: str, expected: str) -> None:
    assert load_deal(write(MINIMAL, name)).id == expected


def test_given_values_are_typed(write: Write) -> None:
    path = write(MINIMAL + TYPED)
    deal = load_deal(path)
    info = deal.data["deal"]
    assert (deal.id, deal.status, deal.is_open, deal.language, deal.confidential) == (
        "custom-id",
        "lost",
        False,
        "zh",
        True,
    )
    assert info["value"] == {"amount": Decimal("12000000.50"), "currency": "CNY"}
    assert info["expected_close"] == dt.date(2027, 3, 31)
    assert info["team"] == ["Chen Yu", "Zhao Min"]
    person = deal.data["decision_chain"][0]
    assert person["roles"] == ["decision-maker", "technical"] and person["coach"] is False
    assert person["influence"] is None and person["integrator_attitudes"] == {}
    assert deal.data["actions"][0]["status"] == "open"
    assert deal.data["checklist"]["relationship"]["coach-developed"] == {
        "status": "yes",
        "evidence": "weekly calls",
    }


@pytest.mark.parametrize("sample", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_every_sample_loads(sample: Path) -> None:
    deal, _ = load_sample(sample)
    assert deal.name and deal.id == sample.stem
    assert deal.stage in deal.playbook.index
    assert deal.language in ("en", "zh")


def test_samples_exist() -> None:
    assert len(SAMPLE_DEALS) >= 6
    assert {p.parent.name for p in SAMPLE_DEALS} == {"samples", "team-meddpicc"}


# -- every problem at once ------------------------------------------------------------------


def test_every_problem_of_a_file_is_reported_at_once_in_file_order(write: Write) -> None:
    path = write(MINIMAL + MANY_MISTAKES)
    assert where(problems_of(path)) == [
        (5, 3, "unknown-key"),
        (6, 9, "wrong-type"),
        (7, 1, "unknown-key"),
        (10, 16, "bad-enum"),
        (11, 12, "wrong-type"),
        (12, 15, "bad-enum"),
        (13, 19, "bad-date"),
        (15, 9, "impossible-date"),
        (16, 13, "impossible-date"),
        (19, 22, "bad-money"),
        (19, 36, "bad-money"),
    ]


def test_a_missing_key_is_listed_in_file_order(write: Write) -> None:
    path = write("reviewkit: 1\ndeal:\n  name: x\n  foo: 1\n")
    assert where(problems_of(path)) == [(2, 1, "missing-key"), (4, 3, "unknown-key")]


# -- unknown keys ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "line", "column", "key", "place", "guess", "known"),
    [
        pytest.param(
            "  confidentail: true\n",
            5,
            3,
            "confidentail",
            "in deal",
            "confidential",
            "expected_close, language, confidential",
            id="deal-key",
        ),
        pytest.param(
            "decison_chain: []\n",
            5,
            1,
            "decison_chain",
            "in the top of the file",
            "decision_chain",
            "reviewkit, deal, review",
            id="top-level",
        ),
        pytest.param(
            "decision_chain:\n  - name: A\n    influance: high\n",
            7,
            5,
            "influance",
            "in decision_chain[0]",
            "influence",
            "name, title, roles",
            id="in-list-entry",
        ),
        pytest.param(
            "strategy:\n  commercial:\n    flor: {amount: 1, currency: CNY}\n",
            7,
            5,
            "flor",
            "in strategy.commercial",
            "floor",
            "approach, quote, target, floor",
            id="nested",
        ),
        pytest.param(
            "  Stage: bidding\n", 5, 3, "Stage", "in deal", "stage", "name, id", id="capitalised"
        ),
    ],
)
def test_unknown_keys_suggest_the_closest_known_key(
    write: Write, extra: str, line: int, column: int, key: str, place: str, guess: str, known: str
) -> None:
    problem = one_problem(minimal_plus(write, extra))
    assert (problem.line, problem.column, problem.kind) == (line, column, "unknown-key")
    assert f"unknown key '{key}' {place}" in problem.message
    assert f"did you mean '{guess}'?" in problem.message
    assert problem.hint.startswith("the keys here are: ")
    assert known in problem.hint


def test_an_unknown_key_far_from_any_known_key_has_no_guess(write: Write) -> None:
    problem = one_problem(minimal_plus(write, "  zzzzzz: 1\n"))
    assert (problem.line, problem.column, problem.kind) == (5, 3, "unknown-key")
    assert "did you mean" not in problem.message


# -- wrong types ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "key", "expected", "found", "hint"),
    [
        pytest.param(
            MINIMAL + "  confidential: yes\n",
            5,
            17,
            "deal.confidential",
            "true or false",
            "text 'yes'",
            "confidential: true",
            id="bool-yes",
        ),
        pytest.param(
            MINIMAL + "  confidential: 'true'\n",
            5,
            17,
            "deal.confidential",
            "true or false",
            "quoted text 'true'",
            "confidential: true",
            id="bool-quoted",
        ),
        pytest.param(
            MINIMAL + "decision_chain:\n  - name: A\n    coach: yes\n",
            7,
            12,
            "decision_chain[0].coach",
            "true or false",
            "text 'yes'",
            "coach: true",
            id="coach-yes",
        ),
        pytest.param(
            MINIMAL + "  team: Li Wei\n",
            5,
            9,
            "deal.team",
            "a list",
            "text 'Li Wei'",
            "team: [...]",
            id="team-text",
        ),
        pytest.param(
            MINIMAL + "  team: {a: 1}\n",
            5,
            9,
            "deal.team",
            "a list",
            "a mapping of keys",
            "team: [...]",
            id="team-mapping",
        ),
        pytest.param(
            "reviewkit: 1\ndeal: text\n",
            2,
            7,
            "deal",
            "a mapping of keys",
            "text 'text'",
            "deal: {...}",
            id="deal-text",
        ),
        pytest.param(
            "reviewkit: 1\ndeal: [a]\n",
            2,
            7,
            "deal",
            "a mapping of keys",
            "a list",
            "deal: {...}",
            id="deal-list",
        ),
        pytest.param(
            MINIMAL + "  value: 12000000\n",
            5,
            10,
            "deal.value",
            "a mapping of keys",
            "text '12000000'",
            "value: {amount: 12000000, currency: CNY}",
            id="money-number",
        ),
        pytest.param(
            MINIMAL + "checklist:\n  relationship:\n    coach-developed: yes\n",
            7,
            22,
            "checklist.relationship.coach-developed",
            "a mapping of keys",
            "text 'yes'",
            "coach-developed: {...}",
            id="answer-text",
        ),
    ],
)
def test_wrong_types(
    write: Write,
    text: str,
    line: int,
    column: int,
    key: str,
    expected: str,
    found: str,
    hint: str,
) -> None:
    problem = one_problem(write(text))
    assert (problem.line, problem.column, problem.kind) == (line, column, "wrong-type")
    assert problem.message == f"{key}: expected {expected}, found {found}"
    assert f"`{hint}`" in problem.hint


# -- enumerations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "line", "column", "key", "value", "guess", "allowed"),
    [
        pytest.param(
            "decision_chain:\n  - name: A\n    influence: High\n",
            7,
            16,
            "decision_chain[0].influence",
            "High",
            "high",
            "low, medium, high",
            id="influence-case",
        ),
        pytest.param(
            "decision_chain:\n  - name: A\n    态度: 支持着\n",
            7,
            9,
            "decision_chain[0].态度",
            "支持着",
            "支持者",
            "反对者, 不支持者, 认可者, 支持者, 同情者, 同盟者, 未知",
            id="attitude-chinese-key-and-near-label",
        ),
        pytest.param(
            "decision_chain:\n  - name: A\n    roles: [decision_maker]\n",
            7,
            13,
            "decision_chain[0].roles[0]",
            "decision_maker",
            "decision-maker",
            "decision-maker, advisor",
            id="role-underscore",
        ),
        pytest.param(
            "  status: close\n",
            5,
            11,
            "deal.status",
            "close",
            "lost",
            "open, won, lost, dropped",
            id="status",
        ),
        pytest.param(
            "review:\n  triggers: [prebid]\n",
            6,
            14,
            "review.triggers[0]",
            "prebid",
            "pre-bid",
            "obstacle, plan-slip, dynamics-reversal, pre-bid, regular",
            id="trigger",
        ),
        pytest.param(
            "  language: ZH\n",
            5,
            13,
            "deal.language",
            "ZH",
            "zh",
            "en, zh",
            id="language-case",
        ),
    ],
)
def test_bad_enum_lists_the_allowed_values_and_suggests_one(
    write: Write,
    extra: str,
    line: int,
    column: int,
    key: str,
    value: str,
    guess: str,
    allowed: str,
) -> None:
    problem = one_problem(minimal_plus(write, extra))
    assert (problem.line, problem.column, problem.kind) == (line, column, "bad-enum")
    assert f"{key}: '{value}' is not one of the allowed values" in problem.message
    assert f"did you mean '{guess}'?" in problem.message
    assert problem.hint.startswith("allowed: ") and allowed in problem.hint


def test_bad_enum_without_a_close_value_has_no_guess(write: Write) -> None:
    problem = one_problem(minimal_plus(write, "qualification:\n  size: huge\n"))
    assert (problem.line, problem.column, problem.kind) == (6, 9, "bad-enum")
    assert "did you mean" not in problem.message
    assert problem.hint == "allowed: low, medium, high"


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "column"),
    [("2026/11/20", 19), ("20-11-2026", 19), ("next week", 19), ("2026-11-20 10:00", 19)],
)
def test_bad_dates(write: Write, value: str, column: int) -> None:
    problem = one_problem(minimal_plus(write, f"  expected_close: {value}\n"))
    assert (problem.line, problem.column, problem.kind) == (5, column, "bad-date")
    assert problem.message == f"deal.expected_close: '{value}' is not a date"
    assert "YYYY-MM-DD" in problem.hint


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2027-02-30", "February 2027 has 28 days"),
        ("2027-02-29", "February 2027 has 28 days"),
        ("2028-02-30", "February 2028 has 29 days"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("2026-13-01", "there is no month 13"),
        ("2026-00-10", "there is no month 0"),
    ],
)
def test_impossible_dates_say_why(write: Write, value: str, reason: str) -> None:
    problem = one_problem(minimal_plus(write, f"review:\n  date: {value}\n"))
    assert (problem.line, problem.column, problem.kind) == (6, 9, "impossible-date")
    assert problem.message == f"review.date: {value} does not exist ({reason})"
    assert "day and month" in problem.hint


def test_leap_day_is_a_date(write: Write) -> None:
    deal = load_deal(minimal_plus(write, "  expected_close: 2028-02-29\n"))
    assert deal.data["deal"]["expected_close"] == dt.date(2028, 2, 29)


# -- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "line", "column", "kind", "words"),
    [
        pytest.param(
            "  value: {amount: -5, currency: CNY}\n",
            5,
            19,
            "bad-money",
            "deal.value: amount -5 is negative",
            id="negative",
        ),
        pytest.param(
            "  value: {amount: 5}\n",
            5,
            10,
            "bad-money",
            "deal.value: the currency is missing",
            id="no-currency",
        ),
        pytest.param(
            "  value:\n    amount: 5\n    currency:\n",
            7,
            14,
            "bad-money",
            "deal.value: the currency is missing",
            id="blank-currency",
        ),
        pytest.param(
            "  value: {currency: CNY}\n",
            5,
            10,
            "bad-money",
            "deal.value: the amount is missing",
            id="no-amount",
        ),
        pytest.param(
            "  value: {amount: 5, currency: RMB}\n",
            5,
            32,
            "bad-money",
            "'RMB' is not an ISO 4217 currency code; did you mean 'CNY'?",
            id="rmb",
        ),
        pytest.param(
            "  value: {amount: 5, currency: 人民币}\n",
            5,
            32,
            "bad-money",
            "did you mean 'CNY'?",
            id="renminbi",
        ),
        pytest.param(
            "  value: {amount: 5, currency: usd}\n",
            5,
            32,
            "bad-money",
            "did you mean 'USD'?",
            id="lower-case",
        ),
        pytest.param(
            '  value: {amount: "12,000", currency: CNY}\n',
            5,
            19,
            "bad-number",
            "deal.value.amount: '12,000' is not a number",
            id="quoted-with-comma",
        ),
        pytest.param(
            "  value: {amount: 12k, currency: CNY}\n",
            5,
            19,
            "bad-number",
            "'12k' is not a number",
            id="suffix",
        ),
        pytest.param(
            "  value: {amount: 5, currency: CNY, vat: 1}\n",
            5,
            37,
            "unknown-key",
            "unknown key 'vat' in deal.value",
            id="extra-key",
        ),
    ],
)
def test_bad_money(write: Write, extra: str, line: int, column: int, kind: str, words: str) -> None:
    problem = one_problem(minimal_plus(write, extra))
    assert (problem.line, problem.column, problem.kind) == (line, column, kind)
    assert words in problem.message
    if kind == "bad-money":
        assert "{amount: 12000000, currency: CNY}" in problem.hint
    if kind == "bad-number":
        assert "without quotes" in problem.hint


def test_budget_money_takes_its_extra_field(write: Write) -> None:
    path = minimal_plus(
        write,
        "background:\n  project:\n    budget: {amount: 1.5e6, currency: EUR, confirmed: true}\n",
    )
    budget = load_deal(path).data["background"]["project"]["budget"]
    assert budget == {"amount": Decimal("1.5e6"), "currency": "EUR", "confirmed": True}


# -- required keys ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "hint"),
    [
        pytest.param(
            "reviewkit: 1\ndeal:\n  stage: relationship\n",
            [(2, 1, "'name' is required in deal")],
            "add `name: ...`",
            id="deal.name",
        ),
        pytest.param(
            "reviewkit: 1\ndeal:\n  name: x\n",
            [(2, 1, "'stage' is required in deal")],
            "add `stage: discovery`",
            id="deal.stage",
        ),
        pytest.param(
            "reviewkit: 1\n\n# the deal\ndeal:\n  customer: x\n",
            [(4, 1, "'name' is required in deal"), (4, 1, "'stage' is required in deal")],
            "add `name: ...`",
            id="both",
        ),
        pytest.param(
            "reviewkit: 1\ndeal:\n",
            [(2, 1, "'name' is required in deal"), (2, 1, "'stage' is required in deal")],
            "add `name: ...`",
            id="blank-deal",
        ),
        pytest.param(
            "deal:\n  name: x\n  stage: relationship\n",
            [(1, 1, "'reviewkit' is required in the top of the file")],
            "add `reviewkit: 1`",
            id="reviewkit",
        ),
        pytest.param(
            "# a comment\n\n  deal:\n    name: x\n    stage: relationship\n",
            [(3, 3, "'reviewkit' is required in the top of the file")],
            "add `reviewkit: 1`",
            id="reviewkit-after-comments",
        ),
        pytest.param(
            "reviewkit: 1\n",
            [(1, 1, "'deal' is required in the top of the file")],
            "add `deal: {...}`",
            id="deal",
        ),
        pytest.param(
            MINIMAL + "decision_chain:\n  - title: CTO\n",
            [(6, 5, "'name' is required in decision_chain[0]")],
            "add `name: ...`",
            id="person-name",
        ),
        pytest.param(
            MINIMAL + "checklist:\n  relationship:\n    coach-developed: {evidence: x}\n",
            [(7, 5, "'status' is required in checklist.relationship.coach-developed")],
            "add `status: yes`",
            id="answer-status",
        ),
    ],
)
def test_missing_required_keys_point_at_their_parent(
    write: Write, text: str, found: list[tuple[int, int, str]], hint: str
) -> None:
    problems = problems_of(write(text))
    assert [(p.line, p.column, p.message) for p in problems] == found
    assert {p.kind for p in problems} == {"missing-key"}
    assert problems[0].hint == hint


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        pytest.param("reviewkit: 1\ndeal:\n  name: x\n  stage:\n", 4, "stage", id="stage"),
        pytest.param("reviewkit: 1\ndeal:\n  name:\n  stage: relationship\n", 3, "name", id="name"),
        pytest.param(
            "reviewkit: 1\ndeal:\n  name: ~\n  stage: relationship\n", 3, "name", id="name-null"
        ),
        pytest.param(
            MINIMAL + "checklist:\n  relationship:\n    pr-plan-feasible: {status: null}\n",
            7,
            "status",
            id="answer-status-null",
        ),
        pytest.param(
            "reviewkit:\ndeal:\n  name: x\n  stage: relationship\n", 1, "reviewkit", id="reviewkit"
        ),
    ],
)
def test_a_required_key_without_a_value_is_a_problem(
    write: Write, text: str, line: int, key: str
) -> None:
    problem = one_problem(write(text))
    assert (problem.line, problem.kind) == (line, "missing-key")
    assert f"'{key}'" in problem.message


# -- stage and format version -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "guess"),
    [("relationshp", "relationship"), ("Bidding", "bidding"), ("bid", "bidding"), ("关系", None)],
)
def test_unknown_stage_lists_the_playbook_stages(
    write: Write, stage: str, guess: str | None
) -> None:
    problem = one_problem(write(f"reviewkit: 1\ndeal:\n  name: x\n  stage: {stage}\n"))
    assert (problem.line, problem.column, problem.kind) == (4, 10, "unknown-stage")
    assert f"deal.stage: '{stage}' is not a stage of the playbook" in problem.message
    if guess:
        assert f"did you mean '{guess}'?" in problem.message
    else:
        assert "did you mean" not in problem.message
    assert problem.hint == f"the playbook's stages are: {STAGES}"


def test_a_newer_format_version_is_the_only_problem_reported(write: Write) -> None:
    path = write("reviewkit: 2\nfoo: 1\ndeal:\n  bar: 1\n  stage: nowhere\n")
    problem = one_problem(path)
    assert (problem.line, problem.column, problem.kind) == (1, 12, "version-too-new")
    assert "deal format 2" in problem.message and "reads format 1" in problem.message
    assert "upgrade reviewkit" in problem.hint


@pytest.mark.parametrize("value", ["one", "'1'", "1.5", "-1"])
def test_a_version_that_is_not_a_number_is_the_only_problem_reported(
    write: Write, value: str
) -> None:
    problem = one_problem(write(f"reviewkit: {value}\nfoo: 1\n"))
    assert (problem.line, problem.column, problem.kind) == (1, 12, "bad-number")
    assert f"reviewkit: '{value.strip(chr(39))}' is not a number" in problem.message


def test_version_zero_is_a_bad_version_and_the_rest_is_still_checked(write: Write) -> None:
    path = write("reviewkit: 0\ndeal:\n  name: x\n  stage: relationship\n  foo: 1\n")
    problems = problems_of(path)
    assert where(problems) == [(1, 12, "bad-version"), (5, 3, "unknown-key")]
    assert problems[0].message == "reviewkit: '0' is not a format version"
    assert problems[0].hint == "write `reviewkit: 1`"


# -- checklist ----------------------------------------------------------------------------------


def checklist(write: Write, body: str) -> Path:
    return minimal_plus(write, "checklist:\n" + textwrap.indent(textwrap.dedent(body), "  "))


def test_checklist_unknown_item_suggests_the_closest_item(write: Write) -> None:
    problem = one_problem(checklist(write, "relationship:\n  coach-develop: {status: yes}\n"))
    assert (problem.line, problem.column, problem.kind) == (7, 5, "unknown-item")
    assert "'coach-develop' is not an item of stage 'relationship'" in problem.message
    assert "did you mean 'coach-developed'?" in problem.message
    assert problem.hint.startswith("the items of 'relationship' are: decision-chain-profiled,")
    assert "coach-developed" in problem.hint


def test_checklist_item_of_another_stage_names_that_stage(write: Write) -> None:
    problem = one_problem(
        checklist(write, "relationship:\n  floor-and-target-set: {status: yes}\n")
    )
    assert (problem.line, problem.column, problem.kind) == (7, 5, "item-of-other-stage")
    assert problem.message == (
        "'floor-and-target-set' is an item of stage 'bidding', not of 'relationship'"
    )
    assert problem.hint == "move it under `checklist: bidding:`"


@pytest.mark.parametrize(
    ("answer", "column", "value", "guess"),
    [
        ("{status: maybe}", 31, "maybe", None),
        ("{status: Yes}", 31, "Yes", "yes"),
        ("{status: 部份}", 31, "部份", None),
    ],
)
def test_checklist_bad_answer_status(
    write: Write, answer: str, column: int, value: str, guess: str | None
) -> None:
    problem = one_problem(checklist(write, f"relationship:\n  coach-developed: {answer}\n"))
    assert (problem.line, problem.column, problem.kind) == (7, column, "bad-enum")
    assert (
        f"checklist.relationship.coach-developed.status: '{value}' is not one of the allowed"
        in problem.message
    )
    assert (f"did you mean '{guess}'?" in problem.message) == (guess is not None)
    assert problem.hint == "allowed: yes, partial, no, unknown"


def test_checklist_unknown_stage(write: Write) -> None:
    problem = one_problem(checklist(write, "relationshp:\n  coach-developed: {status: yes}\n"))
    assert (problem.line, problem.column, problem.kind) == (6, 3, "unknown-key")
    assert "unknown key 'relationshp' in checklist; did you mean 'relationship'?" in problem.message
    assert problem.hint == f"the keys here are: {STAGES}"


def test_checklist_answers_of_any_stage_load(write: Write) -> None:
    deal = load_deal(
        checklist(
            write,
            """\
            discovery:
              needs-confirmed: {status: partial, evidence: two of three}
            bidding:
              closing-plan: {status: 'no'}
            relationship:
            """,
        )
    )
    answers = deal.data["checklist"]
    assert answers["discovery"]["needs-confirmed"]["status"] == "partial"
    assert answers["bidding"]["closing-plan"] == {"status": "no", "evidence": None}
    assert answers["relationship"]["coach-developed"] is None


# -- files that are not deal files at all ---------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing yet\n"], ids=["empty", "blank", "comment"])
def test_an_empty_file(write: Write, text: str) -> None:
    problem = one_problem(write(text))
    assert (problem.line, problem.column, problem.kind) == (1, 1, "empty")
    assert problem.message == "the file is empty"
    assert "reviewkit new" in problem.hint


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("- reviewkit: 1\n- deal: x\n", 1, 1), ("# c\njust text\n", 2, 1), ("# c\n  [1, 2]\n", 2, 3)],
    ids=["list", "scalar", "flow-list"],
)
def test_a_top_level_that_is_not_a_mapping(write: Write, text: str, line: int, column: int) -> None:
    problem = one_problem(write(text))
    assert (problem.line, problem.column, problem.kind) == (line, column, "not-mapping")
    assert "expected a mapping of keys at the top of the file" in problem.message


def test_a_yaml_error_in_a_deal_file_is_reported_with_its_position(write: Write) -> None:
    problem = one_problem(write(MINIMAL + "  owner: @liwei\n"))
    assert (problem.line, problem.column, problem.kind) == (5, 10, "yaml-reserved")


def test_duplicate_keys_in_a_deal_file_are_all_reported(write: Write) -> None:
    path = write(MINIMAL + "  name: Other\n  stage: bidding\n")
    problems = problems_of(path)
    assert where(problems) == [(5, 3, "duplicate-key"), (6, 3, "duplicate-key")]
    assert "first defined on line 3" in problems[0].message


def test_a_file_over_the_size_limit_is_refused_before_parsing(write: Write) -> None:
    path = write(MINIMAL)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("a: [" * 10 + "#" * files.MAX_FILE_BYTES)
    assert path.stat().st_size > files.MAX_FILE_BYTES
    start = time.perf_counter()
    problem = one_problem(path)
    assert time.perf_counter() - start < 0.5
    assert (problem.line, problem.column, problem.kind) == (1, 1, "too-large")
    assert f"{files.MAX_FILE_BYTES:,} bytes" in problem.message
    assert f"{path.stat().st_size:,} bytes" in problem.message
    assert "split it" in problem.hint


def test_a_file_of_exactly_the_size_limit_is_read(write: Write) -> None:
    head = MINIMAL + "# "
    path = write(head + "x" * (files.MAX_FILE_BYTES - len(head) - 1) + "\n")
    assert path.stat().st_size == files.MAX_FILE_BYTES
    assert load_deal(path).name == "Test deal"


def test_invalid_utf8_is_reported_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_bytes(b"reviewkit: 1\ndeal:\n  name: ab\xffc\n  stage: relationship\n")
    problem = one_problem(path)
    assert (problem.line, problem.column, problem.kind) == (3, 11, "not-utf8")
    assert problem.message == "byte 0xff is not valid UTF-8"
    assert "UTF-8" in problem.hint


def test_a_gbk_encoded_file_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_bytes(MINIMAL.encode() + "  customer: 华东电网\n".encode("gbk"))
    problem = one_problem(path)
    assert (problem.line, problem.column, problem.kind) == (5, 13, "not-utf8")


def test_invalid_utf8_column_counts_characters(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_bytes(MINIMAL.encode() + "  customer: 华东".encode() + b"\xff\n")
    problem = one_problem(path)
    assert (problem.line, problem.column, problem.kind) == (5, 15, "not-utf8")


def test_a_utf8_bom_is_accepted_and_does_not_shift_columns(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_deal(path).name == "Test deal"
    path.write_bytes(b"\xef\xbb\xbfreviewkit: 2\n")
    problem = one_problem(path)
    assert (problem.line, problem.column, problem.kind) == (1, 12, "version-too-new")


def test_a_missing_file_is_a_reviewkit_error_not_an_invalid_file(tmp_path: Path) -> None:
    with pytest.raises(ReviewkitError) as info:
        load_deal(tmp_path / "nope.yaml")
    assert not isinstance(info.value, InvalidFile)
    assert "no such file" in info.value.message


def test_a_folder_is_a_reviewkit_error(tmp_path: Path) -> None:
    with pytest.raises(ReviewkitError) as info:
        load_deal(tmp_path)
    assert not isinstance(info.value, InvalidFile)
    assert "is a folder" in info.value.message


def test_display_name_is_used_in_problems(write: Write) -> None:
    path = write("reviewkit: 1\n")
    with pytest.raises(InvalidFile) as info:
        load_deal(path, display="deals/x.yaml")
    assert info.value.path == "deals/x.yaml"
    assert [str(p) for p in info.value.problems] == [
        "deals/x.yaml:1:1: 'deal' is required in the top of the file — add `deal: {...}`"
    ]


# -- Chinese messages -------------------------------------------------------------------------


def test_a_chinese_deal_gets_chinese_messages(write: Write) -> None:
    path = minimal_plus(
        write,
        "  language: zh\n"
        "  confidentail: true\n"
        "  expected_close: 2027-02-30\n"
        "  value: {amount: 5, currency: RMB}\n",
    )
    with pytest.raises(InvalidFile) as info:
        load_deal(path)
    assert info.value.language == "zh"
    problems = info.value.problems
    assert where(problems) == [
        (6, 3, "unknown-key"),
        (7, 19, "impossible-date"),
        (8, 32, "bad-money"),
    ]
    assert problems[0].message == "deal 中有未知的键 'confidentail'；是不是 'confidential'？"
    assert problems[0].hint.startswith("此处可用的键：")
    assert "2027 年 2 月只有 28 天" in problems[1].message
    assert "'RMB' 不是 ISO 4217 币种代码；是不是 'CNY'？" in problems[2].message


@pytest.mark.parametrize(
    ("text", "line", "column", "kind", "words"),
    [
        pytest.param(
            "reviewkit: 1\ndeal:\n  name: x\n  language: zh\n  stage: a: b\n",
            5,
            11,
            "yaml-text-colon",
            "这段文字含有 ': '",
            id="syntax-after",
        ),
        pytest.param(
            "reviewkit: 1\ndeal:\n\tname: x\n  language: zh\n",
            3,
            1,
            "yaml-tab",
            "制表符",
            id="syntax-before",
        ),
        pytest.param(
            "reviewkit: 2\ndeal:\n  language: zh\n",
            1,
            12,
            "version-too-new",
            "第 2 版格式",
            id="version",
        ),
        pytest.param(
            "reviewkit: 1\ndeal:\n  language: 'zh'\n  name: x\n",
            2,
            1,
            "missing-key",
            "deal 中缺少必填的 'stage'",
            id="quoted-zh",
        ),
        pytest.param(
            "reviewkit: 1\ndeal:\n  language: zh   # 中文\n  name: x\n  name: y\n  stage: relationship\n",
            5,
            3,
            "duplicate-key",
            "重复的键",
            id="duplicate",
        ),
    ],
)
def test_chinese_messages_even_when_the_file_does_not_parse(
    write: Write, text: str, line: int, column: int, kind: str, words: str
) -> None:
    with pytest.raises(InvalidFile) as info:
        load_deal(write(text))
    assert info.value.language == "zh"
    problem = info.value.problems[0]
    assert (problem.line, problem.column, problem.kind) == (line, column, kind)
    assert words in problem.message


def test_english_is_the_default_language_of_messages(write: Write) -> None:
    with pytest.raises(InvalidFile) as info:
        load_deal(write("reviewkit: 1\ndeal:\n  name: 项目\n  language: en\n"))
    assert info.value.language == "en"
    assert info.value.problems[0].message == "'stage' is required in deal"


def test_flow_style_deal_language_gives_chinese_messages(write: Write) -> None:
    path = write("reviewkit: 1\ndeal: {name: x, language: zh, stage: relationship, foo: 1}\n")
    with pytest.raises(InvalidFile) as info:
        load_deal(path)
    assert info.value.language == "zh"
    assert "未知的键 'foo'" in info.value.problems[0].message


# -- Deal.where / Deal.has ----------------------------------------------------------------------


def test_where_returns_a_key_or_its_nearest_present_parent(write: Write) -> None:
    path = write(MINIMAL + CHAIN_AND_STRATEGY)
    deal = load_deal(path)
    assert deal.where("deal", "stage") == (4, 3)
    assert deal.where("deal", "owner") == (2, 1)
    assert deal.where("decision_chain", 1) == (7, 5)
    assert deal.where("decision_chain", 1, "coach") == (8, 5)
    assert deal.where("decision_chain", 0, "coach") == (6, 5)
    assert deal.where("decision_chain", 5, "coach") == (5, 1)
    assert deal.where("strategy", "commercial", "floor") == (9, 1)
    assert deal.where("outcome", "winner") == (1, 1)
    assert deal.where() == (1, 1)
    assert deal.has("decision_chain", 1, "coach")
    assert not deal.has("decision_chain", 0, "coach")
    assert not deal.has("outcome")


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("  value: {amount: , currency: CNY}\n", "bad-money", "the amount is missing"),
        ("  expected_close: 0000-01-01\n", "impossible-date", "there is no year 0"),
    ],
)
def test_empty_amounts_and_year_zero(write: Write, text: str, kind: str, words: str) -> None:
    with pytest.raises(InvalidFile) as info:
        load_deal(write(MINIMAL + text.replace("  ", "  ", 1)))
    [problem] = info.value.problems
    assert problem.kind == kind and words in problem.message
