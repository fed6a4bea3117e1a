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
from reviewkit.present import report
from reviewkit.present.colour import wanted
from reviewkit.text.catalogue import FALLBACK
from reviewkit.text.errors import error

__all__ = [
    "PARALLEL_FROM",
    "CheckOptions",
    "CheckRun",
    "check_command",
    "check_one",
    "check_paths",
]


@dataclass(frozen=True)
class CheckRun:
    findings: list[Finding]
    files: int
    invalid: int
    languages: frozenset[str] = frozenset()  # of the files checked, as their messages speak


def check_one(
    path: Path, settings: Settings, today: dt.date, lang: str | None = None
) -> tuple[list[Finding], bool, str]:
    """The findings for one file, whether it was invalid, and the language of its messages."""
    from reviewkit.judge.engine import check_deal, invalid_findings
    from reviewkit.model.deal import load_deal

    config = settings.for_file(path)
    try:
        deal = load_deal(path, config.playbook, language=config.language)
    except InvalidFile as exc:
        return invalid_findings(exc), True, lang or exc.language
    return check_deal(deal, today, config, lang), False, lang or deal.language


def check_text(
    text: str, display: str, settings: Settings, today: dt.date, lang: str | None = None
) -> CheckRun:
    """Check a deal file's text read from standard input, named `display` in messages; the
    config is the one that applies to a file of that name."""
    from reviewkit.judge.engine import check_deal, invalid_findings
    from reviewkit.model.deal import parse_deal

    config = settings.for_file(Path(display).absolute())
    try:
        deal = parse_deal(text, Path(display), config.playbook, display, config.language)
    except InvalidFile as exc:
        return CheckRun(invalid_findings(exc), 1, 1, frozenset([lang or exc.language]))
    findings = check_deal(deal, today, config, lang)
    return CheckRun(findings, 1, 0, frozenset([lang or deal.language]))


def check_paths(
    paths: Iterable[Path],
    settings: Settings,
    today: dt.date,
    jobs: int | None = None,
    lang: str | None = None,
) -> CheckRun:
    """Check every deal file named or found under the folders named, in a stable order."""
    files = deal_files(paths, settings)
    results = run_all(check_one, files, (settings, today, lang), jobs=jobs)
    findings: list[Finding] = []
    invalid = 0
    languages = set()
    for found, was_invalid, lang in results:
        findings.extend(found)
        invalid += was_invalid
        if lang:
            languages.add(lang)
    return CheckRun(findings, len(files), invalid, frozenset(languages))


@dataclass(frozen=True)
class CheckOptions:
    """How `check` reports: its command-line flags beyond the files."""

    format: str | None = None
    strict: bool = False
    quiet: bool = False
    exit_zero: bool = False
    statistics: bool = False
    colour: str = "auto"
    output_file: Path | None = None
    stdin_filename: str | None = None
    lang: str | None = None


def check_command(
    paths: Iterable[Path],
    *,
    options: CheckOptions,
    today: dt.date,
    settings: Settings,
    jobs: int | None,
    fix: bool = False,
) -> Outcome:
    """The findings in the format asked (default: text; github inside GitHub Actions), to
    stdout or the output file, and the exit code. With `fix`, the obvious corrections are
    made first (see `ops.fix`)."""
    paths = list(paths)
    fixed: tuple[str, ...] = ()
    if fix:
        from reviewkit.ops.fix import STDIN, fix_paths, fix_stdin

        if STDIN in paths:
            if len(paths) > 1:  # the fixed text goes to stdout: one input only
                raise error("fix-stdin-alone")
            return fix_stdin(settings, today, options.strict)
        fixed = fix_paths(paths, settings)
    if paths == [Path("-")]:
        text = read_stdin(options.stdin_filename or "-")
        run = check_text(text, options.stdin_filename or "-", settings, today, options.lang)
    else:
        run = check_paths(paths, settings, today, jobs, options.lang)
    findings = [f for f in run.findings if not (options.quiet and f.severity == "info")]
    summary = report.Summary.of(findings, run.files, run.invalid)
    lang = options.lang or common_language(run.languages, settings)
    out = _formatted(findings, summary, options, lang)
    code = exitcodes.for_check(
        invalid=run.invalid, errors=summary.errors, warnings=summary.warnings, strict=options.strict
    )
    if options.exit_zero and code == exitcodes.FINDINGS:
        code = exitcodes.OK
    if options.output_file is None:
        return Outcome(out, err=fixed, code=code)
    write_output(options.output_file, out)
    return Outcome(err=fixed, code=code)


def _formatted(
    findings: list[Finding], summary: report.Summary, options: CheckOptions, lang: str
) -> str:
    chosen = options.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if chosen == "json":
        return report.as_json(findings, summary)
    if chosen == "github":
        return report.github(findings, summary)
    if chosen == "sarif":
        return report.sarif(findings, summary)
    if options.statistics:
        return report.statistics(findings, summary, lang)
    colour = options.output_file is None and wanted(options.colour, sys.stdout)
    return report.text(findings, summary, colour=colour, lang=lang)


def common_language(languages: Iterable[str], settings: Settings) -> str:
    """The language of what a command over many deals says of them all: theirs when they
    share one, else the config's for this folder, else English."""
    distinct = set(languages)
    if len(distinct) == 1:
        return distinct.pop()
    return settings.for_folder(Path.cwd()).language or FALLBACK


def read_stdin(display: str) -> str:
    """A deal file's text from standard input, within the size limit of a file."""
    from reviewkit.model.files import MAX_FILE_BYTES

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise error("stdin-too-large", path=display, limit=f"{MAX_FILE_BYTES:,}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error("stdin-not-utf8", path=display) from None


def write_output(path: Path, text: str) -> None:
    """Write `--output-file` in one rename, never over a YAML file a user wrote."""
    from reviewkit.ops.render import write_pack

    write_pack(path, text)


def parse_rules(value: str | None) -> frozenset[str] | None:
    """`--select` / `--ignore`: comma-separated rule slugs, each checked ("did you mean")."""
    from reviewkit.judge.engine import find_rule

    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    return frozenset(find_rule(name).slug for name in names) if names else None
