"""docs/deal-format.md's tables of Chinese keys and values are generated from the one table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import Playbook
from reviewkit.present.formdocs import END, START, synonym_tables, with_synonym_tables
from tests.conftest import ROOT

DOC = ROOT / "docs" / "deal-format.md"


def test_the_synonym_tables_are_not_stale(playbook: Playbook, update_golden: bool) -> None:
    text = DOC.read_text(encoding="utf-8")
    expected = with_synonym_tables(text, playbook)
    if update_golden:
        DOC.write_text(expected, encoding="utf-8")
        text = expected
    assert text == expected, "the synonym tables are stale; run: make readme"


def test_the_tables_hold_keys_values_stages_and_items(playbook: Playbook) -> None:
    rows = synonym_tables(playbook).splitlines()
    assert "| `influence` | 影响力 |  |" in rows
    assert "| `name` | 姓名 | `decision_chain`, `competitors.sales_rep` |" in rows
    assert "| attitude | `non-supporter` | 不支持者 |" in rows
    assert "| answer | `partial` | 部分 |" in rows
    assert "| true/false | `true` | 是 |" in rows
    assert "| `relationship` | 关系切入发展 |" in rows
    assert "| &nbsp;&nbsp;`coach-developed` | 培养出教练 |" in rows
    assert sum(1 for row in rows if row.startswith("| `status` |")) == 1  # once, not per item


def test_only_the_text_between_the_markers_is_replaced(playbook: Playbook) -> None:
    doc = f"# Title\n\n{START}\nold\n{END}\n\nMore.\n"
    updated = with_synonym_tables(doc, playbook)
    assert updated.startswith(f"# Title\n\n{START}\n\n### Keys\n")
    assert updated.endswith(f"|\n\n{END}\n\nMore.\n")
    with pytest.raises(ValueError, match="markers"):
        with_synonym_tables("# No table\n", playbook)


@pytest.mark.parametrize("doc", ["README.md", "docs/deal-format.md"])
def test_the_chinese_form_examples_of_the_docs_load(
    doc: str, playbook: Playbook, tmp_path: Path
) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "\n决策链:" in b]
    assert blocks
    for block in blocks:
        path = tmp_path / "deal.yaml"
        path.write_text(block, encoding="utf-8")
        deal = load_deal(path, playbook)
        assert (deal.stage, deal.language) == ("relationship", "zh")
        assert deal.data["decision_chain"][0]["attitude"] == "ally"
        answer = deal.data["checklist"]["relationship"]["decision-maker-stance"]
        assert answer is not None and answer["status"] == "partial"
