"""Findings, the rules that produce them, and the severity policy by stage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reviewkit.model.config import DEFAULT, Config
from reviewkit.model.deal import Deal
from reviewkit.model.rulenames import SEVERITIES
from reviewkit.text.messages import clip, msg

__all__ = ["SEVERITIES", "Finding", "Review", "Rule", "clip"]


@dataclass(frozen=True)
class Finding:
    """One problem `check` reports, at the YAML node it concerns (or that node's parent)."""

    path: str
    line: int
    column: int
    severity: str
    rule: str
    message: str
    stage: str | None = None
    item: str | None = None

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.line, self.column, SEVERITIES.index(self.severity), self.rule)


@dataclass(frozen=True)
class Review:
    """A deal as `check` sees it on a given day."""

    deal: Deal
    today: dt.date
    config: Config = DEFAULT
    language: str | None = None  # messages in another language than the deal's

    @property
    def lang(self) -> str:
        return self.language or self.deal.language

    def text(self, kind: str, **args: object) -> str:
        return msg(self.lang, kind, **args)[0]

    def finding(
        self,
        rule: str,
        severity: str,
        at: tuple[str | int, ...],
        kind: str,
        *,
        stage: str | None = None,
        item: str | None = None,
        **args: object,
    ) -> Finding:
        """A finding at key path `at` (or its nearest present parent), message `kind`."""
        line, column = self.deal.where(*at)
        flat = {key: clip(value, 400) for key, value in args.items()}
        return Finding(
            self.deal.display, line, column, severity, rule, self.text(kind, **flat), stage, item
        )

    def stage_severity(self, stage: str) -> str | None:
        """The severity policy: unmet work of an earlier stage is an error (the deal moved on
        without it), of the current stage a warning (work to do), of a later stage nothing.
        A closed deal's gaps are kept as information for its lost-deal review."""
        index = self.deal.playbook.index[stage]
        if index > self.deal.stage_index:
            return None
        if not self.deal.is_open:
            return "info"
        return "error" if index < self.deal.stage_index else "warning"

    def from_chain_stage(self) -> str | None:
        """Severity for decision-chain rules, which apply from the playbook's chain stage on."""
        chain = self.deal.playbook.chain_stage
        if chain is None:
            return None
        return self.stage_severity(chain)


@dataclass(frozen=True)
class Rule:
    """A rule of `check`: its stable slug, one line on what it reports, and its function."""

    slug: str
    summary: str
    run: Callable[[Review], Iterable[Finding]]
