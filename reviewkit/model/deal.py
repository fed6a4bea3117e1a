"""Load a deal file (format 1) into a `Deal`: plain values plus the source position of each key."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from reviewkit.errors import InvalidFile, Problem
from reviewkit.model.aliases import Labels, normalise, report_clashes
from reviewkit.model.dealformat import ANSWER, FORMAT_VERSION, deal_schema, stage_move
from reviewkit.model.files import read_text
from reviewkit.model.playbook import Playbook, load_playbook, tr
from reviewkit.model.schema import Context, Enum, Field, Recorded, Struct, suggestion
from reviewkit.model.schema import Path as KeyPath
from reviewkit.model.version import check_version, read_version
from reviewkit.model.withhold import withhold_problems
from reviewkit.model.yamlread import Mapping, Node, Scalar, compose, require_mapping
from reviewkit.text.catalogue import FALLBACK, languages
from reviewkit.text.labels import readings

if TYPE_CHECKING:
    from reviewkit.model.dealtypes import DealData, Language

CLOSED = frozenset({"won", "lost", "dropped"})
# `language: zh` as written, before parsing (a full-width '：' is a slip, still meant as zh)
_LANGUAGE = re.compile(r"(?:^\s+|[{,]\s*)(?:language|语言)[:：]\s*['\"]?([\w-]+)", re.MULTILINE)


@dataclass(frozen=True)
class Deal:
    """A valid deal: `data` holds every key of the format (absent ones empty)."""

    path: Path
    display: str
    data: DealData
    positions: dict[KeyPath, tuple[int, int]]
    playbook: Playbook

    def where(self, *keys: str | int) -> tuple[int, int]:
        """Line and column of a key, or of its nearest present parent (1, 1 at worst)."""
        path = tuple(keys)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return (1, 1)

    def has(self, *keys: str | int) -> bool:
        return tuple(keys) in self.positions

    @property
    def name(self) -> str:
        return str(self.data["deal"]["name"])

    @property
    def id(self) -> str:
        return str(self.data["deal"]["id"])

    @property
    def stage(self) -> str:
        return str(self.data["deal"]["stage"])

    @property
    def stage_index(self) -> int:
        return self.playbook.index[self.stage]

    @property
    def status(self) -> str:
        return str(self.data["deal"]["status"])

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED

    @property
    def language(self) -> str:
        return str(self.data["deal"]["language"])

    @property
    def confidential(self) -> bool:
        return bool(self.data["deal"]["confidential"])


@functools.lru_cache(maxsize=8)
def schema_for(playbook: Playbook) -> Struct:
    """Deal format 1 with the stage keys and checklist items of `playbook`."""
    stage_keys = tuple(s.key for s in playbook.stages)
    stages: dict[str, Field] = {}
    for stage in playbook.stages:
        items: dict[str, Field] = {item.key: ANSWER for item in stage.items}
        stages[stage.key] = Struct(items, on_unknown=_unknown_item(playbook, stage.key))
    item_keys = tuple(dict.fromkeys(i.key for s in playbook.stages for i in s.items))
    gaps = gap_names(playbook)
    return deal_schema(
        stage=Enum("stage", stage_keys, kind="unknown-stage", labels=stage_names(playbook)),
        checklist=Struct(stages),
        item=Enum("item", item_keys, labels=item_names(playbook)),
        moves=stage_move(
            Recorded("stage", stage_keys, labels=stage_names(playbook)),
            Recorded("gap", tuple(gaps[FALLBACK]), labels=gaps),
        ),
    )


def stage_names(playbook: Playbook) -> dict[str, dict[str, str]]:
    """The playbook's stage labels, by language and stage key (their Chinese-form words)."""
    return {lang: {s.key: tr(s.label, lang) for s in playbook.stages} for lang in languages()}


def gap_names(playbook: Playbook) -> dict[str, dict[str, str]]:
    """What a forced move leaves open, `stage/item` (`stage/gate` for a stage's gate), by
    language: `需求了解与信息收集/客户背景` in a Chinese-form file's `history:`."""
    names: dict[str, dict[str, str]] = {lang: {} for lang in languages()}
    for stage in playbook.stages:
        parts = [(item.key, item.label) for item in stage.items]
        if stage.gate is not None:
            parts.append(("gate", stage.gate.label))
        for key, label in parts:
            for lang in languages():
                names[lang][f"{stage.key}/{key}"] = f"{tr(stage.label, lang)}/{tr(label, lang)}"
    return names


def item_names(playbook: Playbook) -> dict[str, dict[str, str]]:
    """The playbook's item labels, by language and item key (first stage's, if repeated)."""
    items = [i for s in playbook.stages for i in s.items]
    return {lang: {i.key: tr(i.label, lang) for i in reversed(items)} for lang in languages()}


def _unknown_item(playbook: Playbook, stage: str) -> Callable[[Scalar, Context, KeyPath], bool]:
    known = [item.key for item in playbook.stage(stage).items]

    def report(key: Scalar, ctx: Context, path: KeyPath) -> bool:
        other = playbook.item_stage.get(key.value)
        if other is not None:
            ctx.report(key, "item-of-other-stage", key=key.value, stage=stage, other=other)
        else:
            words = ctx.keys(path, known)  # the items' names in a Chinese-form file
            ctx.report(
                key,
                "unknown-item",
                key=key.value,
                stage=ctx.keys(path[:-1], [stage])[0],
                known=", ".join(words),
                suggestion=suggestion(ctx.lang, key.value, words),
            )
        return True

    return report


def _language(root: Node | None) -> str | None:
    """`deal.language` as written, if it is one reviewkit speaks."""
    if not isinstance(root, Mapping):
        return None
    deal = next((v for k, v in root.pairs if k.value == "deal"), None)
    if not isinstance(deal, Mapping):
        return None
    value = next((v for k, v in deal.pairs if k.value == "language"), None)
    return value.value if isinstance(value, Scalar) and value.value in languages() else None


def guess_language(text: str, default: str | None = None) -> str:
    """The language a deal file's text names in `deal.language`, before it is parsed (the
    file may not parse); else `default`, else English."""
    by_label = readings("language")  # `语言: 中文`
    named = [by_label.get(n, n) for n in _LANGUAGE.findall(text)]
    named = [name for name in named if name in languages()]
    return named[0] if named else (default or FALLBACK)


def _place(problem: Problem) -> tuple[int, int]:
    return (problem.line, problem.column)


def load_deal(
    path: Path | str,
    playbook: Playbook | None = None,
    display: str | None = None,
    language: str | None = None,
) -> Deal:
    """Read and validate a deal file; raise InvalidFile listing every problem found.

    `language` is the team's default for a deal that does not set `deal.language`.
    """
    path = Path(path)
    display = display or str(path)
    text, problems = read_text(path, display)
    if text is None:
        raise InvalidFile(display, problems)
    return parse_deal(text, path, playbook, display, language)


def parse_deal(
    text: str,
    path: Path,
    playbook: Playbook | None = None,
    display: str | None = None,
    language: str | None = None,
) -> Deal:
    """Validate a deal file's text (read from `path`, or from a git revision of it).

    The problems of an invalid file never quote its floor price (see `model.withhold`).
    """
    try:
        return _parse_deal(text, path, playbook, display, language)
    except InvalidFile as exc:
        root, _ = compose(text, exc.path)  # again, only for a broken file
        book = playbook or load_playbook()
        normalise(root, schema_for(book), book)  # the floor may be written `底线:`
        problems = withhold_problems(exc.problems, root, text, exc.language)
        raise InvalidFile(exc.path, problems, exc.language) from None


def _parse_deal(
    text: str,
    path: Path,
    playbook: Playbook | None,
    display: str | None,
    language: str | None,
) -> Deal:
    display = display or str(path)
    playbook = playbook or load_playbook()
    # Messages are in the deal's language; before the file is parsed, a guess from its text.
    lang = guess_language(text, language)
    parsed, problems = compose(text, display, lang)
    # A file may write keys and values in Chinese (`影响力: 高`): read as the canonical form.
    spelling = normalise(parsed, schema_for(playbook), playbook)
    lang = _language(parsed) or language or FALLBACK if parsed is not None else lang
    root = require_mapping(parsed, problems, display, lang)
    assert root is not None
    names = Labels(playbook).key
    ctx = Context(display, lang, written=spelling.written, form=spelling.form, names=names)
    version, found = read_version(root, "reviewkit", ctx)
    if ctx.problems:  # not a number: the rest cannot be trusted to mean what it says
        raise InvalidFile(display, ctx.problems, lang)
    if check_version(version, found, ctx, supported=FORMAT_VERSION, too_new="version-too-new"):
        raise InvalidFile(display, ctx.problems, lang)
    report_clashes(spelling, ctx)
    # The schema fills every key of the format: the shape dealtypes.py describes.
    data = cast("DealData", schema_for(playbook).load_document(root, ctx))
    if ctx.problems:
        raise InvalidFile(display, sorted(ctx.problems, key=_place), lang)
    info = data["deal"]
    info["id"] = info["id"] or path.name.removesuffix(".yaml").removesuffix(".yml")
    info["status"] = info["status"] or "open"
    # The team's default was checked against the catalogue languages when its config loaded.
    info["language"] = info["language"] or cast("Language", language or FALLBACK)
    info["confidential"] = bool(info["confidential"])
    for action in data["actions"]:
        action["status"] = action["status"] or "open"
    for problem in data["product_problems"]:
        problem["status"] = problem["status"] or "open"
    return Deal(path, display, data, ctx.positions, playbook)
