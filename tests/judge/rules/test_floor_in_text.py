"""`floor-in-text`: the floor figure written into a note, in every form people write it."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import FLOOR, Check, at, deal, rule, where


@pytest.mark.parametrize(
    "written",
    ["10900000", "10,900,000", "1090万", "1,090 万", "10.9M", "10.9 million", "10900000.00"],
)
def test_floor_in_text(check: Check, written: str) -> None:
    text = deal(
        FLOOR.format(approach="Quote high")
        + f"assessment:\n  problems:\n    - 'We could go down to {written} if pressed'\n",
        extra="confidential: true",
    )
    [finding] = rule(check(text), "floor-in-text")
    assert finding.severity == "error"
    assert where(finding) == at(text, "'We could go down")
    assert "problems “We could go down to [floor withheld] if…”" in finding.message


@pytest.mark.parametrize("written", ["10,900,001", "110900000", "109万", "10.8M", "1090", "10,900"])
def test_other_numbers_are_not_the_floor(check: Check, written: str) -> None:
    text = deal(
        FLOOR.format(approach=f"'Budget is {written}'"),
        extra="confidential: true",
    )
    assert rule(check(text), "floor-in-text") == []


def test_floor_in_text_reported_at_each_note(check: Check) -> None:
    text = deal(
        FLOOR.format(approach="'floor 1090万'")
        + "decision_chain:\n  - name: Wang Qiang\n    notes: 'Never tell him 10,900,000'\n",
        extra="confidential: true",
    )
    found = rule(check(text), "floor-in-text")
    assert [where(f) for f in found] == [at(text, "approach:"), at(text, "notes:")]
    assert "the text of commercial approach;" in found[0].message
    assert "the notes of decision chain “Wang Qiang”;" in found[1].message
