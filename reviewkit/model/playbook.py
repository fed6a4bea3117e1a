"""Load and validate a playbook: the stages, their checklist items, rules and gates, as data."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reviewkit.assets import PACKAGE
from reviewkit.errors import InvalidFile
from reviewkit.model.conditions import Rule, RuleField
from reviewkit.model.schema import (
    Context,
    Enum,
    Integer,
    ListOf,
    Number,
    Struct,
    Text,
    show,
    suggestion,
)
from reviewkit.model.version import check_version, read_version
from reviewkit.model.yamlread import read_mapping
from reviewkit.text.catalogue import FALLBACK, languages, say
from reviewkit.text.errors import error
from reviewkit.text.labels import label

#: The playbook format version this reviewkit reads.
PLAYBOOK_VERSION = 1
DEFAULT_PLAYBOOK = PACKAGE / "playbooks" / "default.yaml"
#: How the shipped playbook is named where a path would be.
DEFAULT_DISPLAY = "default playbook"
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")

#: A text in each language a catalogue exists for; English is required.
LOCAL = Struct({lang: Text() for lang in languages()}, required=(FALLBACK,))
#: Whose lesson it is: the course's own case, or reviewkit's wording of common practice.
SOURCES = ("course", "reviewkit")
ITEM = Struct(
    {
        "key": Text(),
        "label": LOCAL,
        "question": LOCAL,
        "rule": RuleField(),
        "lesson": LOCAL,
        "source": Enum("lesson-source", SOURCES),
    },
    required=("key", "label", "question"),
)
GATE = Struct(
    {
        "label": LOCAL,
        "rule": RuleField(),
        "lesson": LOCAL,
        "source": Enum("lesson-source", SOURCES),
    },
    required=("label", "rule"),
)
STAGE = Struct(
    {
        "key": Text(),
        "label": LOCAL,
        "summary": LOCAL,
        "weight": Number(),
        "triggers": ListOf(Enum("trigger")),
        "items": ListOf(ITEM),
        "gate": GATE,
    },
    required=("key", "label"),
)
SCHEMA = Struct(
    {
        "reviewkit-playbook": Integer(),
        "name": LOCAL,
        "chain_stage": Text(),
        "stages": ListOf(STAGE),
    },
    required=("reviewkit-playbook", "name", "stages"),
)


def tr(text: Mapping[str, str | None] | None, lang: str) -> str:
    """A playbook text in `lang`, falling back to English."""
    if not text:
        return ""
    return text.get(lang) or text.get(FALLBACK) or ""


@dataclass(frozen=True)
class Lesson:
    """What a gap left open at the close teaches, and whose lesson it is."""

    text: dict[str, str]
    source: str | None  # one of SOURCES; None: the playbook's own


@dataclass(frozen=True)
class Item:
    stage: str
    key: str
    label: dict[str, str]
    question: dict[str, str]
    rule: Rule | None
    lesson: Lesson | None = None


@dataclass(frozen=True)
class Gate:
    stage: str
    label: dict[str, str]
    rule: Rule
    lesson: Lesson | None = None


@dataclass(frozen=True)
class Stage:
    key: str
    index: int
    label: dict[str, str]
    summary: dict[str, str]
    weight: Decimal | None
    triggers: tuple[str, ...]
    items: tuple[Item, ...]
    gate: Gate | None


@dataclass(frozen=True, eq=False)
class Playbook:
    """A validated playbook. Stages are in order; `index` maps a stage key to its position."""

    path: str
    name: dict[str, str]
    stages: tuple[Stage, ...]
    chain_stage: str | None

    @functools.cached_property
    def index(self) -> dict[str, int]:
        return {stage.key: stage.index for stage in self.stages}

    def stage(self, key: str) -> Stage:
        return self.stages[self.index[key]]

    def require_stage(self, key: str) -> None:
        """Refuse a stage key that is not one of this playbook's, naming the ones that are."""
        if key not in self.index:
            keys = [s.key for s in self.stages]
            containing = [k for k in keys if key and key.lower() in k]
            aliases = {key: containing[0]} if len(containing) == 1 else None  # "rel"
            raise error(
                "not-a-stage",
                key=key,
                suggestion=suggestion(FALLBACK, key, keys, aliases),
                stages=", ".join(keys),
            )

    def lesson(self, stage_key: str, item_key: str) -> Lesson | None:
        """The lesson of a stage's item, or of its gate when `item_key` is "gate"."""
        stage = self.stage(stage_key)
        if item_key == "gate":
            return stage.gate.lesson if stage.gate is not None else None
        return next((i.lesson for i in stage.items if i.key == item_key), None)

    @functools.cached_property
    def item_stage(self) -> dict[str, str]:
        """Which stage each item key belongs to (for 'this item is in another stage' hints)."""
        return {item.key: stage.key for stage in self.stages for item in stage.items}


def load_playbook(path: Path | None = None) -> Playbook:
    """Load a playbook file (the shipped default when `path` is None); raise InvalidFile."""
    if path is None:
        return _default()
    return _load(Path(path), str(path))


@functools.cache
def _default() -> Playbook:
    return _load(DEFAULT_PLAYBOOK, DEFAULT_DISPLAY)


def _load(path: Path, display: str) -> Playbook:
    root = read_mapping(path, display)
    assert root is not None
    ctx = Context(display)
    version, found = read_version(root, "reviewkit-playbook", ctx)
    check_version(version, found, ctx, supported=PLAYBOOK_VERSION, too_new="playbook-version")
    if ctx.problems:  # an unreadable version: the rest cannot be trusted to mean what it says
        raise InvalidFile(display, ctx.problems)
    data = SCHEMA.load_document(root, ctx)
    _check_keys(data, ctx)
    if not data["stages"] and ("stages",) in ctx.positions:
        ctx.report(ctx.positions[("stages",)], "no-stages")
    if ctx.problems:
        raise InvalidFile(display, sorted(ctx.problems, key=lambda p: (p.line, p.column)))
    return _build(display, data)


def _check_keys(data: dict[str, Any], ctx: Context) -> None:
    """Keys are well formed and unique; references point at real stages."""
    stage_keys: list[str] = []
    for s, stage in enumerate(data["stages"]):
        _check_name(stage["key"], stage_keys, ctx, ("stages", s, "key"))
        item_keys: list[str] = []
        for i, item in enumerate(stage["items"]):
            _check_name(item["key"], item_keys, ctx, ("stages", s, "items", i, "key"))
        if stage["weight"] is not None and not 0 <= stage["weight"] <= 1:
            at = ctx.positions[("stages", s, "weight")]
            ctx.report(at, "bad-weight", key=show(("stages", s, "weight")), value=stage["weight"])
    chain = data["chain_stage"]
    if chain is not None and chain not in stage_keys:
        ctx.report(
            ctx.positions[("chain_stage",)],
            "bad-reference",
            key="chain_stage",
            value=chain,
            suggestion=suggestion(ctx.lang, chain, stage_keys),
            allowed=", ".join(stage_keys),
        )


def _check_name(name: str | None, seen: list[str], ctx: Context, path: tuple[Any, ...]) -> None:
    if name is None:
        return
    at = ctx.positions[path]
    if not _KEY.match(name):
        ctx.report(at, "bad-name", key=show(path), value=name)
    elif name in seen:
        ctx.report(at, "duplicate-name", key=show(path), value=name)
    seen.append(name)


def _build(display: str, data: dict[str, Any]) -> Playbook:
    stages = []
    for index, raw in enumerate(data["stages"]):
        items = tuple(
            Item(raw["key"], i["key"], i["label"], i["question"], i["rule"], _lesson(i))
            for i in raw["items"]
        )
        gate = raw["gate"]
        stages.append(
            Stage(
                key=raw["key"],
                index=index,
                label=raw["label"],
                summary=raw["summary"],
                weight=raw["weight"],
                triggers=tuple(raw["triggers"]),
                items=items,
                gate=Gate(raw["key"], gate["label"], gate["rule"], _lesson(gate))
                if gate["rule"]
                else None,
            )
        )
    return Playbook(display, data["name"], tuple(stages), data["chain_stage"])


def lesson_line(lesson: Lesson, lang: str) -> str:
    """A lesson as `playbook show` prints it, saying whose it is."""
    key = f"playbook.lesson.{lesson.source}" if lesson.source else "playbook.lesson"
    return say(lang, key, text=tr(lesson.text, lang))


def _lesson(raw: dict[str, Any]) -> Lesson | None:
    """An item's or gate's lesson: `course` marks the course's own case, `reviewkit`
    reviewkit's wording of common practice, no source the playbook author's own."""
    if not any((raw["lesson"] or {}).values()):
        return None
    return Lesson(raw["lesson"], raw["source"])


def describe(playbook: Playbook, lang: str = "en") -> str:
    """The playbook as text: stages in order, their items (with the rule that answers each,
    or "answered in the deal file") and gates; the good coach's profile at the chain stage.
    The layout is the catalogue's (`playbook.*`): English shows the keys a deal file uses,
    Chinese only the labels."""
    sep = say(lang, "punct.sep")
    where = say(lang, "playbook.default") if playbook.path == DEFAULT_DISPLAY else playbook.path
    lines = [say(lang, "playbook.head", name=tr(playbook.name, lang), path=where)]
    if playbook.chain_stage:
        chain = playbook.stages[playbook.index[playbook.chain_stage]]
        lines.append(say(lang, "playbook.chain-stage", key=chain.key, stage=tr(chain.label, lang)))
    for stage in playbook.stages:
        lines.append("")
        extra = []
        if stage.weight is not None:
            extra.append(say(lang, "playbook.weight", weight=stage.weight))
        if stage.triggers:
            triggers = sep.join(label("trigger", t, lang) for t in stage.triggers)
            keys = ", ".join(stage.triggers)
            extra.append(say(lang, "playbook.triggers", keys=keys, triggers=triggers))
        suffix = say(lang, "playbook.extra", extra=say(lang, "punct.semi").join(extra))
        lines.append(
            say(
                lang,
                "playbook.stage",
                n=stage.index + 1,
                key=stage.key,
                label=tr(stage.label, lang),
                extra=suffix if extra else "",
            )
        )
        if stage.summary:
            lines.append(f"   {tr(stage.summary, lang)}")
        for item in stage.items:
            lines.append(say(lang, "playbook.item", key=item.key, label=tr(item.label, lang)))
            lines.append(say(lang, "playbook.line", blank="", text=tr(item.question, lang)))
            how = item.rule.describe(lang) if item.rule else say(lang, "playbook.in-deal-file")
            lines.append(say(lang, "playbook.line", blank="", text=f"→ {how}"))
            if item.lesson is not None:
                lesson = lesson_line(item.lesson, lang)
                lines.append(say(lang, "playbook.line", blank="", text=lesson))
        if stage.gate is not None:
            gate = say(lang, "playbook.gate")
            lines.append(
                say(lang, "playbook.gate-line", gate=gate, label=tr(stage.gate.label, lang))
            )
            how = stage.gate.rule.describe(lang)
            lines.append(say(lang, "playbook.line", blank="", text=f"→ {how}"))
            if stage.gate.lesson is not None:
                lesson = lesson_line(stage.gate.lesson, lang)
                lines.append(say(lang, "playbook.line", blank="", text=lesson))
        if stage.key == playbook.chain_stage:  # where the coach is developed
            lines += [f"   {line}" for line in say(lang, "coach.profile").splitlines()]
    return "\n".join(lines) + "\n"
