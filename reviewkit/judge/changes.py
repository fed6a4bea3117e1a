"""What changed in a deal between two versions of its file: the movement a review meeting is about.

Attitude moves per person, people added or removed, coach and speaks-for-us changes, new
dynamics, actions done, dropped or slipped, stage, status, value and close-date changes,
checklist items and gates newly met or lost. The older version is another file, or the
same file at a git revision (read with git, in the deal's own repository).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewkit.errors import ReviewkitError
from reviewkit.judge.findings import Review
from reviewkit.judge.floor import REDACTED, Redactor, floor_amount
from reviewkit.judge.rules.checklist import gate_holds, item_state
from reviewkit.model.config import Config
from reviewkit.model.deal import Deal, load_deal, parse_deal
from reviewkit.model.playbook import tr
from reviewkit.text.labels import label
from reviewkit.text.money import money

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
    "dynamic-added",
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

_WORDS: dict[str, tuple[str, str]] = {
    "stage": ("Stage: {before} → {after}", "阶段：{before} → {after}"),
    "status": ("Status: {before} → {after}", "状态：{before} → {after}"),
    "value": ("Value: {before} → {after}", "金额：{before} → {after}"),
    "close-date": ("Expected close: {before} → {after}", "预计成交：{before} → {after}"),
    "person-added": (
        "{subject} joined the decision chain ({after})",
        "{subject} 进入决策链（{after}）",
    ),
    "person-removed": ("{subject} left the decision chain", "{subject} 移出决策链"),
    "attitude": ("{subject}: {before} → {after}", "{subject}：{before} → {after}"),
    "influence": (
        "{subject}: influence {before} → {after}",
        "{subject}：影响力 {before} → {after}",
    ),
    "coach": ("{subject}: {after}", "{subject}：{after}"),
    "speaks-for-us": ("{subject}: {after}", "{subject}：{after}"),
    "dynamic-added": ("{before} {subject}: {after}", "{before} {subject}：{after}"),
    "action-done": ("done: {subject}", "已完成：{subject}"),
    "action-dropped": ("dropped: {subject}", "已取消：{subject}"),
    "action-slipped": (
        "slipped: {subject} (due {before} → {after})",
        "延期：{subject}（{before} → {after}）",
    ),
    "action-added": ("new: {subject} ({after})", "新增：{subject}（{after}）"),
    "action-removed": ("removed from the plan: {subject}", "从计划中删除：{subject}"),
    "item-met": ("newly met: {subject}", "新满足：{subject}"),
    "item-lost": (
        "no longer met: {subject} ({before} → {after})",
        "不再满足：{subject}（{before} → {after}）",
    ),
    "gate-passed": ("gate passed: {subject}", "关口通过：{subject}"),
    "gate-lost": ("gate no longer passed: {subject}", "关口不再通过：{subject}"),
}
_FLAGS = {
    ("coach", True): ("now our coach", "成为我方教练"),
    ("coach", False): ("no longer our coach", "不再是我方教练"),
    ("speaks-for-us", True): ("now speaks for us", "开始为我方说话"),
    ("speaks-for-us", False): ("no longer speaks for us", "不再为我方说话"),
}
GROUPS = {
    "deal": ("stage", "status", "value", "close-date"),
    "people": ("person-added", "person-removed", "attitude", "influence", "coach", "speaks-for-us"),
    "dynamics": ("dynamic-added",),
    "actions": (
        "action-done",
        "action-dropped",
        "action-slipped",
        "action-added",
        "action-removed",
    ),
    "checklist": ("item-met", "item-lost", "gate-passed", "gate-lost"),
}


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
        words = _WORDS[self.kind][1 if lang == "zh" else 0]
        return words.format(subject=self.subject, before=self.before, after=self.after)


def _by_name(entries: list[dict[str, Any]], key: str) -> dict[str, tuple[int, dict[str, Any]]]:
    return {str(e[key]).strip(): (i, e) for i, e in enumerate(entries) if e.get(key)}


def compare(
    old: Deal, new: Deal, today: dt.date, config: Config | None = None, lang: str | None = None
) -> list[Change]:
    """Every change from `old` to `new`, in the order of KINDS, in `lang` (default: the new
    deal's language)."""
    lang = lang or new.language
    changes: list[Change] = []

    def add(
        kind: str, subject: str, before: Any, after: Any, *at: str | int, reversal: bool = False
    ) -> None:
        line, column = new.where(*at)
        changes.append(Change(kind, subject, str(before), str(after), line, column, reversal))

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
        previous = before_people[name][1]
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
        for kind, key in (("coach", "coach"), ("speaks-for-us", "speaks_for_us")):
            if bool(previous[key]) != bool(person[key]):
                words = _FLAGS[(kind, bool(person[key]))][1 if lang == "zh" else 0]
                add(kind, name, "", words, *at, key)
    for name in before_people:
        if name not in after_people:
            add("person-removed", name, "", "", "decision_chain")

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
    return sorted(changes, key=lambda c: KINDS.index(c.kind))


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
    words = REDACTED.get(lang or new.language, REDACTED["en"])
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
        raise ReviewkitError(f"{ref}: no such file", hint="check the path, or give a git revision")
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
