"""Pictures for the printable pack, drawn as SVG by reviewkit itself: the decision-chain map.

The map puts every person of the decision chain on two axes: attitude towards us (opposer
on the left to ally on the right, unknown apart) and influence (high at the top). The mark's
shape and colour show the role; a gold ring marks the coach, a star those who speak for us,
a red dashed ring known ties to a competitor. Text is escaped: names are data, not markup.
"""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup, escape

from reviewkit.present.pack import ROLE_ORDER, Pack, primary_role
from reviewkit.present.textflow import is_wide
from reviewkit.text.catalogue import say
from reviewkit.text.labels import ATTITUDE_LADDER, label

COLUMN_KEYS = ("unknown", *ATTITUDE_LADDER)
ROW_KEYS = ("high", "medium", "low")
ROLE_STYLE = {  # role: (shape, colour)
    "decision-maker": ("diamond", "#1f3a93"),
    "advisor": ("circle", "#6a3d9a"),
    "gatekeeper": ("square", "#8c564b"),
    "technical": ("triangle", "#0b7a75"),
    "procurement": ("hexagon", "#b8860b"),
    "user": ("circle", "#4a7fb5"),
    "other": ("circle", "#7f7f7f"),
}
COLUMN_TINT = {
    "unknown": "#f2f2f2",
    "opposer": "#fbe3e1",
    "non-supporter": "#fcebdc",
    "acknowledger": "#fbf6dc",
    "supporter": "#eaf4df",
    "sympathizer": "#dff0e3",
    "ally": "#d2ebd8",
}

LEFT = 74  # room for the influence labels
COLUMN = 96
SLOT = 46  # height of one person in a cell
TOP = 30  # room for the attitude labels
NAME_SIZE = 11
TITLE_SIZE = 8.5
#: The most grid height (px) one SVG of the map may have: with its column labels and the
#: legend it stays shorter than an A4 page's content (750 px wide = 180 mm; 1,000 px = 240 mm).
PART_GRID = 880


def _width_em(text: str) -> float:
    """Approximate text width in em: wide for CJK, narrow for Latin."""
    return sum(1.0 if is_wide(c) else 0.56 for c in text)


def fit(text: str, size: float, width: float) -> str:
    """`text` shortened with '…' to fit `width` pixels at font `size`."""
    if _width_em(text) * size <= width:
        return text
    while text and _width_em(text + "…") * size > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, size: float, width: float, lines: int = 2) -> list[str]:
    """`text` broken into at most `lines` lines that fit `width`; the last one shortened."""
    out: list[str] = []
    rest = text.strip()
    while rest and len(out) < lines - 1:
        if _width_em(rest) * size <= width:
            break
        cut = len(rest)
        while cut > 1 and _width_em(rest[:cut]) * size > width:
            cut -= 1
        space = rest.rfind(" ", 0, cut + 1)
        if space > 0 and not any(is_wide(c) for c in rest[:cut]):
            cut = space
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        out.append(fit(rest, size, width))
    return out


def _mark(shape: str, x: float, y: float, r: float, colour: str) -> str:
    if shape == "diamond":
        points = f"{x},{y - r} {x + r},{y} {x},{y + r} {x - r},{y}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "square":
        s = r * 0.85
        return f'<rect x="{x - s}" y="{y - s}" width="{2 * s}" height="{2 * s}" fill="{colour}"/>'
    if shape == "triangle":
        points = f"{x},{y - r} {x + r},{y + r * 0.8} {x - r},{y + r * 0.8}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "hexagon":
        h = r * 0.87
        points = " ".join(
            f"{x + dx:.1f},{y + dy:.1f}"
            for dx, dy in ((-r / 2, -h), (r / 2, -h), (r, 0), (r / 2, h), (-r / 2, h), (-r, 0))
        )
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{x}" cy="{y}" r="{r * 0.9}" fill="{colour}"/>'


def _star(x: float, y: float, r: float) -> str:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points.append(f"{x + radius * math.cos(angle):.1f},{y - radius * math.sin(angle):.1f}")
    return (
        f'<polygon points="{" ".join(points)}" fill="#e6a700" stroke="#8a6500" stroke-width="0.5"/>'
    )


def font_family(lang: str) -> str:
    """The SVG font list for a pack's language, as the stylesheet's: the language's own script
    first (a Latin face for English, small subsets; Noto CJK for Chinese)."""
    return say(lang, "font.svg")


Segment = tuple[str, int, int]  # an influence row's people slots [first, end) in one part


def _parts(slots: dict[str, int]) -> list[list[Segment]]:
    """The map's rows cut into parts no taller than PART_GRID: a row that does not fit in
    what is left of a part goes on in the next one, so that each part fits on a page."""
    parts: list[list[Segment]] = [[]]
    used = 0
    for row, count in slots.items():
        need = max(count, 1)  # an empty row keeps the height of one person
        first = 0
        while first < need:
            room = (PART_GRID - used - 12) // SLOT
            if room < 1:
                parts.append([])
                used = 0
                continue
            end = min(need, first + room)
            parts[-1].append((row, first, end))
            used += (end - first) * SLOT + 12
            first = end
    return parts


def chain_map(pack: Pack) -> Markup:
    """The decision-chain map as inline SVG: one element when it fits a page, else one per
    page-sized part (every person shown; each part repeats the attitude columns, the last
    carries the legend). Drawing costs time in proportion to the people shown."""
    rows = list(ROW_KEYS)
    if any(p["influence_key"] not in ROW_KEYS for p in pack.people):
        rows.append("?")
    cells: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for person in pack.people:
        row = person["influence_key"] if person["influence_key"] in ROW_KEYS else "?"
        cells.setdefault((row, person["attitude_key"]), []).append(person)
    slots = {row: max(len(cells.get((row, col), [])) for col in COLUMN_KEYS) for row in rows}
    parts = _parts(slots)
    return Markup("").join(
        _map_part(pack, cells, part, last=index == len(parts) - 1)
        for index, part in enumerate(parts)
    )


def _map_part(
    pack: Pack, cells: dict[tuple[str, str], list[dict[str, Any]]], part: list[Segment], last: bool
) -> Markup:
    """One SVG element of the map: the attitude columns over the given rows' slots."""
    lang = pack.lang
    t = pack.t
    heights = [(end - first) * SLOT + 12 for _, first, end in part]
    width = LEFT + COLUMN * len(COLUMN_KEYS) + 4
    grid_height = sum(heights)
    legend_top = TOP + grid_height + 14
    height = legend_top + 44 if last else TOP + grid_height + 4
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chain-map" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="{font_family(lang)}" font-size="10" '
        f'role="img" aria-label="{escape(t["chain_map"])}">'
    ]
    # Columns: attitude, tinted from hostile to friendly; 'unknown' stands apart.
    for index, col in enumerate(COLUMN_KEYS):
        x = LEFT + index * COLUMN
        out.append(
            f'<rect x="{x}" y="{TOP}" width="{COLUMN - 2}" height="{grid_height}" '
            f'fill="{COLUMN_TINT[col]}"/>'
        )
        name = fit(label("attitude", col, lang), 10, COLUMN - 6)
        out.append(
            f'<text x="{x + (COLUMN - 2) / 2}" y="{TOP - 8}" text-anchor="middle" '
            f'font-weight="bold" fill="#333">{escape(name)}</text>'
        )
    out.append(
        f'<line x1="{LEFT + COLUMN - 1}" y1="{TOP - 4}" x2="{LEFT + COLUMN - 1}" '
        f'y2="{TOP + grid_height}" stroke="#999" stroke-dasharray="3,2"/>'
    )
    # Rows: influence, high at the top.
    y = TOP
    for (row, first, end), row_height in zip(part, heights, strict=True):
        out.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{width - 4}" y2="{y}" stroke="#ffffff" stroke-width="2"/>'
        )
        words = label("level", row, lang) if row in ROW_KEYS else "?"
        out.append(
            f'<text x="{LEFT - 6}" y="{y + row_height / 2 + 3}" text-anchor="end" '
            f'font-weight="bold" fill="#333">{escape(words)}</text>'
        )
        for c_index, col in enumerate(COLUMN_KEYS):
            for slot, person in enumerate(cells.get((row, col), [])[first:end]):
                px = LEFT + c_index * COLUMN + 12
                py = y + 8 + slot * SLOT + 10
                out.extend(_person(person, px, py))
        y += row_height
    out.append(
        f'<text x="12" y="{TOP + grid_height / 2}" text-anchor="middle" fill="#555" '
        f'transform="rotate(-90 12 {TOP + grid_height / 2})">{escape(t["influence"])}</text>'
    )
    if last:
        out.append(
            f'<text x="{LEFT + COLUMN * 4}" y="{legend_top - 2}" text-anchor="middle" fill="#555">'
            f"{escape(t['attitude'])} →</text>"
        )
        out.extend(_legend(pack, legend_top + 10, width))
    out.append("</svg>")
    return Markup("".join(out))


def _person(person: dict[str, Any], x: float, y: float) -> list[str]:
    shape, colour = ROLE_STYLE[primary_role(person)]
    parts = []
    if person["ties"] == "tie":
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="9" fill="none" stroke="#c62828" '
            f'stroke-width="1.2" stroke-dasharray="2,1.5"/>'
        )
    if person["coach"]:
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="7.5" fill="none" stroke="#e6a700" stroke-width="2"/>'
        )
    parts.append(_mark(shape, x, y, 5.5, colour))
    name_x = x + 11
    name = fit(person["name"], NAME_SIZE, COLUMN - 24 - (10 if person["speaks_for_us"] else 0))
    parts.append(
        f'<text x="{name_x}" y="{y + 4}" font-size="{NAME_SIZE}" font-weight="bold" '
        f'fill="#111">{escape(name)}</text>'
    )
    if person["speaks_for_us"]:
        parts.append(_star(name_x + _width_em(name) * NAME_SIZE + 7, y, 5))
    for index, line in enumerate(wrap(person["title"], TITLE_SIZE, COLUMN - 8)):
        parts.append(
            f'<text x="{x - 7}" y="{y + 19 + index * 10}" font-size="{TITLE_SIZE}" fill="#444">'
            f"{escape(line)}</text>"
        )
    return parts


def _legend(pack: Pack, y: float, width: float) -> list[str]:
    lang = pack.lang
    t = pack.t
    parts = []
    x = float(LEFT)
    used = [r for r in (*ROLE_ORDER, "other") if any(primary_role(p) == r for p in pack.people)]
    for role in used:
        shape, colour = ROLE_STYLE[role]
        text = label("role", role, lang) if role != "other" else "…"
        parts.append(_mark(shape, x, y, 4.5, colour))
        parts.append(f'<text x="{x + 8}" y="{y + 3}" fill="#333">{escape(text)}</text>')
        x += 18 + _width_em(text) * 10
    y += 16
    x = float(LEFT)
    parts.append(f'<circle cx="{x}" cy="{y}" r="6" fill="none" stroke="#e6a700" stroke-width="2"/>')
    parts.append(f'<text x="{x + 10}" y="{y + 3}" fill="#333">{escape(t["coach"])}</text>')
    x += 26 + _width_em(t["coach"]) * 10
    parts.append(_star(x, y, 4.5))
    parts.append(f'<text x="{x + 8}" y="{y + 3}" fill="#333">{escape(t["speaks_for_us"])}</text>')
    x += 24 + _width_em(t["speaks_for_us"]) * 10
    parts.append(
        f'<circle cx="{x}" cy="{y}" r="6" fill="none" stroke="#c62828" stroke-width="1.2" '
        f'stroke-dasharray="2,1.5"/>'
    )
    parts.append(
        f'<text x="{x + 10}" y="{y + 3}" fill="#333">{escape(t["competitor_ties"])}</text>'
    )
    return parts
