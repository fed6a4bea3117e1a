"""What changed in a deal between two versions of its file: the movement a review meeting is about.

Attitude moves per person, people added or removed, coach, speaks-for-us and competitor-tie
changes, new dynamics, customer visits and product problems, actions done, dropped or slipped, stage, status, value and close-date changes,
checklist items and gates newly met or lost. The older version is another file, or the
same file at a git revision (read with git, in the deal's own repository).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from reviewkit.judge.facts import (
    gate_holds,
    is_coach,
    is_open_problem,
    is_us,
    item_state,
    speaks_for_us,
    tie_state,
)
from reviewkit.judge.findings import Review
from reviewkit.judge.floor import Redactor, floor_amount, redacted
from reviewkit.model.config import Config
from reviewkit.model.deal import Deal, load_deal, parse_deal
from reviewkit.model.playbook import tr
from reviewkit.text.catalogue import say
from reviewkit.text.errors import error
from reviewkit.text.labels import label
from reviewkit.text.money import money

if TYPE_CHECKING:
    from reviewkit.model.dealtypes import DealData, Person

#: The kinds of change, in the order a report lists them.
KINDS = (
    "stage",
    "status",
    "value",
    "close-date",
    "person-added",
    "person-removed",
    "attitude",
    "influence",
    "coach",
    "speaks-for-us",
    "competitor-ties",
    "dynamic-added",
    "visit-added",
    "problem-added",
    "problem-resolved",
    "action-done",
    "action-dropped",
    "action-slipped",
    "action-added",
    "action-removed",
    "item-met",
    "item-lost",
    "gate-passed",
    "gate-lost",
)

_FLAGS: tuple[tuple[str, Literal["coach", "speaks_for_us"], Callable[[Person], bool]], ...] = (
    ("coach", "coach", is_coach),
    ("speaks-for-us", "speaks_for_us", speaks_for_us),
)
GROUPS = {
    "deal": ("stage", "status", "value", "close-date"),
    "people": (
        "person-added",
        "person-removed",
        "attitude",
        "influence",
        "coach",
        "speaks-for-us",
        "competitor-ties",
    ),
    "dynamics": ("dynamic-added", "visit-added", "problem-added", "problem-resolved"),
    "actions": (
        "action-done",
        "action-dropped",
        "action-slipped",
        "action-added",
        "action-removed",
    ),
    "checklist": ("item-met", "item-lost", "gate-passed", "gate-lost"),
}


E = TypeVar("E", bound=Mapping[str, object])


@dataclass(frozen=True)
class Change:
    kind: str
    subject: str
    before: str
    after: str
    line: int
    column: int
    reversal: bool = False

    def text(self, lang: str) -> str:
        return say(
            lang, f"change.{self.kind}", subject=self.subject, before=self.before, after=self.after
        )


def _by_name(entries: Sequence[E], key: str) -> dict[str, tuple[int, E]]:
    return {str(e[key]).strip(): (i, e) for i, e in enumerate(entries) if e.get(key)}


@dataclass
class _Collector:
    """The changes found so far, each placed at its key in the new version."""

    new: Deal
    changes: list[Change] = dataclasses.field(default_factory=list)

    def __call__(
        self,
        kind: str,
        subject: str,
        before: Any,
        after: Any,
        *at: str | int,
        reversal: bool = False,
    ) -> None:
        line, column = self.new.where(*at)
        self.changes.append(Change(kind, subject, str(before), str(after), line, column, reversal))


def compare(
    old: Deal, new: Deal, today: dt.date, config: Config | None = None, lang: str | None = None
) -> list[Change]:
    """Every change from `old` to `new`, in the order of KINDS, in `lang` (default: the new
    deal's language)."""
    lang = lang or new.language
    add = _Collector(new)
    _deal_changes(add, old, new, lang)
    _people_changes(add, old.data, new.data, lang)
    _dynamics_changes(add, old.data, new.data, lang)
    _visit_and_problem_changes(add, old.data, new.data, lang)
    _action_changes(add, old.data, new.data)
    _checklist_changes(add, old, new, today, config, lang)
    return sorted(add.changes, key=lambda c: KINDS.index(c.kind))


def _deal_changes(add: _Collector, old: Deal, new: Deal, lang: str) -> None:
    o, n = old.data, new.data
    if old.stage != new.stage:
        add(
            "stage", "", _stage(old, old.stage, lang), _stage(new, new.stage, lang), "deal", "stage"
        )
    if old.status != new.status:
        add(
            "status",
            "",
            label("status", old.status, lang),
            label("status", new.status, lang),
            "deal",
            "status",
        )
    if o["deal"]["value"] != n["deal"]["value"]:
        add(
            "value",
            "",
            money(o["deal"]["value"], lang) or "—",
            money(n["deal"]["value"], lang) or "—",
            "deal",
            "value",
        )
    if o["deal"]["expected_close"] != n["deal"]["expected_close"]:
        add(
            "close-date",
            "",
            _day(o["deal"]["expected_close"]),
            _day(n["deal"]["expected_close"]),
            "deal",
            "expected_close",
        )


def _people_changes(add: _Collector, o: DealData, n: DealData, lang: str) -> None:
    before_people = _by_name(o["decision_chain"], "name")
    after_people = _by_name(n["decision_chain"], "name")
    for name, (index, person) in after_people.items():
        at = ("decision_chain", index)
        if name not in before_people:
            roles = ", ".join(label("role", r, lang) for r in person["roles"]) or label(
                "attitude", "unknown", lang
            )
            add("person-added", name, "", roles, *at)
            continue
        _person_changes(add, name, before_people[name][1], person, at, lang)
    for name in before_people:
        if name not in after_people:
            add("person-removed", name, "", "", "decision_chain")


def _person_changes(
    add: _Collector, name: str, previous: Person, person: Person, at: tuple[str, int], lang: str
) -> None:
    if (previous["attitude"] or "unknown") != (person["attitude"] or "unknown"):
        add(
            "attitude",
            name,
            label("attitude", previous["attitude"] or "unknown", lang),
            label("attitude", person["attitude"] or "unknown", lang),
            *at,
            "attitude",
        )
    if (
        previous["influence"] != person["influence"]
        and previous["influence"]
        and person["influence"]
    ):
        add(
            "influence",
            name,
            label("level", previous["influence"], lang),
            label("level", person["influence"], lang),
            *at,
            "influence",
        )
    for kind, key, holds in _FLAGS:
        if holds(previous) != holds(person):
            words = say(lang, f"change.{kind}.{'on' if holds(person) else 'off'}")
            add(kind, name, "", words, *at, key)
    ties_before, ties_after = (
        tie_state(previous["competitor_ties"]),
        tie_state(person["competitor_ties"]),
    )
    if ties_before != ties_after:
        add(
            "competitor-ties",
            name,
            say(lang, f"change.ties.{ties_before or 'blank'}"),
            say(lang, f"change.ties.{ties_after or 'blank'}"),
            *at,
            "competitor_ties",
        )


def _dynamics_changes(add: _Collector, o: DealData, n: DealData, lang: str) -> None:
    seen = {(d["date"], (d["event"] or "").strip()) for d in o["dynamics"]}
    for index, event in enumerate(n["dynamics"]):
        if (event["date"], (event["event"] or "").strip()) not in seen:
            add(
                "dynamic-added",
                label("party", event["party"], lang) or "?",
                _day(event["date"]),
                " ".join((event["event"] or "").split()),
                "dynamics",
                index,
                reversal=bool(event["reversal"]),
            )


def _visit_and_problem_changes(add: _Collector, o: DealData, n: DealData, lang: str) -> None:
    """Visits newly recorded; product problems newly recorded, or resolved since."""
    seen = {(v["date"], " ".join((v["site"] or "").split())) for v in o["visits"]}
    for index, visit in enumerate(n["visits"]):
        site = " ".join((visit["site"] or "").split())
        if (visit["date"], site) in seen:
            continue
        host = say(lang, "change.us") if is_us(visit["host"]) else visit["host"] or "?"
        gone = visit["accompanied"] is False
        after = say(lang, "change.visit-unaccompanied", host=host) if gone else host
        add("visit-added", site, _day(visit["date"]), after, "visits", index)
    before = {" ".join((p["problem"] or "").split()): p for p in o["product_problems"]}
    for index, problem in enumerate(n["product_problems"]):
        text = " ".join((problem["problem"] or "").split())
        whose = say(lang, "change.us") if is_us(problem["whose"]) else problem["whose"] or "?"
        if text not in before:
            add("problem-added", text, "", whose, "product_problems", index)
        elif is_open_problem(before[text]) and not is_open_problem(problem):
            add("problem-resolved", text, "", whose, "product_problems", index, "status")


def _action_changes(add: _Collector, o: DealData, n: DealData) -> None:
    before_actions = _by_name(o["actions"], "what")
    after_actions = _by_name(n["actions"], "what")
    for what, (index, action) in after_actions.items():
        at = ("actions", index)
        short = " ".join(what.split())
        if what not in before_actions:
            add("action-added", short, "", f"{action['owner'] or '?'}, {_day(action['due'])}", *at)
            continue
        previous = before_actions[what][1]
        if previous["status"] == "open" and action["status"] == "done":
            add("action-done", short, "", "", *at, "status")
        elif previous["status"] == "open" and action["status"] == "dropped":
            add("action-dropped", short, "", "", *at, "status")
        elif previous["due"] and action["due"] and action["due"] > previous["due"]:
            add("action-slipped", short, _day(previous["due"]), _day(action["due"]), *at, "due")
    for what in before_actions:
        if what not in after_actions:
            add("action-removed", " ".join(what.split()), "", "", "actions")


def _checklist_changes(
    add: _Collector, old: Deal, new: Deal, today: dt.date, config: Config | None, lang: str
) -> None:
    old_review = Review(old, today, config) if config else Review(old, today)
    new_review = Review(new, today, config) if config else Review(new, today)
    last = max(old.stage_index, new.stage_index)
    for stage in new.playbook.stages[: last + 1]:
        for item in stage.items:
            was = item_state(old_review, item)
            now = item_state(new_review, item)
            name = f"{tr(stage.label, lang)} › {tr(item.label, lang)}"
            place = ("checklist", stage.key, item.key)
            if now.met and not was.met:
                add("item-met", name, "", "", *place)
            elif was.met and not now.met:
                states = _states(lang)
                add("item-lost", name, states["met"], states[now.state], *place)
        if stage.gate is not None:
            was_gate, now_gate = gate_holds(old_review, stage), gate_holds(new_review, stage)
            name = f"{tr(stage.label, lang)} › {tr(stage.gate.label, lang)}"
            if now_gate and not was_gate:
                add("gate-passed", name, "", "", *stage.gate.rule.subject())
            elif was_gate and not now_gate:
                add("gate-lost", name, "", "", *stage.gate.rule.subject())


def changes_between(
    old: Deal,
    new: Deal,
    today: dt.date,
    config: Config,
    reveal_floor: bool = False,
    lang: str | None = None,
) -> list[Change]:
    """`compare`, with the floor figures of both versions out of every text unless revealed."""
    changes = compare(old, new, today, config, lang)
    if reveal_floor:
        return changes
    words = redacted(lang or new.language)
    redactor = Redactor([floor_amount(old.data), floor_amount(new.data)], words)
    # A money field is shown as itself: the marker never stands in for another field's value.
    return [
        dataclasses.replace(
            c,
            subject=redactor.text(c.subject),
            before=c.before if c.kind == "value" else redactor.text(c.before),
            after=c.after if c.kind == "value" else redactor.text(c.after),
        )
        for c in changes
    ]


def _states(lang: str) -> dict[str, str]:
    from reviewkit.text.packtext import pack_text

    t = pack_text(lang)
    return {s: t[f"st_{s}"] for s in ("met", "partial", "unmet", "unknown", "unanswered")}


def _stage(deal: Deal, key: str, lang: str) -> str:
    return tr(deal.playbook.stage(key).label, lang) if key in deal.playbook.index else key


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def load_version(path: Path, ref: str, config: Config) -> Deal:
    """The deal as it was: `ref` is another file, or a git revision of `path` (HEAD~1, a tag,
    a commit) read with `git show` in the deal's own repository."""
    from reviewkit.model import git

    candidate = Path(ref)
    if candidate.is_file():
        return load_deal(candidate, config.playbook, language=config.language)
    if candidate.suffix in (".yaml", ".yml") or ("/" in ref and not ref.startswith(("HEAD", "@"))):
        raise error("no-such-version", ref=ref)
    text = git.show(path, ref)
    return parse_deal(text, path, config.playbook, f"{path}@{ref}", config.language)


def report(changes: list[Change], lang: str, since: str) -> str:
    """The changes as text, grouped: the deal, people, dynamics, actions, checklist."""
    from reviewkit.text.packtext import pack_text

    t = pack_text(lang)
    lines = [f"{t['since_title']}{t['colon']}{since}"]
    if not changes:
        lines.append(f"  {t['no_changes']}")
    for group, kinds in GROUPS.items():
        chosen = [c for c in changes if c.kind in kinds]
        if chosen:
            lines.append(f"{t['since_' + group]}{t['colon'].rstrip()}")
            for change in chosen:
                mark = f"  ⟲ {t['reversal']}" if change.reversal else ""
                lines.append(f"  {change.text(lang)}{mark}")
    return "\n".join(lines) + "\n"
