"""The slugs of every rule `check` reports: a public list that configs and deal files name.

A rule is its module, `judge/rules/<slug>.py`, and its words in the text catalogues
(`rule.<slug>`: one line on what it reports). The catalogue is where the model layer, which
validates configs and `suppress:` entries without importing the rules, reads the slugs from;
the registry (judge/engine.py) loads one module per slug, and a test keeps both in step.
"""

from __future__ import annotations

from reviewkit.text.catalogue import FALLBACK, texts

#: The severities of a finding, most serious first.
SEVERITIES = ("error", "warning", "info")

#: Every rule's slug, in alphabetical order: the rules that have words in the catalogue.
RULE_SLUGS = tuple(sorted(slug for slug in texts(FALLBACK, "rule.") if "." not in slug))
