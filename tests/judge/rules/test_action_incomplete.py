"""`action-incomplete`: open actions without an owner or a due date."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ("owner: Li Wei", "has no due date"),
        ("due: 2026-12-20", "has no owner"),
        ("checkpoint: signed", "owner and no due date"),
    ],
)
def test_action_incomplete(check: Check, fields: str, words: str) -> None:
    text = deal(
        f"""\
        actions:
          - what: Site visit
            {fields}
        """
    )
    [finding] = rule(check(text), "action-incomplete")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "what: Site visit")
    assert words in finding.message
    assert "Site visit" in finding.message


def test_action_complete_or_closed_is_not_incomplete(check: Check) -> None:
    text = deal(
        """\
        actions:
          - what: Site visit
            owner: Li Wei
            due: 2026-12-20
          - what: Old idea
            status: dropped
          - what: Done thing
            status: done
        """
    )
    assert rule(check(text), "action-incomplete") == []
