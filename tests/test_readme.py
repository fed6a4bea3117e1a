"""The README's examples, run: every ```console or ```sh block whose commands start with
`reviewkit` runs in a scratch copy of samples/ (also as deals/, a git repository with one
earlier version), with --today fixed; the exit code and, where the README shows output, the
output must be what the README says. A line `...` in the README stands for any lines; a
last line `(exit code N)` for the exit code (0 when absent)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, git

README = ROOT / "README.md"
SCRIPTS = Path(sys.executable).parent
TODAY = "2026-12-01"
DATED = ("check", "render", "pipeline", "diff", "advance")
BLOCK = re.compile(r"^```(?:console|sh)\n(.*?)^```", re.MULTILINE | re.DOTALL)
EXIT = re.compile(r"^\(exit code (\d+)\)$")

#: The file the README's example of an invalid deal checks.
BAD = """\
reviewkit: 1
deal:
  name: Broken deal
  stage: relationshp
  confidentail: true
decision_chain:
  - name: Wang Qiang
    influence: High
    last_contact: 2026-11-31
"""

#: What changed in deals/northfield-core-network.yaml since HEAD~1 (the diff example).
EDITS = [
    ("  stage: relationship", "  stage: partner"),
    ("{amount: 12000000, currency: CNY}", "{amount: 13500000, currency: CNY}"),
    ("    attitude: acknowledger", "    attitude: supporter"),
    (
        "dynamics:\n",
        "dynamics:\n  - date: 2026-11-30\n    party: customer\n"
        "    event: Wang Qiang asked for a second reference visit\n    reversal: true\n",
    ),
    ("    due: 2026-11-27", "    due: 2026-12-09"),
]


@dataclass(frozen=True)
class Example:
    command: str
    shown: list[str]  # the README's output lines ([] when it shows none)
    code: int


def examples() -> list[list[Example]]:
    """The README's blocks of commands, each run in order in one scratch folder."""
    found = []
    for block in BLOCK.findall(README.read_text(encoding="utf-8")):
        lines = block.splitlines()
        if not lines or not lines[0].startswith(("$ reviewkit", "reviewkit")):
            continue
        if not lines[0].startswith("$ "):  # commands only, no output shown
            found.append([Example(line, [], 0) for line in lines if line.startswith("reviewkit")])
            continue
        starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
        steps = []
        for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            shown = lines[start + 1 : end]
            code = 0
            if shown and (last := EXIT.match(shown[-1])):
                code, shown = int(last.group(1)), shown[:-1]
            steps.append(Example(lines[start][2:], shown, code))
        found.append(steps)
    return found


EXAMPLES = examples()


def matches(shown: list[str], actual: list[str]) -> bool:
    """Whether `actual` is `shown`, a line `...` in `shown` standing for any lines."""
    if not shown:
        return not actual
    if shown[0] == "...":
        return any(matches(shown[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == shown[0] and matches(shown[1:], actual[1:])


def dated(command: str) -> str:
    """The command with `--today` fixed right after its subcommand, where it takes one."""
    words = command.split(" ", 2)
    if len(words) < 2 or words[1] not in DATED or "--today" in command:
        return command
    return " ".join([words[0], words[1], "--today", TODAY, *words[2:]])


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return make_workspace(tmp_path)


def make_workspace(tmp_path: Path) -> Path:
    """samples/, deals/ (a git repository's, with HEAD~1, packs ignored) and bad.yaml."""
    shutil.copytree(SAMPLES, tmp_path / "samples")
    deals = tmp_path / "deals"
    shutil.copytree(SAMPLES, deals)
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.review.*\n", encoding="utf-8")  # as advised
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "deals", ".gitignore")
    git(tmp_path, "commit", "-q", "-m", "last review", date="2026-11-12")
    deal = deals / "northfield-core-network.yaml"
    text = deal.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    deal.write_text(text, encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "this review", date="2026-12-01")
    return tmp_path


def test_the_readme_has_examples() -> None:
    commands = [e.command.split()[1] for block in EXAMPLES for e in block]
    assert {"new", "check", "render", "diff", "advance", "pipeline"} <= set(commands)


@pytest.mark.parametrize("block", EXAMPLES, ids=lambda b: b[0].command[:60])
def test_readme_example(block: list[Example], workspace: Path) -> None:
    env = {
        **os.environ,
        "PATH": f"{SCRIPTS}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_ACTIONS": "",
        "NO_COLOR": "1",
        "FORCE_COLOR": "",
        "COLUMNS": "100",
    }
    for example in block:
        done = subprocess.run(
            ["bash", "-c", dated(example.command)],
            cwd=workspace,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == example.code, f"{example.command}\n{done.stdout}"
        if example.shown:
            actual = done.stdout.splitlines()
            shown = ["README:", *example.shown, "ran:", *actual]
            assert matches(example.shown, actual), "\n".join(shown)
