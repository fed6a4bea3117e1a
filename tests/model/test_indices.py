"""One convention for list items in every message: `decision_chain[0]` is the first entry,
counted from 0 as check-jsonschema and JSON Pointer count (docs/deal-format.md). Prose names
an entry by what the user wrote for it (a person's name, an action's text); only an entry
with no such text is named by that same index, never by a count from 1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.model.schema import show
from tests.conftest import ROOT

BROKEN = """\
reviewkit: 1
deal:
  name: Indices
  stage: relationship
  language: {lang}
review:
  triggers: [regular, sometimes]
decision_chain:
  - name: Wang
    influence: huge
  - name: Liu
    last_contact: 2026-11-31
  - name: Zhou
    roles: [user, boss]
    coach: maybe
dynamics:
  - {{event: a, date: 2026-11-01}}
  - {{event: b, date: someday}}
"""

FLOOR = """\
reviewkit: 1
deal:
  name: Floor
  stage: relationship
  language: {lang}
strategy:
  commercial:
    floor: {{amount: 7730000, currency: CNY}}
assessment:
  problems:
    - Late
    - We cannot go under 7,730,000
decision_chain:
  - name: Wang
  - name: 刘建平
    notes: would accept 773万
suppress:
  - {{rule: review-stale, reason: first meeting}}
  - {{rule: no-decision-maker, reason: agreed 7730000 with Liu}}
  - {{rule: single-threaded, reason: 7.73M is agreed}}
"""

PATH = re.compile(r"\b([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*)")
ITEM = re.compile(r"([a-z_]+)\[(\d+)\]")
#: An entry named by its index in prose, after its list's label.
AT = {"en": r" \(index (\d+), counted from 0\)", "zh": r"（序号 (\d+)，从 0 起）"}


def items(text: str, key: str) -> list[int]:
    """The 1-based line of each item of the list under `key` (block items start with '- ',
    flow items are counted by their position in the `[ ]`)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*{key}:", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    out = []
    for number, line in enumerate(lines[start + 1 :], start + 2):
        if (
            line.strip()
            and len(line) - len(line.lstrip()) <= indent
            and not line.lstrip().startswith("- ")
        ):
            break
        if line.lstrip().startswith("- "):
            out.append(number)
    return out


def messages(text: str, tmp_path: Path) -> list[tuple[int, str]]:
    """(line, message) of every finding of `check --format json` for the deal text."""
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", str(path), "--format", "json", "--today", "2026-12-01"]
    )
    return [(f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def lists(lang: str) -> dict[str, str]:
    """The label of every list of the deal, in `lang`, and its key."""
    catalogue = json.loads(
        (ROOT / "reviewkit" / "text" / "catalogues" / f"{lang}.json").read_text()
    )
    keys = (
        "decision_chain",
        "partners",
        "competitors",
        "dynamics",
        "actions",
        "suppress",
        "history",
    )
    return {catalogue[f"field.{key}"]: key for key in keys}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("source", [BROKEN, FLOOR], ids=["invalid", "findings"])
def test_every_index_in_a_message_counts_from_zero(source: str, lang: str, tmp_path: Path) -> None:
    text = source.format(lang=lang)
    seen = 0
    for line, message in messages(text, tmp_path):
        found = [(key, index) for key, index in ITEM.findall(message)]
        for label, key in lists(lang).items():
            found += [(key, index) for index in re.findall(re.escape(label) + AT[lang], message)]
        for key, index in found:
            if key in ("triggers", "roles"):  # flow lists: one line, items by position
                continue
            starts = items(text, key)
            held = max(i for i, start in enumerate(starts) if start <= line)
            assert int(index) == held, (line, message)
            seen += 1
    assert seen >= (2 if source is FLOOR else 3)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_prose_names_an_entry_by_what_the_user_wrote(lang: str, tmp_path: Path) -> None:
    found = {
        line: m
        for line, m in messages(FLOOR.format(lang=lang), tmp_path)
        if "底线" in m or "floor" in m
    }
    hidden = "[floor withheld]" if lang == "en" else "[底线已隐去]"
    assert f"“We cannot go under {hidden}”" in found[12]
    if lang == "zh":
        assert found[12].startswith(f"问题“We cannot go under {hidden}”中出现了商务底线金额")
        assert found[16].startswith("决策链“刘建平”的备注中出现了商务底线金额")
        assert found[19].startswith("屏蔽的检查规则（序号 1，从 0 起）的原因中")
    else:
        assert "the notes of decision chain “刘建平”;" in found[16]
        assert "the reason of suppressed rules (index 1, counted from 0);" in found[19]
    for message in found.values():
        assert "7,730,000" not in message and "7730000" not in message
        assert not re.search(r"entry \d|第 \d+ (项|条|个|人)", message), message


def test_flow_list_items_count_from_zero_too(tmp_path: Path) -> None:
    found = dict(messages(BROKEN.format(lang="en"), tmp_path))
    assert "review.triggers[1]: 'sometimes'" in found[7]
    assert "decision_chain[2].roles[1]: 'boss'" in found[14]


def test_show_writes_the_convention() -> None:
    assert show(("decision_chain", 0, "roles", 1)) == "decision_chain[0].roles[1]"


def test_no_message_counts_list_items_in_another_way() -> None:
    """No catalogue text and no source line builds a list position of its own."""
    for lang in ("en", "zh"):
        catalogue = json.loads(
            (ROOT / "reviewkit" / "text" / "catalogues" / f"{lang}.json").read_text()
        )
        for key, value in catalogue.items():
            assert not re.search(
                r"#\{|\[\{(n|i|index)\}\]|entry \{|第 ?\{(n|i|index)\} ?(项|个|人|条)", value
            ), key
    for source in (ROOT / "reviewkit").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert not re.search(
            r"\[\{\w+ \+ 1\}\]|#\{\w+ \+ 1\}|\b(n|index)=(path\[-?\d+\]|part|i|index) \+ 1\b", text
        ), source
