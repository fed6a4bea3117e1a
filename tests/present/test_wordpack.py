"""The Word pack: real .docx files of every sample, read back with python-docx, scanned part by
part for the floor, and opened by LibreOffice (headless) as a user's office suite opens them."""

from __future__ import annotations

import re
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from reviewkit.errors import ReviewkitError
from reviewkit.model.amounts import found, patterns
from reviewkit.model.playbook import tr
from reviewkit.ops.render import render_pack
from tests.conftest import MINIMAL, SAMPLE_DEALS, SAMPLES, TODAY, load_sample
from tests.present.test_pdf import EN_HEADINGS, FLOOR, ZH_HEADINGS

HUADONG = SAMPLES / "huadong-grid-dispatch.yaml"
NORTHFIELD = SAMPLES / "northfield-core-network.yaml"


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every sample's Word pack, written as `render` writes it: NAME.review.docx."""
    folder = tmp_path_factory.mktemp("docx")
    made = {}
    for path in SAMPLE_DEALS:
        written = render_pack(path, format="docx", output=str(folder), today=TODAY)
        assert written is not None and written.name.endswith(".review.docx")
        made[path.stem] = written
    return made


def parts_text(path: Path) -> dict[str, str]:
    """Every XML part of a .docx or .xlsx: its text content and attribute values, and the
    names of the parts that are not XML."""
    out = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                values = re.findall(r'="([^"]*)"', text)
                content = re.sub(r"<[^>]+>", "\n", text)
                out[name] = content + "\n" + "\n".join(values)
            else:
                assert name.endswith((".png", ".jpeg", ".bin")), name
    return out


def floor_of(path: Path) -> Decimal | None:
    deal, _ = load_sample(path)
    floor = deal.data["strategy"]["commercial"]["floor"]
    return floor["amount"] if floor else None


def test_every_sample_has_the_pack_sections_as_word_headings(packs: dict[str, Path]) -> None:
    for path in SAMPLE_DEALS:
        document = docx.Document(str(packs[path.stem]))
        deal, _ = load_sample(path)
        level_1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
        expected = ZH_HEADINGS if deal.language == "zh" else EN_HEADINGS
        assert [h for h in level_1 if h in expected] == expected, path.name
        title = [p.text for p in document.paragraphs if p.style.name == "Title"]
        assert title == [deal.data["deal"]["name"]]
        lost = "Lost-deal review" in level_1
        assert lost == (deal.status == "lost"), path.name


def test_the_decision_chain_actions_and_checklist_are_real_tables(
    packs: dict[str, Path],
) -> None:
    document = docx.Document(str(packs["huadong-grid-dispatch"]))
    deal, _ = load_sample(HUADONG)
    by_header = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    chain = by_header[
        (
            "姓名",
            "角色",
            "影响力",
            "态度",
            "mindshare / heartshare",
            "教练",
            "为我方说话",
            "与对手关系",
        )
    ]
    names = [row.cells[0].paragraphs[0].text for row in chain.rows[1:]]
    assert names == [p["name"] for p in deal.data["decision_chain"]]
    assert chain.rows[1].cells[0].paragraphs[1].text == deal.data["decision_chain"][0]["title"]
    coach = next(r for r in chain.rows[1:] if r.cells[0].paragraphs[0].text == "马俊")
    assert coach.cells[5].text == "✔"
    # People have a 姓名, companies a 名称, as in every pack format.
    firsts = {tuple(c.text for c in t.rows[0].cells[:2]) for t in document.tables}
    assert {("名称", "角色"), ("名称", "威胁")} <= firsts
    # PIC's slots in the course's words.
    fields = {r.cells[0].text: r.cells[-1].text for t in document.tables for r in t.rows}
    pic = fields["燃眉之急（PIC）"]
    assert all(f"{slot}：" in pic for slot in ("个人的", "紧急的", "值得的"))
    actions = by_header[("工作内容", "负责人", "完成时间", "监控点", "状态")]
    assert len(actions.rows) == 1 + len(deal.data["actions"])
    assert any(r.cells[3].text for r in actions.rows[1:])  # checkpoints shown
    checklists = [t for t in document.tables if t.rows[0].cells[0].text == "检查项"]
    assert len(checklists) == deal.stage_index + 1
    # An item's label is a bold line of its own above its question, never run into it.
    first = deal.playbook.stages[0].items[0]
    item = checklists[0].rows[1].cells[0].paragraphs
    assert [p.text for p in item] == [tr(first.label, "zh"), tr(first.question, "zh")]
    assert item[0].runs[0].bold and not item[1].runs[0].bold
    assessment = by_header[("优势", "劣势")]
    assert "•" in assessment.rows[1].cells[0].text
    # Header rows repeat on every page a table runs over.
    assert chain.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # ... and no other row is split across two pages.
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in actions.rows[1:])


def test_overdue_actions_are_marked_as_in_the_pdf(write, tmp_path: Path) -> None:
    path = write(
        MINIMAL
        + """\
actions:
  - {what: Call the CIO, owner: Li, due: 2026-11-20, checkpoint: Meeting booked}
  - {what: Send the reference list, owner: Li, due: 2026-12-20}
"""
    )
    out = render_pack(path, format="docx", output=str(tmp_path / "p.docx"), today=TODAY)
    assert out is not None
    table = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "What")
    first = table.rows[1].cells
    assert [c.text for c in first] == [
        "Call the CIO",
        "Li",
        "2026-11-20",
        "Meeting booked",
        "OVERDUE 11 d",
    ]
    assert first[4].paragraphs[0].runs[0].bold


def test_the_map_is_an_image_and_every_person_has_a_level_3_heading(
    packs: dict[str, Path],
) -> None:
    document = docx.Document(str(packs["northfield-core-network"]))
    deal, _ = load_sample(NORTHFIELD)
    assert len(document.inline_shapes) >= 1
    shape = document.inline_shapes[0]
    assert Mm(100) < shape.width <= Mm(175)
    assert shape._inline.docPr.get("descr") == "Decision-chain map"
    with zipfile.ZipFile(packs["northfield-core-network"]) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert images and archive.read(images[0])[:8] == b"\x89PNG\r\n\x1a\n"
    level_3 = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert [h.split(" · ")[0] for h in level_3] == [p["name"] for p in deal.data["decision_chain"]]


def test_a_deal_without_people_has_no_map(write, tmp_path: Path) -> None:
    out = render_pack(write(MINIMAL), format="docx", output=str(tmp_path / "p.docx"), today=TODAY)
    assert out is not None
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 0
    assert "No one in the decision chain yet." in [p.text for p in document.paragraphs]


def test_a4_pages_header_footer_and_properties(packs: dict[str, Path]) -> None:
    document = docx.Document(str(packs["huadong-grid-dispatch"]))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == "江淮电网调度数据中心建设项目 · 机密"
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "第 " in footer
    props = document.core_properties
    assert props.title == "项目分析会：江淮电网调度数据中心建设项目"
    assert props.author == "赵磊"
    assert props.language == "zh-CN"
    assert props.created is not None and props.created.date() == TODAY
    with zipfile.ZipFile(packs["huadong-grid-dispatch"]) as archive:
        assert not [n for n in archive.namelist() if "thumbnail" in n]
        assert "<Application>reviewkit</Application>" in archive.read("docProps/app.xml").decode()


def test_every_run_names_an_east_asian_font_and_no_theme_font(packs: dict[str, Path]) -> None:
    with zipfile.ZipFile(packs["huadong-grid-dispatch"]) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
        fonts = archive.read("word/fontTable.xml").decode("utf-8")
    runs = re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", body, re.DOTALL)
    text_runs = [r for r in runs if "<w:t" in r]
    assert text_runs and all('w:eastAsia="Microsoft YaHei"' in r for r in text_runs)
    assert "eastAsiaTheme" not in body
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.DOTALL)
    assert normal and 'w:eastAsia="Microsoft YaHei"' in normal.group(0)
    assert 'w:eastAsia="zh-CN"' in normal.group(0)
    assert 'w:name="Microsoft YaHei"' in fonts and 'w:val="Noto Sans CJK SC"' in fonts


@pytest.mark.parametrize("path", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_no_part_of_the_word_pack_holds_the_floor(packs: dict[str, Path], path: Path) -> None:
    floor = floor_of(path) or Decimal(25_300_000)
    regexes = patterns(floor)
    for name, text in parts_text(packs[path.stem]).items():
        assert not found(regexes, text), f"{path.name}: floor in {name}"


def test_the_floor_is_shown_only_when_revealed(tmp_path: Path) -> None:
    regexes = patterns(Decimal(25_300_000))
    out = render_pack(
        HUADONG, format="docx", output=str(tmp_path / "r.docx"), today=TODAY, reveal_floor=True
    )
    assert out is not None
    texts = parts_text(out)
    assert found(regexes, texts["word/document.xml"])  # the scan above would see it
    assert not any(found(regexes, text) for name, text in texts.items() if "docProps" in name)
    document = docx.Document(str(out))
    assert document.paragraphs[0].text.startswith("⚠ 本材料显示了商务底线价格")
    # ... and so does every page's header.
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[1].startswith("⚠ 本材料显示了商务底线价格")


def test_the_floor_named_in_free_text_is_withheld(write, tmp_path: Path) -> None:
    path = write(FLOOR + "assessment:\n  problems: [Our floor is 1090万, below their quote]\n")
    out = render_pack(path, format="docx", output=str(tmp_path / "p.docx"), today=TODAY)
    assert out is not None
    regexes = patterns(Decimal(10_900_000))
    assert not any(found(regexes, text) for text in parts_text(out).values())
    assert "below their quote" in parts_text(out)["word/document.xml"]


ODD_TEXT = '"Fast \\e[2J spares\\x01\\x7f\\x9f\\ufffe\\uffff\\u2028 \\U0001F600 \\ufdd0"'


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_control_characters_in_deal_text_show_as_replacement(
    write, tmp_path: Path, fmt: str
) -> None:
    path = write(
        MINIMAL
        + f"assessment:\n  strengths: [{ODD_TEXT}]\n"
        + "actions:\n"
        + f"  - {{what: {ODD_TEXT}, owner: Li}}\n"
    )
    out = render_pack(path, format=fmt, output=str(tmp_path / f"p.{fmt}"), today=TODAY)
    assert out is not None
    if fmt == "docx":
        document = docx.Document(str(out))
        text = "\n".join(c.text for t in document.tables for c in t._cells)
    else:
        import openpyxl

        text = str(openpyxl.load_workbook(out)["Action plan"]["A2"].value)
    assert "Fast \ufffd[2J spares\ufffd\ufffd\ufffd\ufffd\ufffd" in text
    assert "\U0001f600" in text


def test_a_word_pack_is_not_written_to_the_terminal(write) -> None:
    with pytest.raises(ReviewkitError, match="docx packs cannot be written to the terminal"):
        render_pack(write(MINIMAL), format="docx", output="-", today=TODAY)


def test_libreoffice_opens_every_word_pack(packs: dict[str, Path], tmp_path: Path) -> None:
    """One headless LibreOffice run converts every sample's pack to text; the text holds
    the headings, the people and the actions, and never the floor."""
    profile = tmp_path / "profile"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(tmp_path),
            *map(str, packs.values()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for path in SAMPLE_DEALS:
        text = (tmp_path / f"{packs[path.stem].stem}.txt").read_text(encoding="utf-8-sig")
        deal, _ = load_sample(path)
        headings = ZH_HEADINGS if deal.language == "zh" else EN_HEADINGS
        assert all(h in text for h in headings), path.name
        assert all(p["name"] in text for p in deal.data["decision_chain"]), path.name
        assert all(
            " ".join(a["what"].split()) in " ".join(text.split()) for a in deal.data["actions"]
        )
        floor = floor_of(path)
        if floor is not None:
            assert not found(patterns(floor), text), path.name


def test_a_section_the_word_pack_does_not_know_yet_shows_as_a_table(write, tmp_path: Path) -> None:
    """A list of records added to the pack context (here `risks`) appears under its
    `s_<field>` heading, with the columns the pack has words for."""
    import dataclasses

    from reviewkit.judge.engine import check_deal
    from reviewkit.model.deal import load_deal
    from reviewkit.present.pack import Pack, PackOptions, build_pack
    from reviewkit.present.wordpack import pack_docx

    deal = load_deal(write(MINIMAL))
    pack = build_pack(deal, PackOptions(TODAY), check_deal(deal, TODAY))
    Grown = dataclasses.make_dataclass(
        "Grown", [("risks", list, dataclasses.field(default_factory=list))], bases=(Pack,)
    )
    grown = Grown(**{f.name: getattr(pack, f.name) for f in dataclasses.fields(Pack)})
    grown.risks = [{"what": "Budget cut", "owner": "Li", "internal_key": "x"}]
    grown.t = {**pack.t, "s_risks": "Risks and responses"}
    out = tmp_path / "p.docx"
    out.write_bytes(pack_docx(grown))
    document = docx.Document(str(out))
    level_1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level_1.index("Risks and responses") == level_1.index("Appendix: stage checklist") - 1
    table = next(
        t for t in document.tables if t.rows[0].cells[0].text == "What" and len(t.columns) == 2
    )
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["What", "Owner"],
        ["Budget cut", "Li"],
    ]


def test_since_the_last_review_and_another_language(tmp_path: Path) -> None:
    """--since adds its section as in the PDF; --lang zh makes an English deal's pack Chinese."""
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    text = NORTHFIELD.read_text(encoding="utf-8")
    old.write_text(text.replace("attitude: supporter", "attitude: acknowledger", 1), "utf-8")
    new.write_text(text, "utf-8")
    out = render_pack(
        new, format="docx", output=str(tmp_path / "p.docx"), today=TODAY, since=str(old), lang="zh"
    )
    assert out is not None
    document = docx.Document(str(out))
    level_1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level_1[0] == "上次分析会以来的变化"
    assert [h for h in level_1 if h in ZH_HEADINGS] == ZH_HEADINGS
    body = "\n".join(p.text for p in document.paragraphs)
    assert "认可者 → 支持者" in body


def test_a_crowded_map_is_one_image_per_page_sized_part(write, tmp_path: Path) -> None:
    from tests.present.test_figures import crowd

    path = write(crowd(80, "zh"))
    out = render_pack(path, format="docx", output=str(tmp_path / "p.docx"), today=TODAY)
    assert out is not None
    document = docx.Document(str(out))
    shapes = document.inline_shapes
    assert len(shapes) >= 2
    # Each part fits a page's content: 174 mm wide, 261 mm tall.
    assert all(s.width <= Mm(174) and s.height <= Mm(261) for s in shapes)
    level_3 = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert len(level_3) == 80


def test_columns_are_fitted_so_that_no_word_is_broken() -> None:
    from reviewkit.present.wordfile import PADDING, PAGE_UNITS, fitted

    headers = ["Name", "Attitude", "Coach"]
    rows = [
        [[("Liu Jianguo", True), "Head of Network Planning Dept"], "acknowledger", "✔"],
        ["许静", "认可者", ""],
    ]
    shares = fitted(headers, rows, 3)
    assert abs(sum(shares) - 1) < 1e-9
    units = [share * PAGE_UNITS for share in shares]
    assert units[1] >= len("acknowledger") * 1.15 + PADDING
    assert units[2] >= len("Coach") * 1.15 * 1.1 + PADDING
    assert units[0] > units[1] > units[2]  # the rest goes where the lines are longest
    # A table narrower than the page is as wide as its longest lines, in proportion.
    a, b = 1.15 * 1.1 + PADDING, 2 * 1.15 + PADDING  # bold header "A"; the cell "yy"
    assert fitted(["A", "B"], [["x", "yy"]], 2) == pytest.approx([a / (a + b), b / (a + b)])


def test_table_text_is_set_smaller_than_body_text(packs: dict[str, Path]) -> None:
    document = docx.Document(str(packs["northfield-core-network"]))
    runs = [r for t in document.tables for c in t._cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r.font.size is not None and r.font.size.pt == 9 for r in runs)
    assert document.styles["Normal"].font.size.pt == 10
