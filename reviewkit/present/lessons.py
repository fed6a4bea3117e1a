"""What lost deals teach, as a set: the checklist items and gates open when deals closed,
ranked by how much more often they were open in lost deals than in won ones.

For each won or lost deal, every item and gate up to its stage that did not hold at the
close (judge/lostreview.py's reading, the lost-deal review's own). An item counts only for
the deals that reached its stage. Each row carries the lesson the playbook attaches to the
item (marked as the course's case or reviewkit's own) and the deals behind it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewkit.errors import InvalidFile
from reviewkit.model.config import Settings
from reviewkit.model.discover import deal_files
from reviewkit.model.playbook import tr
from reviewkit.parallel import run_all
from reviewkit.present.pipeline import InvalidLine


@dataclass(frozen=True)
class Point:
    """One checklist item (or gate, item "gate") of a playbook, named in the view's language."""

    playbook: str
    stage: str
    item: str
    stage_label: str
    label: str
    lesson: str  # the playbook's lesson, marked by source; "" when it has none


@dataclass(frozen=True)
class ClosedLine:
    """A won or lost deal: the points it reached and those open when it closed."""

    path: str
    name: str
    owner: str
    status: str  # won or lost
    reached: tuple[Point, ...]
    open: tuple[Point, ...]


def summarize(path: Path, settings: Settings, lang: str | None) -> ClosedLine | InvalidLine | None:
    """One deal's points at the close; None for an open or dropped deal."""
    from reviewkit.judge.lostreview import open_at_close, told
    from reviewkit.model.deal import load_deal

    config = settings.for_file(path)
    try:
        deal = load_deal(path, config.playbook, language=config.language)
    except InvalidFile as exc:
        first = exc.problems[0]
        return InvalidLine(
            str(path), f"{first.line}:{first.column}: {first.message}", len(exc.problems)
        )
    if deal.status not in ("won", "lost"):
        return None
    view = lang or config.language or "en"
    book = deal.playbook
    name = tr(book.name, view)

    def point(stage_key: str, item_key: str) -> Point:
        stage = book.stage(stage_key)
        lesson = book.lesson(stage_key, item_key)
        if item_key == "gate":
            assert stage.gate is not None
            text = tr(stage.gate.label, view)
        else:
            text = next(tr(i.label, view) for i in stage.items if i.key == item_key)
        return Point(
            name,
            stage_key,
            item_key,
            tr(stage.label, view),
            text,
            told(lesson, view) if lesson else "",
        )

    reached = [
        point(stage.key, key)
        for stage in book.stages[: deal.stage_index + 1]
        for key in [i.key for i in stage.items] + (["gate"] if stage.gate else [])
    ]
    still_open = open_at_close(deal, config)
    return ClosedLine(
        str(path),
        deal.name,
        deal.data["deal"]["owner"] or "",
        deal.status,
        tuple(reached),
        tuple(p for p in reached if (p.stage, p.item) in still_open),
    )


def collect(
    paths: Iterable[Path], settings: Settings, lang: str | None, jobs: int | None = None
) -> list[ClosedLine | InvalidLine]:
    """Every won and lost deal under `paths`, summarized (on all cores for big folders)."""
    found = run_all(summarize, deal_files(paths, settings), (settings, lang), jobs=jobs)
    return [x for x in found if x is not None]


@dataclass
class Lessons:
    """The ranked table and its counts, decided once for every format."""

    lang: str
    won: int = 0
    lost: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[dict[str, Any]] = field(default_factory=list)


def _share(count: int, of: int) -> float:
    return count / of if of else 0.0


def build_lessons(lines: list[ClosedLine | InvalidLine], lang: str) -> Lessons:
    """Rank every point open in at least one lost deal by (share of lost deals that reached it
    where it was open) minus (the same share among won deals); ties by the count of lost
    deals, then playbook order."""
    deals = [x for x in lines if isinstance(x, ClosedLine)]
    view = Lessons(lang=lang)
    view.invalid = [
        {"path": x.path, "first": x.first, "count": x.count}
        for x in lines
        if isinstance(x, InvalidLine)
    ]
    view.won = sum(1 for d in deals if d.status == "won")
    view.lost = sum(1 for d in deals if d.status == "lost")
    reached: dict[Point, dict[str, int]] = defaultdict(lambda: {"won": 0, "lost": 0})
    behind: dict[Point, dict[str, list[str]]] = defaultdict(lambda: {"won": [], "lost": []})
    order: dict[Point, int] = {}
    for d in deals:
        for p in d.reached:
            reached[p][d.status] += 1
            order.setdefault(p, len(order))
        for p in d.open:
            behind[p][d.status].append(d.name)
    rows: list[dict[str, Any]] = []
    for p, names in behind.items():
        if not names["lost"]:
            continue
        lost_rate = _share(len(names["lost"]), reached[p]["lost"])
        won_rate = _share(len(names["won"]), reached[p]["won"])
        rows.append(
            {
                "playbook": p.playbook,
                "stage": p.stage,
                "item": p.item,
                "stage_label": p.stage_label,
                "label": p.label,
                "gate": p.item == "gate",
                "lesson": p.lesson,
                "lost_open": len(names["lost"]),
                "lost_reached": reached[p]["lost"],
                "lost_rate": round(100 * lost_rate),
                "won_open": len(names["won"]),
                "won_reached": reached[p]["won"],
                "won_rate": round(100 * won_rate) if reached[p]["won"] else None,
                "gap": round(100 * (lost_rate - won_rate)),
                "lost_deals": sorted(names["lost"]),
                "won_deals": sorted(names["won"]),
                "_order": order[p],
            }
        )
    rows.sort(key=lambda r: (-r["gap"], -r["lost_open"], r["_order"]))
    for rank, row in enumerate(rows, 1):
        del row["_order"]
        row["rank"] = rank
    view.rows = rows
    return view
