"""The Excel pack: real .xlsx files read back with openpyxl, every part scanned for the floor."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from reviewkit.model.amounts import found, patterns
from reviewkit.ops.render import render_pack
from tests.conftest import MINIMAL, SAMPLE_DEALS, SAMPLES, TODAY, load_sample
from tests.present.test_pdf import FLOOR
from tests.present.test_wordpack import parts_text

HUADONG = SAMPLES / "huadong-grid-dispatch.yaml"


def workbook(path: Path, out: Path, **options: object) -> openpyxl.Workbook:
    written = render_pack(path, format="xlsx", output=str(out), today=TODAY, **options)  # type: ignore[arg-type]
    assert written == out
    return openpyxl.load_workbook(out)


def rows(sheet) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]


def test_a_chinese_deal_has_its_sheets_with_chinese_labels(tmp_path: Path) -> None:
    book = workbook(HUADONG, tmp_path / "p.xlsx")
    deal, _ = load_sample(HUADONG)
    assert book.sheetnames == [
        "行动计划",
        "风险与应对",
        "需要公司支持",
        "会议决议",
        "决策链",
        "客户、竞争对手与渠道动态",
        "客户处的产品问题",
        "报价与竞争",
        "价格变化",
        "阶段检查清单",
    ]
    actions = rows(book["行动计划"])
    assert actions[0] == ["工作内容", "负责人", "完成时间", "监控点", "状态"]
    assert len(actions) == 1 + len(deal.data["actions"])
    due = [r[2] for r in actions[1:] if r[2]]
    assert due and all(isinstance(d, dt.datetime) for d in due)  # real dates: they sort
    assert book["行动计划"]["C2"].number_format == "yyyy-mm-dd"
    assert {r[4] for r in actions[1:]} <= {"进行中", "已完成", "已放弃"} | {
        r[4] for r in actions[1:] if r[4].startswith("逾期")
    }
    chain = rows(book["决策链"])
    assert chain[0] == [
        "姓名",
        "职务",
        "角色",
        "影响力",
        "态度",
        "mindshare / heartshare",
        "教练",
        "为我方说话",
        "与对手关系",
        "燃眉之急（PIC）",
        "最近接触",
    ]
    by_name = {r[0]: r for r in chain[1:]}
    assert list(by_name) == [p["name"] for p in deal.data["decision_chain"]]
    assert by_name["马俊"][6] == "是" and by_name["刘建平"][7] == "是"
    assert by_name["王海涛"][8].startswith("⚠ ")
    assert "个人的：" in by_name["陈国栋"][9] and "值得的：" in by_name["陈国栋"][9]
    checklist = rows(book["阶段检查清单"])
    assert checklist[0] == ["阶段", "检查项", "状态", "依据"]
    stages = [s for s in deal.playbook.stages[: deal.stage_index + 1]]
    gates = [s for s in stages if s.gate is not None]
    assert len(checklist) == 1 + sum(len(s.items) for s in stages) + len(gates)
    assert checklist[-1][0].endswith("· 当前阶段")
    gate_rows = [r for r in checklist if r[1].startswith("关口：")]
    assert len(gate_rows) == len(gates) and {r[2] for r in gate_rows} <= {"✔ 已通过", "未通过"}


def test_sheets_have_bold_frozen_headers_and_fitted_widths(tmp_path: Path) -> None:
    book = workbook(SAMPLES / "northfield-core-network.yaml", tmp_path / "p.xlsx")
    assert book.sheetnames == [
        "Action plan",
        "Risks",
        "Support requests",
        "Meeting decisions",
        "Decision chain",
        "Dynamics",
        "Product problems",
        "Pricing",
        "Price changes",
        "Checklist",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.auto_filter.ref == sheet.dimensions
        widths = [sheet.column_dimensions[c].width for c in "ABC"]
        assert all(4 <= w <= 62 for w in widths)
    assert book.properties.title == "Deal review: Northfield provincial core network upgrade"


@pytest.mark.parametrize("path", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_no_part_of_the_workbook_holds_the_floor(path: Path, tmp_path: Path) -> None:
    render_pack(path, format="xlsx", output=str(tmp_path / "p.xlsx"), today=TODAY)
    deal, _ = load_sample(path)
    floor = deal.data["strategy"]["commercial"]["floor"]
    regexes = patterns(floor["amount"] if floor else Decimal(25_300_000))
    for name, text in parts_text(tmp_path / "p.xlsx").items():
        assert not found(regexes, text), f"{path.name}: floor in {name}"


def test_the_floor_named_in_an_action_is_withheld(write, tmp_path: Path) -> None:
    path = write(FLOOR + "actions:\n  - {what: Hold the price above 10.9M, owner: Li}\n")
    book = workbook(path, tmp_path / "p.xlsx")
    assert rows(book["Action plan"])[1][0].startswith("Hold the price above ")
    assert not any(
        found(patterns(Decimal(10_900_000)), t) for t in parts_text(tmp_path / "p.xlsx").values()
    )


def test_deal_text_is_never_a_formula(write, tmp_path: Path) -> None:
    path = write(MINIMAL + "actions:\n  - {what: '=HYPERLINK(\"http://x\",\"y\")', owner: '@Li'}\n")
    book = workbook(path, tmp_path / "p.xlsx")
    cell = book["Action plan"]["A2"]
    assert cell.value == '=HYPERLINK("http://x","y")'
    assert cell.data_type == "s"
    assert "<f>" not in parts_text(tmp_path / "p.xlsx")["xl/worksheets/sheet1.xml"]


def test_the_new_sections_are_sheets_of_the_pack_contexts_rows(tmp_path: Path) -> None:
    """Risks, support requests, meeting decisions and pricing read as the Word pack and the
    PDF read them: the same rows of the pack context, real dates, overdue marked."""
    from reviewkit.present.pack import PackOptions, build_pack

    book = workbook(HUADONG, tmp_path / "p.xlsx")
    deal, _ = load_sample(HUADONG)
    pack = build_pack(deal, PackOptions(TODAY))
    risks = rows(book["风险与应对"])
    assert risks[0] == ["等级", "风险", "我方应对", "负责人", "完成时间"]
    assert [r[1] for r in risks[1:]] == [r["risk"] for r in pack.risks]
    assert [r[0] for r in risks[1:]] == ["红", "红", "黄", "绿"]
    assert book["风险与应对"]["A2"].font.bold and not book["风险与应对"]["A4"].font.bold
    support = rows(book["需要公司支持"])
    assert [r[1] for r in support[1:]] == [s["what"] for s in pack.support]
    assert support[-1][4] == "已完成"  # open requests first
    decisions = rows(book["会议决议"])
    assert [r[1] for r in decisions[1:]] == [x["decision"] for x in pack.decisions]
    assert "已逾期" in [r[4] for r in decisions[1:]]
    assert all(isinstance(r[0], dt.datetime) for r in decisions[1:])
    pricing = rows(book["报价与竞争"])
    assert pricing[0] == ["投标方", "预计报价", "价格分（估）", "技术分（估）", "合计（估）"]
    assert [r[0] for r in pricing[1:]] == ["我方", "华信通", "联拓"]
    assert pricing[1][1].endswith("（我方报价区间）")
    assert [r[4] for r in pricing[1:]] == [r["total"] for r in pack.tender["pricing"]]


def test_a_deal_without_the_new_records_has_only_the_three_sheets(write, tmp_path: Path) -> None:
    book = workbook(write(MINIMAL), tmp_path / "p.xlsx")
    assert book.sheetnames == ["Action plan", "Decision chain", "Checklist"]


def test_the_dynamics_with_the_visits_and_the_product_problems_have_their_sheets(
    tmp_path: Path,
) -> None:
    path = SAMPLES / "northfield-core-network.yaml"
    book = workbook(path, tmp_path / "p.xlsx")
    deal, _ = load_sample(path)
    sheet = book["Dynamics"]
    dynamics = rows(sheet)
    assert dynamics[0] == ["Date", "Party", "Event", "Impact", "Notes"]
    assert len(dynamics) == 1 + len(deal.data["dynamics"]) + len(deal.data["visits"])
    dates = [r[0] for r in dynamics[1:]]
    assert dates == sorted(dates, reverse=True)  # newest first, as the pack's timeline
    visits = [r for r in dynamics[1:] if r[3] == "Visit"]
    assert len(visits) == len(deal.data["visits"])
    assert any("none of us went along" in r[2] for r in visits)  # the risky visit, as in the PDF
    reversals = [i for i, r in enumerate(dynamics[1:], start=2) if "⟲ REVERSAL" in r[4]]
    assert len(reversals) == sum(1 for e in deal.data["dynamics"] if e["reversal"])
    assert all(sheet[f"C{i}"].font.bold for i in reversals)
    problems = book["Product problems"]
    table = rows(problems)
    assert table[0] == ["Whose", "Problem", "Our response", "Status"]
    assert len(table) == 1 + len(deal.data["product_problems"])
    assert table[1][0] == "Us" and problems["A2"].font.bold  # ours first
    assert table[1][2] == "⚠ no response yet" and problems["C2"].font.bold
