"""The pipeline as data: a JSON document, a CSV of the open deals, and the Excel 台账 (one sheet
per view, totals rows, win rate by stage) that sales teams keep."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reviewkit.present.pipeline import Pipeline, sort_label, summary_line
from reviewkit.text.catalogue import say
from reviewkit.text.packtext import pack_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: The deal table's columns in CSV and Excel: (row key, catalogue key of its heading).
COLUMNS = (
    ("name", "pack.p_deal"),
    ("customer", "pack.customer"),
    ("owner", "pack.owner"),
    ("stage", "pack.stage"),
    ("amount", "pack.value"),
    ("currency", "pipeline.column.currency"),
    ("weighted_amount", "pack.p_weighted"),
    ("close", "pack.expected_close"),
    ("gate", "pack.p_gate_col"),
    ("errors", "pipeline.column.errors"),
    ("warnings", "pipeline.column.warnings"),
    ("last", "pack.p_last"),
    ("next", "pack.p_next"),
    ("next_owner", "pipeline.column.next-owner"),
    ("due", "pack.due"),
    ("path", "pipeline.column.file"),
)


def _plain(value: Any) -> Any:
    """JSON-ready: amounts as exact decimal strings, dates as ISO text."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def pipeline_document(view: Pipeline) -> dict[str, Any]:
    """Everything the page shows, as one JSON document."""
    document: dict[str, Any] = _plain(
        {
            "as_of": view.today,
            "language": view.lang,
            "summary": summary_line(view),
            "sort": list(view.sort),
            "since": view.since,
            "measures": view.measures,
            "deals": view.rows,
            "totals": view.totals,
            "funnels": view.funnels,
            "owners": view.owners,
            "review_now": view.review_now,
            "gates": view.gates,
            "overdue": view.overdue,
            "past_close": view.past_close,
            "stale": view.stale,
            "slipping": view.slipping,
            "invalid": view.invalid,
        }
    )
    return document


def pipeline_json(view: Pipeline) -> str:
    return json.dumps(pipeline_document(view), ensure_ascii=False, indent=2) + "\n"


def _heading(lang: str, key: str) -> str:
    """A column heading: the catalogue's word, with a capital first letter."""
    text = say(lang, key)
    return text[:1].upper() + text[1:]


def _cell(row: dict[str, Any], key: str) -> Any:
    value = row.get(key)
    return "" if value is None else value


def pipeline_csv(view: Pipeline) -> str:
    """The open deals, one line each, headed in the view's language (with a byte-order mark
    so that Excel reads Chinese right)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_heading(view.lang, key) for _, key in COLUMNS])
    for row in view.rows:
        writer.writerow([_plain(_cell(row, key)) for key, _ in COLUMNS])
    return "\ufeff" + out.getvalue()


def pipeline_xlsx(view: Pipeline) -> bytes:
    """The Excel workbook: the deal ledger with its totals row, the stages (with the win
    rate of the deals closed at each), the owners, and the measures."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    t = pack_text(view.lang)
    book = Workbook()
    book.properties.creator = "reviewkit"
    book.properties.created = dt.datetime.combine(view.today, dt.time())
    book.properties.modified = book.properties.created
    bold = Font(bold=True)

    deals = book.active
    assert deals is not None
    deals.title = say(view.lang, "pipeline.sheet.deals")
    deals.append([_heading(view.lang, key) for _, key in COLUMNS])
    for row in view.rows:
        deals.append([_excel(_cell(row, key)) for key, _ in COLUMNS])
    totals = view.totals
    deals.append([t["p_total"], "", "", totals["count"], totals["value"], "", totals["weighted"]])
    deals.cell(deals.max_row, 10, totals["errors"])
    deals.cell(deals.max_row, 11, totals["warnings"])
    _bold_edges(deals, bold)

    stages = book.create_sheet(say(view.lang, "pipeline.sheet.stages"))
    stages.append(
        [
            _heading(view.lang, "pipeline.column.playbook"),
            t["stage"],
            t["p_deals"],
            t["value"],
            t["p_weight"],
            t["p_weighted"],
            t["p_won"],
            t["p_lost"],
            t["p_stage_rate"],
        ]
    )
    for funnel in view.funnels:
        for s in funnel["stages"]:
            stages.append(
                [
                    funnel["playbook"],
                    s["label"],
                    s["count"],
                    s["value"],
                    _excel(s["weight_value"]) if s["weight_value"] is not None else "",
                    s["weighted"],
                    s["won"],
                    s["lost"],
                    _share(s["won"], s["lost"]),
                ]
            )
            stages.cell(stages.max_row, 5).number_format = "0%"
            stages.cell(stages.max_row, 9).number_format = "0%"
        stages.append(
            [
                funnel["playbook"],
                t["p_total"],
                funnel["count"],
                funnel["value"],
                "",
                funnel["weighted"],
                funnel["won"],
                funnel["lost"],
                _share(funnel["won"], funnel["lost"]),
            ]
        )
        stages.cell(stages.max_row, 9).number_format = "0%"
        for cell in stages[stages.max_row]:
            cell.font = bold
    stages["A1"].font = bold

    owners = book.create_sheet(say(view.lang, "pipeline.sheet.owners"))
    owners.append(
        [
            t["owner"],
            t["p_deals"],
            t["value"],
            t["p_weighted"],
            t["p_won"],
            t["p_lost"],
            t["p_win_rate"],
            t["p_value_won"],
        ]
    )
    for o in view.owners:
        owners.append(
            [
                o["owner"],
                o["count"],
                o["value"],
                o["weighted"],
                o["won"],
                o["lost"],
                _share(o["won"], o["lost"]),
                o["value_won"],
            ]
        )
        owners.cell(owners.max_row, 7).number_format = "0%"
    for cell in owners[1]:
        cell.font = bold

    measures = book.create_sheet(say(view.lang, "pipeline.sheet.measures"))
    m = view.measures
    for key, value in (
        (t["p_open_value"], view.totals["count"]),
        (t["value"], view.totals["value"]),
        (t["p_weighted"], view.totals["weighted"]),
        (t["p_won"], m["won"]),
        (t["p_lost"], m["lost"]),
        (t["p_win_rate"], _share(m["won"], m["lost"])),
        (t["p_cycle"], m["cycle_days"]),
        (t["p_value_won"], m["value_won"]),
        (t["p_sorted"], sort_label(view)),
        (t["as_of"], view.today),
    ):
        measures.append([key, "" if value is None else value])
    measures.cell(6, 2).number_format = "0%"
    for row in measures.iter_rows(min_col=1, max_col=1):
        row[0].font = bold

    for sheet in book.worksheets:
        _widths(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _excel(value: Any) -> Any:
    """A cell value: amounts as numbers Excel can sum, everything else as it is."""
    return float(value) if isinstance(value, Decimal) else value


def _share(won: int, lost: int) -> float | str:
    return won / (won + lost) if won + lost else ""


def _bold_edges(sheet: Worksheet, bold: Any) -> None:
    """Header row and totals row in bold."""
    for cell in sheet[1]:
        cell.font = bold
    for cell in sheet[sheet.max_row]:
        cell.font = bold


def _widths(sheet: Worksheet) -> None:
    """Columns as wide as their longest text (Chinese characters count double), capped."""
    widths: dict[str, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            text = "" if cell.value is None else str(cell.value)
            width = sum(2 if ord(c) > 0x2E80 else 1 for c in text)
            letter = cell.column_letter
            widths[letter] = max(widths.get(letter, 0), width)
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = min(max(width + 2, 8), 50)
