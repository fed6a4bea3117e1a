"""A seeded mutation generator of hostile deal files, and the promises every command keeps
for each: no traceback, exit 0, 1 or 2 only, a file location on every problem of an exit 2,
and the floor price in no output.

`make test` runs a short fuzz (tests/test_fuzz.py); `make fuzz` a long one:
FUZZ_INPUTS=3000 FUZZ_SEED=1 python -m pytest tests/test_fuzz.py -s
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.conftest import SAMPLES

FLOOR = Decimal(7_730_000)
#: Plain forms of the floor a leak would show (the redaction's own patterns are not used:
#: the test must not share the code it checks).
FORMS = ("7730000", "7,730,000", "773万", "7.73M", "7.73 M", "七百七十三万")

#: Values a mutation writes: YAML syntax, types, the floor in several forms, control
#: characters and escapes, odd Unicode, huge and odd numbers.
TOKENS = (
    "~",
    "null",
    "true",
    "True",
    "no",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "- ",
    ": ",
    "&a",
    "*a",
    "!!str",
    "\t",
    "#",
    "|",
    ">-",
    "? x",
    "...",
    "---",
    "7730000",
    '"7730000"',
    "7,730,000",
    "773万",
    "7.73M",
    "七百七十三万",
    "floor 7730000 agreed",
    '"\\e[2J\\e]0;pwned\\a"',
    '"\\x00\\x9b"',
    "\u202e\u200b",
    "2026-02-30",
    "2026-13-01",
    "12_000_000.5",
    "+5",
    "1e999",
    "-1",
    "0x1F",
    ".inf",
    "x" * 300,
    "亿",
    "🙂",
    "supporter, knows our 7.73M floor",
    "{amount: 7730000}",
    "[a, [b, [c]]]",
    "：",
    "，",
    "\u3000",
    "［user，technical］",
    "High",
    "RMB",
    "不支持者",
)


def seeds() -> list[str]:
    """The sample deals with their floors set to FLOOR and the figure written into notes."""
    out = []
    for path in sorted(SAMPLES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if not text.lstrip("# \n").count("deal:"):
            continue
        text = re.sub(r"floor: \{amount: \d+", f"floor: {{amount: {FLOOR}", text)
        if "floor:" not in text:
            text += f"strategy:\n  commercial:\n    floor: {{amount: {FLOOR}, currency: CNY}}\n"
        text = text.replace("confidential: false", "confidential: true")
        text = re.sub(r"(\n  - what: )([^\n]*)", r"\1\2 (floor 7,730,000)", text, count=1)
        out.append(text)
    return out


def mutate(text: str, rng: random.Random) -> str:
    """`text` with one to four random edits: lines dropped, doubled, swapped, re-indented,
    values replaced, cut short, or bytes that are not UTF-8 (as U+FFFD)."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        if not lines:
            lines = [""]
        i = rng.randrange(len(lines))
        choice = rng.random()
        if choice < 0.15:
            del lines[i]
        elif choice < 0.25:
            lines.insert(i, lines[i])
        elif choice < 0.35:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif choice < 0.45:
            lines[i] = " " * rng.choice([0, 1, 3, 5, 8]) + lines[i].lstrip()
        elif choice < 0.85:
            line = lines[i]
            token = rng.choice(TOKENS)
            if ":" in line and rng.random() < 0.8:
                key, _, _ = line.partition(":")
                lines[i] = f"{key}: {token}"
            else:
                cut = rng.randrange(len(line) + 1)
                lines[i] = line[:cut] + token + line[cut:]
        elif choice < 0.92:
            lines = lines[: rng.randrange(len(lines) + 1)]
        else:
            lines.insert(i, rng.choice(TOKENS) * rng.randint(1, 40))
    return "\n".join(lines)


LOCATION = re.compile(r"^\S.*?:\d+:\d+: ", re.MULTILINE)


@dataclass
class Tally:
    inputs: int = 0
    runs: int = 0
    exits: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def floor_kept(text: str) -> bool:
    """Whether the mutant still records FLOOR as its floor (else nothing is withheld)."""
    from reviewkit.model.amounts import read_amount
    from reviewkit.model.withhold import floor_values
    from reviewkit.model.yamlread import compose

    root, _ = compose(text, "x")
    return any(read_amount(value) == FLOOR for value, _ in floor_values(root, text))


def run_one(text: str, folder: Path, tally: Tally, command_index: int) -> None:
    """Every command over one input, each output checked against the promises."""
    from typer.testing import CliRunner

    from reviewkit.cli import app

    deal = folder / "deal.yaml"
    deal.write_text(text, encoding="utf-8")
    base = folder / "base.yaml"
    commands = [
        ["check", str(deal), "-f", ("text", "json", "github", "sarif")[command_index % 4]],
        ["render", str(deal), "-o", "-", "-f", ("md", "html")[command_index % 2]],
        ["diff", str(base), str(deal)],
        ["pipeline", str(folder), "-o", "-"],
        ["render", str(base), "--since", str(deal), "-o", "-"],
        [
            "render",
            str(deal),
            "-o",
            str(folder / "pack"),
            "-f",
            ("docx", "xlsx")[command_index % 2],
        ],
    ]
    fixed = folder / "fixed.yaml"  # check --fix edits its file: a copy of the input
    fixed.write_text(text, encoding="utf-8")
    commands.append(["check", "--fix", str(fixed)])
    moved = folder / "moved.yaml"  # advance edits its file: a copy of the input
    moved.write_text(text, encoding="utf-8")
    target = ("partner", "bidding", "implementation")[command_index % 3]
    commands.append(["advance", str(moved), "--to", target, "--force", "--reason", "fuzz"])
    keep = floor_kept(text)
    tally.inputs += 1
    runner = CliRunner()
    for args in commands:
        result = runner.invoke(app, [*args, "--today", "2026-12-01"])
        tally.runs += 1
        tally.exits[result.exit_code] += 1
        where = f"{args[0]} on input #{tally.inputs}"
        tally.failures.extend(f"{where}: {problem}" for problem in broken_promises(args, result))
        if "--fix" in args:
            tally.failures.extend(f"{where}: {problem}" for problem in fix_broken(text, fixed))
        if args[0] == "advance" and result.exit_code == 0:
            tally.failures.extend(f"{where}: {problem}" for problem in advanced_invalid(moved))
        if keep:
            leaked = [
                form for form in FORMS if form in result.output + office_text(folder / "pack")
            ]
            if leaked:
                tally.failures.append(f"{where}: the floor leaked as {leaked}")


def office_text(path: Path) -> str:
    """The XML of every part of a Word or Excel pack (then removed), or nothing."""
    import zipfile

    if not path.exists():
        return ""
    with zipfile.ZipFile(path) as archive:
        text = "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        )
    path.unlink()
    return text


def broken_promises(args: list[str], result: Any) -> list[str]:
    """What one run broke of: no traceback, exit 0/1/2 only, a location on every exit 2."""
    code, output = result.exit_code, result.output
    broken = []
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        broken.append(f"{type(result.exception).__name__}: {result.exception}")
    if "Traceback" in output or "internal error" in output:
        broken.append(output[-300:])
    if code not in (0, 1, 2):
        broken.append(f"exit {code}")
    if code == 2 and args[0] == "check" and args[-1] == "text":
        problems = [line for line in output.splitlines()[:-1] if line.strip()]
        if not problems or not all(LOCATION.match(line) for line in problems):
            broken.append(f"exit 2 without a location: {output[:800]!r}")
    if code == 2 and args[0] != "check":
        stderr = [line for line in output.splitlines() if line.strip()]
        if not any(LOCATION.match(line) or "deal(s) failed" in line for line in stderr):
            broken.append(f"exit 2 without a location: {output[:800]!r}")
    return broken


def fix_broken(before: str, fixed: Path) -> list[str]:
    """What `check --fix` broke: a changed file that does not parse, or a second --fix that
    changes it again."""
    from reviewkit.model.fix import fix_text
    from reviewkit.model.playbook import load_playbook
    from reviewkit.model.yamlread import compose

    after = fixed.read_text(encoding="utf-8")
    if after == before:
        return []
    broken = []
    if compose(after, "fixed.yaml")[0] is None:
        broken.append(f"--fix wrote a file that does not parse: {after[:300]!r}")
    if fix_text(after, load_playbook())[1]:
        broken.append("a second --fix changed the file again")
    return broken


def advanced_invalid(moved: Path) -> list[str]:
    """The problems of a file `advance` wrote, which must load."""
    from reviewkit.errors import InvalidFile
    from reviewkit.model.deal import load_deal

    try:
        load_deal(moved)
    except InvalidFile as exc:
        return [f"the advanced file is invalid: {exc.lines()[:2]}"]
    return []
