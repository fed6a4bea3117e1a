"""new's operation: a deal file named after the deal, and what to do next."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.ops.new import new_command


def test_the_file_is_named_after_the_deal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = new_command(
        "Provincial core upgrade",
        stage=None,
        lang=None,
        customer="",
        owner="",
        output=None,
        force=False,
        playbook=None,
        config=None,
    )
    path = "provincial-core-upgrade.yaml"
    assert outcome.out == f"Wrote {path}. Next: fill it in, then run `reviewkit check {path}`.\n"
    assert "stage: discovery" in (tmp_path / path).read_text(encoding="utf-8")
