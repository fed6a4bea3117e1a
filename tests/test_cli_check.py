"""`check`'s linter flags: --select/--ignore, --quiet, --exit-zero, --statistics,
--output-file, standard input, --color with NO_COLOR/FORCE_COLOR, and words in the deal's
language."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from tests.conftest import SAMPLES

DAY = "2026-12-01"
DEAL = SAMPLES / "northfield-core-network.yaml"
ZH_DEAL = SAMPLES / "xinan-hospital-stub.yaml"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def invoke(*args: object, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], env=env, input=input)


def rules_of(out: str) -> set[str]:
    return {line.split()[2] for line in out.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)}


def test_select_reports_only_the_rules_named() -> None:
    result = invoke("check", DEAL, "--today", DAY, "--select", "gate,action-overdue")
    assert result.exit_code == 0
    assert rules_of(result.stdout) == {"gate", "action-overdue"}


def test_ignore_drops_the_rules_named() -> None:
    every = rules_of(invoke("check", DEAL, "--today", DAY).stdout)
    result = invoke("check", DEAL, "--today", DAY, "--ignore", "checklist, meeting-trigger")
    assert rules_of(result.stdout) == every - {"checklist", "meeting-trigger"}
    assert result.exit_code == 0  # the errors were all checklist items


def test_a_misspelt_rule_gets_did_you_mean() -> None:
    result = invoke("check", DEAL, "--select", "gate,overdu")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "reviewkit: 'overdu' is not a rule; did you mean 'action-overdue'?"
    )
    assert result.stdout == ""


def test_quiet_hides_info() -> None:
    loud = invoke("check", DEAL, "--today", DAY).stdout
    quiet = invoke("check", DEAL, "--today", DAY, "--quiet").stdout
    assert " info " in loud and " info " not in quiet
    assert [line for line in loud.splitlines() if " info " not in line][:-1] == (
        quiet.splitlines()[:-1]
    )
    assert quiet.splitlines()[-1].endswith(", 0 infos")


def test_exit_zero_keeps_the_output_and_exits_zero() -> None:
    failing = invoke("check", DEAL, "--today", DAY)
    assert failing.exit_code == 1
    zero = invoke("check", DEAL, "--today", DAY, "--exit-zero")
    assert zero.exit_code == 0 and zero.stdout == failing.stdout


def test_exit_zero_does_not_hide_an_invalid_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("reviewkit: 1\ndeal: {name: X, stage: nowhere}\n", encoding="utf-8")
    assert invoke("check", bad, "--exit-zero").exit_code == 2


def test_statistics_counts_per_rule() -> None:
    result = invoke("check", SAMPLES, "--today", DAY, "--statistics")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert lines[0].split()[:2] == ["61", "checklist"]
    assert lines[0].endswith("a playbook item that is not satisfied")
    counted = sum(int(line.split()[0]) for line in lines[:-1])
    assert lines[-1] == "6 files checked: 11 errors, 45 warnings, 36 infos"
    assert counted == 11 + 45 + 36


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "check.json"
    result = invoke("check", DEAL, "--today", DAY, "-f", "json", "--output-file", out)
    assert result.exit_code == 1 and result.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["summary"]["errors"] == 3
    text = tmp_path / "check.txt"
    invoke("check", DEAL, "--today", DAY, "--output-file", text, "--color", "always")
    assert "\x1b[" not in text.read_text(encoding="utf-8")  # a file never gets colour


def test_output_file_never_replaces_a_yaml_file(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(DEAL.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("check", deal, "--today", DAY, "--output-file", deal)
    assert result.exit_code == 2 and "refusing to write over a YAML file" in result.stderr
    assert deal.read_text(encoding="utf-8") == DEAL.read_text(encoding="utf-8")


def test_standard_input_is_checked_under_the_name_given() -> None:
    named = invoke("check", DEAL, "--today", DAY).stdout
    text = DEAL.read_text(encoding="utf-8")
    piped = invoke("check", "-", "--stdin-filename", DEAL, "--today", DAY, input=text).stdout
    assert piped == named
    anonymous = invoke("check", "-", "--today", DAY, input=text).stdout
    assert anonymous.splitlines()[0].startswith("-:")


def test_standard_input_that_is_not_a_deal(tmp_path: Path) -> None:
    result = invoke("check", "-", "--stdin-filename", "x.yaml", input="deal: [\n")
    assert result.exit_code == 2
    assert result.stdout.startswith("x.yaml:")


def test_standard_input_in_a_real_pipe() -> None:
    """Through the console script, as an editor runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "reviewkit", "check", "-", "--today", DAY, "--quiet"],
        input=ZH_DEAL.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.decode().splitlines()[-1] == "已检查 1 个文件：0 个错误、6 个警告、0 条提示"


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # not a terminal
        (("--color", "always"), {}, True),
        (("--color", "always"), {"NO_COLOR": "1"}, True),  # the flag wins
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour(args: tuple[str, ...], env: dict[str, str], coloured: bool) -> None:
    base = {"NO_COLOR": "", "FORCE_COLOR": "", **env}
    result = invoke("check", DEAL, "--today", DAY, *args, env=base)
    assert ("\x1b[31m" in result.stdout) is coloured
    plain = invoke("check", DEAL, "--today", DAY, "--color", "never").stdout
    assert ANSI.sub("", result.stdout) == plain


def test_a_chinese_deal_gets_chinese_severity_words_and_summary() -> None:
    result = invoke("check", ZH_DEAL, "--today", DAY)
    assert result.stdout.splitlines()[0].split()[1] == "警告"
    assert result.stdout.splitlines()[-1] == "已检查 1 个文件：0 个错误、6 个警告、0 条提示"
    english = invoke("check", ZH_DEAL, "--today", DAY, "--lang", "en").stdout
    assert english.splitlines()[0].split()[1] == "warning"
    assert english.splitlines()[-1] == "1 file checked: 0 errors, 6 warnings, 0 infos"
    assert "checklist Understand needs" in english


def test_mixed_languages_keep_english() -> None:
    result = invoke("check", SAMPLES, "--today", DAY)
    assert result.stdout.splitlines()[-1].startswith("6 files checked")


def test_a_suppression_of_a_rule_left_out_is_not_called_unused(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        "reviewkit: 1\ndeal: {name: X, stage: discovery}\n"
        "suppress:\n  - {rule: action-overdue, reason: Holiday week}\n",
        encoding="utf-8",
    )
    every = invoke("check", deal, "--today", DAY).stdout
    assert "unused-suppression" in every
    ignored = invoke("check", deal, "--today", DAY, "--ignore", "action-overdue").stdout
    assert "unused-suppression" not in ignored


def test_demo_ends_with_a_summary_and_exit_zero(tmp_path: Path) -> None:
    """`make demo`: check's expected exit 1 said in words, no 'Error 1 (ignored)'."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        ["make", "-s", "-o", "setup", "demo", f"DEMO_DIR={tmp_path / 'demo'}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stdout + done.stderr and "ignored" not in done.stderr
    tail = done.stdout.splitlines()[-5:]
    assert tail[0] == f"Demo done, in {tmp_path / 'demo'}/:"
    assert tail[1].startswith("  check     6 files checked: 11 errors, 45 warnings, 36 infos")
    assert "exit code 1, as expected" in tail[1]
    assert tail[2] == "  render    30 review-meeting packs (Markdown, HTML, PDF, Word, Excel)"
    for format in ("md", "html", "pdf", "docx", "xlsx"):
        assert len(list((tmp_path / "demo").glob(f"*.review.{format}"))) == 6
    assert tail[3].startswith(f"  pipeline  {tmp_path / 'demo' / 'pipeline.pdf'}, ")
    assert tail[4].startswith(f"  lessons   {tmp_path / 'demo' / 'lessons.pdf'}, ")
    assert (tmp_path / "demo" / "pipeline.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "demo" / "lessons.pdf").read_bytes().startswith(b"%PDF-")


def test_an_invalid_chinese_file_is_answered_in_chinese_throughout(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        ZH_DEAL.read_text(encoding="utf-8").replace("影响力: 高", "影响力: 巨大", 1),
        encoding="utf-8",
    )
    result = invoke("check", deal, "--today", "2026-12-01")
    assert result.exit_code == 2
    first, summary = result.stdout.splitlines()
    assert re.match(rf"{re.escape(str(deal))}:\d+:\d+: 错误 invalid 决策链\[0\]\.影响力：", first)
    assert first.endswith("允许的取值：低、中、高")
    assert summary == "已检查 1 个文件：1 个无效、1 个错误、0 个警告、0 条提示"
