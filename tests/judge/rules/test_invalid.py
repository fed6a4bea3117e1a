"""`invalid`: the engine's finding for each problem of a file it cannot load."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.errors import InvalidFile
from reviewkit.judge.engine import invalid_findings
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import Playbook
from tests.judge.rules.conftest import Write, at, deal, where


def test_each_problem_is_an_invalid_error(write: Write, playbook: Playbook) -> None:
    text = deal(extra="stauts: won\nvalue: lots")
    with pytest.raises(InvalidFile) as raised:
        load_deal(write(text), playbook)
    findings = invalid_findings(raised.value)
    assert [f.rule for f in findings] == ["invalid"] * len(raised.value.problems)
    assert {f.severity for f in findings} == {"error"}
    assert at(text, "stauts") in [where(f) for f in findings]
    assert any("did you mean 'status'" in f.message for f in findings)
    assert all(Path(f.path).name == "deal.yaml" for f in findings)
