"""Writing small deal files and checking them: what every rule's tests share."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewkit.judge.engine import check_deal
from reviewkit.judge.findings import Finding
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import Playbook
from tests.conftest import TODAY

Write = Callable[..., Path]
Check = Callable[..., list[Finding]]

#: A person who satisfies every per-person rule (so tests can add one defect at a time).
PERSON_OK = """\
  - name: Wang Qiang
    roles: [decision-maker]
    influence: high
    attitude: supporter
    speaks_for_us: true
    coach: true
"""

#: The item answered by hand that the checklist tests use.
MANUAL = ("relationship", "pr-plan-feasible")

#: A decision chain of two people, neither of them the decision maker.
TWO_ADVISORS = """\
decision_chain:
  - name: Liu Jianguo
    roles: [advisor]
  - name: Zhou Lin
    roles: [user]
"""

#: A recorded floor; format it with the commercial `approach` text.
FLOOR = """\
strategy:
  commercial:
    approach: {approach}
    floor: {{amount: 10900000, currency: CNY}}
"""


def deal(body: str = "", *, stage: str = "relationship", extra: str = "") -> str:
    """A deal file: the required header at `stage`, more `deal:` keys, then `body`."""
    head = ["reviewkit: 1", "deal:", "  name: Test deal", f"  stage: {stage}"]
    head += ["  " + line for line in textwrap.dedent(extra).splitlines() if line.strip()]
    return "\n".join(head) + "\n" + textwrap.dedent(body)


def action(due: str = "2026-11-27", status: str = "open", extra: str = "") -> str:
    """A deal with one action, due on `due`."""
    return deal(
        f"""\
        actions:
          - what: Dinner with the procurement head
            owner: Li Wei
            due: {due}
            status: {status}
        """,
        extra=extra,
    )


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the `nth` occurrence of `needle` in `text`."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def checker(write: Write, playbook: Playbook) -> Check:
    """check(text, today=TODAY): the findings for a deal file of that text."""

    def _check(text: str, today: dt.date = TODAY) -> list[Finding]:
        return check_deal(load_deal(write(text), playbook), today)

    return _check


@pytest.fixture
def check(write: Write, playbook: Playbook) -> Check:
    return checker(write, playbook)


def rule(findings: list[Finding], slug: str) -> list[Finding]:
    return [f for f in findings if f.rule == slug]


def item(findings: list[Finding], stage: str, key: str) -> list[Finding]:
    return [f for f in findings if f.rule == "checklist" and (f.stage, f.item) == (stage, key)]


def where(finding: Finding) -> tuple[int, int]:
    return finding.line, finding.column
