"""The slugs of every rule `check` reports: a public list that configs and deal files name.

The rule registry (judge/engine.py) is their source; the model layer validates configs and
`suppress:` entries without importing the rules, so it reads this copy, which a test keeps
equal to the registry's slugs, in order.
"""

from __future__ import annotations

#: The severities of a finding, most serious first.
SEVERITIES = ("error", "warning", "info")

#: In the order of the command-line contract's table, then reviewkit's own.
RULE_SLUGS = (
    "invalid",
    "checklist",
    "gate",
    "action-overdue",
    "action-incomplete",
    "close-date-passed",
    "no-decision-maker",
    "single-threaded",
    "competitor-ties",
    "attitude-unknown",
    "floor-not-confidential",
    "meeting-trigger",
    "floor-in-text",
    "outcome-missing",
    "review-stale",
    "unused-suppression",
)
