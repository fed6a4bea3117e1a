"""`advance` changes only the bytes the advance means: the stage value, the new checklist
questions and the history entry. Every other byte stays as written, over many generated files."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reviewkit.cli import app

#: Values the rest of the file holds that a YAML round trip rewrites.
ODD = [
    "~",
    "True",
    "12_000_000.5",
    "+5",
    '"\\x41\\u00e9\\t tab"',
    "'it''s'",
    "plain words\n      continued on a second line",
    "x" * 5000,
    "null",
    "0o17",
    "2026-12-01",
    '"trailing spaces "   ',
    "|\n      block text\n\n      kept",
    ">-\n      folded\n      text",
]


def deal_file(
    indent: int,
    dash: int,
    stage_quote: str,
    odd: list[str],
    comments: bool,
    history: bool,
    checklist: bool,
    trailing: str,
) -> str:
    """A deal ready to leave discovery, written in one of many layouts."""
    i = " " * indent

    def deeper(value: str, column: int) -> str:
        """`value` with its continuation lines indented past a key at `column`."""
        return value.replace("\n      ", "\n" + " " * (column + 2))

    seq = " " * dash + "-" + " " * (indent - 1 if indent > 1 else 1)
    item_pad = " " * (dash + (indent if indent > 1 else 2))
    note = "  # a comment" if comments else ""
    lines = [
        "# A deal." if comments else "",
        "reviewkit: 1",
        "deal:",
        f"{i}name: Harbour{note}",
        f"{i}stage: {stage_quote}discovery{stage_quote}{note}",
        "background:",
        f"{i}customer:",
        f"{i}{i}business: Ports",
        f"{i}{i}organization: Board",
        f"{i}{i}it_landscape: Old",
        f"{i}project:",
        f"{i}{i}summary: {deeper(odd[2], 2 * indent)}",
        f"{i}{i}budget: {{amount: 4000000, currency: EUR}}",
        f"{i}{i}timeline: March",
        f"{i}{i}procurement_process: Tender",
        f"{i}{i}channels: Direct",
        "qualification:",
        f"{i}notes: {deeper(odd[3], indent)}",
        "decision_chain:",
        f"{seq}name: Ana",
        f"{item_pad}roles: [decision-maker]",
        f"{item_pad}profile: {deeper(odd[0], len(item_pad))}",
        f"{seq}name: Bo",
        f"{item_pad}notes: {deeper(odd[1], len(item_pad))}",
        f"{seq}name: Cy",
        "competitors:",
        f"{seq}name: Rivalnet",
        f"{item_pad}strengths: [incumbent]",
        f"{item_pad}weaknesses: [slow]",
        f"{item_pad}sales_rep: {{name: Tom}}",
    ]
    if checklist:
        lines += [
            "checklist:",
            f"{i}discovery:",
            f'{i}{i}needs-confirmed: {{status: yes, evidence: "read back"}}',
        ]
    if history:
        lines += [
            "history:",
            f"{seq}{{date: 2026-01-05, from: discovery, to: discovery, forced: false}}",
        ]
    if comments:
        lines.append("# The end.")
    return "\n".join(line for line in lines if line or comments) + "\n" + trailing


def line_diff(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added), each line with its ending: a byte-exact comparison."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    removed: list[str] = []
    added: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    indent=st.sampled_from([2, 3, 4]),
    dash=st.sampled_from([0, 2]),
    stage_quote=st.sampled_from(["", "'", '"']),
    odd=st.lists(st.sampled_from(ODD), min_size=4, max_size=4),
    comments=st.booleans(),
    history=st.booleans(),
    checklist=st.booleans(),
    trailing=st.sampled_from(["", "...\n", "\n\n", "# last\n"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
    force=st.booleans(),
)
def test_advance_changes_only_the_lines_it_means(
    tmp_path_factory: pytest.TempPathFactory,
    indent: int,
    dash: int,
    stage_quote: str,
    odd: list[str],
    comments: bool,
    history: bool,
    checklist: bool,
    trailing: str,
    newline: str,
    bom: bool,
    force: bool,
) -> None:
    text = deal_file(indent, dash, stage_quote, odd, comments, history, checklist, trailing)
    text = text.replace("\n", newline)
    raw = ("\ufeff" if bom else "") + text
    path = tmp_path_factory.mktemp("advance") / "deal.yaml"
    path.write_bytes(raw.encode("utf-8"))
    force = force or not checklist  # without its answers, discovery is not complete
    extra = ["--force", "--reason", "CIO: go"] if force else []
    result = CliRunner().invoke(
        app, ["advance", str(path), "--to", "qualification", "--today", "2026-12-01", *extra]
    )
    assert result.exit_code == 0, result.output
    after = path.read_bytes().decode("utf-8")
    assert after.startswith("\ufeff") == bom
    removed, added = line_diff(raw, after)
    stage_line = next(line for line in raw.splitlines(keepends=True) if "stage:" in line)
    assert removed == [stage_line]
    assert stage_line.replace("discovery", "qualification", 1) in added
    others = [line for line in added if line != stage_line.replace("discovery", "qualification", 1)]
    assert all(line.endswith(newline) for line in others)
    assert all(
        line.strip() in ("checklist:", "history:", "qualification:")
        or "resources-assigned" in line
        or line.strip() in ("status: unknown", 'evidence: ""')
        or line.strip().startswith("# ")  # the stage's label and questions, as `new` writes
        or line.lstrip(" -").startswith(("date:", "from:", "to:", "forced:", "reason:", "open"))
        or line.strip().lstrip("-").strip() == "discovery/needs-confirmed"
        for line in others
    ), others
    stub = [line.rstrip("\r\n") for line in others]  # a block mapping, as `new` writes it
    at = stub.index(" " * 2 * indent + "resources-assigned:")
    assert stub[at + 1 : at + 3] == [
        " " * 3 * indent + s for s in ("status: unknown", 'evidence: ""')
    ]


def test_an_explicit_key_and_a_file_without_a_last_line_break(tmp_path: Path) -> None:
    from tests.ops.test_advance import READY

    text = READY.replace("deal:\n", "? deal\n:\n").rstrip("\n")
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["advance", str(path), "--to", "qualification", "--today", "2026-12-01"]
    )
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    removed, added = line_diff(text, after)
    last = text.splitlines(keepends=True)[-1]
    assert removed == ["  stage: discovery  # where it stands\n", last]
    assert "  stage: qualification  # where it stands\n" in added and last + "\n" in added
    assert "? deal\n:\n" in after
