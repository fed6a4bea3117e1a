"""What changed between two versions of a deal: `compare`, `reviewkit diff` and `render --since`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.judge.changes import GROUPS, KINDS, Change, compare, report
from reviewkit.model.deal import parse_deal
from tests.conftest import ROOT, TODAY, git

#: Before: a qualification-stage deal with three people, one dynamic and five open actions.
BEFORE = """\
reviewkit: 1
deal:
  name: Harbour network
  stage: qualification
  status: open
  value: {amount: 1000000, currency: EUR}
  expected_close: 2027-03-31
decision_chain:
  - name: Ann Lee
    roles: [decision-maker]
    influence: high
    attitude: acknowledger
    coach: false
    speaks_for_us: false
  - name: Bob Ray
    influence: low
    attitude: supporter
    coach: true
    speaks_for_us: true
  - name: Cy Park
dynamics:
  - {date: 2026-11-01, party: customer, event: Tender announced, impact: neutral}
actions:
  - {what: Dinner with Ann, owner: Li Wei, due: 2026-12-10, status: open}
  - {what: Demo for Bob, owner: Li Wei, due: 2026-12-11, status: open}
  - {what: Send proposal, owner: Li Wei, due: 2026-12-05, status: open}
  - {what: Site visit, owner: Li Wei, due: 2026-12-20, status: open}
  - {what: Call the integrator, owner: Li Wei, due: 2026-12-12, status: open}
checklist:
  discovery:
    needs-confirmed: {status: yes, evidence: read back}
  qualification:
    resources-assigned: {status: no, evidence: ""}
"""

#: After: moved to relationship; people, dynamics, actions and checklist all moved too.
AFTER = """\
reviewkit: 1
deal:
  name: Harbour network
  stage: relationship
  status: open
  value: {amount: 1200000, currency: EUR}
  expected_close: 2027-04-30
decision_chain:
  - name: Ann Lee
    roles: [decision-maker]
    influence: high
    attitude: non-supporter
    coach: false
    speaks_for_us: true
  - name: Bob Ray
    influence: medium
    attitude: supporter
    coach: false
    speaks_for_us: true
  - name: Dee Fox
    roles: [technical, advisor]
dynamics:
  - {date: 2026-11-01, party: customer, event: Tender announced, impact: neutral}
  - {date: 2026-11-20, party: competitor, event: Rival took Ann to a reference site, impact: negative, reversal: true}
actions:
  - {what: Dinner with Ann, owner: Li Wei, due: 2026-12-10, status: done}
  - {what: Demo for Bob, owner: Li Wei, due: 2026-12-11, status: dropped}
  - {what: Send proposal, owner: Li Wei, due: 2026-12-19, status: open}
  - {what: Site visit, owner: Li Wei, due: 2026-12-15, status: open}
  - {what: Workshop with Dee, owner: Chen Yu, due: 2027-01-08, status: open}
checklist:
  discovery:
    needs-confirmed: {status: partial, evidence: only with Ann}
  qualification:
    resources-assigned: {status: yes, evidence: team named}
"""

#: Every change from BEFORE to AFTER, in report order (the site visit moved earlier: not slipped).
EXPECTED_TEXTS = [
    "Stage: Evaluate the opportunity → Build relationships into the decision chain",
    "Value: EUR 1,000,000 → EUR 1,200,000",
    "Expected close: 2027-03-31 → 2027-04-30",
    "Dee Fox joined the decision chain (technical, advisor)",
    "Cy Park left the decision chain",
    "Ann Lee: acknowledger → non-supporter",
    "Bob Ray: influence low → medium",
    "Bob Ray: no longer our coach",
    "Ann Lee: now speaks for us",
    "2026-11-20 competitor: Rival took Ann to a reference site",
    "done: Dinner with Ann",
    "dropped: Demo for Bob",
    "slipped: Send proposal (due 2026-12-05 → 2026-12-19)",
    "new: Workshop with Dee (Chen Yu, 2027-01-08)",
    "removed from the plan: Call the integrator",
    "newly met: Evaluate the opportunity › Go/no-go and resources settled",
    "no longer met: Understand needs, collect information › Needs confirmed (met → partial)",
    "no longer met: Build relationships into the decision chain › Coach developed (met → not met)",
    "gate passed: Build relationships into the decision chain › "
    "A high-influence customer person speaks up for us",
]

EXPECTED_REPORT = """\
Since the last review: before → after
Deal:
  Stage: Evaluate the opportunity → Build relationships into the decision chain
  Value: EUR 1,000,000 → EUR 1,200,000
  Expected close: 2027-03-31 → 2027-04-30
People:
  Dee Fox joined the decision chain (technical, advisor)
  Cy Park left the decision chain
  Ann Lee: acknowledger → non-supporter
  Bob Ray: influence low → medium
  Bob Ray: no longer our coach
  Ann Lee: now speaks for us
New dynamics:
  2026-11-20 competitor: Rival took Ann to a reference site  ⟲ REVERSAL
Actions:
  done: Dinner with Ann
  dropped: Demo for Bob
  slipped: Send proposal (due 2026-12-05 → 2026-12-19)
  new: Workshop with Dee (Chen Yu, 2027-01-08)
  removed from the plan: Call the integrator
Checklist:
  newly met: Evaluate the opportunity › Go/no-go and resources settled
  no longer met: Understand needs, collect information › Needs confirmed (met → partial)
  no longer met: Build relationships into the decision chain › Coach developed (met → not met)
  gate passed: Build relationships into the decision chain › A high-influence customer person speaks up for us
"""

GATE = "Build relationships into the decision chain › A high-influence customer person speaks up for us"


def parse(text: str, name: str = "deal.yaml"):  # type: ignore[no-untyped-def]
    return parse_deal(textwrap.dedent(text), Path(name), display=name)


def changes_between(before: str, after: str) -> list[Change]:
    return compare(parse(before, "before"), parse(after, "after"), TODAY)


def invoke(*args: object) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def repo_with(tmp_path: Path, *versions: str, name: str = "deal.yaml") -> Path:
    """A scratch git repository holding one commit per version of the deal file."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    for number, text in enumerate(versions, start=1):
        (repo / name).write_text(text, encoding="utf-8")
        git(repo, "add", name)
        git(repo, "commit", "-q", "-m", f"v{number}", date=f"2026-10-{number:02d}")
    return repo


# --- compare: the big before/after pair ------------------------------------------------


def test_every_change_of_the_pair_in_kinds_order() -> None:
    found = changes_between(BEFORE, AFTER)
    assert [c.text("en") for c in found] == EXPECTED_TEXTS
    kinds = [c.kind for c in found]
    assert kinds == sorted(kinds, key=KINDS.index)
    assert kinds == [
        "stage",
        "value",
        "close-date",
        "person-added",
        "person-removed",
        "attitude",
        "influence",
        "coach",
        "speaks-for-us",
        "dynamic-added",
        "action-done",
        "action-dropped",
        "action-slipped",
        "action-added",
        "action-removed",
        "item-met",
        "item-lost",
        "item-lost",
        "gate-passed",
    ]
    assert [c.reversal for c in found if c.kind == "dynamic-added"] == [True]
    assert not any(c.reversal for c in found if c.kind != "dynamic-added")


def test_an_action_moved_earlier_has_not_slipped() -> None:
    found = changes_between(BEFORE, AFTER)
    assert not any("Site visit" in c.subject for c in found)
    slipped = [c for c in found if c.kind == "action-slipped"]
    assert [(c.subject, c.before, c.after) for c in slipped] == [
        ("Send proposal", "2026-12-05", "2026-12-19")
    ]


def test_the_reverse_pair_loses_the_gate_and_gains_the_coach() -> None:
    found = changes_between(AFTER, BEFORE)
    texts = [c.text("en") for c in found]
    assert texts == [
        "Stage: Build relationships into the decision chain → Evaluate the opportunity",
        "Value: EUR 1,200,000 → EUR 1,000,000",
        "Expected close: 2027-04-30 → 2027-03-31",
        "Cy Park joined the decision chain (unknown)",
        "Dee Fox left the decision chain",
        "Ann Lee: non-supporter → acknowledger",
        "Bob Ray: influence medium → low",
        "Bob Ray: now our coach",
        "Ann Lee: no longer speaks for us",
        # done → open and dropped → open are not reported; the site visit slipped back
        "slipped: Site visit (due 2026-12-15 → 2026-12-20)",
        "new: Call the integrator (Li Wei, 2026-12-12)",
        "removed from the plan: Workshop with Dee",
        "newly met: Understand needs, collect information › Needs confirmed",
        "newly met: Build relationships into the decision chain › Coach developed",
        "no longer met: Evaluate the opportunity › Go/no-go and resources settled (met → not met)",
        f"gate no longer passed: {GATE}",
    ]
    assert "dynamic-added" not in {c.kind for c in found}  # a dynamic removed is not a change


# --- compare: one kind at a time ------------------------------------------------------

HEAD = "reviewkit: 1\ndeal:\n  name: Test deal\n  stage: {stage}\n"


def doc(body: str = "", *, stage: str = "relationship", deal: str = "") -> str:
    return HEAD.format(stage=stage) + deal + textwrap.dedent(body)


ANN = """\
decision_chain:
  - name: Ann Lee
    roles: [decision-maker]
    influence: {influence}
    attitude: {attitude}
    coach: {coach}
    speaks_for_us: {speaks}
"""


def ann(
    influence: str = "high",
    attitude: str = "acknowledger",
    coach: str = "false",
    speaks: str = "false",
) -> str:
    return ANN.format(influence=influence, attitude=attitude, coach=coach, speaks=speaks)


def actions(*entries: str) -> str:
    return "actions:\n" + "".join(f"  - {{{e}}}\n" for e in entries)


def dynamics(*entries: str) -> str:
    return "dynamics:\n" + "".join(f"  - {{{e}}}\n" for e in entries)


def answer(stage: str, item: str, status: str) -> str:
    return f"checklist:\n  {stage}:\n    {item}: {{status: {status}, evidence: x}}\n"


OLD_EVENT = "date: 2026-11-01, party: customer, event: Tender out"
NEW_EVENT = "date: 2026-11-21, party: channel, event: Eastbridge   signed\n    with us"

ONE_KIND = [
    pytest.param(
        "stage",
        doc(stage="discovery"),
        doc(stage="bidding"),
        [("", "Understand needs, collect information", "Bid and commercial negotiation")],
        id="stage",
    ),
    pytest.param(
        "status",
        doc(deal="  status: open\n"),
        doc(deal="  status: dropped\n"),
        [("", "open", "dropped")],
        id="status",
    ),
    pytest.param(
        "status",
        doc(),
        doc(deal="  status: won\n"),
        [("", "open", "won")],
        id="status-default-open",
    ),
    pytest.param(
        "value",
        doc(deal="  value: {amount: 1000000, currency: EUR}\n"),
        doc(deal="  value: {amount: 1250000.5, currency: EUR}\n"),
        [("", "EUR 1,000,000", "EUR 1,250,000.5")],
        id="value",
    ),
    pytest.param(
        "value",
        doc(deal="  value: {amount: 1000000, currency: EUR}\n"),
        doc(deal="  value: {amount: 1000000, currency: USD}\n"),
        [("", "EUR 1,000,000", "USD 1,000,000")],
        id="value-currency",
    ),
    pytest.param(
        "value",
        doc(),
        doc(deal="  value: {amount: 500000, currency: CNY}\n"),
        [("", "—", "CNY 500,000")],
        id="value-added",
    ),
    pytest.param(
        "close-date",
        doc(deal="  expected_close: 2027-03-31\n"),
        doc(deal="  expected_close: 2027-06-30\n"),
        [("", "2027-03-31", "2027-06-30")],
        id="close-date",
    ),
    pytest.param(
        "close-date",
        doc(deal="  expected_close: 2027-03-31\n"),
        doc(),
        [("", "2027-03-31", "—")],
        id="close-date-removed",
    ),
    pytest.param(
        "person-added",
        doc(ann()),
        doc(ann() + "  - name: Dee Fox\n    roles: [technical, advisor]\n"),
        [("Dee Fox", "", "technical, advisor")],
        id="person-added",
    ),
    pytest.param(
        "person-removed",
        doc(ann() + "  - name: Bob Ray\n"),
        doc(ann()),
        [("Bob Ray", "", "")],
        id="person-removed",
    ),
    pytest.param(
        "attitude",
        doc(ann(attitude="acknowledger")),
        doc(ann(attitude="non-supporter")),
        [("Ann Lee", "acknowledger", "non-supporter")],
        id="attitude",
    ),
    pytest.param(
        "attitude",
        doc("decision_chain:\n  - name: Ann Lee\n"),
        doc("decision_chain:\n  - name: Ann Lee\n    attitude: ally\n"),
        [("Ann Lee", "unknown", "ally")],
        id="attitude-from-unknown",
    ),
    pytest.param(
        "attitude",
        doc("decision_chain:\n  - name: Ann Lee\n    attitude: unknown\n"),
        doc("decision_chain:\n  - name: Ann Lee\n"),
        [],
        id="attitude-unknown-is-unset",
    ),
    pytest.param(
        "influence",
        doc(ann(influence="low")),
        doc(ann(influence="high")),
        [("Ann Lee", "low", "high")],
        id="influence",
    ),
    pytest.param(
        "coach",
        doc(ann(coach="false")),
        doc(ann(coach="true")),
        [("Ann Lee", "", "now our coach")],
        id="coach-now",
    ),
    pytest.param(
        "coach",
        doc(ann(coach="true")),
        doc(ann(coach="false")),
        [("Ann Lee", "", "no longer our coach")],
        id="coach-no-longer",
    ),
    pytest.param(
        "speaks-for-us",
        doc(ann(speaks="false")),
        doc(ann(speaks="true")),
        [("Ann Lee", "", "now speaks for us")],
        id="speaks-now",
    ),
    pytest.param(
        "speaks-for-us",
        doc(ann(speaks="true")),
        doc(ann(speaks="false")),
        [("Ann Lee", "", "no longer speaks for us")],
        id="speaks-no-longer",
    ),
    pytest.param(
        "competitor-ties",
        doc(ann() + "    competitor_ties: none known\n"),
        doc(ann() + "    competitor_ties: classmate of Kestrel's rep\n"),
        [("Ann Lee", "none known", "tied")],
        id="ties-found",
    ),
    pytest.param(
        "competitor-ties",
        doc(ann() + "    competitor_ties: unknown\n"),
        doc(ann() + "    competitor_ties: 无\n"),
        [("Ann Lee", "unknown", "none known")],
        id="ties-cleared",
    ),
    pytest.param(
        "competitor-ties",
        doc(ann()),
        doc(ann() + "    competitor_ties: not known\n"),
        [("Ann Lee", "not recorded", "unknown")],
        id="ties-asked",
    ),
    pytest.param(
        "competitor-ties",
        doc(ann() + "    competitor_ties: None known\n"),
        doc(ann() + "    competitor_ties: n/a\n"),
        [],
        id="ties-reworded",
    ),
    pytest.param(
        "dynamic-added",
        doc(dynamics(OLD_EVENT)),
        doc(dynamics(OLD_EVENT, NEW_EVENT)),
        [("channel", "2026-11-21", "Eastbridge signed with us")],
        id="dynamic-added",
    ),
    pytest.param(
        "visit-added",
        doc("visits:\n  - {date: 2026-10-01, site: Our lab, host: us}\n"),
        doc(
            "visits:\n  - {date: 2026-10-01, site: Our lab, host: us}\n"
            "  - {date: 2026-11-24, site: Kestrel's  lab, host: Kestrel, accompanied: false}\n"
        ),
        [("Kestrel's lab", "2026-11-24", "Kestrel; none of us went along")],
        id="visit-added",
    ),
    pytest.param(
        "problem-added",
        doc(),
        doc("product_problems:\n  - {whose: us, problem: Reboots at Jinan}\n"),
        [("Reboots at Jinan", "", "us")],
        id="problem-added",
    ),
    pytest.param(
        "problem-resolved",
        doc("product_problems:\n  - {whose: Kestrel, problem: Line-card outages}\n"),
        doc(
            "product_problems:\n  - {whose: Kestrel, problem: Line-card outages, status: resolved}\n"
        ),
        [("Line-card outages", "", "Kestrel")],
        id="problem-resolved",
    ),
    pytest.param(
        "action-done",
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-10")),
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-10, status: done")),
        [("Dinner", "", "")],
        id="action-done",
    ),
    pytest.param(
        "action-dropped",
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-10, status: open")),
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-20, status: dropped")),
        [("Dinner", "", "")],
        id="action-dropped",
    ),
    pytest.param(
        "action-slipped",
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-10")),
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-24")),
        [("Dinner", "2026-12-10", "2026-12-24")],
        id="action-slipped",
    ),
    pytest.param(
        "action-slipped",
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-24")),
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-10")),
        [],
        id="action-moved-earlier-is-not-slipped",
    ),
    pytest.param(
        "action-added",
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-10")),
        doc(actions("what: Dinner, owner: Li Wei, due: 2026-12-10", "what: Demo")),
        [("Demo", "", "?, —")],
        id="action-added",
    ),
    pytest.param(
        "action-removed",
        doc(actions("what: Dinner, due: 2026-12-10", "what: Demo, due: 2026-12-11")),
        doc(actions("what: Demo, due: 2026-12-11")),
        [("Dinner", "", "")],
        id="action-removed",
    ),
    pytest.param(
        "item-met",
        doc(answer("relationship", "pr-plan-feasible", "partial")),
        doc(answer("relationship", "pr-plan-feasible", "yes")),
        [("Build relationships into the decision chain › PR plan timely and feasible", "", "")],
        id="item-met",
    ),
    pytest.param(
        "item-lost",
        doc(answer("relationship", "pr-plan-feasible", "yes")),
        doc(answer("relationship", "pr-plan-feasible", "no")),
        [
            (
                "Build relationships into the decision chain › PR plan timely and feasible",
                "met",
                "not met",
            )
        ],
        id="item-lost",
    ),
    pytest.param(
        "item-lost",
        doc(answer("relationship", "pr-plan-feasible", "yes")),
        doc(),
        [
            (
                "Build relationships into the decision chain › PR plan timely and feasible",
                "met",
                "not answered",
            )
        ],
        id="item-lost-unanswered",
    ),
    pytest.param(
        "gate-passed",
        doc(ann(speaks="false")),
        doc(ann(speaks="true")),
        [(GATE, "", "")],
        id="gate-passed",
    ),
    pytest.param(
        "gate-lost",
        doc(ann(influence="high", speaks="true")),
        doc(ann(influence="medium", speaks="true")),
        [(GATE, "", "")],
        id="gate-lost",
    ),
    pytest.param(
        "gate-passed",
        doc(ann(speaks="false"), stage="discovery"),
        doc(ann(speaks="true"), stage="discovery"),
        [],
        id="gate-of-a-later-stage-is-not-compared",
    ),
]


@pytest.mark.parametrize(("kind", "before", "after", "expected"), ONE_KIND)
def test_one_kind_of_change(
    kind: str, before: str, after: str, expected: list[tuple[str, str, str]]
) -> None:
    found = changes_between(before, after)
    assert [(c.subject, c.before, c.after) for c in found if c.kind == kind] == expected


def test_the_kinds_cover_every_wording() -> None:
    covered = {p.values[0] for p in ONE_KIND}  # type: ignore[attr-defined]
    assert covered == set(KINDS)
    assert [k for group in GROUPS.values() for k in group] == list(KINDS)


def test_dynamic_added_keeps_its_reversal_flag() -> None:
    plain = changes_between(doc(), doc(dynamics(OLD_EVENT)))
    turned = changes_between(doc(), doc(dynamics(OLD_EVENT + ", reversal: true")))
    assert [(c.kind, c.reversal) for c in plain] == [("dynamic-added", False)]
    assert [(c.kind, c.reversal) for c in turned] == [("dynamic-added", True)]
    assert plain[0].text("en") == "2026-11-01 customer: Tender out"


def test_a_dynamic_with_the_same_date_and_event_is_not_new() -> None:
    before = doc(dynamics(OLD_EVENT + ", impact: neutral"))
    after = doc(dynamics(OLD_EVENT + ", impact: negative, reversal: true"))
    assert changes_between(before, after) == []


def test_the_same_file_has_no_changes() -> None:
    assert changes_between(BEFORE, BEFORE) == []
    assert changes_between(AFTER, AFTER) == []


def test_report_groups_under_headings_in_kinds_order() -> None:
    found = changes_between(BEFORE, AFTER)
    assert report(found, "en", "before → after") == EXPECTED_REPORT
    only_actions = [c for c in found if c.kind.startswith("action-")]
    text = report(only_actions, "en", "x")
    assert text.splitlines()[1] == "Actions:"
    assert "Deal:" not in text and "People:" not in text and "Checklist:" not in text


def test_report_of_no_changes() -> None:
    assert report([], "en", "a → b") == "Since the last review: a → b\n  Nothing changed.\n"
    assert report([], "zh", "a → b") == "上次分析会以来的变化：a → b\n  没有变化。\n"


# --- Chinese ---------------------------------------------------------------------------


def zh(text: str) -> str:
    return text.replace("  expected_close:", "  language: zh\n  expected_close:")


EXPECTED_ZH = [
    "阶段：机会评估 → 关系切入发展",
    "金额：EUR 1,000,000（100 万） → EUR 1,200,000（120 万）",
    "预计成交：2027-03-31 → 2027-04-30",
    "Dee Fox 进入决策链（技术把关, 参谋）",
    "Cy Park 移出决策链",
    "Ann Lee：认可者 → 不支持者",
    "Bob Ray：影响力 低 → 中",
    "Bob Ray：不再是我方教练",
    "Ann Lee：开始为我方说话",
    "2026-11-20 竞争对手：Rival took Ann to a reference site",
    "已完成：Dinner with Ann",
    "已取消：Demo for Bob",
    "延期：Send proposal（2026-12-05 → 2026-12-19）",
    "新增：Workshop with Dee（Chen Yu, 2027-01-08）",
    "从计划中删除：Call the integrator",
    "新满足：机会评估 › 跟进决策与资源",
    "不再满足：需求了解与信息收集 › 需求已确认（已满足 → 部分满足）",
    "不再满足：关系切入发展 › 培养出教练（已满足 → 未满足）",
    "关口通过：关系切入发展 › 至少一位关键客户敢于为我司说话",
]


def test_chinese_deal_gets_chinese_wording(tmp_path: Path) -> None:
    found = changes_between(zh(BEFORE), zh(AFTER))
    assert [c.text("zh") for c in found] == EXPECTED_ZH
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(zh(BEFORE), encoding="utf-8")
    new.write_text(zh(AFTER), encoding="utf-8")
    result = invoke("diff", old, new, "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"上次分析会以来的变化：{old} → {new}"
    assert [line.strip() for line in lines if line.startswith("  ")] == [
        text + ("  ⟲ 逆转" if text.startswith("2026-11-20") else "") for text in EXPECTED_ZH
    ]
    assert "Stage" not in result.stdout and "REVERSAL" not in result.stdout


def test_chinese_group_headings_use_the_chinese_colon() -> None:
    text = report(changes_between(zh(BEFORE), zh(AFTER)), "zh", "a → b")
    headings = [line for line in text.splitlines()[1:] if not line.startswith(" ")]
    assert headings == ["项目：", "人员：", "新动态：", "行动：", "检查清单："]


# --- reviewkit diff ----------------------------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(BEFORE, encoding="utf-8")
    new.write_text(AFTER, encoding="utf-8")
    return old, new


def test_diff_prints_the_grouped_report(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = invoke("diff", old, new, "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    expected = EXPECTED_REPORT.replace("before → after", f"{old} → {new}")
    assert result.stdout == expected


def test_diff_as_json_points_into_the_new_file(pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = invoke("diff", old, new, "--format", "json", "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == ["old", "new", "changes", "attitudes"]
    assert document["attitudes"] == []  # two plain files: no versions to follow
    assert document["old"] == str(old) and document["new"] == str(new)
    fields = ["kind", "subject", "before", "after", "line", "column", "reversal", "text"]
    assert all(list(c) == fields for c in document["changes"])
    assert [c["text"] for c in document["changes"]] == EXPECTED_TEXTS
    assert document["changes"][5] == {
        "kind": "attitude",
        "subject": "Ann Lee",
        "before": "acknowledger",
        "after": "non-supporter",
        "line": 12,
        "column": 5,
        "reversal": False,
        "text": "Ann Lee: acknowledger → non-supporter",
    }
    # Each change points at its key in NEW (or at the nearest parent for what is gone).
    lines = AFTER.splitlines()
    starts = {
        "stage": "stage: relationship",
        "value": "value: {amount: 1200000",
        "close-date": "expected_close: 2027-04-30",
        "person-added": "name: Dee Fox",
        "person-removed": "decision_chain:",
        "attitude": "attitude: non-supporter",
        "influence": "influence: medium",
        "coach": "coach: false",
        "speaks-for-us": "speaks_for_us: true",
        "dynamic-added": "{date: 2026-11-20",
        "action-done": "status: done",
        "action-dropped": "status: dropped",
        "action-slipped": "due: 2026-12-19",
        "action-added": "{what: Workshop with Dee",
        "action-removed": "actions:",
        "gate-passed": "decision_chain:",
    }
    for change in document["changes"]:
        if change["kind"] in starts:
            at = lines[change["line"] - 1][change["column"] - 1 :]
            assert at.startswith(starts[change["kind"]]), change
    met = next(c for c in document["changes"] if c["kind"] == "item-met")
    assert lines[met["line"] - 1].strip().startswith("resources-assigned: {status: yes")
    assert [c["reversal"] for c in document["changes"] if c["kind"] == "dynamic-added"] == [True]


def test_diff_json_keeps_chinese_readable(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(zh(BEFORE), encoding="utf-8")
    new.write_text(zh(AFTER), encoding="utf-8")
    result = invoke("diff", old, new, "-f", "json", "--today", "2026-12-01")
    assert result.exit_code == 0
    assert "阶段：机会评估" in result.stdout  # not \\u escapes
    assert json.loads(result.stdout)["changes"][0]["text"] == EXPECTED_ZH[0]


def test_diff_of_identical_files_says_nothing_changed(pair: tuple[Path, Path]) -> None:
    _, new = pair
    result = invoke("diff", new, new)
    assert result.exit_code == 0
    assert result.stdout == f"Since the last review: {new} → {new}\n  Nothing changed.\n"
    as_json = invoke("diff", new, new, "-f", "json")
    assert json.loads(as_json.stdout)["changes"] == []


def test_diff_with_an_invalid_old_file_exits_2_with_its_place(
    pair: tuple[Path, Path],
) -> None:
    old, new = pair
    old.write_text(BEFORE.replace("stage: qualification", "stage: qualificaton"), "utf-8")
    result = invoke("diff", old, new)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{old}:4:10: deal.stage: 'qualificaton' is not a stage" in result.stderr


def test_diff_with_an_invalid_new_file_exits_2_with_its_place(
    pair: tuple[Path, Path],
) -> None:
    old, new = pair
    new.write_text(AFTER.replace("  influence: medium", "  influence: Medium"), "utf-8")
    result = invoke("diff", old, new)
    assert result.exit_code == 2
    assert f"{new}:16:16:" in result.stderr


# --- OLD as a git revision -----------------------------------------------------------


def test_diff_against_a_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = repo_with(tmp_path, BEFORE, AFTER)
    monkeypatch.chdir(repo)
    result = invoke("diff", "HEAD~1", "deal.yaml", "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    # The changes, then each person's attitude over the file's committed versions.
    assert result.stdout == EXPECTED_REPORT.replace(
        "before → after", "deal.yaml@HEAD~1 → deal.yaml"
    ) + ("Attitude over time:\n  Ann Lee: acknowledger (2026-10-01) → non-supporter (2026-10-02)\n")
    as_json = json.loads(invoke("diff", "HEAD~1", "deal.yaml", "-f", "json").stdout)
    assert as_json["old"] == "deal.yaml@HEAD~1" and as_json["new"] == "deal.yaml"
    assert as_json["attitudes"] == [
        {
            "name": "Ann Lee",
            "steps": [
                {"date": "2026-10-01", "attitude": "acknowledger"},
                {"date": "2026-10-02", "attitude": "non-supporter"},
            ],
        }
    ]
    # HEAD is the file as it is now: nothing changed.
    same = invoke("diff", "HEAD", "deal.yaml")
    assert "\n  Nothing changed.\nAttitude over time:\n" in same.stdout


def test_diff_reads_the_revision_from_the_deals_own_repository(tmp_path: Path) -> None:
    """The path names a file in a sub-folder of a repository; the command runs elsewhere."""
    repo = tmp_path / "repo"
    (repo / "deals").mkdir(parents=True)
    git(repo, "init", "-q")
    deal = repo / "deals" / "harbour.yaml"
    deal.write_text(BEFORE, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v1")
    deal.write_text(AFTER, encoding="utf-8")  # not committed: the working file is NEW
    result = invoke("diff", "HEAD", deal, "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    changes, moves = result.stdout.split("Attitude over time:\n")
    assert [line.strip() for line in changes.splitlines() if line.startswith("  ")] == [
        t + ("  ⟲ REVERSAL" if t.startswith("2026-11-20") else "") for t in EXPECTED_TEXTS
    ]
    # The working file has no review date: its step is undated.
    assert moves.splitlines()[0].startswith("  Ann Lee: acknowledger (")
    assert moves.splitlines()[0].endswith(") → non-supporter")


def test_diff_with_a_bad_revision_exits_2_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repo_with(tmp_path, BEFORE, AFTER)
    monkeypatch.chdir(repo)
    result = invoke("diff", "no-such-ref", "deal.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("reviewkit: deal.yaml: cannot read it at 'no-such-ref': ")
    assert "give a file, or a git revision in which this file exists (e.g. HEAD~1)" in message
    assert len(message.splitlines()) == 1
    # A revision older than the file.
    too_old = invoke("diff", "HEAD~5", "deal.yaml")
    assert too_old.exit_code == 2 and "cannot read it at 'HEAD~5'" in too_old.stderr


def test_diff_outside_git_with_a_revision_exits_2(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(AFTER, encoding="utf-8")
    result = invoke("diff", "HEAD~1", deal)
    assert result.exit_code == 2
    assert f"reviewkit: {deal}: cannot read it at 'HEAD~1'" in result.stderr


def test_diff_with_an_invalid_old_revision_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = BEFORE.replace("stage: qualification", "stage: qualificaton")
    repo = repo_with(tmp_path, bad, AFTER)
    monkeypatch.chdir(repo)
    result = invoke("diff", "HEAD~1", "deal.yaml")
    assert result.exit_code == 2
    assert "deal.yaml@HEAD~1:4:10: deal.stage: 'qualificaton' is not a stage" in result.stderr
    assert "Traceback" not in result.stderr


# --- render --since -----------------------------------------------------------------------


def test_render_since_a_revision_adds_the_section_before_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repo_with(tmp_path, BEFORE, AFTER)
    monkeypatch.chdir(repo)
    result = invoke("render", "deal.yaml", "--since", "HEAD~1", "-o", "-", "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    pack = result.stdout
    since = pack.index("## Since the last review")
    assert since < pack.index("## 1. Background")
    section = pack[since : pack.index("## 1. Background")]
    assert "*compared with: HEAD\\~1*" in section  # Markdown-escaped HEAD~1
    assert [line for line in section.splitlines() if line.startswith("**")] == [
        "**Deal**",
        "**People**",
        "**New dynamics**",
        "**Actions**",
        "**Checklist**",
    ]
    entries = [line[2:] for line in section.splitlines() if line.startswith("- ")]
    assert len(entries) == len(EXPECTED_TEXTS)
    assert (
        entries[0]
        == "Stage: Evaluate the opportunity → Build relationships into the decision chain"
    )
    assert entries[9] == (
        "2026-11-20 competitor: Rival took Ann to a reference site **⟲ REVERSAL**"
    )
    assert "slipped: Send proposal (due 2026-12-05 → 2026-12-19)" in entries
    assert "removed from the plan: Call the integrator" in entries
    # Without --since there is no such section.
    plain = invoke("render", "deal.yaml", "-o", "-", "--today", "2026-12-01").stdout
    assert "Since the last review" not in plain


def test_render_since_names_the_revision_and_its_review_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = BEFORE + "review: {date: 2026-11-12}\n"
    repo = repo_with(tmp_path, held, AFTER)
    monkeypatch.chdir(repo)
    result = invoke(
        "render", "deal.yaml", "--since", "HEAD~1", "-f", "html", "-o", "-", "--today", "2026-12-01"
    )
    assert result.exit_code == 0, result.output
    assert "HEAD~1 (2026-11-12)" in result.stdout
    assert "Since the last review" in result.stdout
    assert result.stdout.index("Since the last review") < result.stdout.index("1. Background")


def test_render_since_an_identical_version_says_nothing_changed(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(AFTER, encoding="utf-8")
    copy = tmp_path / "copy.yaml"
    copy.write_text(AFTER, encoding="utf-8")
    result = invoke("render", deal, "--since", copy, "-o", "-", "--today", "2026-12-01")
    assert result.exit_code == 0
    section = result.stdout[result.stdout.index("## Since the last review") :]
    section = section[: section.index("## 1. Background")]
    assert "Nothing changed." in section


def test_render_since_a_bad_revision_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repo_with(tmp_path, BEFORE, AFTER)
    monkeypatch.chdir(repo)
    result = invoke("render", "deal.yaml", "--since", "v9.9", "--today", "2026-12-01")
    assert result.exit_code == 2
    assert "cannot read it at 'v9.9'" in result.stderr
    assert not list(repo.glob("*.review.*"))


FLOOR_OLD = """\
reviewkit: 1
deal:
  name: Core upgrade
  stage: relationship
  confidential: true
strategy:
  commercial:
    floor: {amount: 10900000, currency: CNY}
"""

FLOOR_NEW = (
    FLOOR_OLD
    + """\
dynamics:
  - {date: 2026-11-25, party: competitor, event: "Kestrel heard our floor is 10.9M", reversal: true}
actions:
  - {what: "Hold the line at 1090万 with the GM", owner: Li Wei, due: 2026-12-20}
"""
)


def test_floor_quoted_in_a_change_is_redacted_unless_revealed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repo_with(tmp_path, FLOOR_OLD, FLOOR_NEW)
    monkeypatch.chdir(repo)
    args = ("render", "deal.yaml", "--since", "HEAD~1", "-o", "-", "--today", "2026-12-01")
    hidden = invoke(*args)
    assert hidden.exit_code == 0, hidden.output
    section = hidden.stdout[hidden.stdout.index("## Since the last review") :]
    section = section[: section.index("## 1. Background")]
    assert "- 2026-11-25 competitor: Kestrel heard our floor is \\[floor withheld\\]" in section
    assert (
        "- new: Hold the line at \\[floor withheld\\] with the GM (Li Wei, 2026-12-20)" in section
    )
    for figure in ("10.9M", "1090万", "10,900,000", "10900000"):
        assert figure not in hidden.stdout
    shown = invoke(*args, "--reveal-floor")
    assert shown.exit_code == 0
    section = shown.stdout[shown.stdout.index("## Since the last review") :]
    section = section[: section.index("## 1. Background")]
    assert "Kestrel heard our floor is 10.9M" in section
    assert "Hold the line at 1090万 with the GM" in section
    assert "floor withheld" not in section


def test_removed_people_and_actions_are_listed_in_file_order_on_every_run(
    tmp_path: Path,
) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(
        doc(
            "decision_chain:\n"
            + "".join(f"  - name: {n}\n" for n in ("Alpha", "Bravo", "Charlie", "Delta", "Echo"))
            + actions("what: One", "what: Two", "what: Three", "what: Four"),
            stage="discovery",
        ),
        encoding="utf-8",
    )
    new = tmp_path / "new.yaml"
    new.write_text(doc(stage="discovery"), encoding="utf-8")
    expected = (
        f"Since the last review: {old} → {new}\nPeople:\n"
        + "".join(
            f"  {n} left the decision chain\n"
            for n in ("Alpha", "Bravo", "Charlie", "Delta", "Echo")
        )
        + "Actions:\n"
        + "".join(f"  removed from the plan: {w}\n" for w in ("One", "Two", "Three", "Four"))
    )
    outputs = []
    for seed in ("0", "1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-m", "reviewkit", "diff", str(old), str(new)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs == [expected] * 4


def test_visits_and_problems_read_in_chinese() -> None:
    after = doc(
        "visits:\n  - {date: 2026-11-20, site: 华信通杭州工厂, host: 华信通, accompanied: false}\n"
        "product_problems:\n  - {whose: 我方, problem: 光模块批次故障}\n",
        deal="  language: zh\n",
    )
    found = changes_between(doc(deal="  language: zh\n"), after)
    assert [c.text("zh") for c in found] == [
        "2026-11-20 考察：华信通杭州工厂（安排方：华信通；我方未陪同）",
        "产品问题（我方）：光模块批次故障",
    ]
