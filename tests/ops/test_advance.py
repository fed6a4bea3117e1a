"""reviewkit advance: refusal with what is missing, --force with a reason, a byte-level round trip."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.model.config import Settings
from reviewkit.model.deal import load_deal
from reviewkit.model.formtext import form_of
from reviewkit.model.formtext import rewrite as rewrite_form
from reviewkit.model.playbook import load_playbook
from reviewkit.ops.advance import advance_command, indentation, rewrite
from reviewkit.present.scaffold import scaffold, stage_questions
from tests.conftest import MINIMAL, SAMPLE_DEALS, SAMPLES, TODAY, load_sample

#: A deal whose discovery stage is complete (every item met), with comments and odd quoting.
READY = """\
# A deal ready to leave discovery.
reviewkit: 1

deal:
  name: "Harbour data centre"   # quoted on purpose
  stage: discovery  # where it stands
  language: en

background:
  customer:
    business: 'Port operator, 3 terminals'
    organization: CEO, CIO, procurement board
    it_landscape: |
      Two server rooms, end of life.
  project:
    budget: {amount: 4000000, currency: EUR}
    timeline: Tender in March
    procurement_process: Open tender
    channels: Direct

decision_chain:
  - name: Ana Ruiz
    roles: [decision-maker]
  - name: Bo Lind
  - name: Cy Park

competitors:
  - name: Rivalnet
    strengths: [incumbent]
    weaknesses: [slow]
    sales_rep: {name: Tom}

checklist:
  discovery:
    needs-confirmed: {status: yes, evidence: "read back on 2026-11-20"}

# Outcome, later.
outcome:
  reasons: []
"""


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) between two texts."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def invoke(*args: object):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def test_advance_when_everything_holds(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(READY, encoding="utf-8")
    result = invoke("advance", path, "--to", "qualification", "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "Moved" in result.stdout and "'discovery' to 'qualification'" in result.stdout
    after = path.read_text(encoding="utf-8")
    removed, added = changes(READY, after)
    assert removed == ["  stage: discovery  # where it stands"]
    assert added[0].startswith("  stage: qualification") and added[0].endswith("# where it stands")
    assert added[1:] == [
        "  # Evaluate the opportunity",
        "  qualification:",
        "    # Have we rated the opportunity on size, significance, difficulty and speed?",
        "    # opportunity-rated: from the data: needs the size, significance, difficulty, speed "
        "filled in",
        "    # Have we decided whether to pursue or drop the deal, and settled the resources to "
        "put behind that decision?",
        "    resources-assigned:",
        "      status: unknown",
        '      evidence: ""',
        "history:",
        "  - date: 2026-12-01",
        "    from: discovery",
        "    to: qualification",
        "    forced: false",
    ]
    deal = load_deal(path)
    assert deal.stage == "qualification"
    assert deal.data["history"][0]["to"] == "qualification"


def test_advance_refuses_and_lists_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    text = READY.replace("    channels: Direct\n", "")
    path.write_text(text, encoding="utf-8")
    result = invoke("advance", path, "--to", "qualification", "--today", "2026-12-01")
    assert result.exit_code == 1
    # The missing key's place is its parent's: background.project.
    assert (
        f"{path}:15:3: warning checklist Understand needs, collect information › Channels "
        "involved: not met — needs the channels involved filled in; or needs at least 1 partner\n"
    ) in result.output
    assert "stays at 'discovery'" in result.output and "--force --reason" in result.output
    assert path.read_text(encoding="utf-8") == text


def test_advance_over_several_stages_needs_the_skipped_ones_too(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(READY, encoding="utf-8")
    result = invoke("advance", path, "--to", "relationship", "--today", "2026-12-01")
    assert result.exit_code == 1
    assert "warning checklist Evaluate the opportunity › Opportunity rated" in result.output
    assert "Evaluate the opportunity › Go/no-go and resources settled" in result.output


def test_force_with_a_reason_records_the_override(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    text = READY.replace("    channels: Direct\n", "")
    path.write_text(text, encoding="utf-8")
    assert invoke("advance", path, "--to", "qualification", "--force").exit_code == 2
    assert path.read_text(encoding="utf-8") == text  # --force alone changes nothing
    result = invoke(
        "advance",
        path,
        "--to",
        "qualification",
        "--force",
        "--reason",
        "CIO asked: #1 priority",
        "--today",
        "2026-12-01",
    )
    assert result.exit_code == 0, result.output
    assert "forced past 1 open item(s)" in result.stdout
    removed, added = changes(text, path.read_text(encoding="utf-8"))
    assert removed == ["  stage: discovery  # where it stands"]
    assert added[-5:] == [
        "    to: qualification",
        "    forced: true",
        "    reason: 'CIO asked: #1 priority'",
        "    open:",
        "      - discovery/channels-known",
    ]
    history = load_deal(path).data["history"]
    assert history == [
        {
            "date": dt.date(2026, 12, 1),
            "from": "discovery",
            "to": "qualification",
            "forced": True,
            "reason": "CIO asked: #1 priority",
            "open": ["discovery/channels-known"],
        }
    ]
    again = invoke("advance", path, "--to", "relationship", "--force", "--reason", "pushed on")
    assert again.exit_code == 0
    assert [h["to"] for h in load_deal(path).data["history"]] == ["qualification", "relationship"]


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("discovery", "only to a later stage"),
        ("qualificaton", "is not a stage"),
        ("relationshp", "the stages are"),
    ],
)
def test_advance_refuses_a_bad_target(tmp_path: Path, target: str, words: str) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(READY, encoding="utf-8")
    result = invoke("advance", path, "--to", target)
    assert result.exit_code == 2 and words in result.output
    assert path.read_text(encoding="utf-8") == READY


def test_advance_of_an_invalid_file_exits_2_untouched(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    text = READY.replace("stage: discovery", "stage: discovry")
    path.write_text(text, encoding="utf-8")
    result = invoke("advance", path, "--to", "qualification")
    assert result.exit_code == 2 and f"{path}:6:10:" in result.output
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("sample", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_round_trip_of_every_sample_changes_only_the_intended_lines(sample: Path) -> None:
    deal, _ = load_sample(sample)
    stages = deal.playbook.stages
    assert deal.stage_index + 1 < len(stages), "every sample has a later stage to move to"
    target = stages[deal.stage_index + 1].key
    before = sample.read_text(encoding="utf-8")
    after = rewrite(before, deal, target, TODAY, [], None)
    if form_of(before, deal.playbook) is not None:  # the Chinese form: its lines stay Chinese
        removed, added = changes(before, after)
        assert all("stage" not in line and "status" not in line for line in added)
        before, after = rewrite_form(before, deal.playbook), rewrite_form(after, deal.playbook)
    removed, added = changes(before, after)
    assert len(removed) == 1 and removed[0].strip().startswith(f"stage: {deal.stage}")
    assert added[0].strip().startswith(f"stage: {target}")
    manual = [i.key for i in deal.playbook.stage(target).items if i.rule is None]
    questions = stage_questions(deal.playbook, target, deal.language) or []
    for key in manual:  # each answer stub as `new` writes it: a block mapping
        at = questions.index(f"    {key}:")
        assert questions[at + 1 : at + 3] == ["      status: unknown", '      evidence: ""']
    new_checklist = [] if "\nchecklist:" in before else ["checklist:"]
    history = ["history:", f"  - date: {TODAY}", f"    from: {deal.stage}", f"    to: {target}"]
    assert added[1:] == new_checklist + (questions if manual else []) + history + [
        "    forced: false"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n  b: 1\nc:\n  - x\n", (2, 4, 2)),
        ("a:\n    b: 1\nc:\n- x\n", (4, 2, 0)),
        ("a:\n   b:\n     - x\n", (3, 4, 2)),
        ("a: {b: 1}\nc: [x]\n", (2, 4, 2)),
    ],
)
def test_indentation_is_read_from_the_file(text: str, expected: tuple[int, int, int]) -> None:
    assert indentation(text, "x.yaml") == expected


FOUR = """\
reviewkit: 1
deal:
    name: Four spaces
    stage: discovery
background:
    customer:
        business: b
        organization: o
        it_landscape: i
    project:
        budget: {amount: 1, currency: EUR}
        timeline: t
        procurement_process: p
        channels: c
decision_chain:
-   name: A
    roles: [decision-maker]
-   name: B
-   name: C
competitors:
-   name: R
    strengths: [s]
    weaknesses: [w]
    sales_rep: {name: T}
checklist:
    discovery:
        needs-confirmed: {status: yes}
"""


def test_a_four_space_file_keeps_its_layout(tmp_path: Path) -> None:
    assert indentation(FOUR, "x") == (4, 4, 0)
    path = tmp_path / "deal.yaml"
    path.write_text(FOUR, encoding="utf-8")
    result = invoke("advance", path, "--to", "qualification", "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    removed, added = changes(FOUR, path.read_text(encoding="utf-8"))
    assert removed == ["    stage: discovery"]
    assert added[:3] == [
        "    stage: qualification",
        "    # Evaluate the opportunity",
        "    qualification:",
    ]
    questions = stage_questions(load_playbook(), "qualification", "en") or []
    assert (
        added[3:9]
        == [  # as `new` writes them, in the file's four spaces
            " " * (2 * (len(line) - len(line.lstrip(" ")))) + line.lstrip(" ") for line in questions
        ][2:]
    )
    assert added[6:9] == [
        "        resources-assigned:",
        "            status: unknown",
        '            evidence: ""',
    ]
    assert added[9:] == [
        "history:",
        "-   date: 2026-12-01",
        "    from: discovery",
        "    to: qualification",
        "    forced: false",
    ]


def test_advance_uses_the_team_playbook(tmp_path: Path) -> None:
    folder = tmp_path / "team-meddpicc"
    shutil.copytree(SAMPLES / "team-meddpicc", folder)
    shutil.copytree(SAMPLES / "playbooks", tmp_path / "playbooks")
    deal_path = next(folder.glob("*-*.yaml"))
    result = invoke("advance", deal_path, "--to", "propose", "--today", "2026-12-01")
    assert result.exit_code == 1
    assert "warning gate Validate value and the champion gate not passed" in result.output
    assert Settings().for_file(deal_path).playbook.stages[0].key == "qualify"


def test_a_crlf_file_stays_crlf(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    crlf = READY.replace("\n", "\r\n").encode()
    path.write_bytes(crlf)
    assert invoke("advance", path, "--to", "qualification", "--today", "2026-12-01").exit_code == 0
    after = path.read_bytes()
    assert after.count(b"\r\n") == after.count(b"\n") and b"\r\r" not in after
    removed, _ = changes(crlf.decode().replace("\r\n", "\n"), after.decode().replace("\r\n", "\n"))
    assert removed == ["  stage: discovery  # where it stands"]


def test_advance_command_says_where_the_deal_went_or_what_is_open(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(MINIMAL, encoding="utf-8")
    options = {"today": TODAY, "playbook": None, "config": None}
    refused = advance_command(deal, "partner", force=False, reason=None, **options)
    assert refused.code == 1 and refused.out == ""
    assert all(line.startswith(f"{deal}:") for line in refused.err[:-1])
    assert refused.err[-1].startswith(f"reviewkit: {deal} stays at 'relationship': ")
    moved = advance_command(deal, "partner", force=True, reason="the customer asked", **options)
    assert moved.code == 0 and moved.err == ()
    assert moved.out.splitlines()[:-1] == list(refused.err[:-1])
    assert moved.out.splitlines()[-1].startswith(f"Moved {deal} from 'relationship' to 'partner'")


def test_advance_writes_a_chinese_form_file_in_the_chinese_form(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text((SAMPLES / "xinan-hospital-stub.yaml").read_text(encoding="utf-8"))
    before = path.read_text(encoding="utf-8")
    args = ["advance", str(path), "--to", "qualification", "--force", "--reason", "先评估机会"]
    result = CliRunner().invoke(app, [*args, "--today", str(TODAY)])
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    removed, added = changes(before, after)
    assert removed == ["  阶段: 需求了解与信息收集"]
    assert added[0] == "  阶段: 机会评估"
    written = scaffold("x", stage="qualification", lang="zh").splitlines()  # as `new` writes
    start = written.index("  机会评估:")
    stop = next(i for i in range(start + 1, len(written)) if not written[i].startswith("    "))
    end = 2 + stop - start
    assert added[1:3] == ["检查清单:", "  机会评估:"] and added[2:end] == written[start:stop]
    assert added[end - 3 : end] == [
        "    跟进决策与资源:",
        "      状态: 未知",
        '      依据: ""',
    ]
    assert "阶段记录:" in added and "    强制推进: 是" in added
    deal = load_deal(path)
    assert deal.stage == "qualification" and deal.data["history"][0]["forced"] is True
    history = added[added.index("阶段记录:") :]
    assert history[2:4] == ["    原阶段: 需求了解与信息收集", "    新阶段: 机会评估"]
    gaps = history[history.index("    未满足项:") + 1 :]
    assert gaps and all(line.startswith("      - 需求了解与信息收集/") for line in gaps), gaps
    assert not any(c.isascii() and c.isalpha() for line in history for c in line)  # no YAML words
    move = deal.data["history"][0]
    assert (move["from"], move["to"]) == ("discovery", "qualification")  # read as keys
    assert move["open"] and all(g.startswith("discovery/") for g in move["open"])
    again = CliRunner().invoke(app, ["check", str(path), "--today", str(TODAY)])
    accepted = [line for line in again.output.splitlines() if "强制推进时接受：先评估机会" in line]
    assert len(accepted) == len(move["open"])  # each gap known as accepted, from its Chinese name


def test_a_recorded_stage_the_playbook_no_longer_has_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(
        MINIMAL
        + "history:\n  - date: 2025-01-02\n    from: scouting\n    to: relationship\n"
        + "    forced: true\n    reason: old playbook\n    open: [scouting/first-call]\n",
        encoding="utf-8",
    )
    deal = load_deal(path)
    move = deal.data["history"][0]
    assert (move["from"], move["open"]) == ("scouting", ["scouting/first-call"])
    result = CliRunner().invoke(app, ["check", str(path), "--today", str(TODAY)])
    assert result.exit_code in (0, 1) and "scouting" not in result.output


def test_an_english_file_whose_history_names_stages_in_chinese_stays_english(
    tmp_path: Path,
) -> None:
    """A record's words do not make a file Chinese: advance writes its new lines in English."""
    path = tmp_path / "deal.yaml"
    path.write_text(
        MINIMAL
        + "history:\n  - date: 2026-10-01\n    from: 机会评估\n    to: 需求了解与信息收集\n",
        encoding="utf-8",
    )
    assert form_of(path.read_text(encoding="utf-8"), load_deal(path).playbook) is None
    assert load_deal(path).data["history"][0]["from"] == "qualification"  # read as the key
    before = path.read_text(encoding="utf-8")
    args = ["advance", str(path), "--to", "partner", "--force", "--reason", "asked"]
    result = CliRunner().invoke(app, [*args, "--today", str(TODAY)])
    assert result.exit_code == 0, result.output
    removed, added = changes(before, path.read_text(encoding="utf-8"))
    assert removed == ["  stage: relationship"] and added[0] == "  stage: partner"
    assert "    from: relationship" in added and "    to: partner" in added
    assert not any("阶段" in line for line in added), added
