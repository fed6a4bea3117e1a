"""`reviewkit rule NAME` and `check --help`: the rules' documentation, from the registry."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.judge.engine import RULES
from reviewkit.judge.findings import Rule
from reviewkit.text.catalogue import say


def invoke(*args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_rule_prints_its_documentation(rule: Rule) -> None:
    result = invoke("rule", rule.slug)
    assert result.exit_code == 0
    assert result.stdout == rule.manual()
    assert result.stdout.startswith(f"{rule.slug} (severity ")
    assert "\nPASS:\n" in result.stdout and "\nFAIL:\n" in result.stdout


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_rule_in_chinese_says_what_why_and_how_to_fix(rule: Rule) -> None:
    result = invoke("rule", rule.slug, "--lang", "zh")
    assert result.exit_code == 0
    head, why, fix = result.stdout.rstrip("\n").split("\n\n")
    assert head.startswith(say("zh", f"rule.{rule.slug}") + "（严重程度：")
    assert why == "为什么：" + say("zh", f"rule.{rule.slug}.why")
    assert fix == "怎么办：" + say("zh", f"rule.{rule.slug}.fix")
    assert rule.slug not in result.stdout


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_the_catalogue_why_and_fix_are_the_docstring_s(rule: Rule) -> None:
    """The English texts other languages translate are the docstring's own paragraphs."""
    paragraphs = [" ".join(p.split()) for p in rule.doc.split("\n\n")]
    assert "Why: " + say("en", f"rule.{rule.slug}.why") in paragraphs
    assert "Fix: " + say("en", f"rule.{rule.slug}.fix") in paragraphs


def test_an_unknown_rule_exits_2_with_a_suggestion() -> None:
    result = invoke("rule", "singel-threaded")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "reviewkit: 'singel-threaded' is not a rule; did you mean 'single-threaded'? — "
        "the rules are: action-incomplete, action-overdue, action-unknown-person,"
    )


def test_check_help_lists_every_rule() -> None:
    result = invoke("check", "--help")
    assert result.exit_code == 0
    listed = result.stdout.split("Rules (reviewkit rule NAME explains one):\n")[1]
    rows = [
        line.split(None, 1)
        for line in listed.splitlines()
        if line.startswith("  ") and not line.startswith("   ")
    ]
    assert [slug for slug, _ in rows] == [r.slug for r in RULES]
    flat = " ".join(listed.split())
    assert all(f"{r.slug} {r.summary}" in flat for r in RULES)


def test_the_command_list_names_rule() -> None:
    assert "rule " in invoke("--help").stdout
