"""Every command's help and every rule's page, found by walking the Typer app and the rule
registry (no hand-kept list): an example in each help, plain flags (no `--x / --no-x`
pairs), placeholders in one style, and usage errors in reviewkit's one-line style."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.judge.engine import RULES
from reviewkit.judge.findings import Rule
from reviewkit.text.catalogue import say

#: Placeholders: upper-case words (`FILE`, `N`, `STAGE`), a list (`PATH...`, `RULE,...`),
#: the date's own form, or a choice `[a|b]`. Never Click's type names or `<...>`.
PLACEHOLDER = re.compile(
    r"^(?:[A-Z]+(?:\.\.\.|,\.\.\.)?|YYYY-MM-DD|\[[a-z]+(?:\|[a-z]+)+\]|COMMAND \[ARGS\]\.\.\.)$"
)
CLICK_NAMES = {"TEXT", "INTEGER", "FLOAT", "BOOLEAN", "DATETIME", "UUID", "FILENAME"}
EXPLICIT_TEXT = {"--customer", "--owner", "--reason"}  # free text, named TEXT on purpose


def commands(
    group: typer.core.TyperGroup, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], object]]:
    """(words, click command) of every command and group below `group`, and `group` itself."""
    yield path, group
    ctx = typer.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        if isinstance(command, typer.core.TyperGroup):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


SCRIPT = str(Path(sys.executable).parent / "reviewkit")
ROOT = typer.main.get_command(app)
assert isinstance(ROOT, typer.core.TyperGroup)
COMMANDS = list(commands(ROOT))


def test_the_walk_finds_every_command() -> None:
    names = {" ".join(words) for words, _ in COMMANDS}
    assert {"check", "render", "playbook", "playbook show", "rule", "advance"} <= names


@pytest.mark.parametrize(
    ("words", "command"), COMMANDS, ids=[" ".join(w) or "reviewkit" for w, _ in COMMANDS]
)
def test_help(words: tuple[str, ...], command: object) -> None:
    result = CliRunner().invoke(app, [*words, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    examples = re.findall(r"Example: (reviewkit [^\n]+)", out)
    assert examples, f"no example in `reviewkit {' '.join(words)} --help`"
    assert all(
        e.startswith(" ".join(("reviewkit", *words)).rstrip()) or not words for e in examples
    )
    assert " / --no-" not in out and "[default: no-" not in out
    usage = out.splitlines()[0]
    assert "{" not in usage and "<" not in out
    assert isinstance(command, typer.core.TyperCommand | typer.core.TyperGroup)
    ctx = typer.Context(command)
    for param in command.params:
        if param.hidden or getattr(param, "is_flag", False):
            continue
        metavar = param.make_metavar(ctx)
        assert PLACEHOLDER.match(metavar), f"{param.name}: {metavar!r}"
        if metavar in CLICK_NAMES:
            assert set(param.opts) & EXPLICIT_TEXT, f"{param.name}: Click's {metavar}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rule_page(rule: Rule, lang: str) -> None:
    result = CliRunner().invoke(app, ["rule", rule.slug, "--lang", lang])
    assert result.exit_code == 0
    assert result.stdout == rule.manual(lang)
    assert rule.summary_in(lang) in result.stdout or lang == "en"
    if lang == "en":
        assert result.stdout.count("    reviewkit: 1") == len(rule.examples()) >= 2
    else:  # a Chinese reader gets no YAML: what it reports, why, how to fix it
        assert result.stdout.startswith(f"{rule.summary_in(lang)}（严重程度")
        assert rule.slug not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "samples", "--today", "2026-13-01"],
            "reviewkit: Invalid value for '--today': 2026-13-01 is not a date: write "
            "YYYY-MM-DD, e.g. 2026-12-01 — see reviewkit check --help",
        ),
        (
            ["render", "x.yaml", "--today", "2026-02-30"],
            "reviewkit: Invalid value for '--today': 2026-02-30 is not a date: write "
            "YYYY-MM-DD, e.g. 2026-12-01 — see reviewkit render --help",
        ),
        (
            ["check", "--fomat", "json", "x"],
            "reviewkit: No such option: --fomat (Possible options: --format) — see reviewkit "
            "check --help",
        ),
        (["advance", "x.yaml"], "reviewkit: Missing option '--to'. — see reviewkit advance --help"),
        (["chek"], "reviewkit: No such command 'chek'."),
        (
            ["new", "X", "--stage", "relationshp"],
            "reviewkit: 'relationshp' is not a stage of the playbook; did you mean "
            "'relationship'? — the stages are: discovery,",
        ),
    ],
)
def test_every_error_is_one_line_in_one_style(args: list[str], message: str) -> None:
    """Through the console script: what a user's shell shows."""
    done = subprocess.run([SCRIPT, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(message)
    assert done.stderr.count("\n") == 1, done.stderr


def test_shell_completion_works_offline() -> None:
    script = CliRunner().invoke(app, ["--show-completion", "bash"], env={"SHELL": "/bin/bash"})
    assert script.exit_code == 0
    assert "complete -o default -F _reviewkit_completion reviewkit" in script.stdout
    env = {
        "_REVIEWKIT_COMPLETE": "complete_bash",
        "COMP_WORDS": "reviewkit check --color ",
        "COMP_CWORD": "3",
    }
    done = subprocess.run(
        [SCRIPT],
        env={**env, "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["auto", "always", "never"]


def test_the_catalogues_why_and_fix_are_the_rules_own() -> None:
    """`rule.<slug>.why` / `.fix` in English restate the rule's docstring word for word, so
    the Chinese page translates what the English page says."""
    from reviewkit.text.catalogue import has

    for rule in RULES:
        for part, head in (("why", "Why"), ("fix", "Fix")):
            if not has("en", f"rule.{rule.slug}.{part}"):
                continue
            found = re.search(rf"^{head}: (.*?)(?:\n\n|\Z)", rule.doc, re.DOTALL | re.MULTILINE)
            assert found, f"{rule.slug}: no {head}: paragraph"
            assert say("en", f"rule.{rule.slug}.{part}") == " ".join(found.group(1).split())
