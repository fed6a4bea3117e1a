"""The words the commands say come from the text catalogues: no error, no command line and no
progress line is written as an English literal outside reviewkit/text/.

An AST walk looks at what reaches the user directly: the first argument of `ReviewkitError(...)`
(and its kinds), of `typer.echo(...)`, `sys.stderr.write(...)` and the CLI's `_fail([...])`,
and an `Outcome`'s text (its first argument and `err=`). A catalogue lookup (`say(...)`, `error(...)`) is a call, and
what a call returns is not looked into.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewkit.errors import ReviewkitError
from reviewkit.text.catalogue import FALLBACK, has, say
from reviewkit.text.errors import error, internal_error
from tests.conftest import ROOT

PACKAGE = ROOT / "reviewkit"
#: The calls whose first argument reaches the user as it is written.
ERRORS = {"ReviewkitError", "RefusedOverwrite"}
#: A word of English: two letters or more, the program's name aside.
WORD = re.compile(r"[A-Za-z]{2,}")


def is_english(node: ast.expr) -> bool:
    """Whether an expression spells out English words itself (a call's result is not looked at)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(
            WORD.search(node.value.replace("reviewkit", ""))
        )
    if isinstance(node, ast.JoinedStr):
        return any(is_english(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return is_english(node.left) or is_english(node.right)
    if isinstance(node, ast.IfExp):
        return is_english(node.body) or is_english(node.orelse)
    if isinstance(node, ast.Tuple | ast.List):
        return any(is_english(element) for element in node.elts)
    return False


def is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return f"{_name(func.value)}.{func.attr}"
    return ""


def spoken(call: ast.Call) -> list[ast.expr]:
    """The arguments of `call` that a person reads as they are written."""
    name = _name(call.func)
    first = call.args[:1]
    if name in ("typer.echo", "sys.stderr.write", "_fail"):
        return first
    if name == "Outcome":
        return first + [k.value for k in call.keywords if k.arg == "err"]
    return []


def offences(source: str) -> Iterator[str]:
    """Where `source` says English itself: `line: the call`."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in ERRORS and node.args and (is_literal(node.args[0]) or is_english(node.args[0])):
            yield f"{node.lineno}: {name}(...) with a literal message"
        elif any(is_english(arg) for arg in spoken(node)):
            yield f"{node.lineno}: {name}(...) with an English literal"


def checked_files() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith("text/"):
            yield path


@pytest.mark.parametrize(
    "path", list(checked_files()), ids=lambda p: p.relative_to(PACKAGE).as_posix()
)
def test_no_command_says_english_of_its_own(path: Path) -> None:
    assert list(offences(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "line",
    [
        'raise ReviewkitError("no such file")',
        'raise ReviewkitError(f"{path}: no such file", hint="check the path")',
        'raise RefusedOverwrite(f"{path}")',
        'typer.echo("reviewkit: interrupted", err=True)',
        'sys.stderr.write(f"\\rrendering {done}/{total}")',
        'return Outcome(err=(f"Wrote {path}",))',
        'return Outcome(err=(f"Wrote {path}",) if path else ())',
        'return Outcome(f"Wrote {path}.\\n")',
        'lines = Outcome(err=("a" + "line of text",))',
        'raise ReviewkitError("a" + (f" (it links to {x})" if linked else ""))',
        '_fail([f"reviewkit: {internal_error(exc)}. This is a bug"])',
    ],
)
def test_the_walk_finds_english_written_in_place(line: str) -> None:
    assert list(offences(line)) != []


@pytest.mark.parametrize(
    "line",
    [
        'raise error("no-such-file", path=path)',
        "typer.echo(f\"reviewkit: {say(FALLBACK, 'cli.interrupted')}\", err=True)",
        'typer.echo(f"reviewkit {__version__}")',
        'sys.stderr.write("\\r" + " " * 72 + "\\r")',
        'return Outcome(err=(say(lang, "cli.wrote", path=path),))',
        'return Outcome(json.dumps(document, ensure_ascii=False, indent=2) + "\\n")',
        'return Outcome(report(changes, lang, f"{before} → {after}"))',
    ],
)
def test_the_walk_passes_words_from_the_catalogue(line: str) -> None:
    assert list(offences(line)) == []


def test_an_error_reads_its_message_and_hint_from_the_catalogue() -> None:
    made = error("no-such-file", path="deal.yaml")
    assert (made.message, made.hint) == ("deal.yaml: no such file", "check the path")
    chinese = error("no-such-file", "zh", path="deal.yaml")
    assert chinese.message == say("zh", "error.no-such-file", path="deal.yaml")
    assert chinese.message != made.message


def test_an_error_without_a_hint_key_has_no_hint() -> None:
    assert not has(FALLBACK, "error.read-folder.hint")
    assert error("read-folder", path="deals").lines() == ["deals: is a folder, not a file"]


def test_an_error_can_be_made_of_another_kind() -> None:
    class Refused(ReviewkitError):
        pass

    assert isinstance(error("deal-exists", kind=Refused, path="a.yaml"), Refused)


def test_an_internal_error_is_named_in_one_line() -> None:
    assert internal_error(ValueError("bad")) == "internal error (ValueError: bad)"
