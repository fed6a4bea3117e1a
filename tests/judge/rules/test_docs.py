"""Every rule's documentation: its shape, and its PASS and FAIL examples, which must hold."""

from __future__ import annotations

import pytest

from reviewkit.errors import InvalidFile
from reviewkit.judge.engine import RULES, check_deal, invalid_findings
from reviewkit.judge.findings import Finding, Rule
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import Playbook
from tests.conftest import TODAY
from tests.judge.rules.conftest import Write


def findings_of(write: Write, playbook: Playbook, text: str) -> list[Finding]:
    """What `check` reports for a deal file of `text`, on the examples' day (2026-12-01)."""
    try:
        deal = load_deal(write(text), playbook)
    except InvalidFile as error:
        return invalid_findings(error)
    return check_deal(deal, TODAY)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_the_documentation_says_what_why_and_how_to_fix(rule: Rule) -> None:
    first, blank, *rest = rule.doc.splitlines()
    assert first.endswith(".") and first[0].isupper() and blank == "", rule.slug
    assert any(line.startswith("Why") for line in rest), rule.slug
    assert any(line.startswith("Fix") for line in rest), rule.slug
    verdicts = [verdict for verdict, _ in rule.examples()]
    assert "PASS" in verdicts and "FAIL" in verdicts, rule.slug


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_the_examples_pass_and_fail(rule: Rule, write: Write, playbook: Playbook) -> None:
    for verdict, text in rule.examples():
        found = [f for f in findings_of(write, playbook, text) if f.rule == rule.slug]
        if verdict == "PASS":
            assert found == [], f"{rule.slug}: the PASS example reports\n{text}"
        else:
            assert found, f"{rule.slug}: the FAIL example reports nothing\n{text}"


def test_an_example_is_read_up_to_its_indentation() -> None:
    rule = Rule(
        "demo",
        "warning",
        "Demo.\n\nPASS:\n\n    a: 1\n\n    b: 2\n\nFAIL:\n\n    c: 3\nAfter.",
        None,
    )
    assert rule.examples() == [("PASS", "a: 1\n\nb: 2\n"), ("FAIL", "c: 3\n")]
