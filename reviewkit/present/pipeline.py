"""The pipeline view: one page over many deals for the sales director who runs the reviews.

Deals by stage as a funnel, value and weighted value by stage (weights from the playbook),
the deals that need a review meeting now and why, gate failures, overdue actions by owner,
open deals past their close date, deals not reviewed for too long. Invalid files are
listed, not fatal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewkit.errors import InvalidFile
from reviewkit.judge.floor import redacted, withheld
from reviewkit.model.config import Settings
from reviewkit.model.discover import deal_files
from reviewkit.model.playbook import tr
from reviewkit.parallel import run_all
from reviewkit.text.labels import label
from reviewkit.text.packtext import pack_text

if TYPE_CHECKING:
    from reviewkit.model.dealtypes import Action


@dataclass(frozen=True)
class DealLine:
    """What the pipeline needs to know of one deal (small, so workers can send it back)."""

    path: str
    name: str
    customer: str
    owner: str
    status: str
    playbook: str  # the playbook's name, in the view's language
    stages: tuple[tuple[str, str, Decimal | None], ...]  # (key, label, weight) of its playbook
    stage: str
    amount: Decimal | None
    currency: str | None
    expected_close: dt.date | None
    last_review: dt.date | None
    stale_after: int
    triggers: tuple[tuple[str, str], ...]  # (label, why)
    gates_failed: tuple[str, ...]
    overdue: tuple[tuple[str, str, dt.date, int], ...]  # (owner, what, due, days)
    errors: int
    warnings: int


@dataclass(frozen=True)
class InvalidLine:
    path: str
    first: str
    count: int


def summarize(
    path: Path, settings: Settings, today: dt.date, lang: str | None
) -> DealLine | InvalidLine:
    """One deal, checked and boiled down to what the pipeline shows."""
    from reviewkit.judge.engine import check_deal
    from reviewkit.judge.facts import gate_holds, last_review, meeting_triggers, overdue_actions
    from reviewkit.judge.findings import Review
    from reviewkit.model.deal import load_deal

    config = settings.for_file(path)
    try:
        deal = load_deal(path, config.playbook, language=config.language)
    except InvalidFile as exc:
        first = exc.problems[0]
        return InvalidLine(
            str(path), f"{first.line}:{first.column}: {first.message}", len(exc.problems)
        )
    view = lang or config.language or "en"
    findings = check_deal(deal, today, config)
    judged = Review(deal, today, config, view)  # gates are judged on the deal itself...
    deal = withheld(deal, redacted(view))  # ...its words shown without the floor
    review = Review(deal, today, config, view)
    value = deal.data["deal"]["value"]
    reviewed = last_review(review)
    declared = review.text("trigger-declared")
    triggers = [
        (label("trigger", t.key, view), "; ".join(r for r in t.reasons if r != declared))
        for t in meeting_triggers(review)
    ]
    if (
        deal.is_open
        and reviewed
        and (today - reviewed[0]).days > config.thresholds.stale_review_days
    ):
        words = pack_text(view)
        triggers.append((words["p_stale_reason"].format(days=(today - reviewed[0]).days), ""))
    return DealLine(
        path=str(path),
        name=deal.name,
        customer=deal.data["deal"]["customer"] or "",
        owner=deal.data["deal"]["owner"] or "",
        status=deal.status,
        playbook=tr(deal.playbook.name, view),
        stages=tuple((s.key, tr(s.label, view), s.weight) for s in deal.playbook.stages),
        stage=deal.stage,
        amount=value["amount"] if value else None,
        currency=value["currency"] if value else None,
        expected_close=deal.data["deal"]["expected_close"],
        last_review=reviewed[0] if reviewed else None,
        stale_after=config.thresholds.stale_review_days,
        triggers=tuple(triggers),
        gates_failed=tuple(
            tr(s.gate.label, view)
            for s in deal.playbook.stages[: deal.stage_index + 1]
            if s.gate is not None and not gate_holds(judged, s)
        )
        if deal.is_open
        else (),
        overdue=tuple(_overdue(a, today) for _, a in overdue_actions(review)),
        errors=sum(1 for f in findings if f.severity == "error"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
    )


def _overdue(action: Action, today: dt.date) -> tuple[str, str, dt.date, int]:
    """(owner, what, due, days late) of an overdue action."""
    due = action["due"]
    assert due is not None  # an overdue action has a due date
    return (action["owner"] or "", " ".join(action["what"].split()), due, (today - due).days)


def collect(
    paths: Iterable[Path],
    settings: Settings,
    today: dt.date,
    lang: str | None,
    jobs: int | None = None,
) -> list[DealLine | InvalidLine]:
    """Every deal under `paths`, summarized (on all cores for big folders)."""
    return run_all(summarize, deal_files(paths, settings), (settings, today, lang), jobs=jobs)


def _money(amounts: dict[str, Decimal]) -> str:
    return "; ".join(f"{c} {a.quantize(Decimal(1)):,}" for c, a in sorted(amounts.items())) or "—"


@dataclass
class Pipeline:
    """Everything the pipeline view shows, decided once for Markdown, HTML and PDF."""

    lang: str
    today: dt.date
    deals: int = 0
    open: int = 0
    closed: dict[str, int] = field(default_factory=dict)
    funnels: list[dict[str, Any]] = field(default_factory=list)
    review_now: list[dict[str, Any]] = field(default_factory=list)
    gates: list[dict[str, Any]] = field(default_factory=list)
    overdue: list[dict[str, Any]] = field(default_factory=list)
    past_close: list[dict[str, Any]] = field(default_factory=list)
    stale: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[dict[str, Any]] = field(default_factory=list)


def build_pipeline(lines: list[DealLine | InvalidLine], today: dt.date, lang: str) -> Pipeline:
    view = Pipeline(lang=lang, today=today)
    deals = [x for x in lines if isinstance(x, DealLine)]
    view.invalid = [
        {"path": x.path, "first": x.first, "count": x.count}
        for x in lines
        if isinstance(x, InvalidLine)
    ]
    view.deals = len(deals)
    live = [d for d in deals if d.status == "open"]
    view.open = len(live)
    closed: dict[str, int] = defaultdict(int)
    for d in deals:
        if d.status != "open":
            closed[label("status", d.status, lang)] += 1
    view.closed = dict(closed)
    by_playbook: dict[str, list[DealLine]] = defaultdict(list)
    for d in live:
        by_playbook[d.playbook].append(d)
    for name, group in sorted(by_playbook.items(), key=lambda kv: -len(kv[1])):
        view.funnels.append(_funnel(name, group))
    view.review_now = [
        {**ident(d), "triggers": [{"label": t, "why": why} for t, why in d.triggers]}
        for d in sorted(live, key=lambda d: (-len(d.triggers), d.name))
        if d.triggers
    ]
    view.gates = [{**ident(d), "gates": list(d.gates_failed)} for d in live if d.gates_failed]
    owners = _overdue_by_owner(live)
    view.overdue = [
        {"owner": owner, "actions": sorted(items, key=lambda a: -a["days"])}
        for owner, items in sorted(owners.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    view.past_close = [
        {
            **ident(d),
            "close": d.expected_close.isoformat(),
            "days": (today - d.expected_close).days,
        }
        for d in sorted(live, key=lambda d: d.expected_close or today)
        if d.expected_close and d.expected_close < today
    ]
    view.stale = [
        {
            **ident(d),
            "last": d.last_review.isoformat() if d.last_review else "—",
            "days": (today - d.last_review).days if d.last_review else None,
        }
        for d in sorted(live, key=lambda d: d.last_review or dt.date.min)
        if d.last_review is None or (today - d.last_review).days > d.stale_after
    ]
    return view


def _funnel(name: str, group: list[DealLine]) -> dict[str, Any]:
    """One playbook's funnel: its stages with count, value and weighted value, and totals."""
    stages = group[0].stages
    rows = [_stage_row(key, stage_label, weight, group) for key, stage_label, weight in stages]
    total: dict[str, Decimal] = defaultdict(Decimal)
    total_weighted: dict[str, Decimal] = defaultdict(Decimal)
    weights = {k: w for k, _, w in stages}
    for d in group:
        if d.amount is not None and d.currency:
            total[d.currency] += d.amount
            total_weighted[d.currency] += d.amount * (weights.get(d.stage) or Decimal(0))
    widest = max([int(r["count"]) for r in rows] + [1])
    for row in rows:
        row["bar"] = "█" * round(12 * row["count"] / widest) if row["count"] else ""
        row["share"] = row["count"] / widest
    return {
        "playbook": name,
        "stages": rows,
        "count": len(group),
        "value": _money(total),
        "weighted": _money(total_weighted),
    }


def _stage_row(
    key: str, stage_label: str, weight: Decimal | None, group: list[DealLine]
) -> dict[str, Any]:
    """A funnel's row for one stage: the deals in it, their value and weighted value."""
    here = [d for d in group if d.stage == key]
    value: dict[str, Decimal] = defaultdict(Decimal)
    weighted: dict[str, Decimal] = defaultdict(Decimal)
    for d in here:
        if d.amount is not None and d.currency:
            value[d.currency] += d.amount
            weighted[d.currency] += d.amount * (weight if weight is not None else Decimal(0))
    return {
        "key": key,
        "label": stage_label,
        "weight": f"{weight * 100:.0f} %" if weight is not None else "—",
        "count": len(here),
        "value": _money(value),
        "weighted": _money(weighted),
    }


def ident(d: DealLine) -> dict[str, Any]:
    """What names a deal in the view's lists."""
    return {
        "name": d.name,
        "customer": d.customer,
        "owner": d.owner,
        "path": d.path,
        "stage": dict((k, lab) for k, lab, _ in d.stages).get(d.stage, d.stage),
    }


def _overdue_by_owner(live: list[DealLine]) -> dict[str, list[dict[str, Any]]]:
    """The overdue actions of open deals, by owner (the deal's owner when an action has none)."""
    owners: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in live:
        for owner, what, due, days in d.overdue:
            owners[owner or d.owner or "—"].append(
                {"deal": d.name, "what": what, "due": due.isoformat(), "days": days}
            )
    return owners
