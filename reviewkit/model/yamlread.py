"""Parse YAML with ruamel.yaml's C parser into a small node tree that keeps source positions.

Deal files are hand-edited and confidential, so the reader is deliberately narrow: one
document, no anchors or aliases, no explicit tags, bounded nesting, unique keys. Values
stay text here; `schema` decides what each one means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
from reviewkit.text.messages import msg

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
    problems: list[Problem] = []

    def stop(line: int, column: int, kind: str, **args: object) -> _Stop:
        message, hint = msg(lang, kind, **args)
        return _Stop(Problem(path, line, column, kind, message, hint))

    parser = PARSER(text)
    root: Node | None = None
    stack: list[Mapping | Sequence] = []
    keys: list[dict[str, Scalar]] = []  # keys seen so far, per open mapping
    pending: list[Scalar | None] = []  # key awaiting its value, per open mapping
    documents = 0
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is StreamEndEvent:
                break
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise stop(line, column, "multiple-documents")
                continue
            if kind is AliasEvent or getattr(event, "anchor", None):
                raise stop(line, column, "alias")
            if getattr(event, "tag", None):
                raise stop(line, column, "explicit-tag", tag=event.tag)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                node = stack.pop()
                if isinstance(node, Mapping):
                    keys.pop()
                    pending.pop()
                if not stack:
                    root = node
                continue
            if kind is ScalarEvent:
                style = event.style
                new: Node = Scalar(line, column, event.value, style is None or style == "")
            elif kind is MappingStartEvent:
                new = Mapping(line, column)
            elif kind is SequenceStartEvent:
                new = Sequence(line, column)
            else:
                continue
            if stack:
                parent = stack[-1]
                if isinstance(parent, Sequence):
                    parent.items.append(new)
                elif pending[-1] is None:
                    if not isinstance(new, Scalar):
                        raise stop(line, column, "complex-key")
                    pending[-1] = new
                else:
                    key = pending[-1]
                    assert key is not None
                    pending[-1] = None
                    first = keys[-1].get(key.value)
                    if first is None:
                        keys[-1][key.value] = key
                        parent.pairs.append((key, new))
                    else:
                        message, hint = msg(lang, "duplicate-key", key=key.value, first=first.line)
                        problems.append(
                            Problem(path, key.line, key.column, "duplicate-key", message, hint)
                        )
            elif isinstance(new, Scalar):
                root = new
            if isinstance(new, Mapping | Sequence):
                stack.append(new)
                if len(stack) > MAX_DEPTH:
                    raise stop(line, column, "too-deep", limit=MAX_DEPTH)
                if isinstance(new, Mapping):
                    keys.append({})
                    pending.append(None)
    except _Stop as exc:
        return None, [exc.problem]
    except ReaderError as exc:  # its position counts UTF-8 bytes
        index = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))
        line, column = _position(text, index)
        message, hint = msg(lang, "yaml-control", detail=f"character #x{exc.character:04x}")
        return None, [Problem(path, line, column, "yaml-control", message, hint)]
    except MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, path, lang)]
    except YAMLError as exc:  # any other parser complaint, still without a traceback
        message, hint = msg(lang, "yaml-syntax", detail=str(exc).splitlines()[0])
        return None, [Problem(path, 1, 1, "yaml-syntax", message, hint)]
    return root, problems


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


def _syntax_problem(exc: MarkedYAMLError, text: str, path: str, lang: str) -> Problem:
    """Turn a parser error into a problem at its position, in words a rep can act on."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
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
