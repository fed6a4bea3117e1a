"""`render --audience wide`: quote, target and floor in no format, and the cover says so."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.model.amounts import found, patterns
from reviewkit.ops.render import render_pack
from tests.conftest import SAMPLES, TODAY
from tests.present.test_wordpack import parts_text

#: A deal whose notes quote the figures in the forms people write them.
NOTES = """\
reviewkit: 1
deal:
  name: Wide deal
  stage: bidding
  confidential: true
dynamics:
  - date: 2026-11-20
    event: Told the integrator our quote is 11.8M; target 1150万, floor 10,900,000
strategy:
  commercial:
    approach: Quote CNY 11,800,000 and hold at 11500000; never below 一千零九十万
    quote: {amount: 11800000, currency: CNY}
    target: {amount: 11500000, currency: CNY}
    floor: {amount: 10900000, currency: CNY}
    price_holders: [Sun Hao]
"""

FIGURES = {
    "northfield-core-network": ("11800000", "11500000", None),
    "huadong-grid-dispatch": ("27680000", "26900000", "25300000"),
    "notes": ("11800000", "11500000", "10900000"),
}


def _text(path: Path) -> str:
    """What a file holds for a reader: a PDF's text, every part of a Word or Excel file (its
    properties included), a Markdown or HTML file as written."""
    if path.suffix in (".docx", ".xlsx"):
        return "\n".join(parts_text(path).values())
    if path.suffix == ".pdf":
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    return path.read_text(encoding="utf-8")


def _deal(name: str, tmp_path: Path) -> Path:
    if name == "notes":
        path = tmp_path / "notes.yaml"
        path.write_text(NOTES, encoding="utf-8")
        return path
    return SAMPLES / f"{name}.yaml"


def _shown(text: str, name: str) -> list[str]:
    """Which of the deal's quote, target and floor appear in `text`, in any written form."""
    return [
        figure
        for figure in FIGURES[name]
        if figure is not None and found(patterns(Decimal(figure)), text)
    ]


@pytest.mark.parametrize("name", list(FIGURES))
@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx", "xlsx"])
def test_a_wide_pack_shows_no_price(tmp_path: Path, name: str, fmt: str) -> None:
    path = _deal(name, tmp_path)
    out = tmp_path / f"wide.{fmt}"
    render_pack(path, format=fmt, output=str(out), today=TODAY, audience="wide")
    text = _text(out)
    assert _shown(text, name) == []
    zh = name == "huadong-grid-dispatch"
    cover = "扩大范围：不含报价、目标价和底价" if zh else "Wide audience: quote, target and floor"
    assert cover in " ".join(text.split())


@pytest.mark.parametrize("fmt", ["md", "pdf", "docx"])
def test_the_team_pack_shows_quote_and_target(tmp_path: Path, fmt: str) -> None:
    """The same search finds them in today's pack: the wide pack's silence is real."""
    path = _deal("notes", tmp_path)
    out = tmp_path / f"team.{fmt}"
    render_pack(path, format=fmt, output=str(out), today=TODAY)
    text = _text(out)
    assert _shown(text, "notes") == ["11800000", "11500000"]
    assert "Review team" in text


def test_wide_and_reveal_floor_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "p.md"
    result = CliRunner().invoke(
        app,
        ["render", str(_deal("notes", tmp_path)), "--audience", "wide", "--reveal-floor",
         "-o", str(out), "--today", TODAY.isoformat()],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--reveal-floor cannot be used with --audience wide" in result.output
    assert not out.exists()


def test_the_cli_renders_for_a_wide_audience(tmp_path: Path) -> None:
    out = tmp_path / "p.md"
    result = CliRunner().invoke(
        app,
        ["render", str(SAMPLES / "huadong-grid-dispatch.yaml"), "--audience", "wide",
         "-o", str(out), "--today", TODAY.isoformat()],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _shown(out.read_text(encoding="utf-8"), "huadong-grid-dispatch") == []


def test_a_wide_pack_is_named_apart_and_without_the_figures(tmp_path: Path) -> None:
    deal = tmp_path / "bid-11800000.yaml"
    deal.write_text(NOTES, encoding="utf-8")
    wide = render_pack(deal, format="md", today=TODAY, audience="wide")
    team = render_pack(deal, format="md", today=TODAY)
    assert wide == tmp_path / "bid-floor-withheld.wide.review.md"
    assert team == tmp_path / "bid-11800000.review.md"


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_wide_pack_keeps_the_decision_page_and_the_others_bids(tmp_path: Path, fmt: str) -> None:
    """The decision page stays; the pricing table keeps the other bidders' quotes and scores,
    our row says what is withheld (no band, no price points, no total), and the price
    changes, ours among them, are left out."""
    out = tmp_path / f"wide.{fmt}"
    render_pack(
        SAMPLES / "huadong-grid-dispatch.yaml",
        format=fmt,
        output=str(out),
        today=TODAY,
        audience="wide",
    )
    if fmt == "md":
        text = out.read_text(encoding="utf-8")
        rows = [
            [c.strip() for c in line.strip("|").split("|")]
            for line in text[text.index("### 报价与竞争") :].splitlines()[4:7]
        ]
        headings = text
    else:
        import docx

        document = docx.Document(str(out))
        table = next(t for t in document.tables if t.rows[0].cells[0].text == "投标方")
        rows = [[c.text for c in row.cells] for row in table.rows[1:]]
        headings = "\n".join(p.text for p in document.paragraphs)
    withheld = "不公开（扩大范围）"
    assert [r[0].strip("*") for r in rows] == ["我方", "华信通", "联拓"]
    assert [rows[0][1], rows[0][2], rows[0][4].strip("*")] == [withheld] * 3
    assert "CNY 26,500,000" in rows[1][1] and rows[1][4].strip("*").replace("\\", "") == "77.2"
    assert "本次会议决策要点" in headings and "价格变化" not in headings


def test_a_withheld_quote_is_not_called_a_floor(tmp_path: Path) -> None:
    """In text, a quote or target withheld from a wide audience reads as a withheld price; only
    the floor reads as the floor."""
    deal = _deal("notes", tmp_path)
    result = CliRunner().invoke(
        app, ["render", str(deal), "--audience", "wide", "-o", "-", "--today", str(TODAY)]
    )
    assert result.exit_code == 0, result.output
    line = next(s for s in result.stdout.splitlines() if "Told the integrator" in s)
    assert line.count("\\[price withheld\\]") == 2  # 11.8M and 1150万 (Markdown escapes [ ])
    assert line.count("\\[floor withheld\\]") == 1  # 10,900,000
