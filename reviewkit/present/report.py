"""Findings as text, JSON, GitHub annotations or SARIF: one small function per format."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewkit.judge.findings import Finding
from reviewkit.text.catalogue import FALLBACK, plural, say

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _DIM = "\033[0m", "\033[2m"


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


def text(
    findings: Sequence[Finding], summary: Summary, colour: bool = False, lang: str = FALLBACK
) -> str:
    """`path:line:column: severity rule message`, one per line, then the summary in `lang`."""
    lines = []
    for f in findings:
        severity = f.severity
        if colour:
            severity = f"{_COLOURS[severity]}{severity}{_RESET}"
            lines.append(
                f"{_DIM}{f.path}:{f.line}:{f.column}:{_RESET} {severity} {f.rule} {f.message}"
            )
        else:
            lines.append(f"{f.path}:{f.line}:{f.column}: {severity} {f.rule} {f.message}")
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
