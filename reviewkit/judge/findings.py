"""Findings, the review a rule reads, and a rule as the registry holds it."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from reviewkit.model.config import DEFAULT, Config
from reviewkit.model.deal import Deal
from reviewkit.model.rulenames import SEVERITIES
from reviewkit.text.catalogue import FALLBACK, has, say
from reviewkit.text.messages import clip, msg

__all__ = ["SEVERITIES", "STAGE_POLICY", "Finding", "Review", "Rule", "clip"]

#: A rule's SEVERITY when the stage policy sets it (see judge/engine.py): by the stage of
#: each finding, or for a finding without one, by the playbook's decision-chain stage.
STAGE_POLICY = "by stage"


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
        at: tuple[str | int, ...],
        kind: str,
        *,
        stage: str | None = None,
        item: str | None = None,
        **args: object,
    ) -> Finding:
        """A finding at key path `at` (or its nearest present parent), message `kind`.
        Its rule and severity are left blank: the engine stamps them."""
        line, column = self.deal.where(*at)
        flat = {key: clip(value, 400) for key, value in args.items()}
        return Finding(
            self.deal.display, line, column, "", "", self.text(kind, **flat), stage, item
        )


@dataclass(frozen=True)
class Rule:
    """A rule of `check`, read from its module: slug, severity, documentation and check."""

    slug: str
    severity: str  # one of SEVERITIES, or STAGE_POLICY
    doc: str  # the module's docstring: the rule's user documentation
    check: Callable[[Review], Iterable[Finding]] | None  # None: the engine reports it itself

    @classmethod
    def of(cls, module: ModuleType) -> Rule:
        doc = inspect.cleandoc(module.__doc__ or "")
        return cls(module.SLUG, module.SEVERITY, doc, getattr(module, "check", None))

    @property
    def summary(self) -> str:
        """One line on what the rule reports, in English."""
        return self.summary_in(FALLBACK)

    def summary_in(self, lang: str) -> str:
        """One line on what the rule reports, in `lang`: its words in the text catalogue."""
        return say(lang, f"rule.{self.slug}")

    def examples(self) -> list[tuple[str, str]]:
        """The documentation's examples as (PASS or FAIL, deal file text), in order.

        An example is a line `PASS:` or `FAIL:`, a blank line, then the deal file indented
        by four spaces; it ends at the first line indented less."""
        found: list[tuple[str, str]] = []
        lines = self.doc.splitlines()
        for number, line in enumerate(lines):
            if line not in ("PASS:", "FAIL:"):
                continue
            body = []
            for text in lines[number + 2 :]:
                if text and not text.startswith("    "):
                    break
                body.append(text[4:])
            found.append((line[:4], "\n".join(body).strip("\n") + "\n"))
        return found

    def manual(self, lang: str = FALLBACK) -> str:
        """The rule's documentation as `reviewkit rule NAME` prints it: in English its
        docstring; in another language what it reports, why and how to fix it, from the
        catalogue (`rule.<slug>.why`, `rule.<slug>.fix`)."""
        if lang == FALLBACK:
            severity = (
                "severity by stage"
                if self.severity == STAGE_POLICY
                else f"severity {self.severity}"
            )
            return f"{self.slug} ({severity})\n\n{self.doc}\n"
        severity = (
            say(lang, "ruledoc.by-stage")
            if self.severity == STAGE_POLICY
            else say(lang, f"pack.severity_{self.severity}")
        )
        parts = [say(lang, "ruledoc.head", title=self.summary_in(lang), severity=severity)]
        for part in ("why", "fix"):
            if has(lang, f"rule.{self.slug}.{part}"):
                text = say(lang, f"rule.{self.slug}.{part}")
                parts.append(say(lang, f"ruledoc.{part}", text=text))
        return "\n\n".join(parts) + "\n"
