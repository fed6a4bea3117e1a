"""diff's operation: the changes between two versions of a deal, as text or as a JSON document."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reviewkit.ops.diff import diff_command
from tests.conftest import MINIMAL, TODAY


def diff(old: Path, new: Path, format: str) -> str:
    outcome = diff_command(
        str(old), new, format=format, reveal_floor=False, today=TODAY, playbook=None, config=None
    )
    assert outcome.code == 0 and outcome.err == ()
    return outcome.out


def test_the_json_document_names_both_versions_and_each_change(
    write: Callable[..., Path],
) -> None:
    old = write(MINIMAL, "old.yaml")
    new = write(MINIMAL.replace("stage: relationship", "stage: partner"), "new.yaml")
    document = json.loads(diff(old, new, "json"))
    assert (document["old"], document["new"]) == (str(old), str(new))
    change = document["changes"][0]
    assert list(change) == [
        "kind",
        "subject",
        "before",
        "after",
        "line",
        "column",
        "reversal",
        "text",
    ]
    assert (change["kind"], change["line"], change["reversal"]) == ("stage", 4, False)
    assert change["text"] == f"Stage: {change['before']} → {change['after']}"


def test_the_text_report_is_headed_by_both_versions(write: Callable[..., Path]) -> None:
    old = write(MINIMAL, "old.yaml")
    new = write(MINIMAL.replace("stage: relationship", "stage: partner"), "new.yaml")
    assert f"{old} → {new}" in diff(old, new, "text")


def test_colour_follows_the_same_choice_as_check(write: Callable[..., Path]) -> None:
    """Headings bold and reversals highlighted when colour is on; the same text without."""
    import re

    from typer.testing import CliRunner

    from reviewkit.cli import app

    old = write(MINIMAL, "old.yaml")
    new = write(
        MINIMAL.replace("stage: relationship", "stage: partner")
        + "dynamics:\n  - {date: 2026-11-30, party: customer, event: CTO wavered, reversal: true}\n",
        "new.yaml",
    )
    plain = diff(old, new, "text")
    runner = CliRunner()
    coloured = runner.invoke(app, ["diff", str(old), str(new), "--color", "always"]).stdout
    forced = runner.invoke(app, ["diff", str(old), str(new)], env={"FORCE_COLOR": "1"}).stdout
    never = runner.invoke(
        app, ["diff", str(old), str(new), "--color", "never"], env={"FORCE_COLOR": "1"}
    ).stdout
    assert "\x1b[1;33m⟲ REVERSAL\x1b[0m" in coloured and "\x1b[1mDeal:\x1b[0m" in coloured
    assert forced == coloured and never == plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
