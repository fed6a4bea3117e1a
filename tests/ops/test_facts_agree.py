"""Every output reads a person's competitor ties the same way: check, the packs, the map, diff."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from pathlib import Path

from typer.testing import CliRunner, Result

from reviewkit.cli import app

TODAY = "2026-12-01"

PEOPLE = """\
decision_chain:
  - name: Liu Jianguo
    roles: [advisor]
    influence: high
    attitude: acknowledger
{liu}
  - name: Zhou Lin
    roles: [user]
    influence: high
    attitude: acknowledger
{zhou}
  - name: Fang Hui
    roles: [procurement]
    influence: high
    attitude: acknowledger
{fang}
  - name: Wang Hai
    roles: [decision-maker]
    influence: high
    attitude: acknowledger
{wang}
competitors:
  - name: Kestrel Networks
"""
HEAD = "reviewkit: 1\ndeal:\n  name: Ties deal\n  stage: relationship\n"
TIES = {
    "liu": "    competitor_ties: classmate of Kestrel's account director",
    "zhou": "    competitor_ties: none known",
    "fang": "    competitor_ties: unknown",
    "wang": "    competitor_ties: 无",
}
EXPECTED = {"Liu Jianguo": "tie", "Zhou Lin": "none", "Fang Hui": "unknown", "Wang Hai": "none"}


def invoke(*args: object) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def _md_state(row: str) -> str:
    ties = row.split("|")[9].strip()  # | name | title | roles | ... | competitor ties | PIC |
    return "tie" if ties.startswith("⚠ ") else "unknown" if ties.startswith("? ") else "none"


def _pdf_words(pdf: Path) -> list[tuple[int, float, float, str]]:
    """Every word of the PDF as (page, x, y, text), from `pdftotext -bbox`."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        (number, float(x), float(y), word)
        for number, page in enumerate(re.findall(r"<page .*?</page>", html, re.DOTALL))
        for x, y, word in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<', page)
    ]


def _pdf_card(words: list[tuple[int, float, float, str]], name: str) -> str:
    """The first lines of a person's card in the PDF: the words below its heading, in its
    column (cards stand two by two; the org chart above draws names too, so the last match)."""
    first, last = name.split()
    heads = [
        (page, x, y)
        for (page, x, y, w), (_, _, y2, w2) in itertools.pairwise(words)
        if w == first and w2 == last and abs(y - y2) < 1
    ]
    page, x, y = heads[-1]
    return " ".join(
        w for p, wx, wy, w in words if p == page and x - 1 <= wx < x + 250 and y < wy < y + 30
    )


def _card_state(text: str) -> str:
    """The tie a person's card names in its first line (the same words in HTML and PDF)."""
    if "⚠ ties to a competitor" in text:
        return "tie"
    if "competitor ties unknown" in text:
        return "unknown"
    return "none" if "no competitor ties" in text else "?"


def test_every_output_agrees_person_by_person(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(HEAD + PEOPLE.format(**TIES), encoding="utf-8")
    old = tmp_path / "old.yaml"
    old.write_text(HEAD + PEOPLE.format(**dict.fromkeys(TIES, "")), encoding="utf-8")
    for fmt in ("md", "html", "pdf"):
        result = invoke("render", path, "-f", fmt, "-o", tmp_path / f"pack.{fmt}", "--today", TODAY)
        assert result.exit_code == 0, result.output
    md = (tmp_path / "pack.md").read_text(encoding="utf-8")
    html = (tmp_path / "pack.html").read_text(encoding="utf-8")
    checked = json.loads(invoke("check", path, "-f", "json", "--today", TODAY).stdout)
    tied = {
        name
        for f in checked["findings"]
        if f["rule"] == "competitor-ties"
        for name in EXPECTED
        if f["message"].startswith(name)
    }
    changes = json.loads(invoke("diff", old, path, "-f", "json", "--today", TODAY).stdout)
    diffed = {
        c["subject"]: c["after"] for c in changes["changes"] if c["kind"] == "competitor-ties"
    }
    words = {"tied": "tie", "none known": "none", "unknown": "unknown"}
    pdf_words = _pdf_words(tmp_path / "pack.pdf")
    for name, state in EXPECTED.items():
        md_row = next(x for x in md.splitlines() if x.startswith(f"| **{name}** |"))
        card = re.search(rf'<div class="card">\s*<h4>{name}.*?</p>', html, re.DOTALL)
        assert card is not None
        seen = {
            "md": _md_state(md_row),
            "html": _card_state(card.group(0)),
            "pdf": _card_state(_pdf_card(pdf_words, name)),
            "check": "tie" if name in tied else "none or unknown",
            "diff": words[diffed[name]],
        }
        assert seen == {
            "md": state,
            "html": state,
            "pdf": state,
            "check": "tie" if state == "tie" else "none or unknown",
            "diff": state,
        }, name
    # The map rings only the tied person (the legend's ring is smaller).
    assert html.count('r="9" fill="none" stroke="#c62828"') == 1
