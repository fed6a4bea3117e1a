"""`reviewkit lessons`: the items and gates open at the close, ranked by how much more often
they were open in lost deals than in won ones, each with the playbook's lesson and the deals
behind it; Markdown, HTML, PDF and JSON, in both languages."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pypdf
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.judge.lostreview import open_at_close
from reviewkit.model.config import DEFAULT
from reviewkit.model.deal import load_deal
from tests.conftest import ROOT, SAMPLES

PORTFOLIO = ROOT / "portfolio"


def invoke(*args: object) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def lessons_json(*args: object) -> dict:  # type: ignore[type-arg]
    result = invoke("lessons", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_portfolio_is_a_team_year_of_won_and_lost_deals() -> None:
    deals = [load_deal(p) for p in sorted(PORTFOLIO.glob("*.yaml"))]
    statuses = [d.status for d in deals]
    assert (statuses.count("won"), statuses.count("lost"), statuses.count("open")) == (4, 5, 2)
    assert sum(d.language == "zh" for d in deals) >= 4
    result = invoke("check", PORTFOLIO, "--today", "2026-12-01")
    assert result.exit_code == 0, result.output  # warnings and infos, no errors


def test_rows_are_ranked_by_how_much_more_often_lost_deals_left_them_open() -> None:
    doc = lessons_json(PORTFOLIO)
    assert (doc["won"], doc["lost"]) == (4, 5)
    rows = doc["rows"]
    gaps = [r["gap"] for r in rows]
    assert gaps == sorted(gaps, reverse=True)
    first = rows[0]
    assert (first["stage"], first["item"], first["gate"]) == ("relationship", "gate", True)
    assert (first["lost_open"], first["lost_reached"], first["won_open"]) == (5, 5, 0)
    assert first["gap"] == 100
    assert first["lesson"] == (
        "Choosing the right people often matters more than saying the right words."
        " (the course's case)"
    )
    # A row open in won deals too ranks below one open only in lost deals.
    source = next(r for r in rows if r["item"] == "competitor-inside-source")
    assert (source["lost_open"], source["lost_reached"]) == (1, 2)
    assert (source["won_open"], source["won_reached"], source["gap"]) == (1, 4, 25)
    assert source["won_deals"] == ["Eastgate university campus Wi-Fi"]
    assert source["lesson"] == (
        "Without an inside source we learned the competitor's price and terms only at the "
        "opening. (reviewkit's own)"
    )


def test_counts_agree_with_the_lost_deal_review_of_each_file() -> None:
    """Every row is what open_at_close (the lost-deal review's reading) says of the files."""
    doc = lessons_json(PORTFOLIO)
    deals = [load_deal(p) for p in sorted(PORTFOLIO.glob("*.yaml"))]
    closed = [d for d in deals if d.status in ("won", "lost")]
    for row in doc["rows"]:
        key = (row["stage"], row["item"])
        lost = sorted(
            d.name for d in closed if d.status == "lost" and key in open_at_close(d, DEFAULT)
        )
        won = sorted(
            d.name for d in closed if d.status == "won" and key in open_at_close(d, DEFAULT)
        )
        assert row["lost_deals"] == lost and row["won_deals"] == won, key
    assert {(r["stage"], r["item"]) for r in doc["rows"]} >= {
        ("relationship", "coach-developed"),
        ("relationship", "competitor-relationships-known"),
        ("bidding", "floor-and-target-set"),
    }


def test_markdown_table_and_the_deals_behind_each_row() -> None:
    result = invoke("lessons", PORTFOLIO)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# What lost deals teach\n\n4 won and 5 lost deals.")
    coach = next(line for line in text.splitlines() if "| Coach developed |" in line)
    cells = [c.strip() for c in coach.strip("|").split("|")]
    assert cells[1:6] == [
        "Build relationships into the decision chain",
        "Coach developed",
        "4 of 5 (80 %)",
        "0 of 4 (0 %)",
        "80",
    ]
    assert cells[6].endswith("(the course's case)")
    assert "## The deals behind each row" in text
    assert (
        "Coach developed: lost Meadowbrook utilities OT network; Ridgeway county data centre "
        "refresh; Silverline bank branch SD-WAN; 北港物流园区网络改造"
    ) in text


def test_in_chinese_every_word_is_chinese() -> None:
    result = invoke("lessons", PORTFOLIO, "--lang", "zh")
    text = result.stdout
    assert text.startswith("# 丢单教训\n\n4 个赢单、5 个丢单。")
    assert (
        "| 1 | 关系切入发展 | **关口**：至少一位关键客户敢于为我司说话 | 5/5（100%） | 0/4（0%） | 100 |"
        in text
    )
    assert "堡垒最容易从内部攻破：面对客户，第一个需要建立的关系就是“教练”。（课程案例）" in text
    assert "（reviewkit 经验）" in text
    for english in ("Coach developed", "the course's case", "lost ", "Lesson"):
        assert english not in text


def test_html_and_pdf(tmp_path: Path) -> None:
    html = tmp_path / "lessons.html"
    assert invoke("lessons", PORTFOLIO, "-f", "html", "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h1>What lost deals teach</h1>" in page
    assert page.count('<span class="bar lost"') == len(lessons_json(PORTFOLIO)["rows"])
    pdf = tmp_path / "lessons.pdf"
    result = invoke("lessons", PORTFOLIO, "-f", "pdf", "-o", pdf, "--lang", "zh")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    text = "".join("".join(p.extract_text() for p in reader.pages).split())
    assert "丢单教训" in text and "选对人，往往比说对话更加重要。（课程案例）" in text


def test_a_team_playbook_brings_its_own_lessons(tmp_path: Path) -> None:
    team = tmp_path / "team"
    shutil.copytree(SAMPLES / "team-meddpicc", team)
    shutil.copytree(SAMPLES / "playbooks", tmp_path / "playbooks")
    deal = team / "orbit-logistics-wms.yaml"
    lost = deal.read_text(encoding="utf-8").replace("\n  status: open", "\n  status: lost", 1)
    assert lost != deal.read_text(encoding="utf-8")
    deal.write_text(lost + "\noutcome: {date: 2026-11-30}\n", encoding="utf-8")
    doc = lessons_json(team)
    assert doc["lost"] == 1
    gate = next(r for r in doc["rows"] if r["gate"])
    assert gate["label"] == "A tested champion with high influence"
    # The team's own lesson, with no source mark.
    assert (
        gate["lesson"] == "Without a tested champion of high influence, the proposal went in blind."
    )


def test_no_lost_deal_says_so() -> None:
    result = invoke("lessons", SAMPLES / "northfield-core-network.yaml")
    assert result.exit_code == 0
    assert "No lost deal had an item or gate open at its close." in result.stdout
