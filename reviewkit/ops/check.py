"""Checking many deal files: which files, which settings for each, on all cores when it pays."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewkit import exitcodes
from reviewkit.errors import InvalidFile
from reviewkit.judge.findings import Finding
from reviewkit.model.config import Settings
from reviewkit.model.discover import deal_files
from reviewkit.ops.outcome import Outcome
from reviewkit.parallel import PARALLEL_FROM, run_all
from reviewkit.text.errors import error

__all__ = ["PARALLEL_FROM", "CheckRun", "check_command", "check_one", "check_paths"]


@dataclass(frozen=True)
class CheckRun:
    findings: list[Finding]
    files: int
    invalid: int
    lang: str = "en"  # the language of every deal checked, else English


def check_one(
    path: Path, settings: Settings, today: dt.date
) -> tuple[list[Finding], bool, str | None]:
    """The findings for one file, whether it was invalid, and the language its messages are in."""
    from reviewkit.judge.engine import check_deal, invalid_findings
    from reviewkit.model.deal import load_deal

    config = settings.for_file(path)
    try:
        deal = load_deal(path, config.playbook, language=config.language)
    except InvalidFile as exc:
        return invalid_findings(exc), True, None
    return check_deal(deal, today, config), False, deal.language


def check_paths(
    paths: Iterable[Path], settings: Settings, today: dt.date, jobs: int | None = None
) -> CheckRun:
    """Check every deal file named or found under the folders named, in a stable order."""
    files = deal_files(paths, settings)
    results = run_all(check_one, files, (settings, today), jobs=jobs)
    findings: list[Finding] = []
    invalid = 0
    langs: set[str | None] = set()
    for found, was_invalid, lang in results:
        findings.extend(found)
        invalid += was_invalid
        langs.add(lang)
    lang = langs.pop() if len(langs) == 1 else None
    return CheckRun(findings, len(files), invalid, lang or "en")


def check_command(
    paths: Iterable[Path],
    *,
    format: str | None,
    strict: bool,
    today: dt.date,
    playbook: Path | None,
    config: Path | None,
    jobs: int | None,
    fix: bool = False,
) -> Outcome:
    """The findings in `format` (default: text; github inside GitHub Actions) and the exit code.
    With `fix`, the obvious corrections are made first (see `ops.fix`)."""
    from reviewkit.present import report

    settings = Settings(config, playbook)
    fixed: tuple[str, ...] = ()
    if fix:
        from reviewkit.ops.fix import STDIN, fix_paths, fix_stdin

        paths = list(paths)
        if STDIN in paths:
            if len(paths) > 1:  # the fixed text goes to stdout: one input only
                raise error("fix-stdin-alone")
            return fix_stdin(settings, today, strict)
        fixed = fix_paths(paths, settings)
    run = check_paths(paths, settings, today, jobs)
    summary = report.Summary.of(run.findings, run.files, run.invalid)
    chosen = format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if chosen == "json":
        out = report.as_json(run.findings, summary)
    elif chosen == "github":
        out = report.github(run.findings, summary)
    elif chosen == "sarif":
        out = report.sarif(run.findings, summary)
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        out = report.text(run.findings, summary, colour=colour, lang=run.lang)
    code = exitcodes.for_check(
        invalid=run.invalid, errors=summary.errors, warnings=summary.warnings, strict=strict
    )
    return Outcome(out, err=fixed, code=code)
