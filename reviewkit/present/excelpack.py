"""The pack's tables as an Excel workbook (.xlsx): action plan, risks, support requests,
meeting decisions, decision chain, dynamics (with the customer's visits), product problems,
pricing and competition, price changes, checklist.

One sheet per table (the checklist with each stage's gate after its items; a table the deal
has no rows for is left out, but for the action plan, decision chain and checklist, which
every pack has), each with a bold header row frozen above the data, columns as wide as
their text (a CJK character counts twice), long text wrapped, in the pack's language. The
rows are those of the Word pack (`packrows`),
so both formats show the same reading of every fact; like every pack it is built with the
floor withheld.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reviewkit.present.pack import Pack
from reviewkit.present.packrows import (
    action_rows,
    checklist_rows,
    decision_rows,
    dynamics_rows,
    gate_row,
    people_rows,
    price_change_rows,
    pricing_rows,
    problem_rows,
    risk_rows,
    support_rows,
)
from reviewkit.present.textflow import is_wide
from reviewkit.present.wordfile import clean
from reviewkit.text.catalogue import say

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = "E8ECF4"
WIDEST = 50  # characters: wider columns wrap their text
LINE_HEIGHT = 15  # points: one line of the default 11 pt font
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Characters a sheet name may not hold.
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")


#: The sheets before the checklist, in order: each table's catalogue key and its rows.
TABLES = (
    ("sheet_actions", action_rows),
    ("sheet_risks", risk_rows),
    ("sheet_support", support_rows),
    ("sheet_decisions", decision_rows),
    ("sheet_chain", people_rows),
    ("sheet_dynamics", dynamics_rows),
    ("sheet_problems", problem_rows),
    ("sheet_pricing", pricing_rows),
    ("sheet_price_changes", price_change_rows),
)
#: The sheets every pack has, rows or not; the others are left out when they have none.
EVERY_PACK = frozenset({"sheet_actions", "sheet_chain"})


def pack_xlsx(pack: Pack) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook

    t = pack.t
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for key, table in TABLES:
        headers, rows = table(pack)
        if rows or key in EVERY_PACK:
            _sheet(book.create_sheet(_name(t[key])), headers, rows)
    checklist = []
    for s in pack.stages:
        gate = gate_row(pack, s)
        for row in [*checklist_rows(pack, s), *([gate] if gate else [])]:
            checklist.append(
                [s["label"] + (f" · {t['current_stage']}" if s["current"] else ""), *row]
            )
    _sheet(
        book.create_sheet(_name(t["sheet_checklist"])),
        [t["stage"], t["item"], t["state"], t["basis"]],
        checklist,
    )
    props = book.properties
    props.title = clean(f"{t['title']}{t['colon']}{pack.header['name']}")
    props.subject = t["subject"]
    props.category = clean(pack.header["audience"])  # who the pack is for
    props.creator = clean(pack.header["owner"]) or None
    props.lastModifiedBy = props.creator
    props.language = say(pack.lang, "office.locale")
    props.created = props.modified = dt.datetime.combine(pack.today, dt.time())
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(value: Any) -> tuple[str, bool]:
    """A cell of `packrows` as text and whether it is bold: a list's parts on their own lines."""
    if isinstance(value, list):
        return "\n".join(_text(part)[0] for part in value), False
    if isinstance(value, tuple):
        return str(value[0]), bool(value[1])
    return ("" if value is None else str(value)), False


def _name(text: str) -> str:
    """A valid sheet name: no reserved characters, at most 31 characters."""
    return _SHEET_UNSAFE.sub(" ", text)[:31]


def _sheet(sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Header row (bold, shaded, frozen, filterable), the rows, fitted column widths, a
    printed page as wide as the sheet."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    top = Alignment(vertical="top", wrap_text=True)
    sheet.append([clean(h) for h in headers])
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = bold, fill, top
        cell.data_type = "s"
    widths = [_width(h) for h in headers]
    for values in rows:
        texts = [_text(v) for v in values]
        sheet.append([clean(text) for text, _ in texts])
        for cell, (text, strong) in zip(sheet[sheet.max_row], texts, strict=True):
            cell.alignment = top
            cell.data_type = "s"  # deal text is never a formula, even when it starts with '='
            if strong:
                cell.font = bold
            if isinstance(text, str) and _DATE.fullmatch(text):  # a date sorts and filters as one
                cell.value = dt.date.fromisoformat(text)
                cell.number_format = "yyyy-mm-dd"
        widths = [max(w, _width(text)) for w, (text, _) in zip(widths, texts, strict=True)]
    widths = [min(width, WIDEST) + 2 for width in widths]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        lines = max(_lines(cell.value, width - 2) for cell, width in zip(row, widths, strict=True))
        if lines > 1:  # spreadsheet programs do not all grow a row for wrapped text
            sheet.row_dimensions[row[0].row].height = LINE_HEIGHT * lines
    sheet.freeze_panes = "B2"
    # Printed: landscape, as wide as the page, the header row on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def _lines(value: Any, width: int) -> int:
    """How many lines `value` takes wrapped in a column `width` characters wide."""
    return sum(
        max(1, -(-_width(line) // max(width, 1))) for line in str(value or "").splitlines() or [""]
    )


def _width(value: Any) -> int:
    """A column's width for `value`: its longest line, a CJK character as two."""
    lines = str(value or "").splitlines() or [""]
    return max(sum(2 if is_wide(c) else 1 for c in line) for line in lines)
