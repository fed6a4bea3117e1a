"""The pipeline view over many deals: funnel and money per playbook, who needs a review, and
the lists a sales director works through; Markdown, HTML and PDF."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.model.playbook import tr
from reviewkit.present.pipeline import DealLine, InvalidLine, build_pipeline
from reviewkit.present.render import md_escape
from tests.conftest import SAMPLE_DEALS, SAMPLES, load_sample

DAY = "2026-12-01"

BAD = "reviewkit: 1\ndeal:\n  name: Broken deal\n  stage: relationshp\n"

#: An open deal whose expected close is behind us (and which was reviewed recently).
LATE = """\
reviewkit: 1
deal:
  name: Late harbour deal
  owner: Pat Late
  stage: qualification
  value: {amount: 1000000, currency: USD}
  expected_close: 2026-11-15
  language: en
review: {date: 2026-11-20}
"""

HEADINGS = [
    "# Pipeline review",
    "## The four measures",
    "## Open deals",
    "## Deals by stage",
    "### Project sales stage review (default)",
    "### MEDDPICC deal review (team sample)",
    "## By owner",
    "## Deals that need a review meeting now",
    "## Gates not passed",
    "## Overdue actions by owner",
    "## Open deals past their expected close",
    "## Deals not reviewed for too long",
    "## Files that could not be read as deals",
]

NORTHFIELD = "Northfield provincial core network upgrade"
ORBIT = "Orbit Logistics warehouse management system replacement"
METRO = "Lindhaven Metro station Wi-Fi and passenger analytics"
HUADONG = "江淮电网调度数据中心建设项目"
XINAN = "蓉西市中心医院东院区网络建设"


def invoke(*args: object) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def deals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of samples/ (configs and team playbook included) with one invalid file. The
    working folder is its parent (default output files land there); paths given are
    absolute, as reviewkit caches the config found for a folder by the path it was given."""
    shutil.copytree(SAMPLES, tmp_path / "deals")
    (tmp_path / "deals" / "bad.yaml").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "deals"


def pipeline_md(*args: object) -> str:
    result = invoke("pipeline", *args, "--today", DAY)
    assert result.exit_code == 0, result.output
    return result.stdout


def section(text: str, heading: str) -> str:
    """The body of a `## ` section (up to the next `## `)."""
    start = text.index(heading + "\n") + len(heading) + 1
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else len(text)].strip("\n")


def funnel_rows(text: str, playbook: str) -> list[list[str]]:
    """The cells of a playbook's funnel table, header and separator left out."""
    body = text[text.index(f"### {playbook}\n") :]
    table = body[body.index("| Stage |") :].split("\n\n")[0]
    rows = table.splitlines()[2:]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def money(amounts: dict[str, Decimal]) -> str:
    return "; ".join(f"{c} {a.quantize(Decimal(1)):,}" for c, a in sorted(amounts.items())) or "—"


def expected_funnels() -> dict[str, list[list[str]]]:
    """The funnel tables as the sample files say they must be: counts, value and weighted
    value per currency, with each playbook's stage weights."""
    groups: dict[str, list] = defaultdict(list)
    closed_groups: dict[str, list] = defaultdict(list)
    for path in SAMPLE_DEALS:
        deal, _ = load_sample(path)
        name = tr(deal.playbook.name, "en")
        (groups if deal.is_open else closed_groups)[name].append(deal)
    tables = {}
    for name, group in groups.items():
        closed = closed_groups[name]
        playbook = group[0].playbook
        rows = []
        total: dict[str, Decimal] = defaultdict(Decimal)
        total_weighted: dict[str, Decimal] = defaultdict(Decimal)
        for stage in playbook.stages:
            here = [d for d in group if d.stage == stage.key]
            value: dict[str, Decimal] = defaultdict(Decimal)
            weighted: dict[str, Decimal] = defaultdict(Decimal)
            for d in here:
                amount = d.data["deal"]["value"]
                value[amount["currency"]] += amount["amount"]
                weighted[amount["currency"]] += amount["amount"] * stage.weight
                total[amount["currency"]] += amount["amount"]
                total_weighted[amount["currency"]] += amount["amount"] * stage.weight
            bar = "█" * 12 if here else ""
            won = sum(1 for d in closed if d.stage == stage.key and d.status == "won")
            lost = sum(1 for d in closed if d.stage == stage.key and d.status == "lost")
            rows.append(
                [
                    tr(stage.label, "en"),
                    str(len(here)),
                    bar,
                    money(value),
                    f"{stage.weight * 100:.0f} %",
                    money(weighted),
                    str(won),
                    str(lost),
                    f"{round(100 * won / (won + lost))} %" if won + lost else "—",
                ]
            )
        won = sum(1 for d in closed if d.status == "won")
        lost = sum(1 for d in closed if d.status == "lost")
        rows.append(
            [
                "**Total**",
                f"**{len(group)}**",
                "",
                f"**{money(total)}**",
                "",
                f"**{money(total_weighted)}**",
                f"**{won}**",
                f"**{lost}**",
                f"**{round(100 * won / (won + lost))} %**" if won + lost else "**—**",
            ]
        )
        tables[name] = rows
    return tables


# --- Markdown over the samples ------------------------------------------------------------


def test_pipeline_over_the_samples_lists_every_section(deals: Path) -> None:
    text = pipeline_md(deals)
    assert [line for line in text.splitlines() if line.startswith("#")] == HEADINGS
    assert text.splitlines()[2] == "6 deals: 5 open, lost 1 · Dates as of: 2026-12-01"


def test_funnel_per_playbook_matches_the_sample_files(deals: Path) -> None:
    text = pipeline_md(deals)
    expected = expected_funnels()
    assert set(expected) == {
        "Project sales stage review (default)",
        "MEDDPICC deal review (team sample)",
    }
    for playbook, rows in expected.items():
        assert funnel_rows(text, playbook) == rows
    # The same figures, written out: the default playbook's stages and weights.
    default = funnel_rows(text, "Project sales stage review (default)")
    assert default[0] == [
        "Understand needs, collect information",
        "1",
        "████████████",
        "CNY 6,500,000",
        "5 %",
        "CNY 325,000",
        "0",
        "0",
        "—",
    ]
    # The lost sample closed in the bidding stage: that stage's win rate is 0 %.
    assert default[5][3:] == ["CNY 28,000,000", "70 %", "CNY 19,600,000", "0", "1", "0 %"]
    assert default[-1] == [
        "**Total**",
        "**4**",
        "",
        "**CNY 46,500,000; EUR 4,500,000**",
        "",
        "**CNY 22,325,000; EUR 1,575,000**",
        "**0**",
        "**1**",
        "**0 %**",
    ]
    meddpicc = funnel_rows(text, "MEDDPICC deal review (team sample)")
    assert [row[0] for row in meddpicc][:-1] == [
        "Qualify the opportunity",
        "Discover how the customer buys",
        "Validate value and the champion",
        "Propose",
        "Negotiate",
        "Close and hand over",
    ]
    assert [row[4] for row in meddpicc][:-1] == ["10 %", "25 %", "40 %", "60 %", "80 %", "90 %"]
    assert meddpicc[2][1:6] == ["1", "████████████", "EUR 2,100,000", "40 %", "EUR 840,000"]
    # The default playbook's group is the bigger: it comes first.
    assert text.index("### Project sales stage review") < text.index("### MEDDPICC")


def test_deals_that_need_a_review_now_with_their_reasons(deals: Path) -> None:
    body = section(pipeline_md(deals), "## Deals that need a review meeting now")
    items = [line for line in body.splitlines() if line.startswith("- ")]
    names = [re.match(r"- \*\*(.+?)\*\*", line).group(1) for line in items]  # type: ignore[union-attr]
    # Most reasons first; the stub (never reviewed, no trigger) and the lost deal are not here.
    assert names == [ORBIT, NORTHFIELD, HUADONG, METRO]
    northfield = items[1]
    assert northfield.startswith(
        f"- **{NORTHFIELD}** (Li Wei, Build relationships into the decision chain): "
        "obstacle or stall; plan slipped — 1 open action(s) overdue; "
        "dynamics reversed — reversal on 2026-11-24: Kestrel took Wang Qiang"
    )
    assert "plan slipped — 1 open action(s) overdue" in items[0]
    assert items[0].endswith("regular review; last reviewed 27 days ago")
    assert "before the bid — the deal is in the Bid and commercial negotiation stage" in items[2]
    assert (
        items[3]
        == f"- **{METRO}** (Sarah Whitfield, Develop and settle the partner): regular review"
    )


def test_gates_not_passed(deals: Path) -> None:
    body = section(pipeline_md(deals), "## Gates not passed")
    assert body.splitlines() == [
        f"- **{NORTHFIELD}** (Build relationships into the decision chain): "
        "A high-influence customer person speaks up for us",
        f"- **{ORBIT}** (Validate value and the champion): A tested champion with high influence",
    ]


def test_overdue_actions_grouped_by_owner(deals: Path) -> None:
    body = section(pipeline_md(deals), "## Overdue actions by owner")
    assert [line for line in body.splitlines() if line.startswith("**")] == [
        "**Chen Yu**",
        "**Marc Dupont**",
    ]
    chen, marc = body.split("**Marc Dupont**")
    assert (
        f"| {NORTHFIELD} | Send Deng Rui the written hitless-cutover method with the Xiling "
        "Telecom outage data | 2026-11-27 | 4 |"
    ) in chen.splitlines()
    assert (
        f"| {ORBIT} | Value workshop with Helena Maas to agree the overtime and accuracy "
        "baselines for the business case | 2026-11-24 | 7 |"
    ) in marc.splitlines()
    assert "Marc Dupont" not in chen and NORTHFIELD not in marc
    # The lost deal's open actions are not overdue work.
    assert "Greywater" not in body


def test_not_reviewed_and_past_close_over_the_samples(deals: Path) -> None:
    text = pipeline_md(deals)
    # The stub has no review meeting recorded: like `check`, no review-stale for it.
    assert section(text, "## Deals not reviewed for too long").splitlines() == [
        f"- **{ORBIT}** (Katrin Vogel): Last review 2026-11-04, 27 days",
    ]
    # The lost deal's close date (2026-10-31) is past, but it is closed.
    assert section(text, "## Open deals past their expected close") == "None."


def test_invalid_file_is_listed_with_its_place_not_fatal(deals: Path) -> None:
    result = invoke("pipeline", deals, "--today", DAY)
    assert result.exit_code == 0
    assert section(result.stdout, "## Files that could not be read as deals") == (
        f"- {md_escape(str(deals / 'bad.yaml'))}: 4:10: deal.stage: 'relationshp' is not a stage of the playbook; "
        "did you mean 'relationship'?"
    )
    # The team playbook under deals/playbooks/ is excluded by the config, not invalid.
    assert "meddpicc.yaml" not in result.stdout


def test_an_open_deal_past_its_close_date_is_listed(deals: Path) -> None:
    (deals / "late.yaml").write_text(LATE, encoding="utf-8")
    text = pipeline_md(deals)
    assert section(text, "## Open deals past their expected close") == (
        "- **Late harbour deal** (Pat Late): 2026-11-15, 16 days"
    )
    default = funnel_rows(text, "Project sales stage review (default)")
    assert default[1] == [
        "Evaluate the opportunity",
        "1",
        "████████████",
        "USD 1,000,000",
        "10 %",
        "USD 100,000",
        "0",
        "0",
        "—",
    ]
    assert default[-1][1] == "**5**"
    assert default[-1][3] == "**CNY 46,500,000; EUR 4,500,000; USD 1,000,000**"
    assert default[-1][5] == "**CNY 22,325,000; EUR 1,575,000; USD 100,000**"
    assert "Late harbour deal" not in section(text, "## Deals not reviewed for too long")
    assert "Late harbour deal" not in section(text, "## Gates not passed")


def test_pipeline_in_chinese(deals: Path) -> None:
    text = pipeline_md(deals, "--lang", "zh")
    assert [line for line in text.splitlines() if line.startswith("#")] == [
        "# 项目管道总览",
        "## 四项指标",
        "## 进行中的项目",
        "## 项目漏斗",
        "### 项目型销售阶段检查（默认）",
        "### MEDDPICC 商机评审（团队示例）",
        "## 按负责人",
        "## 需要立即召开分析会的项目",
        "## 未通过的阶段关口",
        "## 按责任人汇总的逾期行动",
        "## 已过预计成交日期仍未关闭的项目",
        "## 长期未召开分析会的项目",
        "## 无法读取的项目文件",
    ]
    assert text.splitlines()[2] == "共 6 个项目，5 个进行中、丢单 1 · 日期基准：2026-12-01"
    rows = funnel_rows(text.replace("| 阶段 |", "| Stage |"), "项目型销售阶段检查（默认）")
    assert rows[2] == [
        "关系切入发展",
        "1",
        "████████████",
        "CNY 12,000,000",
        "20 %",
        "CNY 2,400,000",
        "0",
        "0",
        "—",
    ]
    assert rows[-1][0] == "**合计**"
    assert "Deals by stage" not in text


def test_pipeline_is_deterministic(deals: Path) -> None:
    first = invoke("pipeline", deals, "--today", DAY).stdout_bytes
    second = invoke("pipeline", deals, "--today", DAY).stdout_bytes
    assert first == second
    invoke("pipeline", deals, "-f", "html", "-o", "a.html", "--today", DAY)
    invoke("pipeline", deals, "-f", "html", "-o", "b.html", "--today", DAY)
    assert Path("a.html").read_bytes() == Path("b.html").read_bytes()


def test_many_deals_on_several_cores_give_the_same_view(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    source = SAMPLES / "northfield-core-network.yaml"
    for number in range(50):  # above the size from which folders are worked on all cores
        shutil.copy(source, folder / f"deal-{number:02d}.yaml")
    (folder / "zz-bad.yaml").write_text(BAD, encoding="utf-8")
    serial = invoke("pipeline", folder, "--jobs", "1", "--today", DAY)
    parallel = invoke("pipeline", folder, "--jobs", "2", "--today", DAY)
    assert serial.exit_code == parallel.exit_code == 0
    assert serial.stdout == parallel.stdout
    assert "| Build relationships into the decision chain | 50 |" in serial.stdout
    assert "**CNY 600,000,000**" in serial.stdout and "**CNY 120,000,000**" in serial.stdout
    assert "zz-bad.yaml: 4:10:" in serial.stdout


# --- HTML and PDF --------------------------------------------------------------------------


def test_html_pipeline_is_self_contained_with_a_funnel_per_playbook(deals: Path) -> None:
    result = invoke("pipeline", deals, "--format", "html", "--today", DAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Wrote pipeline.html" in result.stderr
    html = Path("pipeline.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html and "<style>" in html
    for external in ("<link", "<script", "src=", "url(", "@import"):
        assert external not in html
    assert html.count('<table class="grid funnel">') == 2
    # Stage labels are table text that wraps, never cut to fit a drawing.
    assert "<tr><td>Understand needs, collect information</td>" in html
    assert "…" not in html.split('<table class="grid funnel">')[1].split("</table>")[0]
    for heading in (
        "Open deals",
        "Deals by stage: Project sales stage review (default)",
        "Deals by stage: MEDDPICC deal review (team sample)",
        "By owner",
    ):
        assert f"<h2>{heading}</h2>" in html
    assert '<tr class="total"><td>Total</td><td></td><td>5</td>' in html
    assert html.count('<td class="why">') == 5
    assert f"<code>{deals / 'bad.yaml'}</code>: 4:10:" in html


def test_html_pipeline_escapes_deal_text(deals: Path) -> None:
    (deals / "late.yaml").write_text(
        LATE.replace("Late harbour deal", "<b>Late</b> & co"), encoding="utf-8"
    )
    invoke("pipeline", deals, "-f", "html", "-o", "p.html", "--today", DAY)
    html = Path("p.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Late&lt;/b&gt; &amp; co" in html and "<b>Late</b>" not in html


def test_pdf_pipeline(deals: Path) -> None:
    result = invoke("pipeline", deals, "--format", "pdf", "-o", "x.pdf", "--today", DAY)
    assert result.exit_code == 0, result.output
    data = Path("x.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "".join("".join(page.extract_text() for page in reader.pages).split())
    for heading in (
        "Pipelinereview",
        "Winrate(won/won+lost)",
        "Opendeals",
        "Dealsbystage",
        "Byowner",
        "Reviewmeetingnow",
        "Gatepassed",
        "Filesthatcouldnotbereadasdeals",
    ):
        assert heading in text, heading
    assert "CNY22,325,000;EUR1,575,000" in text


def test_pdf_pipeline_refuses_the_terminal(deals: Path) -> None:
    result = invoke("pipeline", deals, "--format", "pdf", "-o", "-", "--today", DAY)
    assert result.exit_code == 2
    assert "a PDF cannot be written to the terminal" in result.stderr


# --- build_pipeline on its own ---------------------------------------------------------------

STAGES = (
    ("first", "First", Decimal("0.10")),
    ("second", "Second", Decimal("0.50")),
    ("third", "Third", None),
)
TODAY = dt.date(2026, 12, 1)


def line(
    name: str,
    stage: str,
    amount: str | None,
    currency: str | None,
    *,
    status: str = "open",
    playbook: str = "Main",
    stages: tuple[tuple[str, str, Decimal | None], ...] = STAGES,
    owner: str = "Ann",
    close: dt.date | None = None,
    reviewed: dt.date | None = TODAY,
    triggers: tuple[tuple[str, str], ...] = (),
    gates: tuple[str, ...] = (),
    overdue: tuple[tuple[str, str, dt.date, int], ...] = (),
    stale: bool = False,
    **more: object,
) -> DealLine:
    return DealLine(
        path=f"{name}.yaml",
        name=name,
        customer="Cust",
        owner=owner,
        status=status,
        playbook=playbook,
        stages=stages,
        stage=stage,
        amount=Decimal(amount) if amount is not None else None,
        currency=currency,
        expected_close=close,
        last_review=reviewed,
        stale_after=30,
        triggers=triggers,
        gates_failed=gates,
        overdue=overdue,
        errors=0,
        warnings=0,
        stale=stale,
        **more,  # type: ignore[arg-type]
    )


def test_build_pipeline_sums_money_per_currency_with_stage_weights() -> None:
    lines: list[DealLine | InvalidLine] = [
        line("a", "first", "1000000", "EUR"),
        line("b", "first", "250000.40", "EUR"),
        line("c", "first", "300000", "USD"),
        line("d", "second", "2000000", "EUR"),
        line("e", "second", None, None),  # counted, no money
        line("f", "third", "500000", "EUR"),  # a stage without a weight
        line("g", "second", "9999999", "EUR", status="won"),  # closed: not in the funnel
        line("h", "first", "7", "EUR", status="lost"),
    ]
    view = build_pipeline(lines, TODAY, "en")
    assert (view.deals, view.open) == (8, 6)
    assert view.closed == {"won": 1, "lost": 1}
    [funnel] = view.funnels
    assert funnel["playbook"] == "Main" and funnel["count"] == 6
    rows = [
        (r["label"], r["count"], r["value"], r["weight"], r["weighted"]) for r in funnel["stages"]
    ]
    assert rows == [
        ("First", 3, "EUR 1,250,000; USD 300,000", "10 %", "EUR 125,000; USD 30,000"),
        ("Second", 2, "EUR 2,000,000", "50 %", "EUR 1,000,000"),
        ("Third", 1, "EUR 500,000", "—", "EUR 0"),
    ]
    assert funnel["value"] == "EUR 3,750,000; USD 300,000"
    assert funnel["weighted"] == "EUR 1,125,000; USD 30,000"
    assert [r["bar"] for r in funnel["stages"]] == ["█" * 12, "█" * 8, "█" * 4]
    assert [r["share"] for r in funnel["stages"]] == [1.0, 2 / 3, 1 / 3]


def test_build_pipeline_groups_by_playbook_biggest_first() -> None:
    other = (("x", "X", Decimal("0.25")), ("y", "Y", Decimal("1")))
    lines: list[DealLine | InvalidLine] = [
        line("a", "first", "100", "EUR"),
        line("b", "x", "400", "EUR", playbook="Other", stages=other),
        line("c", "y", "400", "EUR", playbook="Other", stages=other),
    ]
    view = build_pipeline(lines, TODAY, "en")
    assert [f["playbook"] for f in view.funnels] == ["Other", "Main"]
    assert view.funnels[0]["weighted"] == "EUR 500"
    assert [r["weight"] for r in view.funnels[0]["stages"]] == ["25 %", "100 %"]
    assert view.funnels[1]["weighted"] == "EUR 10"


def test_build_pipeline_lists() -> None:
    lines: list[DealLine | InvalidLine] = [
        line(
            "quiet",
            "first",
            "1",
            "EUR",
            reviewed=None,
            close=dt.date(2026, 11, 1),
            triggers=(("plan slipped", "2 open action(s) overdue"),),
        ),
        line(
            "busy",
            "second",
            "1",
            "EUR",
            reviewed=dt.date(2026, 10, 1),
            stale=True,
            close=dt.date(2026, 11, 20),
            triggers=(("obstacle or stall", ""), ("dynamics reversed", "x")),
            gates=("Gate one",),
            overdue=(
                ("Bo", "Call", dt.date(2026, 11, 30), 1),
                ("", "Visit", dt.date(2026, 11, 1), 30),
                ("Bo", "Write", dt.date(2026, 11, 21), 10),
            ),
        ),
        line("fine", "first", "1", "EUR", close=dt.date(2026, 12, 1)),
        line(
            "closed",
            "first",
            "1",
            "EUR",
            status="dropped",
            close=dt.date(2026, 1, 1),
            reviewed=None,
        ),
        InvalidLine("bad.yaml", "4:10: wrong", 3),
    ]
    view = build_pipeline(lines, TODAY, "en")
    assert [d["name"] for d in view.review_now] == ["busy", "quiet"]
    assert view.review_now[0]["stage"] == "Second"
    assert view.review_now[0]["triggers"] == [
        {"label": "obstacle or stall", "why": ""},
        {"label": "dynamics reversed", "why": "x"},
    ]
    assert [(d["name"], d["gates"]) for d in view.gates] == [("busy", ["Gate one"])]
    assert view.overdue == [
        {
            "owner": "Bo",
            "actions": [
                {"deal": "busy", "what": "Write", "due": "2026-11-21", "days": 10},
                {"deal": "busy", "what": "Call", "due": "2026-11-30", "days": 1},
            ],
        },
        {
            "owner": "Ann",  # an action without an owner falls to the deal's owner
            "actions": [{"deal": "busy", "what": "Visit", "due": "2026-11-01", "days": 30}],
        },
    ]
    assert [(d["name"], d["close"], d["days"]) for d in view.past_close] == [
        ("quiet", "2026-11-01", 30),
        ("busy", "2026-11-20", 11),
    ]
    # Only what `check` reports as review-stale; a deal never reviewed is not.
    assert [(d["name"], d["last"], d["days"]) for d in view.stale] == [
        ("busy", "2026-10-01", 61),
    ]
    assert [(r["name"], r["last"]) for r in view.rows] == [
        ("quiet", "none recorded"),
        ("fine", "2026-12-01"),
        ("busy", "2026-10-01"),
    ]
    assert view.invalid == [{"path": "bad.yaml", "first": "4:10: wrong", "count": 3}]
    assert (view.deals, view.open) == (4, 3)


def test_build_pipeline_of_nothing() -> None:
    view = build_pipeline([], TODAY, "zh")
    assert (view.deals, view.open, view.funnels, view.closed) == (0, 0, [], {})
    assert view.review_now == view.gates == view.overdue == view.stale == []


def test_relative_paths_follow_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewkit.model.config import Settings
    from reviewkit.present.pipeline import collect

    name = f"deals-{tmp_path.name}"  # a relative path no other test uses
    for team, days in (("a", 10), ("b", 5)):
        folder = tmp_path / team / name
        folder.mkdir(parents=True)
        shutil.copy(SAMPLES / "metro-transit-wifi.yaml", folder)
        (folder / "reviewkit.yaml").write_text(
            f"reviewkit-config: 1\nthresholds: {{stale_review_days: {days}}}\n", encoding="utf-8"
        )
    seen = []
    for team in ("a", "b"):
        monkeypatch.chdir(tmp_path / team)
        [found] = collect([Path(name)], Settings(), TODAY, "en")
        assert isinstance(found, DealLine)
        seen.append(found.stale_after)
    assert seen == [10, 5]


def test_markdown_pipeline_into_a_file(deals: Path) -> None:
    result = invoke("pipeline", deals, "-o", "view.md", "--today", DAY)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "Wrote view.md\n"
    assert Path("view.md").read_text(encoding="utf-8") == pipeline_md(deals)


def test_pipeline_refuses_to_write_over_a_deal_file(deals: Path) -> None:
    target = deals / "metro-transit-wifi.yaml"
    before = target.read_bytes()
    result = invoke("pipeline", deals, "-o", target, "--today", DAY)
    assert target.read_bytes() == before
    assert result.exit_code == 2
    assert "refusing to write" in result.stderr
