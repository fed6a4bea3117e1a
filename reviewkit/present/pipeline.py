"""The pipeline view: the page a sales director reads over many deals.

One row per open deal (customer, owner, stage, value, expected close, gate, open errors and
warnings, last review, next action), sortable; the course's measures (open value, win rate,
average sales cycle, value won); value and weighted value by stage (a funnel per playbook,
with the win rate of the deals closed at each stage) and by owner; the deals that need a
review meeting now and why, gate failures, overdue actions by owner, open deals past their
close date, deals not reviewed for too long, and deals slipping (close date moved later
since a git revision). Every flag is the reading `check` makes (judge/facts.py). Invalid
files are listed, not fatal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewkit.errors import InvalidFile, ReviewkitError
from reviewkit.judge.floor import redacted, withheld
from reviewkit.model.config import Settings
from reviewkit.model.discover import deal_files
from reviewkit.model.playbook import tr
from reviewkit.parallel import run_all
from reviewkit.present.textflow import is_wide
from reviewkit.text.catalogue import say
from reviewkit.text.errors import error
from reviewkit.text.labels import label
from reviewkit.text.packtext import pack_text

if TYPE_CHECKING:
    from reviewkit.model.config import Config
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
    stale: bool = False  # `check` reports review-stale for it
    gate_passed: bool | None = None  # every gate up to its stage holds; None: no gate yet
    next_action: tuple[str, str, dt.date | None] | None = None  # (what, owner, due)
    closed_on: dt.date | None = None  # the outcome's date
    cycle_days: int | None = None  # first recorded date to close, for won and lost deals
    close_before: dt.date | None = None  # expected close at the `since` revision


@dataclass(frozen=True)
class InvalidLine:
    path: str
    first: str
    count: int


def summarize(
    path: Path, settings: Settings, today: dt.date, lang: str | None, since: str | None = None
) -> DealLine | InvalidLine:
    """One deal, checked and boiled down to what the pipeline shows."""
    from reviewkit.judge.engine import check_deal
    from reviewkit.judge.facts import (
        gate_holds,
        last_review,
        meeting_triggers,
        next_action,
        overdue_actions,
        review_overdue,
        sales_cycle,
        stages_reached,
    )
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
    stale = any(f.rule == "review-stale" for f in findings)
    late = review_overdue(review)
    if stale and late is not None:
        triggers.append((pack_text(view)["p_stale_reason"].format(days=late[1]), ""))
    gates = [(s, gate_holds(judged, s)) for s in stages_reached(judged) if s.gate is not None]
    step = next_action(review)
    cycle = sales_cycle(review)
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
        gates_failed=tuple(tr(s.gate.label, view) for s, held in gates if s.gate and not held)
        if deal.is_open
        else (),
        overdue=tuple(_overdue(a, today) for _, a in overdue_actions(review)),
        errors=sum(1 for f in findings if f.severity == "error"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
        stale=stale,
        gate_passed=all(held for _, held in gates) if gates else None,
        next_action=_next(step) if step else None,
        closed_on=deal.data["outcome"]["date"] if not deal.is_open else None,
        cycle_days=(cycle[1] - cycle[0]).days if cycle else None,
        close_before=_close_at(path, since, config) if since else None,
    )


def _next(action: Action) -> tuple[str, str, dt.date | None]:
    return (" ".join(action["what"].split()), action["owner"] or "", action["due"])


def _close_at(path: Path, since: str, config: Config) -> dt.date | None:
    """The deal's expected close in its file at git revision `since` (None when the file did
    not exist then, or was not a deal)."""
    from reviewkit.judge.changes import load_version

    try:
        return load_version(path, since, config).data["deal"]["expected_close"]
    except (InvalidFile, ReviewkitError):
        return None


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
    since: str | None = None,
) -> list[DealLine | InvalidLine]:
    """Every deal under `paths`, summarized (on all cores for big folders)."""
    files = deal_files(paths, settings)
    return run_all(summarize, files, (settings, today, lang, since), jobs=jobs)


def _money(amounts: dict[str, Decimal]) -> str:
    return "; ".join(f"{c} {a.quantize(Decimal(1)):,}" for c, a in sorted(amounts.items())) or "—"


def _rate(won: int, lost: int) -> str:
    return f"{round(100 * won / (won + lost))} %" if won + lost else "—"


#: The columns `--sort` accepts, and how each orders the deals (blanks always last).
SORT_KEYS: dict[str, Callable[[DealLine], Any]] = {
    "deal": lambda d: d.name.casefold(),
    "customer": lambda d: d.customer.casefold() or None,
    "owner": lambda d: d.owner.casefold() or None,
    "stage": lambda d: [k for k, _, _ in d.stages].index(d.stage),
    "value": lambda d: d.amount,
    "close": lambda d: d.expected_close,
    "gate": lambda d: d.gate_passed,
    "errors": lambda d: d.errors,
    "warnings": lambda d: d.warnings,
    "review": lambda d: d.last_review,
    "next": lambda d: d.next_action[2] if d.next_action else None,
}
DEFAULT_SORT = ("stage", "close")


def parse_sort(text: str | None) -> tuple[str, ...]:
    """`--sort owner,-value`: column names, `-` for largest (latest) first; refused names are
    an error that lists the columns."""
    if not text:
        return DEFAULT_SORT
    keys = tuple(k.strip() for k in text.split(",") if k.strip())
    for key in keys:
        if key.lstrip("-") not in SORT_KEYS:
            raise error("bad-sort", key=key, keys=", ".join(SORT_KEYS))
    return keys or DEFAULT_SORT


def sort_deals(deals: list[DealLine], keys: tuple[str, ...]) -> list[DealLine]:
    """The deals ordered by `keys` (the first key decides first); ties keep file order."""
    ordered = list(deals)
    for key in reversed(keys):
        name, descending = key.lstrip("-"), key.startswith("-")
        read = SORT_KEYS[name]
        present = [d for d in ordered if read(d) is not None]
        blank = [d for d in ordered if read(d) is None]
        ordered = sorted(present, key=read, reverse=descending) + blank
    return ordered


@dataclass
class Pipeline:
    """Everything the pipeline view shows, decided once for every format."""

    lang: str
    today: dt.date
    deals: int = 0
    open: int = 0
    closed: dict[str, int] = field(default_factory=dict)
    sort: tuple[str, ...] = DEFAULT_SORT
    since: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)
    measures: dict[str, Any] = field(default_factory=dict)
    funnels: list[dict[str, Any]] = field(default_factory=list)
    owners: list[dict[str, Any]] = field(default_factory=list)
    review_now: list[dict[str, Any]] = field(default_factory=list)
    gates: list[dict[str, Any]] = field(default_factory=list)
    overdue: list[dict[str, Any]] = field(default_factory=list)
    past_close: list[dict[str, Any]] = field(default_factory=list)
    stale: list[dict[str, Any]] = field(default_factory=list)
    slipping: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[dict[str, Any]] = field(default_factory=list)


def build_pipeline(
    lines: list[DealLine | InvalidLine],
    today: dt.date,
    lang: str,
    sort: tuple[str, ...] = DEFAULT_SORT,
    since: str | None = None,
) -> Pipeline:
    view = Pipeline(lang=lang, today=today, sort=sort, since=since)
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
    view.rows = [_row(d, today, lang) for d in sort_deals(live, sort)]
    view.totals = _totals(live)
    view.measures = _measures(deals, lang)
    by_playbook: dict[str, list[DealLine]] = defaultdict(list)
    for d in deals:
        by_playbook[d.playbook].append(d)
    groups = sorted(by_playbook.items(), key=lambda kv: -sum(d.status == "open" for d in kv[1]))
    view.funnels = [_funnel(name, group) for name, group in groups]
    view.owners = _owners(deals, lang)
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
            "last": d.last_review.isoformat() if d.last_review else "",
            "days": (today - d.last_review).days if d.last_review else None,
        }
        for d in sorted(live, key=lambda d: d.last_review or dt.date.min)
        if d.stale
    ]
    view.slipping = [
        {
            **ident(d),
            "before": d.close_before.isoformat(),
            "after": d.expected_close.isoformat(),
            "days": (d.expected_close - d.close_before).days,
        }
        for d in sorted(live, key=lambda d: d.name)
        if d.close_before and d.expected_close and d.expected_close > d.close_before
    ]
    return view


def _row(d: DealLine, today: dt.date, lang: str) -> dict[str, Any]:
    """One open deal's row of the deal table, with the flags `check` raises for it."""
    t = pack_text(lang)
    weight = dict((k, w) for k, _, w in d.stages).get(d.stage)
    step = d.next_action
    return {
        **ident(d),
        "value": _money({d.currency: d.amount}) if d.amount is not None and d.currency else "—",
        "amount": d.amount,
        "currency": d.currency,
        "weighted_amount": d.amount * weight
        if d.amount is not None and weight is not None
        else None,
        "weighted": _money({d.currency: d.amount * weight})
        if d.amount is not None and d.currency and weight is not None
        else "—",
        "close": d.expected_close.isoformat() if d.expected_close else "—",
        "close_passed": bool(d.expected_close and d.expected_close < today),
        "gate": t["p_gate_yes"]
        if d.gate_passed
        else t["p_gate_no"]
        if d.gate_passed is False
        else t["none"],
        "gate_passed": d.gate_passed,
        "errors": d.errors,
        "warnings": d.warnings,
        "last": d.last_review.isoformat() if d.last_review else t["p_never"],
        "reviewed": d.last_review is not None,
        "stale": d.stale,
        "review_now": [label for label, _ in d.triggers],
        "next": step[0] if step else t["p_no_action"],
        "next_short": _short(step[0], 50) if step else t["p_no_action"],
        "next_owner": step[1] if step else "",
        "due": step[2].isoformat() if step and step[2] else "—",
        "due_passed": bool(step and step[2] and step[2] < today),
        "overdue": len(d.overdue),
    }


def _short(text: str, width: int) -> str:
    """`text` cut to `width` columns (a Chinese character takes two), with "…" when cut."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if is_wide(char) else 1
        if used > width:
            return text[:index].rstrip() + "…"
    return text


def _totals(live: list[DealLine]) -> dict[str, Any]:
    """The deal table's totals row."""
    value: dict[str, Decimal] = defaultdict(Decimal)
    weighted: dict[str, Decimal] = defaultdict(Decimal)
    for d in live:
        if d.amount is not None and d.currency:
            value[d.currency] += d.amount
            weight = dict((k, w) for k, _, w in d.stages).get(d.stage) or Decimal(0)
            weighted[d.currency] += d.amount * weight
    return {
        "count": len(live),
        "value": _money(value),
        "weighted": _money(weighted),
        "errors": sum(d.errors for d in live),
        "warnings": sum(d.warnings for d in live),
    }


def _measures(deals: list[DealLine], lang: str) -> dict[str, Any]:
    """The course's measures of a sales organisation, as far as the files tell: more
    opportunities (open deals and value), win rate, sales cycle, value won."""
    t = pack_text(lang)
    won = [d for d in deals if d.status == "won"]
    lost = [d for d in deals if d.status == "lost"]
    cycles = [d.cycle_days for d in won + lost if d.cycle_days is not None]
    value_won: dict[str, Decimal] = defaultdict(Decimal)
    for d in won:
        if d.amount is not None and d.currency:
            value_won[d.currency] += d.amount
    return {
        "won": len(won),
        "lost": len(lost),
        "win_rate": _rate(len(won), len(lost)),
        "cycle_days": round(sum(cycles) / len(cycles)) if cycles else None,
        "cycle_deals": len(cycles),
        "cycle": t["p_cycle_days"].format(days=round(sum(cycles) / len(cycles)), deals=len(cycles))
        if cycles
        else t["none"],
        "value_won": _money(value_won),
    }


def _funnel(name: str, group: list[DealLine]) -> dict[str, Any]:
    """One playbook's funnel: its stages with count, value and weighted value of the open
    deals, the win rate of the deals closed at each stage, and totals."""
    stages = group[0].stages
    live = [d for d in group if d.status == "open"]
    rows = [_stage_row(key, stage_label, weight, group) for key, stage_label, weight in stages]
    total = _totals(live)
    widest = max([int(r["count"]) for r in rows] + [1])
    for row in rows:
        row["bar"] = "█" * round(12 * row["count"] / widest) if row["count"] else ""
        row["share"] = row["count"] / widest
    won = sum(r["won"] for r in rows)
    lost = sum(r["lost"] for r in rows)
    return {
        "playbook": name,
        "stages": rows,
        "count": len(live),
        "value": total["value"],
        "weighted": total["weighted"],
        "won": won,
        "lost": lost,
        "win_rate": _rate(won, lost),
    }


def _stage_row(
    key: str, stage_label: str, weight: Decimal | None, group: list[DealLine]
) -> dict[str, Any]:
    """A funnel's row for one stage: the open deals in it, their value and weighted value,
    and the deals won and lost at this stage."""
    here = [d for d in group if d.stage == key and d.status == "open"]
    value: dict[str, Decimal] = defaultdict(Decimal)
    weighted: dict[str, Decimal] = defaultdict(Decimal)
    for d in here:
        if d.amount is not None and d.currency:
            value[d.currency] += d.amount
            weighted[d.currency] += d.amount * (weight if weight is not None else Decimal(0))
    won = sum(1 for d in group if d.stage == key and d.status == "won")
    lost = sum(1 for d in group if d.stage == key and d.status == "lost")
    return {
        "key": key,
        "label": stage_label,
        "weight": f"{weight * 100:.0f} %" if weight is not None else "—",
        "weight_value": weight,
        "count": len(here),
        "value": _money(value),
        "weighted": _money(weighted),
        "won": won,
        "lost": lost,
        "win_rate": _rate(won, lost),
    }


def _owners(deals: list[DealLine], lang: str) -> list[dict[str, Any]]:
    """Per owner: open deals, their value and weighted value, won and lost, value won."""
    groups: dict[str, list[DealLine]] = defaultdict(list)
    for d in deals:
        groups[d.owner or pack_text(lang)["none"]].append(d)
    rows = []
    for owner, group in groups.items():
        live = [d for d in group if d.status == "open"]
        measures = _measures(group, lang)
        rows.append(
            {
                "owner": owner,
                **_totals(live),
                "won": measures["won"],
                "lost": measures["lost"],
                "win_rate": measures["win_rate"],
                "value_won": measures["value_won"],
            }
        )
    return sorted(rows, key=lambda r: (-r["count"], r["owner"]))


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


def summary_line(view: Pipeline) -> str:
    """The summary line ("12 deals: 9 open, won 2, lost 1") in the view's language."""
    t = pack_text(view.lang)
    head = t["p_summary"].format(deals=view.deals, open=view.open)
    return head + "".join(f"{t['sep']}{status} {count}" for status, count in view.closed.items())


def sort_label(view: Pipeline) -> str:
    """The sort order in words: `stage, close ↓`."""
    names = [
        say(view.lang, f"pipeline.column.{k.lstrip('-')}") + (" ↓" if k.startswith("-") else "")
        for k in view.sort
    ]
    return pack_text(view.lang)["sep"].join(names)
