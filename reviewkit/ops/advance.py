"""`reviewkit advance`: move a deal to a later stage once the work before it is done.

The file is edited in place: the stage value is replaced where it stands and the new stage's
checklist questions and the history entry are inserted, in the file's own indentation and
line endings; every other byte stays as written (comments, quoting, escapes, layout).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewkit import exitcodes
from reviewkit.judge.engine import check_deal, suppressed
from reviewkit.judge.facts import accepted, open_work
from reviewkit.judge.findings import Finding, Review
from reviewkit.model.config import Config, Settings
from reviewkit.model.deal import Deal, load_deal
from reviewkit.model.files import read_text, write_file
from reviewkit.model.formtext import carried, form_of
from reviewkit.model.formtext import rewrite as rewrite_form
from reviewkit.model.playbook import tr
from reviewkit.model.yamlread import Mapping, Node, Scalar, Sequence, compose
from reviewkit.ops.outcome import Outcome
from reviewkit.present.colour import wanted
from reviewkit.present.report import line
from reviewkit.text.catalogue import say
from reviewkit.text.errors import error


@dataclass(frozen=True)
class Gap:
    """Something that does not hold yet before the target stage."""

    stage: str
    item: str  # an item key, or "gate"
    label: str
    state: str
    line: int
    column: int


def gaps_before(deal: Deal, target: str, today: dt.date, config: Config) -> list[Gap]:
    """Every unmet item and gate of the stages before `target` (suppressed ones excepted)."""
    review = Review(deal, today, config)
    found = []
    stages = deal.playbook.stages[: deal.playbook.index[target]]
    for stage, item, state in open_work(review, stages):
        key = item.key if item else "gate"
        if suppressed(deal, "checklist" if item else "gate", stage.key, key):
            continue
        if accepted(review, stage.key, key):  # accepted by an earlier forced move
            continue
        if item is None:
            assert stage.gate is not None
            label, at = stage.gate.label, stage.gate.rule.subject()
        else:
            label = item.label
            at = ("checklist", stage.key, item.key)
            if not deal.has(*at) and item.rule is not None:
                at = item.rule.subject()
        found.append(Gap(stage.key, key, tr(label, deal.language), state, *deal.where(*at)))
    return found


def advance(
    path: Path,
    target: str,
    *,
    config: Config,
    today: dt.date,
    force: bool = False,
    reason: str | None = None,
) -> tuple[Deal, list[Gap], bool]:
    """Move the deal in `path` to stage `target`. Returns the deal as it was, the gaps before
    the target, and whether the file was rewritten (not when gaps remain and not `force`)."""
    deal = load_deal(path, config.playbook, language=config.language)
    playbook = deal.playbook
    playbook.require_stage(target)
    if playbook.index[target] <= deal.stage_index:
        where = ":".join(map(str, (deal.display, *deal.where("deal", "stage"))))
        raise error("move-back", deal.language, where=where, stage=deal.stage)
    if force and not (reason and reason.strip()):
        raise error("force-needs-reason", deal.language)
    gaps = gaps_before(deal, target, today, config)
    if gaps and not force:
        return deal, gaps, False
    text, problems = read_text(path, deal.display)
    assert text is not None and not problems
    updated = rewrite(text, deal, target, today, gaps, reason if force else None)
    with open(path, "rb") as stream:  # a byte order mark stays where it was
        if stream.read(3) == b"\xef\xbb\xbf":
            updated = "\ufeff" + updated
    write_file(path, updated, deal.display)
    return deal, gaps, True


def rewrite(
    text: str, deal: Deal, target: str, today: dt.date, gaps: list[Gap], reason: str | None
) -> str:
    """The deal file's text with the stage moved, the new questions and the history entry.

    Only those bytes change: the stage value is replaced where it stands, and the new lines
    are inserted at the end of `checklist:` and `history:` (or at the end of the file), in
    the file's own indentation and line endings. A file whose shape does not allow that (a
    flow-style or empty `history:`, say) is rewritten with ruamel.yaml's round trip instead.
    """
    form = form_of(text, deal.playbook)
    if form is not None:  # a Chinese-form file: edited in the canonical form, written in its own
        canonical = rewrite_form(text, deal.playbook)
        changed = rewrite(canonical, deal, target, today, gaps, reason)
        return carried(text, canonical, changed, deal.playbook, form)
    spliced = _splice(text, deal, target, today, gaps, reason)
    return spliced if spliced is not None else _round_trip(text, deal, target, today, gaps, reason)


def _entry(deal: Deal, target: str, today: dt.date, gaps: list[Gap], reason: str | None) -> Any:
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap(
        [("date", today), ("from", deal.stage), ("to", target), ("forced", reason is not None)]
    )
    if reason is not None:
        entry["reason"] = reason
        entry["open"] = [f"{g.stage}/{g.item}" for g in gaps]
    return entry


def _stubs(deal: Deal, target: str) -> Any:
    """The target stage's answer stubs, block mappings as `new` writes them (without the
    questions: for files only ruamel.yaml's round trip can edit)."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    stubs = CommentedMap()
    for item in deal.playbook.stage(target).items:
        if item.rule is None:
            stubs[item.key] = CommentedMap(
                [("status", "unknown"), ("evidence", DoubleQuotedScalarString(""))]
            )
    return stubs


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_DOCUMENT_END = re.compile(r"^\.\.\.(?:[ \t]+#.*|[ \t]*)$")


def _content(line: str) -> bool:
    """Whether a line holds YAML content (not blank, not only a comment, not `...`)."""
    bare = line.strip()
    return bool(bare) and not bare.startswith("#") and not _DOCUMENT_END.match(line.rstrip("\r\n"))


def _splice(
    text: str, deal: Deal, target: str, today: dt.date, gaps: list[Gap], reason: str | None
) -> str | None:
    """`rewrite` by editing the text in place, or None where the file's shape does not allow it."""
    if any(c in text for c in "\x85\u2028\u2029"):  # line breaks to YAML, not to us
        return None
    root, _ = compose(text, deal.display)
    if not isinstance(root, Mapping):
        return None
    splice = _Splice(text, deal, root)
    if not splice.move_stage(target):
        return None
    checklist = splice.checklist_inserts(target)
    history = splice.history_inserts(_entry(deal, target, today, gaps, reason))
    if checklist is None or history is None:
        return None
    return splice.joined(checklist + history)


class _Splice:
    """A deal file's lines, edited in place: the stage value, and blocks added at the end of
    `checklist:` and `history:` (or of the file) in the file's own layout."""

    def __init__(self, text: str, deal: Deal, root: Mapping) -> None:
        from ruamel.yaml import YAML

        self.deal = deal
        self.root = root
        self.top = {key.value: (key, value) for key, value in root.pairs}
        lines = [m.group(0) for m in _LINE.finditer(text)][:-1] or [text]
        if lines and lines[-1] == "":
            lines.pop()
        self.lines = lines
        self.newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
        mapping, sequence, offset = indentation(text, deal.display)
        self.mapping = mapping
        self.yaml = YAML()
        self.yaml.width = 1_000_000
        self.yaml.indent(mapping=mapping, sequence=sequence, offset=offset)

    def move_stage(self, target: str) -> bool:
        """Replace the stage value where it stands (quoted as it was); False if it cannot be."""
        info = self.top.get("deal", (None, None))[1]
        stage = (
            next((v for k, v in info.pairs if k.value == "stage"), None)
            if isinstance(info, Mapping)
            else None
        )
        if not isinstance(stage, Scalar) or stage.value != self.deal.stage:
            return False
        if stage.line > len(self.lines):
            return False
        line = self.lines[stage.line - 1]
        at = stage.column - 1
        quote = line[at : at + 1] if line[at : at + 1] in ("'", '"') else ""
        written = f"{quote}{self.deal.stage}{quote}"
        if quote:
            safe = quote not in target and "\\" not in target
        else:
            safe = re.fullmatch(r"[\w][\w.-]*", target) is not None
        if line[at : at + len(written)] != written or not safe:
            return False
        self.lines[stage.line - 1] = (
            line[:at] + f"{quote}{target}{quote}" + line[at + len(written) :]
        )
        return True

    def dumped(self, document: dict[str, Any]) -> list[str]:
        out = io.StringIO()
        self.yaml.dump(document, out)
        return [line + self.newline for line in out.getvalue().split("\n")[:-1]]

    def block_end(self, key: str) -> int | None:
        """Index of the line after the last content line of top-level `key`'s block."""
        name, value = self.top[key]
        if not isinstance(value, Mapping | Sequence) or value.line <= name.line:
            return None  # flow style, empty, or a scalar: not a block to add to
        if (isinstance(value, Mapping) and not value.pairs) or (
            isinstance(value, Sequence) and not value.items
        ):
            return None
        later = [k.line for k, _ in self.root.pairs if k.line > name.line]
        stop = (min(later) - 1) if later else len(self.lines)
        last = max((i for i in range(name.line, stop) if _content(self.lines[i])), default=None)
        return None if last is None else last + 1

    def file_end(self) -> int:
        end = len(self.lines)
        while end and not _content(self.lines[end - 1]):
            if _DOCUMENT_END.match(self.lines[end - 1].rstrip("\r\n")):
                return end - 1  # before a trailing `...`
            end -= 1
        return len(self.lines)

    def checklist_inserts(self, target: str) -> list[tuple[int, list[str]]] | None:
        """Where and what to add for the target stage's new questions (nothing, when it has
        none or is there already); None when the file's shape does not allow it."""
        stubs = _stubs(self.deal, target)
        checklist = self.top.get("checklist")
        if not stubs or (
            checklist is not None
            and isinstance(checklist[1], Mapping)
            and any(k.value == target for k, _ in checklist[1].pairs)
        ):
            return []
        block = self.questions(target) or self.dumped({"checklist": {target: stubs}})
        if checklist is None:
            return [(self.file_end(), block)]
        end = self.block_end("checklist")
        return None if end is None else [(end, block[1:])]

    def questions(self, target: str) -> list[str] | None:
        """`checklist:` and the target stage's questions as `new` writes them, in the file's
        indentation; None when the scaffold has no such block."""
        from reviewkit.present.scaffold import stage_questions

        lines = stage_questions(self.deal.playbook, target, self.deal.language)
        if lines is None:
            return None
        unit = self.mapping

        def indented(line: str) -> str:
            depth = len(line) - len(line.lstrip(" "))
            return " " * (depth // 2 * unit) + line[depth:] + self.newline

        return ["checklist:" + self.newline, *map(indented, lines)]

    def history_inserts(self, entry: Any) -> list[tuple[int, list[str]]] | None:
        """Where and what to add for the history entry; None when the shape does not allow it."""
        block = self.dumped({"history": [entry]})
        if "history" not in self.top:
            return [(self.file_end(), block)]
        end = self.block_end("history")
        if end is None or not isinstance(self.top["history"][1], Sequence):
            return None
        return [(end, block[1:])]

    def joined(self, inserts: list[tuple[int, list[str]]]) -> str:
        """The text with `inserts` made: from the end, so earlier indexes stay right; at one
        index, the later insert goes first."""
        lines = self.lines
        for _, (index, new) in sorted(
            enumerate(inserts), key=lambda p: (p[1][0], p[0]), reverse=True
        ):
            if index > 0 and not lines[index - 1].endswith(("\n", "\r")):
                lines[index - 1] += self.newline  # the last line had no line break
            lines[index:index] = new
        return "".join(lines)


def _round_trip(
    text: str, deal: Deal, target: str, today: dt.date, gaps: list[Gap], reason: str | None
) -> str:
    """`rewrite` through ruamel.yaml's round trip, for files `_splice` cannot edit in place."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")  # worked on with \n, written back as the file had it
    mapping, sequence, offset = indentation(text, deal.display)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    data = yaml.load(text)
    old = data["deal"]["stage"]
    data["deal"]["stage"] = type(old)(target) if isinstance(old, str) else target
    stubs = _stubs(deal, target)
    checklist = data.get("checklist")
    if not isinstance(checklist, dict):
        checklist = data["checklist"] = CommentedMap()
    if stubs and target not in checklist:
        checklist[target] = stubs
    history = data.get("history")
    if not isinstance(history, list):
        history = data["history"] = CommentedSeq()
    history.append(_entry(deal, target, today, gaps, reason))
    out = io.StringIO()
    yaml.dump(data, out)
    written = out.getvalue()
    return written.replace("\n", "\r\n") if crlf else written


def indentation(text: str, display: str) -> tuple[int, int, int]:
    """The file's own block indentation, for ruamel.yaml: (mapping, sequence, offset)."""
    root, _ = compose(text, display)
    mapping = sequence = offset = None
    stack: list[Node] = [root] if root is not None else []
    while stack and (mapping is None or sequence is None):
        node = stack.pop()
        if isinstance(node, Mapping):
            for key, value in node.pairs:
                block = value.line > key.line
                if isinstance(value, Mapping) and value.pairs and block and mapping is None:
                    mapping = value.pairs[0][0].column - key.column
                if isinstance(value, Sequence) and value.items and block and sequence is None:
                    offset = value.column - key.column
                    sequence = value.items[0].column - key.column
                stack.append(value)
        elif isinstance(node, Sequence):
            stack.extend(node.items)
    if sequence is None or offset is None:
        sequence, offset = 4, 2
    return mapping or 2, sequence, offset


def advance_command(
    path: Path,
    target: str,
    *,
    force: bool,
    reason: str | None,
    today: dt.date,
    playbook: Path | None,
    config: Path | None,
    colour: str = "auto",
) -> Outcome:
    """Move the deal on and say so; or list the open work before `target` and refuse. The
    open work is worded and ordered as `check` reports it, in the deal's language."""
    settings = Settings(config, playbook).for_file(path)
    deal, gaps, moved = advance(
        path, target, config=settings, today=today, force=force, reason=reason
    )
    lang = deal.language
    stream = sys.stdout if moved else sys.stderr
    lines = [
        line(f, deal.language, wanted(colour, stream))
        for f in gap_findings(deal, gaps, today, settings)
    ]
    stages = {
        "stage_label": _stage_label(deal, deal.stage),
        "target_label": _stage_label(deal, target),
    }
    if not moved:
        stays = say(
            lang,
            "cli.stays",
            deal=deal.display,
            stage=deal.stage,
            count=len(gaps),
            target=target,
            **stages,
        )
        lines.append(f"reviewkit: {stays}")
        return Outcome(err=tuple(lines), code=exitcodes.FINDINGS)
    note = say(lang, "cli.moved-forced", count=len(gaps)) if gaps else ""
    lines.append(
        say(
            lang,
            "cli.moved",
            deal=deal.display,
            before=deal.stage,
            after=target,
            note=note,
            **stages,
        )
    )
    return Outcome("".join(f"{line}\n" for line in lines))


def gap_findings(deal: Deal, gaps: list[Gap], today: dt.date, config: Config) -> list[Finding]:
    """`check`'s findings for the gaps, in `check`'s order: one wording of open work."""
    open_ = {(gap.stage, gap.item) for gap in gaps}
    config = _all_rules(config)
    every = check_deal(deal, today, config)
    skipped = {gap.stage for gap in gaps} - {
        s.key for s in deal.playbook.stages[: deal.stage_index + 1]
    }
    if skipped:  # stages between this one and the target: as `check` will see them there
        last = max(skipped, key=deal.playbook.index.__getitem__)
        moved = dict(deal.data, deal=dict(deal.data["deal"], stage=last))
        ahead = dataclasses.replace(deal, data=moved)  # type: ignore[arg-type]
        every += [f for f in check_deal(ahead, today, config) if f.stage in skipped]
    found = [f for f in every if f.rule in ("checklist", "gate") and (f.stage, f.item) in open_]
    return sorted(found, key=Finding.sort_key)


def _stage_label(deal: Deal, key: str) -> str:
    """How a stage is named to the deal's reader."""
    return tr(deal.playbook.stages[deal.playbook.index[key]].label, deal.language)


def _all_rules(config: Config) -> Config:
    """The config with the checklist and gate rules on: a gap blocks `advance` even where
    `check` is told not to report it."""
    return dataclasses.replace(config, select=None, ignore=frozenset())
