"""Pictures for the printable pack, drawn as SVG by reviewkit itself: the decision-chain map.

The map puts every person of the decision chain on two axes: attitude towards us (opposer
on the left to ally on the right, unknown apart) and influence (high at the top). The mark's
shape and colour show the role; a gold ring marks the coach, a star those who speak for us,
a red dashed ring known ties to a competitor. Text is escaped: names are data, not markup.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
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
WIDTH = 750  # a figure's width in px: the page's content width (180 mm)
COLUMN = 96  # the narrowest attitude column; fewer columns are wider
SLOT = 46  # height of one person in a cell with a title of two lines
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


def wrap(text: str, size: float, width: float, lines: int = 100) -> list[str]:
    """`text` broken into lines that fit `width`; beyond `lines` lines the last is shortened."""
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


def _parts(slots: dict[str, int], slot: int = SLOT) -> list[list[Segment]]:
    """The map's rows cut into parts no taller than PART_GRID: a row that does not fit in
    what is left of a part goes on in the next one, so that each part fits on a page."""
    parts: list[list[Segment]] = [[]]
    used = 0
    for row, count in slots.items():
        need = max(count, 1)  # an empty row keeps the height of one person
        first = 0
        while first < need:
            room = (PART_GRID - used - 12) // slot
            if room < 1:
                parts.append([])
                used = 0
                continue
            end = min(need, first + room)
            parts[-1].append((row, first, end))
            used += (end - first) * slot + 12
            first = end
    return parts


@dataclass(frozen=True)
class Grid:
    """The map's geometry: the attitude columns shown, their width, one person's height."""

    columns: tuple[str, ...]
    column: float
    slot: int


def _grid(pack: Pack) -> Grid:
    """Only the attitude columns someone stands in (no permanent empty 'unknown'); as wide
    as the page allows, and each person as tall as the longest title needs."""
    used = {p["attitude_key"] for p in pack.people}
    columns = tuple(key for key in COLUMN_KEYS if key in used) or ("unknown",)
    column = max(COLUMN, (WIDTH - LEFT - 4) / len(columns))
    lines = max((len(wrap(p["title"], TITLE_SIZE, column - 8)) for p in pack.people), default=0)
    names = max((len(_name_lines(p, column)) for p in pack.people), default=1)
    return Grid(columns, column, SLOT - 20 + 10 * max(lines, 1) + 13 * (names - 1))


def chain_map(pack: Pack) -> Markup:
    """The decision-chain map as inline SVG: one element when it fits a page, else one per
    page-sized part (every person shown; each part repeats the attitude columns, the last
    carries the legend). Drawing costs time in proportion to the people shown."""
    grid = _grid(pack)
    rows = list(ROW_KEYS)
    if any(p["influence_key"] not in ROW_KEYS for p in pack.people):
        rows.append("?")
    cells: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for person in pack.people:
        row = person["influence_key"] if person["influence_key"] in ROW_KEYS else "?"
        cells.setdefault((row, person["attitude_key"]), []).append(person)
    slots = {row: max(len(cells.get((row, col), [])) for col in grid.columns) for row in rows}
    parts = _parts(slots, grid.slot)
    return Markup("").join(
        _map_part(pack, grid, cells, part, last=index == len(parts) - 1)
        for index, part in enumerate(parts)
    )


def _map_part(
    pack: Pack,
    grid: Grid,
    cells: dict[tuple[str, str], list[dict[str, Any]]],
    part: list[Segment],
    last: bool,
) -> Markup:
    """One SVG element of the map: the attitude columns over the given rows' slots."""
    lang = pack.lang
    t = pack.t
    column = grid.column
    heights = [(end - first) * grid.slot + 12 for _, first, end in part]
    width = LEFT + column * len(grid.columns) + 4
    grid_height = sum(heights)
    legend_top = TOP + grid_height + 14
    height = legend_top + 44 if last else TOP + grid_height + 4
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chain-map" viewBox="0 0 {width:g} {height}" '
        f'width="{width:g}" height="{height}" font-family="{font_family(lang)}" font-size="10" '
        f'role="img" aria-label="{escape(t["chain_map"])}">'
    ]
    # Columns: attitude, tinted from hostile to friendly; 'unknown' stands apart.
    for index, col in enumerate(grid.columns):
        x = LEFT + index * column
        out.append(
            f'<rect x="{x:g}" y="{TOP}" width="{column - 2:g}" height="{grid_height}" '
            f'fill="{COLUMN_TINT[col]}"/>'
        )
        lines = wrap(label("attitude", col, lang), 10, column - 6)
        for n, line in enumerate(lines):
            out.append(
                f'<text x="{x + (column - 2) / 2:g}" y="{TOP - 8 - 11 * (len(lines) - 1 - n)}" '
                f'text-anchor="middle" '
                f'font-weight="bold" fill="#333">{escape(line)}</text>'
            )
    if grid.columns[0] == "unknown" and len(grid.columns) > 1:
        out.append(
            f'<line x1="{LEFT + column - 1:g}" y1="{TOP - 4}" x2="{LEFT + column - 1:g}" '
            f'y2="{TOP + grid_height}" stroke="#999" stroke-dasharray="3,2"/>'
        )
    # Rows: influence, high at the top.
    y = TOP
    for (row, first, end), row_height in zip(part, heights, strict=True):
        out.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{width - 4:g}" y2="{y}" stroke="#ffffff" stroke-width="2"/>'
        )
        words = label("level", row, lang) if row in ROW_KEYS else "?"
        out.append(
            f'<text x="{LEFT - 6}" y="{y + row_height / 2 + 3}" text-anchor="end" '
            f'font-weight="bold" fill="#333">{escape(words)}</text>'
        )
        for c_index, col in enumerate(grid.columns):
            for slot, person in enumerate(cells.get((row, col), [])[first:end]):
                px = LEFT + c_index * column + 12
                py = y + 8 + slot * grid.slot + 10
                out.extend(_person(person, px, py, column))
        y += row_height
    out.append(
        f'<text x="12" y="{TOP + grid_height / 2}" text-anchor="middle" fill="#555" '
        f'transform="rotate(-90 12 {TOP + grid_height / 2})">{escape(t["influence"])}</text>'
    )
    if last:
        out.append(
            f'<text x="{LEFT + (width - LEFT) / 2:g}" y="{legend_top - 2}" text-anchor="middle" '
            f'fill="#555">{escape(t["attitude"])} →</text>'
        )
        out.extend(_legend(pack, legend_top + 10, width))
    out.append("</svg>")
    return Markup("".join(out))


def _name_lines(person: dict[str, Any], column: float) -> list[str]:
    """A person's name as the map writes it: whole, over more lines when narrow."""
    room = column - 24 - (10 if person["speaks_for_us"] else 0)
    return wrap(person["name"], NAME_SIZE, room)


def _person(person: dict[str, Any], x: float, y: float, column: float) -> list[str]:
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
    names = _name_lines(person, column)
    for index, name in enumerate(names):
        parts.append(
            f'<text x="{name_x}" y="{y + 4 + 13 * index}" font-size="{NAME_SIZE}" '
            f'font-weight="bold" fill="#111">{escape(name)}</text>'
        )
    if person["speaks_for_us"]:
        parts.append(_star(name_x + _width_em(names[0]) * NAME_SIZE + 7, y, 5))
    below = y + 19 + 13 * (len(names) - 1)
    for index, line in enumerate(wrap(person["title"], TITLE_SIZE, column - 8)):
        parts.append(
            f'<text x="{x - 7}" y="{below + index * 10}" font-size="{TITLE_SIZE}" fill="#444">'
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
        text = label("role", role, lang) if role != "other" else t["role_other"]
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


# -- the organisation chart ----------------------------------------------------------------

CARD = 140  # a person's card width in the org chart
GAP = 10  # between cards side by side
DROP = 18  # between a card and the cards of the people reporting to it
INDENT = 16  # a card under its manager in a stacked column
PAGE_PART = 1000  # the tallest part of a chart (px at 750 px wide: about 240 mm)
CIRCLE_TINTS = ("#1f77b4", "#9467bd", "#17becf", "#bcbd22", "#e377c2", "#8c564b", "#7f7f7f")
SMALL = 8


@dataclass
class Box:
    """One drawn piece of a figure, drawn at (x, y), with the vertical span it covers."""

    top: float
    bottom: float
    svg: str
    x: float = 0
    y: float = 0

    def placed(self) -> str:
        """The piece moved to its place: one transform, however deep it sits in the tree."""
        if not self.x and not self.y:
            return self.svg
        return f'<g transform="translate({self.x:g},{self.y:g})">{self.svg}</g>'


@dataclass
class Card:
    """A person's card: its text lines and size."""

    person: dict[str, Any]
    lines: list[tuple[str, float, str]]  # (text, size, colour)
    band: list[str]  # the circle's name, over as many lines as it takes
    height: float


def _card(pack: Pack, person: dict[str, Any]) -> Card:
    """What a person's card says, every label whole (wrapped, never cut)."""
    t = pack.t
    room = CARD - 12
    lines: list[tuple[str, float, str]] = [
        (line, NAME_SIZE, "#111") for line in wrap(person["name"], NAME_SIZE, room - 14)
    ]
    lines += [(line, SMALL, "#444") for line in wrap(person["title"], SMALL, room)]
    influence = f" · {t['influence']} {person['influence']}" if person["influence"] else ""
    facts = [person["attitude"] + influence]
    if person["our_contact"]:
        facts.append(f"{t['our_contact']}{t['colon']}{person['our_contact']}")
    for name, stance in person["linked"]:
        facts.append(f"⇄ {name}{t['colon']}{stance}")
    for competitor in person["tied_to"]:
        facts.append(f"⚠ {t['competitor_ties']}{t['colon']}{competitor}")
    for fact in facts:
        lines += [(line, SMALL, "#333") for line in wrap(fact, SMALL, room)]
    band = wrap(person["circle_name"], SMALL - 1, room) if person["circle_name"] else []
    height = 8 + 10 * len(band) + sum(size + 2 for _, size, _ in lines) + 3
    return Card(person, lines, band, height)


def _draw_card(card: Card, x: float, y: float, circles: list[str]) -> str:
    person = card.person
    shape, colour = ROLE_STYLE[primary_role(person)]
    fill = COLUMN_TINT.get(person["attitude_key"], "#f2f2f2")
    stroke = "#c62828" if person["ties"] == "tie" else "#e6a700" if person["coach"] else "#9ca3af"
    width = 2 if person["coach"] or person["ties"] == "tie" else 0.8
    out = [
        f'<rect x="{x:g}" y="{y:g}" width="{CARD}" height="{card.height:g}" rx="3" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>'
    ]
    line_y = y + 4
    if card.band:
        tint = CIRCLE_TINTS[circles.index(person["circle_name"]) % len(CIRCLE_TINTS)]
        out.append(
            f'<rect x="{x:g}" y="{y:g}" width="{CARD}" height="{4 + 10 * len(card.band)}" '
            f'rx="3" fill="{tint}"/>'
        )
        for line in card.band:
            line_y += 10
            out.append(
                f'<text x="{x + 6:g}" y="{line_y - 1:g}" font-size="{SMALL - 1}" fill="#fff">'
                f"{escape(line)}</text>"
            )
        line_y += 2
    for index, (text, size, ink) in enumerate(card.lines):
        line_y += size + 2
        bold = ' font-weight="bold"' if index == 0 or (size == NAME_SIZE) else ""
        indent = 14 if size == NAME_SIZE else 0
        out.append(
            f'<text x="{x + 6 + indent:g}" y="{line_y - 2:g}" font-size="{size}"{bold} '
            f'fill="{ink}">{escape(text)}</text>'
        )
        if index == 0:
            out.append(_mark(shape, x + 12, line_y - 6, 4.5, colour))
            if person["speaks_for_us"]:
                out.append(_star(x + CARD - 10, line_y - 6, 4.5))
    return "".join(out)


@dataclass
class Block:
    """A laid-out subtree: its boxes relative to its top-left corner, and its size."""

    width: float
    height: float
    boxes: list[Box]
    anchor: float  # x of the top card's centre


def _shift(boxes: list[Box], dx: float, dy: float) -> list[Box]:
    return [Box(b.top + dy, b.bottom + dy, b.svg, b.x + dx, b.y + dy) for b in boxes]


#: How a chart places the people who report to someone, from the widest to the narrowest:
#: all side by side; side by side only those who lead teams of their own (the others stacked
#: under their manager, indented); everyone stacked.
MODES = ("wide", "leaves", "stacked")


def _layout(
    node: str,
    cards: dict[str, Card],
    children: dict[str, list[str]],
    circles: list[str],
    mode: str,
) -> Block:
    """A person and those reporting to them, placed as `mode` says (see MODES)."""
    card = cards[node]
    own = Box(0, card.height, _draw_card(card, 0, 0, circles))
    kids = children.get(node, [])
    if not kids:
        return Block(CARD, card.height, [own], CARD / 2)
    leaves = all(not children.get(k) for k in kids)
    if mode == "stacked" or (mode == "leaves" and leaves):
        boxes = [own]
        y = card.height + DROP / 2
        width = float(CARD)
        lines = []
        for kid in kids:
            block = _layout(kid, cards, children, circles, mode)
            boxes += _shift(block.boxes, INDENT, y)
            mid = y + min(14.0, cards[kid].height / 2)
            lines.append(mid)
            width = max(width, INDENT + block.width)
            y += block.height + DROP / 2
        path = f"M{INDENT / 2:g},{card.height:g} V{lines[-1]:g} " + " ".join(
            f"M{INDENT / 2:g},{m:g} H{INDENT:g}" for m in lines
        )
        boxes.append(
            Box(card.height, lines[-1], f'<path d="{path}" fill="none" stroke="#6b7280"/>')
        )
        return Block(width, y - DROP / 2, boxes, CARD / 2)
    blocks = [_layout(k, cards, children, circles, mode) for k in kids]
    width = sum(b.width for b in blocks) + GAP * (len(blocks) - 1)
    top = card.height + DROP
    boxes = []
    x = 0.0
    anchors = []
    for block in blocks:
        boxes += _shift(block.boxes, x, top)
        anchors.append(x + block.anchor)
        x += block.width + GAP
    centre = (anchors[0] + anchors[-1]) / 2
    boxes.append(Box(0, card.height, _draw_card(card, centre - CARD / 2, 0, circles)))
    bus = card.height + DROP / 2
    path = f"M{centre:g},{card.height:g} V{bus:g} M{anchors[0]:g},{bus:g} H{anchors[-1]:g} " + (
        " ".join(f"M{a:g},{bus:g} V{top:g}" for a in anchors)
    )
    boxes.append(Box(card.height, top, f'<path d="{path}" fill="none" stroke="#6b7280"/>'))
    height = top + max(b.height for b in blocks)
    return Block(width, height, boxes, centre)


def org_chart(pack: Pack) -> Markup:
    """The decision chain as an organisation chart: reporting lines, circles (a coloured band
    with the circle's name), attitude (the card's tint), our contact, integrators' standing
    and competitor ties on each card. As wide as the page: teams that do not fit side by side
    are stacked; cut between cards into page-sized parts when taller than a page."""
    chain = pack.chain
    ties: dict[str, list[str]] = {}
    names = {c["id"]: c["name"] for c in chain["competitors"]}
    for source, competitor in chain["person_ties"]:
        ties.setdefault(source, []).append(names[competitor])
    partners = {p["id"]: p["name"] for p in pack.partners}
    linked: dict[str, list[tuple[str, str]]] = {}
    for partner, person, stance, _ in chain["stances"]:  # the Markdown chart's links too
        linked.setdefault(person, []).append((partners[partner], stance))
    cards = {
        p["id"]: _card(
            pack, {**p, "tied_to": ties.get(p["id"], []), "linked": linked.get(p["id"], [])}
        )
        for p in pack.people
    }
    children: dict[str, list[str]] = {}
    roots = []
    for person in pack.people:
        parent = chain["parents"].get(person["id"])
        if parent is None:
            roots.append(person["id"])
        else:
            children.setdefault(parent, []).append(person["id"])
    circles = chain["circles"]
    blocks = []
    for root in roots:
        for mode in MODES:
            block = _layout(root, cards, children, circles, mode)
            if block.width <= WIDTH:
                break
        blocks.append(block)
    # Blocks fill rows as wide as the page.
    boxes: list[Box] = []
    x = y = row_height = 0.0
    for block in blocks:
        if x and x + block.width > WIDTH:
            x, y = 0.0, y + row_height + DROP
            row_height = 0.0
        boxes += _shift(block.boxes, x, y)
        x += block.width + GAP * 2
        row_height = max(row_height, block.height)
    return _sliced(pack, boxes, y + row_height)


def _sliced(pack: Pack, boxes: list[Box], height: float) -> Markup:
    """The chart as SVG parts no taller than PAGE_PART, each cut where no card is."""
    cards = [(b.top, b.bottom) for b in boxes if "<rect" in b.svg]
    gaps = sorted({t - 1 for t, _ in cards} | {b + 1 for _, b in cards})

    def clear(y: float) -> bool:
        return all(not (t < y < b) for t, b in cards)

    cuts = [0.0]
    while height - cuts[-1] > PAGE_PART:
        start = cuts[-1]
        fits = [y for y in gaps if start < y <= start + PAGE_PART and clear(y)]
        cuts.append(max(fits) if fits else start + PAGE_PART)
    cuts.append(height + 2)
    out = []
    for first, last in itertools.pairwise(cuts):
        inside = [b.placed() for b in boxes if b.bottom > first and b.top < last]
        span = last - first + 4
        out.append(
            f'<svg xmlns="http://www.w3.org/2000/svg" class="org-chart" '
            f'viewBox="-2 {first - 2:g} {WIDTH + 4} {span:g}" width="{WIDTH + 4}" '
            f'height="{span:g}" font-family="{font_family(pack.lang)}" font-size="10" '
            f'role="img" aria-label="{escape(pack.t["org_chart"])}">' + "".join(inside) + "</svg>"
        )
    return Markup("".join(out))
