"""Rendering many packs in one call: in parallel on the machine's cores, past bad files.

Workers make packs in memory; this process writes them, one rename each, so no two deals
can write the same file and a failure never leaves half a pack. Every failure is reported
at the end, and the good packs are written. `render_command` decides between one deal and many.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from reviewkit import exitcodes
from reviewkit.errors import ReviewkitError
from reviewkit.model.config import Settings
from reviewkit.model.discover import deal_files
from reviewkit.ops.check import common_language
from reviewkit.ops.outcome import Outcome
from reviewkit.ops.render import (
    EXTENSIONS,
    PackRequest,
    gitignore_note,
    make_pack,
    names_folder,
    output_format,
    render_one,
    write_pack,
)
from reviewkit.parallel import run_all
from reviewkit.present.pdfahead import ahead
from reviewkit.text.catalogue import FALLBACK, say
from reviewkit.text.errors import error, internal_error


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    failures: list[tuple[Path, list[str]]] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)  # of the packs made


def _make(
    path: Path, request: PackRequest, output: str | None
) -> tuple[Path, Path | None, str | bytes | None, list[str], str]:
    """One pack and its language, or the lines that say why it could not be made."""
    try:
        target, data, lang = make_pack(path, request, output)
        return path, target, data, [], lang
    except ReviewkitError as exc:
        return path, None, None, exc.lines(), ""
    except Exception as exc:  # an internal error in one deal must not stop the others
        bug = say(FALLBACK, "cli.bug-in-deal", error=internal_error(exc))
        return path, None, None, [bug], ""


class Progress:
    """`rendering 12/50 name` on one line of a terminal; silent anywhere else (CI, pipes)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.live = sys.stderr.isatty() and not os.environ.get("CI")

    def step(self, path: Path) -> None:
        self.done += 1
        if self.live:
            line = say(
                FALLBACK, "cli.rendering", done=self.done, total=self.total, name=path.name[:50]
            )
            sys.stderr.write(f"\r{line}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\r" + " " * 72 + "\r")
            sys.stderr.flush()


def render_many(
    paths: Iterable[Path], request: PackRequest, output: str | None = None, jobs: int | None = None
) -> BatchResult:
    """Render the pack of every deal named or found under the folders named."""
    if output == "-":
        raise error("several-to-stdout")
    if output is not None and not names_folder(output):
        if Path(output).exists() or Path(output).suffix.lower() in EXTENSIONS:
            raise error("output-not-folder", output=output)
        output = str(Path(output)) + os.sep  # a folder to make: `-o packs`
    files = deal_files(paths, Settings(request.config, request.playbook))
    if request.format == "pdf" and len(files) > 1:
        import reviewkit.present.pdf  # noqa: F401 - imported once here, shared by every worker
    progress = Progress(len(files))
    results = run_all(_make, files, (request, output), jobs=jobs, threshold=2, done=progress.step)
    progress.close()
    made = {path: (target, data, problems, lang) for path, target, data, problems, lang in results}
    result = BatchResult()
    claimed: dict[Path, Path] = {}
    for path in files:
        target, data, problems, lang = made[path]
        if problems:
            result.failures.append((path, problems))
            continue
        assert target is not None and data is not None
        if target.resolve() in claimed:
            other = claimed[target.resolve()]
            result.failures.append(
                (
                    path,
                    [say(FALLBACK, "cli.same-pack", path=path, target=target, other=other)],
                )
            )
            continue
        try:
            write_pack(target, data)
        except ReviewkitError as exc:
            result.failures.append((path, exc.lines()))
            continue
        claimed[target.resolve()] = path
        result.written.append(target)
        result.languages.add(lang)
    return result


def render_command(
    paths: list[Path], request: PackRequest, output: str | None, jobs: int | None
) -> Outcome:
    """`reviewkit render`: one deal file's pack, or the packs of every deal named or found."""
    if len(paths) == 1 and not paths[0].is_dir():
        one = replace(request, format=output_format(request.format, output))
        # One deal's PDF: WeasyPrint is imported in a child process while this one builds
        # the pack (started here, or taken over from reviewkit/__main__.py).
        with ahead(one.format == "pdf" and output != "-"):
            written, lang = render_one(paths[0], one, output)
        if written is None:
            return Outcome()
        note = gitignore_note(written, lang)
        return Outcome(err=(say(lang, "cli.wrote", path=written), *([note] if note else [])))
    with ahead(False):  # a child started early for what is a batch after all: stopped
        result = render_many(paths, replace(request, format=request.format or "md"), output, jobs)
    lang = request.lang or common_language(result.languages, Settings(request.config))
    lines = [say(lang, "cli.batch-wrote", count=len(result.written))]
    note = gitignore_note(result.written[0], lang) if result.written else None
    lines += [note] if note else []
    if not result.failures:
        return Outcome(err=tuple(lines))
    lines.append(say(lang, "cli.batch-failed", count=len(result.failures)))
    lines.extend(f"  {line}" for _, problems in result.failures for line in problems)
    return Outcome(err=tuple(lines), code=exitcodes.FAILURE)
