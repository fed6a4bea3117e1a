"""The README's rule table is generated from the rule registry, and kept current."""

from __future__ import annotations

import pytest

from reviewkit.judge.engine import RULES
from reviewkit.present.ruledocs import END, START, rule_table, with_rule_table
from tests.conftest import ROOT

README = ROOT / "README.md"


def test_the_readme_rule_table_is_not_stale(update_golden: bool) -> None:
    text = README.read_text(encoding="utf-8")
    expected = with_rule_table(text, RULES)
    if update_golden:
        README.write_text(expected, encoding="utf-8")
        text = expected
    assert text == expected, "the README's rule table is stale; run: make readme"


def test_the_table_lists_every_rule_in_order() -> None:
    rows = rule_table(RULES).splitlines()[2:]
    assert [row.split("`")[1] for row in rows] == [r.slug for r in RULES]
    assert "| `checklist` | by stage | a playbook item that is not satisfied |" in rows
    assert "| `meeting-trigger` | info | a reason to hold a review meeting now |" in rows


def test_only_the_text_between_the_markers_is_replaced() -> None:
    readme = f"# Title\n\n{START}\nold table\n{END}\n\nMore.\n"
    updated = with_rule_table(readme, RULES[:1])
    assert updated.startswith(f"# Title\n\n{START}\n\n| rule |")
    assert updated.endswith(f"|\n\n{END}\n\nMore.\n")
    with pytest.raises(ValueError, match="markers"):
        with_rule_table("# No table\n", RULES)
