"""Findings as text, JSON, GitHub annotations or SARIF: one small function per format."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewkit.judge.findings import Finding
from reviewkit.present.colour import paint
from reviewkit.text.catalogue import FALLBACK, plural, say


@dataclass(frozen=True)
class Summary:
    files: int
    invalid: int
    errors: int
    warnings: int
    infos: int

    @classmethod
    def of(cls, findings: Sequence[Finding], files: int, invalid: int) -> Summary:
        count = {
            s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")
        }
        return cls(files, invalid, count["error"], count["warning"], count["info"])

    def line(self, lang: str = FALLBACK) -> str:
        """`3 files checked: 1 invalid, 2 errors, 0 warnings, 1 info`, in `lang`."""
        parts = [
            plural(lang, "summary.errors", self.errors),
            plural(lang, "summary.warnings", self.warnings),
            plural(lang, "summary.infos", self.infos),
        ]
        if self.invalid:
            parts.insert(0, say(lang, "summary.invalid", count=self.invalid))
        files = plural(lang, "summary.files", self.files)
        return say(lang, "summary.line", files=files, counts=say(lang, "punct.sep").join(parts))


def line(f: Finding, lang: str = FALLBACK, colour: bool = False) -> str:
    """One finding as `path:line:column: severity rule message`: the one wording of a finding
    on a terminal, for `check` and `advance` alike."""
    place = paint(f"{f.path}:{f.line}:{f.column}:", "place", colour)
    severity = paint(say(lang, f"severity.{f.severity}"), f.severity, colour)
    return f"{place} {severity} {f.rule} {f.message}"


def text(
    findings: Sequence[Finding], summary: Summary, colour: bool = False, lang: str = FALLBACK
) -> str:
    """`path:line:column: severity rule message`, one per line, then the summary."""
    lines = [line(f, lang, colour) for f in findings]
    lines.append(summary.line(lang))
    return "\n".join(lines) + "\n"


def statistics(findings: Sequence[Finding], summary: Summary, lang: str = FALLBACK) -> str:
    """How many findings each rule made, most first (as `ruff --statistics`), then the summary."""
    from collections import Counter

    from reviewkit.judge.engine import BY_SLUG

    counts = Counter(f.rule for f in findings)
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [
        f"{count:>{width}}  {rule:<24} {BY_SLUG[rule].summary_in(lang)}"
        for rule, count in sorted(counts.items(), key=lambda p: (-p[1], p[0]))
    ]
    lines.append(summary.line(lang))
    return "\n".join(lines) + "\n"


def as_json(findings: Sequence[Finding], summary: Summary) -> str:
    """One JSON object: every finding, and the summary counts."""
    import json

    document = {
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "severity": f.severity,
                "rule": f.rule,
                "stage": f.stage,
                "item": f.item,
                "message": f.message,
            }
            for f in findings
        ],
        "summary": {
            "files": summary.files,
            "invalid": summary.invalid,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], summary: Summary) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = [
        f"::{level[f.severity]} file={_escape_property(f.path)},line={f.line},col={f.column},"
        f"title={_escape_property(f.rule)}::{_escape_data(f.message)}"
        for f in findings
    ]
    lines.append(summary.line())
    return "\n".join(lines) + "\n"


def sarif(findings: Sequence[Finding], summary: Summary) -> str:
    """SARIF 2.1.0, for code-scanning dashboards: one run, one result per finding."""
    import json

    from reviewkit import __version__
    from reviewkit.judge.engine import BY_SLUG, RULES

    order = [rule.slug for rule in RULES]
    level = {"error": "error", "warning": "warning", "info": "note"}
    used = sorted({f.rule for f in findings}, key=order.index)
    results = []
    for f in findings:
        result: dict[str, object] = {
            "ruleId": f.rule,
            "ruleIndex": used.index(f.rule),
            "level": level[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": Path(f.path).as_posix()},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        if f.stage or f.item:
            result["properties"] = {"stage": f.stage, "item": f.item}
        results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reviewkit",
                        "version": __version__,
                        "rules": [
                            {
                                "id": slug,
                                "name": slug,
                                "shortDescription": {"text": BY_SLUG[slug].summary},
                            }
                            for slug in used
                        ],
                    }
                },
                "results": results,
                "properties": {"summary": dataclasses.asdict(summary)},
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
