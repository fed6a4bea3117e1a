"""Parse YAML with ruamel.yaml's C parser into a small node tree that keeps source positions.

Deal files are hand-edited and confidential, so the reader is deliberately narrow: one
document, no anchors or aliases, no explicit tags, bounded nesting, unique keys. Values
stay text here; `schema` decides what each one means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _ruamel_yaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from reviewkit.errors import InvalidFile, Problem
from reviewkit.model.files import read_text
from reviewkit.model.slips import ParseError, Slip, key_slip, lines_of, orphan_key, syntax_slip
from reviewkit.text.messages import clip, msg

PathLike = str | Path

#: Deepest nesting of mappings and lists accepted. Deal format 1 needs 5.
MAX_DEPTH = 24

PARSER = CParser  # the C-accelerated parser from ruamel.yaml.clib


@dataclass(slots=True)
class Scalar:
    line: int
    column: int
    value: str
    plain: bool  # written without quotes or block style: may be a number, bool, date or null


@dataclass(slots=True)
class Mapping:
    line: int
    column: int
    pairs: list[tuple[Scalar, Node]] = field(default_factory=list)


@dataclass(slots=True)
class Sequence:
    line: int
    column: int
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


class _Stop(Exception):
    """Raised inside `compose` for a problem that ends parsing."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def compose(text: str, path: str, lang: str = "en") -> tuple[Node | None, list[Problem]]:
    """Parse `text` into a node tree; return it with every problem found.

    A syntax error stops parsing and is the only problem returned; duplicate keys are all
    reported and the first value of each is kept.
    """
    parser = PARSER(text)
    composer = _Composer(path, lang)
    try:
        composer.run(parser)
    except _Stop as exc:
        return None, [exc.problem]
    except ReaderError as exc:  # its position counts UTF-8 bytes
        index = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))
        line, column = _position(text, index)
        message, hint = msg(lang, "yaml-control", detail=f"character #x{exc.character:04x}")
        return None, [Problem(path, line, column, "yaml-control", message, hint)]
    except MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, path, lang, composer.quoted)]
    except YAMLError as exc:  # any other parser complaint, still without a traceback
        message, hint = msg(lang, "yaml-syntax", detail=str(exc).splitlines()[0])
        return None, [Problem(path, 1, 1, "yaml-syntax", message, hint)]
    return composer.root, composer.problems


class _Composer:
    """Builds the node tree from the parser's events; raises _Stop for a problem that ends
    parsing and collects the others (duplicate keys)."""

    def __init__(self, path: str, lang: str) -> None:
        self.path = path
        self.lang = lang
        self.problems: list[Problem] = []
        self.root: Node | None = None
        self.stack: list[Mapping | Sequence] = []
        self.keys: list[dict[str, Scalar]] = []  # keys seen so far, per open mapping
        self.pending: list[Scalar | None] = []  # key awaiting its value, per open mapping
        self.flow: list[bool] = []  # whether each open mapping is written in { }
        self.documents = 0
        self.last_end = (-1, -1)  # where the scalar before the current event ended
        self.quoted: tuple[int, int, int] | None = None  # the last quoted value spanning lines

    def stop(self, line: int, column: int, kind: str, **args: object) -> _Stop:
        message, hint = msg(self.lang, kind, **args)
        return _Stop(Problem(self.path, line, column, kind, message, hint))

    def slip(self, slip: Slip) -> None:
        args = {k: clip(v) if isinstance(v, str) else v for k, v in slip.args.items()}
        message, hint = msg(self.lang, slip.kind, **args)
        self.problems.append(Problem(self.path, slip.line, slip.column, slip.kind, message, hint))

    def run(self, parser: CParser) -> None:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is StreamEndEvent:
                return
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if kind is DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.stop(line, column, "multiple-documents")
                continue
            if kind is AliasEvent or getattr(event, "anchor", None):
                raise self.stop(line, column, "alias")
            if getattr(event, "tag", None):
                raise self.stop(line, column, "explicit-tag", tag=event.tag)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                self.close()
                continue
            new = _new_node(event, kind, line, column)
            if new is not None:
                self.place(new, line, column, bool(getattr(event, "flow_style", False)))
            if kind is ScalarEvent:
                end = event.end_mark
                self.last_end = (end.line, end.column)
                if event.style in ("'", '"') and end.line > mark.line:
                    self.quoted = (line, column, end.line + 1)

    def close(self) -> None:
        """The end of the innermost mapping or list."""
        node = self.stack.pop()
        if isinstance(node, Mapping):
            self.keys.pop()
            self.pending.pop()
            self.flow.pop()
        if not self.stack:
            self.root = node

    def place(self, new: Node, line: int, column: int, flow: bool = False) -> None:
        """Put a new node into its parent (or at the root); open it if it holds others."""
        if self.stack:
            self.attach(new, line, column)
        elif isinstance(new, Scalar):
            self.root = new
        if isinstance(new, Mapping | Sequence):
            self.stack.append(new)
            if len(self.stack) > MAX_DEPTH:
                raise self.stop(line, column, "too-deep", limit=MAX_DEPTH)
            if isinstance(new, Mapping):
                self.keys.append({})
                self.pending.append(None)
                self.flow.append(flow)

    def attach(self, new: Node, line: int, column: int) -> None:
        """A list item, a mapping's key, or the value of the key before it."""
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(new)
        elif self.pending[-1] is None:
            if not isinstance(new, Scalar):
                raise self.stop(line, column, "complex-key")
            slip = key_slip(new.value, line, column) if new.plain else None
            if slip is not None:
                self.slip(slip)
            self.pending[-1] = new
        else:
            key = self.pending[-1]
            self.pending[-1] = None
            if self.orphan(key, new):
                return
            first = self.keys[-1].get(key.value)
            if first is None:
                self.keys[-1][key.value] = key
                parent.pairs.append((key, new))
            else:
                message, hint = msg(self.lang, "duplicate-key", key=key.value, first=first.line)
                self.problems.append(
                    Problem(self.path, key.line, key.column, "duplicate-key", message, hint)
                )

    def orphan(self, key: Scalar, value: Node) -> bool:
        """Whether `key` is a piece of text in `{ }` with no ':' after it (`{a: b, c}`): a
        slip, reported; the piece is left out of the mapping."""
        if not self.flow[-1] or not isinstance(value, Scalar) or value.value or not value.plain:
            return False
        if (value.line - 1, value.column - 1) != self.last_end or not key.plain:
            return False
        self.slip(orphan_key(key.value, key.line, key.column))
        return True


def _new_node(event: Any, kind: type, line: int, column: int) -> Node | None:
    """The node an event starts, or None for an event that starts none."""
    if kind is ScalarEvent:
        style = event.style
        return Scalar(line, column, event.value, style is None or style == "")
    if kind is MappingStartEvent:
        return Mapping(line, column)
    if kind is SequenceStartEvent:
        return Sequence(line, column)
    return None


def require_mapping(
    root: Node | None,
    problems: list[Problem],
    path: str,
    lang: str = "en",
    *,
    what: str = "not-mapping",
    empty_ok: bool = False,
) -> Mapping | None:
    """The document's top-level mapping; or InvalidFile with what stops it being one (parse
    problems, an empty file, a list or text at the top). None for an empty file if allowed."""
    problems = list(problems)
    if root is None and not problems:
        if empty_ok:
            return None
        message, hint = msg(lang, "empty")
        problems = [Problem(path, 1, 1, "empty", message, hint)]
    if root is not None and not isinstance(root, Mapping):
        message, hint = msg(lang, what)
        problems.append(Problem(path, root.line, root.column, "not-mapping", message, hint))
    if problems or not isinstance(root, Mapping):
        raise InvalidFile(path, problems, lang)
    return root


def read_mapping(
    file: PathLike, path: str, *, what: str = "not-mapping", empty_ok: bool = False
) -> Mapping | None:
    """Read a YAML file whose top level must be a mapping (a playbook, a config)."""
    text, problems = read_text(Path(file), path)
    if text is None:
        raise InvalidFile(path, problems)
    root, problems = compose(text, path)
    return require_mapping(root, problems, path, what=what, empty_ok=empty_ok)


def _syntax_problem(
    exc: MarkedYAMLError,
    text: str,
    path: str,
    lang: str,
    quoted: tuple[int, int, int] | None = None,
) -> Problem:
    """Turn a parser error into a problem at its position, in words a rep can act on: the slip
    a person made, at the line they made it, when it is one `slips` knows."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    marks = [
        (m.line + 1, m.column + 1) if m else None for m in (exc.problem_mark, exc.context_mark)
    ]
    if marks[0] is not None:
        error = ParseError(problem, context, marks[0], marks[1], quoted)
        slip = syntax_slip(lines_of(text), error)
        if slip is not None:
            message, hint = msg(lang, slip.kind, **slip.args)
            return Problem(path, slip.line, slip.column, slip.kind, message, hint)
    # An unclosed quote is found at the end of the file; its opening quote is the place to fix.
    quote = "quoted scalar" in context and exc.context_mark is not None
    mark = exc.context_mark if quote else (exc.problem_mark or exc.context_mark)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    here = lines[line - 1][column - 1 : column] if line <= len(lines) else ""
    if "cannot start any token" in problem and here == "\t":
        kind = "yaml-tab"
    elif "cannot start any token" in problem:
        kind = "yaml-reserved"
    elif "mapping values are not allowed" in problem:
        kind = "yaml-colon"
    elif "quoted scalar" in context:
        kind = "yaml-quote"
    elif any(
        words in problem
        for words in ("expected <block end>", "expected '-' indicator", "expected key", "':'")
    ):
        kind = "yaml-indent"
    else:
        kind = "yaml-syntax"
    message, hint = msg(lang, kind, detail=problem or context or "unexpected text", char=here)
    return Problem(path, line, column, kind, message, hint)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1
