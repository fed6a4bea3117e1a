"""`hostile-advocate`: an opposer or non-supporter marked as speaking for us."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, item, rule, where


@pytest.mark.parametrize("attitude", ["opposer", "non-supporter"])
def test_a_contradiction_is_an_error(check: Check, attitude: str) -> None:
    text = deal(
        f"""\
        decision_chain:
          - name: A
            roles: [decision-maker]
            influence: high
            attitude: {attitude}
            speaks_for_us: true
        """
    )
    [finding] = rule(check(text), "hostile-advocate")
    assert finding.severity == "error"
    assert where(finding) == at(text, "speaks_for_us: true")
    assert finding.message == (
        f"A is rated {attitude} but marked as speaking for us: one of the two is wrong"
    )


@pytest.mark.parametrize(
    ("attitude", "speaks"), [("supporter", "true"), ("acknowledger", "true"), ("opposer", "false")]
)
def test_no_contradiction(check: Check, attitude: str, speaks: str) -> None:
    text = deal(
        f"decision_chain:\n  - {{name: A, attitude: {attitude}, speaks_for_us: {speaks}}}\n"
    )
    assert rule(check(text), "hostile-advocate") == []


def test_the_gate_still_passes_but_check_says_why_not_to_trust_it(check: Check) -> None:
    """The relationship gate counts speaks_for_us; the contradiction is what flags it."""
    text = deal(
        "decision_chain:\n  - {name: A, influence: high, attitude: opposer, speaks_for_us: true}\n"
    )
    findings = check(text)
    assert rule(findings, "gate") == []
    assert item(findings, "relationship", "coach-developed")
    assert [f.severity for f in rule(findings, "hostile-advocate")] == ["error"]


def test_in_chinese(check: Check) -> None:
    text = deal(
        "decision_chain:\n  - {name: 王总, attitude: opposer, speaks_for_us: true}\n",
        extra="language: zh",
    )
    [finding] = rule(check(text), "hostile-advocate")
    assert finding.message == "王总被评为反对者，却标为“为我方说话”：两者必有一错"
