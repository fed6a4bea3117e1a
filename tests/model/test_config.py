"""reviewkit.yaml: discovery, every setting, errors with their place; suppressions in deal files."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.model.config import Settings, find_config, load_config
from tests.conftest import MINIMAL, SAMPLES

TODAY = "2026-12-01"
ACTION_WITHOUT_OWNER = MINIMAL + "actions:\n  - what: Call the CIO\n    due: 2026-12-20\n"


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    find_config.cache_clear()
    load_config.cache_clear()
    return path


def check(*args: object) -> tuple[int, dict]:
    result = CliRunner().invoke(
        app, ["check", *map(str, args), "--today", TODAY, "--format", "json"]
    )
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout) if result.stdout.startswith("{") else {}


def rules(document: dict) -> list[str]:
    return [f["rule"] for f in document["findings"]]


def test_the_nearest_config_above_a_deal_applies(tmp_path: Path) -> None:
    write(tmp_path, "reviewkit.yaml", "ignore: [action-incomplete]\n")
    deal = write(tmp_path, "team/deals/a.yaml", ACTION_WITHOUT_OWNER)
    assert "action-incomplete" not in rules(check(deal)[1])
    write(tmp_path, "team/reviewkit.yaml", "severity: {action-incomplete: error}\n")
    code, document = check(deal)
    assert code == 1
    [finding] = [f for f in document["findings"] if f["rule"] == "action-incomplete"]
    assert finding["severity"] == "error"  # the nearer file wins; settings are not merged


def test_config_option_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path, "reviewkit.yaml", "ignore: [action-incomplete]\n")
    other = write(tmp_path, "elsewhere/strict.yaml", "severity: {action-incomplete: error}\n")
    deal = write(tmp_path, "a.yaml", ACTION_WITHOUT_OWNER)
    assert "action-incomplete" in rules(check(deal, "--config", other)[1])


def test_select_and_ignore(tmp_path: Path) -> None:
    deal = write(tmp_path, "a.yaml", ACTION_WITHOUT_OWNER)
    write(tmp_path, "reviewkit.yaml", "select: [action-incomplete, gate]\n")
    assert set(rules(check(deal)[1])) == {"action-incomplete", "gate"}
    write(tmp_path, "reviewkit.yaml", "select: [action-incomplete, gate]\nignore: [gate]\n")
    assert set(rules(check(deal)[1])) == {"action-incomplete"}


def test_thresholds(tmp_path: Path) -> None:
    text = MINIMAL + "review: {previous: 2026-11-10}\ndecision_chain: [{name: A}, {name: B}]\n"
    deal = write(tmp_path, "a.yaml", text)
    found = rules(check(deal)[1])
    assert "review-stale" not in found and "single-threaded" not in found
    write(
        tmp_path, "reviewkit.yaml", "thresholds: {stale_review_days: 14, min_decision_chain: 3}\n"
    )
    document = check(deal)[1]
    stale = [f for f in document["findings"] if f["rule"] == "review-stale"]
    assert [(f["line"], f["severity"]) for f in stale] == [(5, "warning")]
    assert "21 days ago (more than 14)" in stale[0]["message"]
    [thin] = [f for f in document["findings"] if f["rule"] == "single-threaded"]
    assert "fewer than 3" in thin["message"]


def test_review_stale_counts_from_the_last_review_held(tmp_path: Path) -> None:
    text = MINIMAL + "review: {date: 2026-12-05, previous: 2026-10-01}\n"
    deal = write(tmp_path, "a.yaml", text)
    [stale] = [f for f in check(deal)[1]["findings"] if f["rule"] == "review-stale"]
    assert "2026-10-01, 61 days ago" in stale["message"]
    held = write(tmp_path, "b.yaml", MINIMAL + "review: {date: 2026-11-25}\n")
    assert "review-stale" not in rules(check(held)[1])


def test_language_default_applies_to_deals_without_one(tmp_path: Path) -> None:
    write(tmp_path, "reviewkit.yaml", "language: zh\n")
    deal = write(tmp_path, "a.yaml", ACTION_WITHOUT_OWNER)
    messages = [f["message"] for f in check(deal)[1]["findings"]]
    assert any("缺少负责人" in m for m in messages)
    result = CliRunner().invoke(app, ["render", str(deal), "-o", "-", "--today", TODAY])
    assert "## 2. 决策链分析" in result.stdout
    english = write(
        tmp_path, "b.yaml", ACTION_WITHOUT_OWNER.replace("  stage:", "  language: en\n  stage:")
    )
    assert any("has no owner" in f["message"] for f in check(english)[1]["findings"])


def test_playbook_from_config_is_relative_to_it(tmp_path: Path) -> None:
    playbook = (SAMPLES / "playbooks" / "meddpicc.yaml").read_text(encoding="utf-8")
    write(tmp_path, "books/team.yaml", playbook)
    write(tmp_path, "deals/reviewkit.yaml", "playbook: ../books/team.yaml\n")
    deal = write(tmp_path, "deals/a.yaml", MINIMAL.replace("relationship", "validate"))
    document = check(deal)[1]
    assert document["summary"]["invalid"] == 0
    assert {f["stage"] for f in document["findings"] if f["rule"] == "checklist"} <= {
        "qualify",
        "discover",
        "validate",
    }
    wrong = write(tmp_path, "deals/b.yaml", MINIMAL)  # 'relationship' is not a MEDDPICC stage
    assert check(wrong)[0] == 2


def test_exclude_and_config_files_are_not_deals(tmp_path: Path) -> None:
    write(tmp_path, "reviewkit.yaml", "exclude: [playbooks/*, 'archive/**']\n")
    write(tmp_path, "playbooks/team.yaml", "not: [a, deal]\n")
    write(tmp_path, "archive/2019/old.yaml", "junk: true\n")
    deal = write(tmp_path, "a.yaml", MINIMAL)
    document = check(tmp_path)[1]
    assert document["summary"]["files"] == 1 and document["summary"]["invalid"] == 0
    assert {f["path"] for f in document["findings"]} == {str(deal)}
    # Named explicitly (as pre-commit does), an excluded file is skipped too.
    document = check(tmp_path / "playbooks" / "team.yaml", deal)[1]
    assert document["summary"]["files"] == 1


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("select: [checklst]\n", 1, 10, "did you mean 'checklist'"),
        ("severity: {gate: fatal}\n", 1, 18, "allowed: error, warning, info"),
        ("severity: {gatee: error}\n", 1, 12, "did you mean 'gate'"),
        ("thresholds: {stale_review_days: 0}\n", 1, 14, "at least 1"),
        ("thresholds: {stale_days: 3}\n", 1, 14, "did you mean 'stale_review_days'"),
        ("playbook: nowhere.yaml\n", 1, 1, "does not exist"),
        ("language: fr\n", 1, 11, "allowed: en, zh"),
        ("reviewkit-config: 2\n", 1, 1, "not a config version"),
        ("selekt: [gate]\n", 1, 1, "did you mean 'select'"),
        ("ignore: gate\n", 1, 9, "expected a list"),
        ("ignore: [gate\n", 1, 9, "opened here is never closed"),
    ],
)
def test_an_invalid_config_exits_2_with_its_place(
    tmp_path: Path, text: str, line: int, column: int, words: str
) -> None:
    config = write(tmp_path, "reviewkit.yaml", text)
    deal = write(tmp_path, "a.yaml", MINIMAL)
    result = CliRunner().invoke(app, ["check", str(deal), "--today", TODAY])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{config}:{line}:{column}:" in result.output
    assert words in result.output


def test_an_empty_config_means_defaults(tmp_path: Path) -> None:
    write(tmp_path, "reviewkit.yaml", "# nothing yet\n")
    deal = write(tmp_path, "a.yaml", ACTION_WITHOUT_OWNER)
    assert "action-incomplete" in rules(check(deal)[1])


def test_settings_cache_one_config_per_folder(tmp_path: Path) -> None:
    write(tmp_path, "reviewkit.yaml", "ignore: [gate]\n")
    first, second = write(tmp_path, "x/a.yaml", MINIMAL), write(tmp_path, "x/b.yaml", MINIMAL)
    settings = Settings()
    a, b = settings.for_file(first), settings.for_file(second)
    assert a is b and not a.applies("gate") and a.applies("invalid")


# -- suppressions ---------------------------------------------------------------------------

SUPPRESSED = (
    ACTION_WITHOUT_OWNER
    + """\
suppress:
  - rule: action-incomplete
    reason: The CIO's office assigns the owner on Monday.
  - rule: checklist
    stage: relationship
    item: coach-developed
    reason: Sole-source renewal; no coach needed.
"""
)


def test_a_suppression_removes_its_findings_and_is_shown_in_the_pack(tmp_path: Path) -> None:
    deal = write(tmp_path, "a.yaml", SUPPRESSED)
    document = check(deal)[1]
    assert "action-incomplete" not in rules(document)
    assert not any(f["item"] == "coach-developed" for f in document["findings"])
    assert any(f["item"] == "decision-chain-profiled" for f in document["findings"])
    result = CliRunner().invoke(app, ["render", str(deal), "-o", "-", "--today", TODAY])
    assert "### Rules suppressed in this deal file" in result.stdout
    assert (
        "| an open action without an owner, a due date or a checkpoint | — "
        "| The CIO's office assigns the owner on Monday. |" in result.stdout
    )
    assert "Build relationships into the decision chain › Coach developed" in result.stdout
    assert "action-incomplete" not in result.stdout


def test_an_unused_suppression_is_reported(tmp_path: Path) -> None:
    text = MINIMAL + "suppress:\n  - {rule: floor-in-text, reason: old habit}\n"
    deal = write(tmp_path, "a.yaml", text)
    [unused] = [f for f in check(deal)[1]["findings"] if f["rule"] == "unused-suppression"]
    assert (unused["line"], unused["column"], unused["severity"]) == (6, 5, "info")
    assert "the floor figure is written into a text field" in unused["message"]


@pytest.mark.parametrize(
    ("entry", "line", "column", "words"),
    [
        ("{rule: action-incomplet, reason: x}", 6, 12, "did you mean 'action-incomplete'"),
        ("{rule: gate}", 6, 5, "'reason' is required"),
        ("{rule: gate, reason: x, stage: relationshp}", 6, 36, "did you mean 'relationship'"),
        (
            "{rule: checklist, reason: x, item: coach-develop}",
            6,
            40,
            "did you mean 'coach-developed'",
        ),
    ],
)
def test_a_bad_suppression_is_an_invalid_file(
    tmp_path: Path, entry: str, line: int, column: int, words: str
) -> None:
    deal = write(tmp_path, "a.yaml", MINIMAL + f"suppress:\n  - {entry}\n")
    code, document = check(deal)
    assert code == 2
    [problem] = document["findings"]
    assert (problem["line"], problem["column"]) == (line, column)
    assert words in problem["message"]


Run = Callable[..., object]
