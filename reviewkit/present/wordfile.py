"""A Word document being written (python-docx), with what every reviewkit document has.

A4 pages; the page header names the deal (and that it is confidential, or shows the
floor), the footer numbers the pages; styles and runs name their fonts, an East Asian face first for CJK (so Chinese
opens upright in Word and WPS), the face's stand-in in the font table; the document's
properties name the deal and its owner, nothing else of it. Deal text is written as text:
control characters XML cannot hold show as \ufffd, as `check` shows them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reviewkit.present.pack import Pack
from reviewkit.present.textflow import is_wide, paragraphs
from reviewkit.text.catalogue import say

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

#: The East Asian face named on every run, and the face Word may use in its place (the font
#: table's w:altName; LibreOffice and WPS find their own stand-in by the document's language).
CJK_FONT = "Microsoft YaHei"
CJK_ALTERNATE = "Noto Sans CJK SC"
LATIN_FONT = "Calibri"
PAGE_WIDTH_MM, PAGE_HEIGHT_MM, MARGIN_MM = 210, 297, 18
CONTENT_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM
HEADER_FILL = "E8ECF4"
#: Characters XML 1.0 cannot hold (tab, line feed, carriage return are written as Word's own).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean(value: Any) -> str:
    """Deal text fit for a Word run: control characters shown as \ufffd, as `check` shows them."""
    return _NOT_XML.sub("\ufffd", "" if value is None else str(value))


class Writer:
    """A Word document being written: headings, paragraphs, tables and images, in order."""

    def __init__(self, pack: Pack) -> None:
        import docx

        self.pack = pack
        self.t = pack.t
        self.doc: Document = docx.Document()
        _set_fonts(self.doc, pack.lang)
        self.grid = self.doc.styles["Table Grid"].style_id
        self.table_size = self.doc.styles["Table Grid"].font.size
        _set_page(self.doc, pack)

    # Blocks -------------------------------------------------------------------------------

    def heading(self, text: str, level: int) -> Paragraph:
        paragraph: Paragraph = self.doc.add_heading(level=level)
        self.run(paragraph, text)
        return paragraph

    def para(self, *runs: tuple[str, bool] | str) -> Paragraph:
        """A paragraph of runs: plain strings, or (text, bold) pairs."""
        paragraph = self.doc.add_paragraph()
        for part in runs:
            text, bold = (part, False) if isinstance(part, str) else part
            self.run(paragraph, text, bold)
        return paragraph

    def text(self, value: Any, lead: str = "") -> None:
        """Deal text as Word paragraphs, each with its kept line breaks; `lead` (bold) first."""
        blocks = paragraphs(clean(value)) or [[]]
        for index, lines in enumerate(blocks):
            paragraph = self.doc.add_paragraph()
            if lead and index == 0:
                self.run(paragraph, lead, bold=True)
                if not is_wide(lead[-1]):  # no space after a full-width colon
                    self.run(paragraph, " ")
            self.lines(paragraph, lines)

    def lines(self, paragraph: Paragraph, lines: Sequence[str]) -> None:
        for index, line in enumerate(lines):
            run = self.run(paragraph, line)
            if index < len(lines) - 1:
                run.add_break()

    def bullets(self, items: Iterable[Any], numbered: bool = False) -> None:
        style = "List Number" if numbered else "List Bullet"
        for item in items:
            paragraph = self.doc.add_paragraph(style=style)
            self.lines(paragraph, [line for block in paragraphs(clean(item)) for line in block])

    def run(self, paragraph: Paragraph, text: str, bold: bool = False) -> Any:
        run = paragraph.add_run(clean(text))
        if bold:
            run.bold = True
        _east_asian(run._r, self.pack.lang)
        return run

    def table(
        self,
        headers: Sequence[str] | None,
        rows: Iterable[Sequence[Any]],
        widths: Sequence[float] = (),
    ) -> Table:
        """A table with a bold, shaded header row repeated on every page (None: no header
        row); cells as `cell` takes them; `widths` in parts of the page's width
        (default: as `fitted` shares it out)."""
        rows = list(rows)
        first = 0 if headers is None else 1
        columns = len(headers) if headers is not None else len(rows[0])
        table = self.doc.add_table(rows=first + len(rows), cols=columns)
        table._tbl.tblStyle_val = self.grid  # by id: a lookup by name reads every style
        if headers is not None:
            for cell, header in zip(table.rows[0].cells, headers, strict=True):
                self.cell(cell, (header, True))
                _shade(cell, HEADER_FILL)
            _repeat_header(table)
        for row, values in zip(table.rows[first:], rows, strict=True):
            _keep_whole(row)
            for cell, value in zip(row.cells, values, strict=True):
                self.cell(cell, value)
        _widths(table, widths or fitted(headers, rows, columns))
        self.doc.add_paragraph()
        made: Table = table
        return made

    def cell(self, cell: _Cell, value: Any) -> None:
        """A cell's text, or (text, bold); a list of these is one paragraph each, never
        joined (a wrapped line within one text is, as everywhere)."""
        parts = value if isinstance(value, list) else [value]
        written = 0
        for part in parts:
            text, bold = part if isinstance(part, tuple) else (part, False)
            for lines in paragraphs(clean(text)):
                paragraph = cell.paragraphs[0] if written == 0 else cell.add_paragraph()
                written += 1
                for index, line in enumerate(lines):
                    run = self.run(paragraph, line, bold)
                    run.font.size = self.table_size  # the paragraph style's size would win
                    if index < len(lines) - 1:
                        run.add_break()

    def fields(self, rows: Iterable[tuple[str, Any]]) -> None:
        """A two-column table of labelled values (label in bold), empty values left out."""
        shown = [(label, value) for label, value in rows if value]
        if shown:
            self.table(
                None,
                [((label, True), value) for label, value in shown],
                (0.28, 0.72),
            )

    def image(self, png: bytes, width_mm: float, description: str) -> None:
        """A picture as wide as it was drawn (at most the page's width), described for
        screen readers and for Word's alt text."""
        from docx.shared import Mm

        shape = self.doc.add_picture(io.BytesIO(png), width=Mm(min(width_mm, CONTENT_MM)))
        shape._inline.docPr.set("descr", clean(description))
        shape._inline.docPr.set("name", clean(description))

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def save(self) -> bytes:
        _template_traces_out(self.doc)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _east_asian(element: Any, lang: str) -> None:
    """Name the fonts on a run or style: an East Asian face for CJK, no theme font over it."""
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()  # in its place among the properties
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), CJK_FONT)
    fonts.set(qn("w:hint"), say(lang, "office.font-hint"))  # the face for shared characters


def _set_fonts(doc: Document, lang: str) -> None:
    """Every style the pack uses names the fonts itself; the font table says what may stand in
    for the CJK face; the document's language is the pack's."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc.styles["Normal"].font.size = Pt(10)
    doc.styles["Table Grid"].font.size = Pt(9)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid"):
        style = doc.styles[name]
        _east_asian(style.element, lang)
        r_pr = style.element.get_or_add_rPr()
        language = r_pr.find(qn("w:lang"))
        if language is None:
            language = r_pr.makeelement(qn("w:lang"), {})
            r_pr.append(language)
        language.set(qn("w:val"), say(lang, "office.locale"))
        language.set(qn("w:eastAsia"), "zh-CN")
    _font_table(doc)


def _font_table(doc: Document) -> None:
    """Add the CJK face to the font table with its stand-in (w:altName) and GB2312 charset."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    for rel in doc.part.rels.values():
        if rel.reltype != RT.FONT_TABLE:
            continue
        part = rel.target_part
        root = etree.fromstring(part.blob)
        ns = root.nsmap.get("w") or "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        font = etree.SubElement(root, f"{{{ns}}}font", {f"{{{ns}}}name": CJK_FONT})
        etree.SubElement(font, f"{{{ns}}}altName", {f"{{{ns}}}val": CJK_ALTERNATE})
        etree.SubElement(font, f"{{{ns}}}charset", {f"{{{ns}}}val": "86"})
        etree.SubElement(font, f"{{{ns}}}family", {f"{{{ns}}}val": "swiss"})
        etree.SubElement(font, f"{{{ns}}}pitch", {f"{{{ns}}}val": "variable"})
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _template_traces_out(doc: Document) -> None:
    """No trace of python-docx's own template: its thumbnail (a picture of another document,
    shown by file browsers) goes, and the application named is reviewkit."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(r_id)
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            text = part.blob.decode("utf-8")
            text = re.sub(
                r"<Application>[^<]*</Application>", "<Application>reviewkit</Application>", text
            )
            text = re.sub(r"<Template>[^<]*</Template>", "<Template/>", text)
            part._blob = text.encode("utf-8")


def _set_page(doc: Document, pack: Pack) -> None:
    """A4 pages; the header names the deal (and that it is confidential, and that the floor
    is shown when it is); the footer numbers the pages; the document's properties name the
    deal and nothing else of it."""
    from docx.shared import Mm, Pt, RGBColor

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    t = pack.t
    header = section.header.paragraphs[0]
    words = pack.header["name"] + (f" · {t['confidential']}" if pack.confidential else "")
    run = header.add_run(clean(words))
    run.font.size = Pt(8)
    _east_asian(run._r, pack.lang)
    if pack.reveal_floor:  # a Word file is forwarded: every page says what it holds
        warning = section.header.add_paragraph().add_run(f"⚠ {t['floor_revealed']}")
        warning.font.size, warning.bold = Pt(8), True
        warning.font.color.rgb = RGBColor(0xC6, 0x28, 0x28)
        _east_asian(warning._r, pack.lang)
    footer = section.footer.paragraphs[0]
    page_words = say(pack.lang, "pack.page_of", page="\0", pages="\1")
    for part in re.split("([\0\1])", page_words):
        if part in ("\0", "\1"):
            _field(footer, "PAGE" if part == "\0" else "NUMPAGES", pack.lang)
        elif part:
            run = footer.add_run(part)
            run.font.size = Pt(8)
            _east_asian(run._r, pack.lang)
    props = doc.core_properties
    props.title = clean(f"{t['title']}{t['colon']}{pack.header['name']}")
    props.subject = t["subject"]
    props.author = clean(pack.header["owner"])
    props.last_modified_by = clean(pack.header["owner"])
    props.keywords = clean(t["sep"].join(x for x in (pack.header["stage"], pack.header["status"])))
    props.comments = ""
    props.category = clean(pack.header["audience"])  # who the pack is for
    props.language = say(pack.lang, "office.locale")
    stamp = dt.datetime.combine(pack.today, dt.time())
    props.created = props.modified = stamp
    props.revision = 1


def _field(paragraph: Paragraph, code: str, lang: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run()
    run.font.size = Pt(8)
    _east_asian(run._r, lang)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, shown, end):
        run._r.append(element)


def _shade(cell: _Cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


#: Widths in half-ems (a CJK character is two, a Latin one 1.15 at worst): the page's content
#: width at the tables' 9 pt, the longest line a column is widened for, the widest word kept
#: whole (a longer CJK run may break after 6 characters), and a cell's padding.
PAGE_UNITS, LONGEST, WIDEST_WORD, CJK_RUN, PADDING = 110, 40, 20, 12, 3


def fitted(
    headers: Sequence[str] | None, rows: Sequence[Sequence[Any]], columns: int
) -> list[float]:
    """Columns' shares of the page's width, as a browser lays out a table: each at least as
    wide as its widest word (no word broken), the rest of the page shared by how much longer
    each column's lines are."""
    least = [0.0] * columns
    most = [0.0] * columns
    bold = [(1.1, list(headers or []))]  # a bold header is wider
    for scale, values in bold + [(1.0, list(v)) for v in rows]:
        for index, value in enumerate(values):
            for text in _texts(value):
                for line in text.splitlines():
                    most[index] = max(most[index], min(scale * _units(line), LONGEST))
                    for word in line.split():
                        least[index] = max(least[index], scale * _word_units(word))
    least = [x + PADDING for x in least]
    most = [max(m + PADDING, x) for m, x in zip(most, least, strict=True)]
    if sum(most) <= PAGE_UNITS:
        return [m / sum(most) for m in most]
    if sum(least) >= PAGE_UNITS:
        return [x / sum(least) for x in least]
    room = PAGE_UNITS - sum(least)
    growth = [m - x for m, x in zip(most, least, strict=True)]
    widths = [x + room * g / sum(growth) for x, g in zip(least, growth, strict=True)]
    return [w / PAGE_UNITS for w in widths]


def _texts(value: Any) -> list[str]:
    parts = value if isinstance(value, list) else [value]
    return [str((part[0] if isinstance(part, tuple) else part) or "") for part in parts]


def _units(text: str) -> float:
    return sum(2.0 if is_wide(c) else 1.15 for c in text)


def _word_units(word: str) -> float:
    """How wide a word must stay whole: Latin up to WIDEST_WORD, a CJK run up to CJK_RUN."""
    if any(is_wide(c) for c in word):
        return min(_units(word), CJK_RUN)
    return min(_units(word), WIDEST_WORD)


def _keep_whole(row: _Row) -> None:
    """A row is not split across pages (as in the PDF), unless it is taller than a page."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_header(table: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)


def _widths(table: Table, parts: Sequence[float]) -> None:
    from docx.shared import Mm

    table.autofit = False
    for index, part in enumerate(parts):
        width = Mm(CONTENT_MM * part)
        table.columns[index].width = width
        for cell in table.columns[index].cells:
            cell.width = width
