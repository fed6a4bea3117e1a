"""`reviewkit check --fix`: make the corrections with one obvious answer, then check as usual."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path

from reviewkit import exitcodes
from reviewkit.errors import InvalidFile
from reviewkit.model.config import Settings
from reviewkit.model.discover import deal_files
from reviewkit.model.files import MAX_FILE_BYTES
from reviewkit.model.fix import fix_file, fix_text
from reviewkit.ops.outcome import Outcome
from reviewkit.text.catalogue import FALLBACK, say

STDIN = Path("-")


def fixed_line(lang: str, count: int, path: object) -> str:
    """`fixed 3 problems in deal.yaml`, in the file's language."""
    return say(lang, "cli.fixed-one" if count == 1 else "cli.fixed", count=count, path=path)


def fix_paths(paths: Iterable[Path], settings: Settings) -> tuple[str, ...]:
    """Fix every deal file named or found under the folders named; one line per file fixed.
    A file that cannot be read or parsed is left as it is, for the check to report."""
    lines = []
    for path in deal_files(paths, settings):
        config = settings.for_file(path)
        try:
            count, lang = fix_file(path, config.playbook, config.language)
        except InvalidFile:
            continue
        if count:
            lines.append(fixed_line(lang, count, path))
    return tuple(lines)


def fix_stdin(settings: Settings, today: dt.date, strict: bool) -> Outcome:
    """`check --fix -`: the fixed text on standard output (as formatters do), what was fixed
    and the findings of the fixed text on standard error; the exit code of the check."""
    from reviewkit.judge.engine import check_deal, invalid_findings
    from reviewkit.model.deal import guess_language, parse_deal
    from reviewkit.present import report

    config = settings.for_file(STDIN.absolute())
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    lang = config.language or FALLBACK
    try:
        if len(data) > MAX_FILE_BYTES:
            raise UnicodeError
        text = data.decode("utf-8-sig")
    except UnicodeError:
        return Outcome(
            err=(say(lang, "cli.fix-stdin-unread", limit=f"{MAX_FILE_BYTES:,}"),), code=2
        )
    fixed, count = fix_text(text, config.playbook, config.language)
    lang = guess_language(fixed, config.language)
    notes = (fixed_line(lang, count, "-"),) if count else ()
    try:
        deal = parse_deal(fixed, STDIN, config.playbook, "-", config.language)
        findings, invalid = check_deal(deal, today, config), 0
    except InvalidFile as exc:
        findings, invalid = invalid_findings(exc), 1
    summary = report.Summary.of(findings, 1, invalid)
    shown = report.text(findings, summary, colour=False).rstrip("\n").split("\n")
    code = exitcodes.for_check(
        invalid=invalid, errors=summary.errors, warnings=summary.warnings, strict=strict
    )
    return Outcome(fixed, err=(*notes, *shown), code=code)
