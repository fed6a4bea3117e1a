"""The rule engine: the registry of rules, the severity policy, config overrides, suppressions
and floor redaction. Rules only find; the engine stamps each finding's rule and severity."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from typing import TYPE_CHECKING

from reviewkit.errors import InvalidFile
from reviewkit.judge.facts import accepted, accepted_note
from reviewkit.judge.findings import STAGE_POLICY, Finding, Review, Rule
from reviewkit.judge.floor import Redactor, floor_amount, redacted
from reviewkit.model.config import DEFAULT, Config
from reviewkit.model.deal import Deal
from reviewkit.model.rulenames import RULE_SLUGS
from reviewkit.model.schema import suggestion
from reviewkit.text.errors import error

if TYPE_CHECKING:
    from reviewkit.model.dealtypes import Suppression

#: Every rule, one module each (`judge/rules/<slug>.py`), in the order of their slugs.
RULES: tuple[Rule, ...] = tuple(
    Rule.of(importlib.import_module(f"reviewkit.judge.rules.{slug.replace('-', '_')}"))
    for slug in RULE_SLUGS
)

BY_SLUG: dict[str, Rule] = {rule.slug: rule for rule in RULES}
#: The two rules the engine reports itself.
INVALID, UNUSED = BY_SLUG["invalid"], BY_SLUG["unused-suppression"]


def find_rule(name: str) -> Rule:
    """The rule named `name`; an error that suggests the closest name when there is none."""
    if name in BY_SLUG:
        return BY_SLUG[name]
    containing = [slug for slug in BY_SLUG if name and name.lower() in slug]
    aliases = {name: containing[0]} if len(containing) == 1 else None  # "overdue", "stale"
    raise error(
        "not-a-rule",
        name=name,
        suggestion=suggestion("en", name, list(BY_SLUG), aliases),
        rules=", ".join(BY_SLUG),
    )


def check_deal(
    deal: Deal,
    today: dt.date | None = None,
    config: Config = DEFAULT,
    language: str | None = None,
) -> list[Finding]:
    """Every finding for a valid deal, in file order: the rules the config selects, at the
    severity it sets, less what the deal file suppresses (with a reason). Messages never
    carry the floor figure, even where a note quoted in them does."""
    review = Review(deal, today or dt.date.today(), config, language)
    found = [
        dataclasses.replace(finding, rule=rule.slug, severity=severity(review, rule, finding))
        for rule in RULES
        if rule.check is not None and config.applies(rule.slug)
        for finding in rule.check(review)
    ]
    found = [_accepted(review, finding) for finding in found]
    found = _suppress(review, found)
    floor = floor_amount(deal.data)
    if floor is not None:
        redactor = Redactor([floor], redacted(review.lang))
        found = [dataclasses.replace(f, message=redactor.text(f.message)) for f in found]
    return sorted(found, key=Finding.sort_key)


def severity(review: Review, rule: Rule, finding: Finding) -> str:
    """A finding's severity: the config's for its rule if set; else its rule's, or the stage
    policy's for the rules that follow it — at the finding's stage (checklist, gate), else at
    the playbook's decision-chain stage (no-decision-maker, single-threaded)."""
    if rule.slug in review.config.severity:
        return review.config.severity[rule.slug]
    if rule.severity != STAGE_POLICY:
        return rule.severity
    stage = finding.stage or review.deal.playbook.chain_stage
    assert stage is not None, f"{rule.slug}: a finding of the stage policy without a stage"
    level = stage_severity(review, stage)
    assert level is not None, f"{rule.slug}: a finding for a stage the deal has not reached"
    return level


def _accepted(review: Review, finding: Finding) -> Finding:
    """A checklist item or gate that a forced `advance` accepted as open is information,
    saying when and why, not an error of a stage the deal has left."""
    if finding.rule not in ("checklist", "gate") or not (finding.stage and finding.item):
        return finding
    acceptance = accepted(review, finding.stage, finding.item)
    if acceptance is None:
        return finding
    note = accepted_note(acceptance, review.lang)
    return dataclasses.replace(finding, severity="info", message=f"{finding.message}{note}")


def stage_severity(review: Review, stage: str) -> str | None:
    """The severity policy: unmet work of an earlier stage is an error (the deal moved on
    without it), of the current stage a warning (work to do), of a later stage nothing.
    A closed deal's gaps are kept as information for its lost-deal review."""
    index = review.deal.playbook.index[stage]
    if index > review.deal.stage_index:
        return None
    if not review.deal.is_open:
        return "info"
    return "error" if index < review.deal.stage_index else "warning"


def suppresses(entry: Suppression, rule: str, stage: str | None, item: str | None) -> bool:
    """Whether one `suppress:` entry of a deal file covers a finding of `rule` at `stage`
    and `item` (an entry without a stage or item covers every one)."""
    return (
        entry["rule"] == rule and entry["stage"] in (None, stage) and entry["item"] in (None, item)
    )


def suppressed(deal: Deal, rule: str, stage: str | None, item: str | None) -> bool:
    """Whether the deal file suppresses findings of `rule` at `stage` and `item`."""
    return any(suppresses(entry, rule, stage, item) for entry in deal.data["suppress"])


def _suppress(review: Review, found: list[Finding]) -> list[Finding]:
    """Drop the findings the deal suppresses; report suppressions that matched nothing."""
    kept = found
    for index, entry in enumerate(review.deal.data["suppress"]):
        remaining = [f for f in kept if not suppresses(entry, f.rule, f.stage, f.item)]
        matters = review.config.applies(UNUSED.slug) and review.config.applies(entry["rule"])
        if len(remaining) == len(kept) and matters:  # a rule not run cannot use its suppression
            unused = review.finding(
                ("suppress", index),
                "unused-suppression",
                slug=entry["rule"],
                summary=rule_summary(entry["rule"], review.lang),
            )
            remaining.append(
                dataclasses.replace(unused, rule=UNUSED.slug, severity=UNUSED.severity)
            )
        kept = remaining
    return kept


def rule_summary(slug: str, lang: str) -> str:
    """What a rule reports, in `lang`: how a rule is named to a reader."""
    return BY_SLUG[slug].summary_in(lang) if slug in BY_SLUG else slug


def invalid_findings(error: InvalidFile) -> list[Finding]:
    """The problems of a file that could not be loaded, as `invalid` findings."""
    return [
        Finding(
            p.path,
            p.line,
            p.column,
            INVALID.severity,
            INVALID.slug,
            f"{p.message} — {p.hint}" if p.hint else p.message,
        )
        for p in error.problems
    ]
