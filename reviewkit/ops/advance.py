"""`reviewkit advance`: move a deal to a later stage once the work before it is done.

The file is rewritten with ruamel.yaml's round trip, with the indentation detected from
the file itself, so comments, quoting, key order and layout survive: the only lines that
change are the stage, the new stage's checklist questions and the history entry.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from reviewkit import exitcodes
from reviewkit.errors import ReviewkitError
from reviewkit.judge.engine import suppressed
from reviewkit.judge.facts import open_work
from reviewkit.judge.findings import Review
from reviewkit.model.config import Config, Settings
from reviewkit.model.deal import Deal, load_deal
from reviewkit.model.files import read_text, write_file
from reviewkit.model.playbook import tr
from reviewkit.model.yamlread import Mapping, Node, Sequence, compose
from reviewkit.ops.outcome import Outcome


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
        raise ReviewkitError(
            f"{deal.display}: the deal is at '{deal.stage}'; advance moves only to a later stage",
            hint="to move a deal back, edit deal.stage by hand",
        )
    if force and not (reason and reason.strip()):
        raise ReviewkitError(
            "--force needs --reason TEXT", hint="say why the deal moves on regardless"
        )
    gaps = gaps_before(deal, target, today, config)
    if gaps and not force:
        return deal, gaps, False
    text, problems = read_text(path, deal.display)
    assert text is not None and not problems
    updated = rewrite(text, deal, target, today, gaps, reason if force else None)
    write_file(path, updated, deal.display)
    return deal, gaps, True


def rewrite(
    text: str, deal: Deal, target: str, today: dt.date, gaps: list[Gap], reason: str | None
) -> str:
    """The deal file's text with the stage moved, the new questions and the history entry."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

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
    stage = deal.playbook.stage(target)
    stubs = CommentedMap()
    for item in stage.items:
        if item.rule is None:
            answer = CommentedMap(
                [("status", "unknown"), ("evidence", DoubleQuotedScalarString(""))]
            )
            answer.fa.set_flow_style()
            stubs[item.key] = answer
    checklist = data.get("checklist")
    if not isinstance(checklist, dict):
        checklist = data["checklist"] = CommentedMap()
    if stubs and target not in checklist:
        checklist[target] = stubs
    entry = CommentedMap(
        [("date", today), ("from", deal.stage), ("to", target), ("forced", reason is not None)]
    )
    if reason is not None:
        entry["reason"] = reason
        entry["open"] = [f"{g.stage}/{g.item}" for g in gaps]
    history = data.get("history")
    if not isinstance(history, list):
        history = data["history"] = CommentedSeq()
    history.append(entry)
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
) -> Outcome:
    """Move the deal on and say so; or list the open work before `target` and refuse."""
    settings = Settings(config, playbook).for_file(path)
    deal, gaps, moved = advance(
        path, target, config=settings, today=today, force=force, reason=reason
    )
    lines = [
        f"{deal.display}:{gap.line}:{gap.column}: {gap.stage} › {gap.item} ({gap.label}): "
        f"{gap.state}"
        for gap in gaps
    ]
    if not moved:
        lines.append(
            f"reviewkit: {deal.display} stays at '{deal.stage}': {len(gaps)} item(s) or gate(s) "
            f"before '{target}' do not hold — complete them, or pass --force --reason TEXT"
        )
        return Outcome(err=tuple(lines), code=exitcodes.FINDINGS)
    note = f" (forced past {len(gaps)} open item(s); recorded in history)" if gaps else ""
    lines.append(f"Moved {deal.display} from '{deal.stage}' to '{target}'{note}.")
    return Outcome("".join(f"{line}\n" for line in lines))
