"""Checking many deal files: which files, which settings for each, on all cores when it pays."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewkit.config import Settings
from reviewkit.discover import deal_files
from reviewkit.errors import InvalidFile
from reviewkit.findings import Finding

#: Below this many files a second process costs more than it saves.
PARALLEL_FROM = 48


@dataclass(frozen=True)
class CheckRun:
    findings: list[Finding]
    files: int
    invalid: int


def check_one(path: Path, settings: Settings, today: dt.date) -> tuple[list[Finding], bool]:
    """The findings for one file, and whether it was invalid."""
    from reviewkit.checks import check_deal, invalid_findings
    from reviewkit.deal import load_deal

    config = settings.for_file(path)
    try:
        deal = load_deal(path, config.playbook, language=config.language)
    except InvalidFile as exc:
        return invalid_findings(exc), True
    return check_deal(deal, today, config), False


_WORKER: tuple[Settings, dt.date] | None = None


def _work(path: Path) -> tuple[list[Finding], bool]:
    assert _WORKER is not None
    return check_one(path, *_WORKER)


def check_paths(
    paths: Iterable[Path], settings: Settings, today: dt.date, jobs: int | None = None
) -> CheckRun:
    """Check every deal file named or found under the folders named, in a stable order."""
    global _WORKER
    files = deal_files(paths, settings)
    jobs = jobs or (os.cpu_count() or 1)
    results: Iterable[tuple[list[Finding], bool]]
    if (
        jobs > 1
        and len(files) >= PARALLEL_FROM
        and "fork" in multiprocessing.get_all_start_methods()
    ):
        _WORKER = (settings, today)
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs) as pool:
            results = pool.map(_work, files, chunksize=max(1, len(files) // (jobs * 8)))
    else:
        results = [check_one(path, settings, today) for path in files]
    findings: list[Finding] = []
    invalid = 0
    for found, was_invalid in results:
        findings.extend(found)
        invalid += was_invalid
    return CheckRun(findings, len(files), invalid)
