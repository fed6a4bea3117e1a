"""`floor-not-confidential`: a floor price in a deal not marked confidential."""

from __future__ import annotations

from tests.conftest import MINIMAL
from tests.judge.rules.conftest import FLOOR, Check, at, deal, rule, where


def test_floor_not_confidential(check: Check) -> None:
    text = deal(FLOOR.format(approach="Hold the price"))
    [finding] = rule(check(text), "floor-not-confidential")
    assert finding.severity == "error"
    assert where(finding) == at(text, "floor:")
    assert "confidential: true" in finding.message


def test_floor_confidential(check: Check) -> None:
    text = deal(FLOOR.format(approach="Hold the price"), extra="confidential: true")
    assert rule(check(text), "floor-not-confidential") == []


def test_no_floor_needs_no_confidentiality(check: Check) -> None:
    assert rule(check(MINIMAL), "floor-not-confidential") == []
