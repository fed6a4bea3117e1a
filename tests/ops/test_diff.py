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
