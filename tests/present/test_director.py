"""The pipeline as a director reads it: the deal table and its order, the course's measures,
deals slipping since a git revision, one landscape page for a dozen deals, the same flags as
`check`, and the JSON, CSV and Excel forms read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pypdf
import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.model.deal import load_deal
from tests.conftest import ROOT, SAMPLES, git

DAY = "2026-12-01"
PORTFOLIO = ROOT / "portfolio"


def invoke(*args: object) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def document(*args: object) -> dict:  # type: ignore[type-arg]
    result = invoke("pipeline", *args, "--format", "json", "--today", DAY)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def twelve(tmp_path: Path) -> Path:
    """Twelve open deals (the open samples, six copies of one with longer names, and the
    portfolio's open deals) beside nine closed ones."""
    folder = tmp_path / "team"
    shutil.copytree(SAMPLES, folder)
    (folder / "coastal-port-lost.yaml").unlink()
    source = (SAMPLES / "northfield-core-network.yaml").read_text(encoding="utf-8")
    for number in range(1, 6):
        (folder / f"branch-{number}.yaml").write_text(
            source.replace(
                "name: Northfield provincial core network upgrade",
                f"name: Northfield branch {number} core network and data centre upgrade",
            ),
            encoding="utf-8",
        )
    for path in PORTFOLIO.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder


# --- one page ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_dozen_open_deals_fit_one_a4_landscape_page(
    twelve: Path, tmp_path: Path, lang: str
) -> None:
    out = tmp_path / f"pipeline-{lang}.pdf"
    result = invoke("pipeline", twelve, "-f", "pdf", "-o", out, "--today", DAY, "--lang", lang)
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    names = document(twelve, "--lang", lang)["deals"]
    assert len(names) == 12
    for row in names:
        assert "".join(row["name"].split())[:14] in flat, row["name"]
    # Funnel stage labels are whole, never cut to fit.
    stages = ["需求了解与信息收集", "关系切入发展"] if lang == "zh" else ["Settlethesolution"]
    for stage in stages:
        assert stage in flat
    assert "…" not in text.split("Deals by stage" if lang == "en" else "项目漏斗")[1]


# --- the deal table ------------------------------------------------------------------------


def test_the_deal_table_has_one_row_per_open_deal_sorted_as_asked(twelve: Path) -> None:
    rows = document(twelve, "--sort", "owner,-value")["deals"]
    keys = [(r["owner"].casefold(), -Decimal(r["amount"])) for r in rows]
    assert keys == sorted(keys)
    assert [r["owner"] for r in rows][:3] == ["Katrin Vogel", "Li Wei", "Li Wei"]
    by_close = document(twelve, "--sort", "-close")["deals"]
    closes = [r["close"] for r in by_close]
    assert closes == sorted(closes, reverse=True)
    # The default: playbook stage order, then expected close.
    default = document(twelve)
    assert default["sort"] == ["stage", "close"]
    assert default["deals"][0]["name"] == "蓉西市中心医院东院区网络建设"


def test_markdown_table_row_of_a_sample_deal(twelve: Path) -> None:
    result = invoke("pipeline", twelve, "--today", DAY, "--sort", "deal")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if line.startswith("| Orbit"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == [
        "Orbit Logistics warehouse management system replacement",
        "Orbit Logistics B.V.",
        "Katrin Vogel",
        "Validate value and the champion",
        "EUR 2,100,000",
        "2027-03-31",
        "no",
        "2 / 8",
        "2026-11-04 ⚠",
        "Value workshop with Helena Maas to agree the overtime and accuracy baselines "
        "for the business case (Marc Dupont)",
        "2026-11-24 ⚠",
    ]
    assert "Sorted by: deal" in result.stdout


def test_a_column_that_cannot_be_sorted_by_is_refused(twelve: Path) -> None:
    result = invoke("pipeline", twelve, "--today", DAY, "--sort", "owner,price")
    assert result.exit_code == 2
    assert "'price' is not a column to sort by" in result.stderr
    assert "deal, customer, owner, stage, value, close" in result.stderr


def test_a_deal_never_reviewed_says_so(twelve: Path) -> None:
    rows = {r["name"]: r for r in document(twelve)["deals"]}
    assert rows["蓉西市中心医院东院区网络建设"]["last"] == "none recorded"
    zh = {r["name"]: r for r in document(twelve, "--lang", "zh")["deals"]}
    assert zh["蓉西市中心医院东院区网络建设"]["last"] == "尚无记录"


# --- one reading: the flags agree with check -------------------------------------------------


def test_every_flag_agrees_with_check(twelve: Path) -> None:
    result = invoke("check", twelve, "--today", DAY, "--format", "json")
    found = json.loads(result.stdout)["findings"]
    rows = document(twelve)["deals"]
    assert len(rows) == 12
    for row in rows:
        mine = [f for f in found if Path(f["path"]) == Path(row["path"])]
        rules = [f["rule"] for f in mine]
        assert row["stale"] == ("review-stale" in rules), row["name"]
        assert row["overdue"] == rules.count("action-overdue"), row["name"]
        assert (row["gate_passed"] is False) == ("gate" in rules), row["name"]
        assert row["errors"] == sum(f["severity"] == "error" for f in mine)
        assert row["warnings"] == sum(f["severity"] == "warning" for f in mine)
    # The stub was never reviewed: check raises no review-stale, and nor does the pipeline.
    stub = next(r for r in rows if r["name"] == "蓉西市中心医院东院区网络建设")
    assert stub["stale"] is False and not stub["reviewed"]


# --- the course's measures -----------------------------------------------------------------


def test_the_four_measures_over_the_portfolio() -> None:
    doc = document(PORTFOLIO)
    measures = doc["measures"]
    closed = [load_deal(p) for p in sorted(PORTFOLIO.glob("*.yaml"))]
    won = [d for d in closed if d.status == "won"]
    lost = [d for d in closed if d.status == "lost"]
    assert (measures["won"], measures["lost"]) == (len(won), len(lost)) == (4, 5)
    assert measures["win_rate"] == "44 %"
    days = []
    for d in won + lost:
        starts = [m["date"] for m in d.data["history"]] + [
            d.data["review"]["previous"],
            d.data["review"]["date"],
        ]
        days.append((d.data["outcome"]["date"] - min(x for x in starts if x)).days)
    assert measures["cycle_days"] == round(sum(days) / len(days))
    assert measures["cycle_deals"] == 9
    won_value: dict[str, Decimal] = {}
    for d in won:
        value = d.data["deal"]["value"]
        won_value[value["currency"]] = (
            won_value.get(value["currency"], Decimal(0)) + value["amount"]
        )
    assert measures["value_won"] == "; ".join(f"{c} {a:,}" for c, a in sorted(won_value.items()))
    owners = {o["owner"]: o for o in doc["owners"]}
    assert (owners["Tom Reilly"]["won"], owners["Tom Reilly"]["lost"]) == (1, 1)
    assert owners["Tom Reilly"]["win_rate"] == "50 %"
    bidding = next(s for s in doc["funnels"][0]["stages"] if s["key"] == "bidding")
    assert (bidding["won"], bidding["lost"], bidding["win_rate"]) == (4, 2, "67 %")


# --- deals slipping ------------------------------------------------------------------------


def test_deals_whose_close_moved_later_since_a_revision(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    for name in ("dongcheng-parking-open.yaml", "westport-transit-open.yaml"):
        shutil.copy(PORTFOLIO / name, folder / name)
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "first")
    later = folder / "dongcheng-parking-open.yaml"
    later.write_text(
        later.read_text(encoding="utf-8").replace(
            "expected_close: 2027-03-31", "expected_close: 2027-05-15"
        ),
        encoding="utf-8",
    )
    earlier = folder / "westport-transit-open.yaml"
    earlier.write_text(
        earlier.read_text(encoding="utf-8").replace(
            "expected_close: 2027-01-31", "expected_close: 2027-01-10"
        ),
        encoding="utf-8",
    )
    shutil.copy(PORTFOLIO / "harbourside-hospital-won.yaml", folder / "new.yaml")  # not in HEAD
    doc = document(folder, "--since", "HEAD")
    assert doc["since"] == "HEAD"
    assert [(d["name"], d["before"], d["after"], d["days"]) for d in doc["slipping"]] == [
        ("东城区智慧停车平台", "2027-03-31", "2027-05-15", 45)
    ]
    result = invoke("pipeline", folder, "--today", DAY, "--since", "HEAD", "--lang", "zh")
    assert "## 成交日期推迟的项目（自 HEAD 以来）" in result.stdout
    assert "- **东城区智慧停车平台** (孙明)：2027-03-31 → 2027-05-15，推迟 45 天" in result.stdout
    html = tmp_path / "p.html"
    invoke("pipeline", folder, "-f", "html", "-o", html, "--since", "HEAD", "--today", DAY)
    page = html.read_text(encoding="utf-8")
    assert "<h2>Deals slipping: close date moved later since HEAD</h2>" in page
    assert "2027-03-31 → 2027-05-15, 45 days later" in page
    # Without --since there is no such section.
    assert "slipping" not in invoke("pipeline", folder, "--today", DAY).stdout.lower()
    # A revision that does not exist is refused, not read as "nothing slipped".
    for bad in ("no-such-tag", "portfolio/westport-transit-open.yaml"):
        refused = invoke("pipeline", folder, "--today", DAY, "--since", bad)
        assert refused.exit_code == 2
        assert f"'{bad}' is not a revision" in refused.stderr


# --- JSON, CSV, Excel ------------------------------------------------------------------------


def test_json_holds_what_the_page_shows(twelve: Path) -> None:
    doc = document(twelve)
    assert set(doc) >= {"as_of", "measures", "deals", "totals", "funnels", "owners", "stale"}
    assert doc["as_of"] == DAY and doc["totals"]["count"] == 12
    orbit = next(r for r in doc["deals"] if r["name"].startswith("Orbit"))
    assert (orbit["amount"], orbit["currency"], orbit["weighted_amount"]) == (
        "2100000",
        "EUR",
        "840000.00",
    )
    # The floor never appears.
    assert "strategy" not in json.dumps(doc) and "floor" not in json.dumps(doc)


def test_csv_reads_back_with_a_header_in_the_view_language(twelve: Path) -> None:
    result = invoke("pipeline", twelve, "-f", "csv", "--today", DAY, "--lang", "zh")
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0][:5] == ["项目", "客户", "负责人", "阶段", "金额"]
    assert len(rows) == 13
    by_name = {r[0]: r for r in rows[1:]}
    orbit = by_name["Orbit Logistics warehouse management system replacement"]
    assert orbit[4:7] == ["2100000", "EUR", "840000.00"]
    assert orbit[8] == "未过"


def test_the_excel_ledger_reads_back(twelve: Path, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    result = invoke("pipeline", twelve, "-f", "xlsx", "-o", out, "--today", DAY, "--lang", "zh")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["项目台账", "按阶段", "按负责人", "指标"]
    deals = book["项目台账"]
    assert [c.value for c in deals[1]][:4] == ["项目", "客户", "负责人", "阶段"]
    assert deals.max_row == 14  # header, twelve deals, totals
    total = [c.value for c in deals[deals.max_row]]
    assert total[0] == "合计" and total[3] == 12
    assert deals.cell(deals.max_row, 1).font.bold
    amounts = [deals.cell(r, 5).value for r in range(2, 14)]
    assert all(isinstance(a, int | float) and a > 0 for a in amounts)
    stages = book["按阶段"]
    header = [c.value for c in stages[1]]
    assert header[-1] == "在此阶段结束的项目赢单率"
    bidding = next(
        [c.value for c in row]
        for row in stages.iter_rows(min_row=2)
        if row[1].value == "投标和商务谈判"
    )
    assert bidding[4] == pytest.approx(0.7) and stages.cell(7, 5).number_format == "0%"
    assert bidding[6:9] == [4, 2, pytest.approx(4 / 6)]
    measures = {row[0].value: row[1].value for row in book["指标"].iter_rows()}
    assert measures["赢单率（赢单 ÷ 赢单与丢单之和）"] == pytest.approx(4 / 9)
    assert measures["日期基准"] == dt.datetime(2026, 12, 1)


def test_english_headings_start_with_a_capital(twelve: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    invoke("pipeline", twelve, "-f", "xlsx", "-o", out, "--today", DAY)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Deals", "By stage", "By owner", "Measures"]
    headings = [c.value for c in book["Deals"][1]]
    assert headings[5] == "Currency" and headings[-1] == "File"
    assert book["By stage"]["A1"].value == "Playbook"


def test_a_workbook_is_refused_to_the_terminal(twelve: Path) -> None:
    result = invoke("pipeline", twelve, "-f", "xlsx", "-o", "-", "--today", DAY)
    assert result.exit_code == 2
    assert "an Excel workbook cannot be written to the terminal" in result.stderr
