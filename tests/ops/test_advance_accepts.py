"""A forced `advance` and what follows it: the items moved past count as accepted (info in
`check`, marked in the pack), the open work is worded, ordered and coloured as `check` does it,
in the deal's language, and the new stage's questions arrive as `new` writes them."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.model.formtext import rewrite as rewrite_form
from reviewkit.model.playbook import load_playbook
from reviewkit.present.scaffold import stage_questions

DAY = "2026-12-01"
STUB = """\
reviewkit: 1
deal:
  name: Harbour data centre
  stage: {stage}
  language: {lang}
checklist:
  discovery:
    needs-confirmed: {{status: partial, evidence: read back to the CIO}}
"""
PLACE = re.compile(r"^\S+:\d+:\d+: ")


def invoke(*args: object) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def deal(tmp_path: Path, stage: str = "discovery", lang: str = "en") -> Path:
    path = tmp_path / "deal.yaml"
    path.write_text(STUB.format(stage=stage, lang=lang), encoding="utf-8")
    return path


def test_forced_items_are_accepted_by_the_next_check(tmp_path: Path) -> None:
    path = deal(tmp_path)
    before = invoke("check", path, "--today", DAY)
    assert before.exit_code == 0  # warnings at the current stage
    forced = invoke(
        "advance",
        path,
        "--to",
        "qualification",
        "--force",
        "--reason",
        "CIO insists",
        "--today",
        DAY,
    )
    assert forced.exit_code == 0, forced.output
    after = invoke("check", path, "--today", "2026-12-05")
    assert after.exit_code == 0, after.stdout  # what pre-commit runs: the file passes
    accepted = [line for line in after.stdout.splitlines() if "accepted when" in line]
    assert len(accepted) == 6
    assert all(" info checklist Understand needs, collect information › " in a for a in accepted)
    assert all(
        a.endswith(" — accepted when advancing on 2026-12-01: CIO insists") for a in accepted
    )
    assert " error " not in after.stdout


def test_a_gate_moved_past_is_accepted_too(tmp_path: Path) -> None:
    path = deal(tmp_path, stage="relationship")
    forced = invoke("advance", path, "--to", "partner", "--force", "--reason", "tender moved up")
    assert forced.exit_code == 0, forced.output
    after = invoke("check", path, "--today", DAY, "--select", "gate")
    [gate] = [line for line in after.stdout.splitlines() if PLACE.match(line)]
    assert " info gate " in gate and gate.endswith(": tender moved up")


def test_accepted_items_do_not_block_the_next_move(tmp_path: Path) -> None:
    path = deal(tmp_path)
    invoke("advance", path, "--to", "qualification", "--force", "--reason", "CIO", "--today", DAY)
    refused = invoke("advance", path, "--to", "relationship", "--today", DAY)
    assert refused.exit_code == 1
    open_lines = [line for line in refused.stderr.splitlines() if PLACE.match(line)]
    assert open_lines and all("Evaluate the opportunity ›" in line for line in open_lines)


def test_the_pack_marks_accepted_items(tmp_path: Path) -> None:
    path = deal(tmp_path)
    invoke("advance", path, "--to", "qualification", "--force", "--reason", "CIO", "--today", DAY)
    out = tmp_path / "pack.md"
    assert invoke("render", path, "-o", out, "--today", DAY).exit_code == 0
    rows = [
        line for line in out.read_text(encoding="utf-8").splitlines() if "accepted when" in line
    ]
    assert len(rows) == 6
    assert all(row.endswith("— accepted when advancing on 2026-12-01: CIO |") for row in rows)


def test_advance_words_and_orders_its_findings_as_check_does(tmp_path: Path) -> None:
    path = deal(tmp_path, lang="zh")
    checked = invoke("check", path, "--today", DAY).stdout.splitlines()[:-1]
    refused = invoke("advance", path, "--to", "qualification", "--today", DAY)
    assert refused.exit_code == 1
    lines = refused.stderr.splitlines()
    assert lines[:-1] == sorted(checked, key=lambda text: int(text.split(":")[1]))
    assert lines[:-1] == checked
    assert all(" 警告 checklist 需求了解与信息收集 › " in line for line in lines[:-1])
    assert lines[-1].startswith(f"reviewkit: {path} 仍停留在“需求了解与信息收集”")
    coloured = invoke("advance", path, "--to", "qualification", "--color", "always")
    assert "\x1b[33m警告\x1b[0m" in coloured.stderr


def test_new_questions_arrive_as_new_writes_them(tmp_path: Path) -> None:
    path = deal(tmp_path, lang="zh")
    invoke("advance", path, "--to", "qualification", "--force", "--reason", "试点", "--today", DAY)
    text = path.read_text(encoding="utf-8")
    block = "\n".join(stage_questions(load_playbook(), "qualification", "zh") or [])
    assert "  qualification:\n    # 是否已从大小、意义、难易、快慢四个方面评估了这个机会？" in block
    assert "    resources-assigned:\n      status: unknown\n" in block
    assert block + "\nhistory:" in text  # in the file's own form: keys as the file writes them
    scaffolded = tmp_path / "new.yaml"
    invoke("new", "X", "--stage", "qualification", "--lang", "zh", "-o", scaffolded)
    chinese = rewrite_form(text, load_playbook(), "zh")  # the same lines in new's Chinese form
    start = chinese.index("  机会评估:\n")
    lines = chinese[start : chinese.index("\n阶段记录:")]
    assert "    跟进决策与资源:\n      状态: 未知\n" in lines
    assert lines in scaffolded.read_text(encoding="utf-8")


def test_a_reason_that_quotes_the_floor_never_shows_it(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(
        "reviewkit: 1\ndeal: {name: Harbour, stage: discovery, confidential: true}\n"
        "strategy:\n  commercial:\n    floor: {amount: 7730000, currency: CNY}\n",
        encoding="utf-8",
    )
    reason = "CIO said 7,730,000 is fine"
    invoke("advance", path, "--to", "qualification", "--force", "--reason", reason)
    checked = invoke("check", path, "--today", DAY).stdout
    assert "accepted when advancing on" in checked and "7,730,000" not in checked
    assert "CIO said [floor withheld] is fine" in checked
    for name in ("pack.md", "pack.html"):
        invoke("render", path, "-o", tmp_path / name, "--today", DAY)
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "floor withheld" in text and "7,730,000" not in text
    shown = tmp_path / "shown.md"
    invoke("render", path, "-o", shown, "--today", DAY, "--reveal-floor")
    assert reason in shown.read_text(encoding="utf-8")
