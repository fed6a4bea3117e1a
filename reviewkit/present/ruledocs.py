"""The rules' documentation in the README: a table generated from the rule registry."""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.judge.findings import STAGE_POLICY, Rule

START = "<!-- rule table: generated from reviewkit/judge/rules/ by `make readme` -->"
END = "<!-- end of rule table -->"


def rule_table(rules: Iterable[Rule]) -> str:
    """A Markdown table of the rules: slug, severity and what each reports."""
    lines = ["| rule | severity | what it reports |", "|---|---|---|"]
    for rule in rules:
        severity = "by stage" if rule.severity == STAGE_POLICY else rule.severity
        lines.append(f"| `{rule.slug}` | {severity} | {rule.summary} |")
    return "\n".join(lines) + "\n"


def with_rule_table(readme: str, rules: Iterable[Rule]) -> str:
    """The README's text with the table between its markers replaced by the current one."""
    head, start, rest = readme.partition(START + "\n")
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the README lacks the markers {START!r} and {END!r}")
    return head + start + "\n" + rule_table(rules) + "\n" + end + tail
