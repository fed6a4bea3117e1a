"""Rendering many packs in one call: in parallel on the machine's cores, past bad files.

Workers make packs in memory; this process writes them, one rename each, so no two deals
can write the same file and a failure never leaves half a pack. Every failure is reported
at the end, and the good packs are written. `render_command` decides between one deal and many.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reviewkit import exitcodes
from reviewkit.errors import ReviewkitError
from reviewkit.model.config import Settings
from reviewkit.model.discover import deal_files
from reviewkit.ops.outcome import Outcome
from reviewkit.ops.render import PackRequest, make_pack, render_pack, write_pack
from reviewkit.parallel import run_all
from reviewkit.text.catalogue import FALLBACK, say
from reviewkit.text.errors import error, internal_error


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    failures: list[tuple[Path, list[str]]] = field(default_factory=list)


def _make(
    path: Path, request: PackRequest, output: str | None
) -> tuple[Path, Path | None, str | bytes | None, list[str]]:
    """One pack, or the lines that say why it could not be made."""
    try:
        target, data = make_pack(path, request, output)
        return path, target, data, []
    except ReviewkitError as exc:
        return path, None, None, exc.lines()
    except Exception as exc:  # an internal error in one deal must not stop the others
        return path, None, None, [say(FALLBACK, "cli.bug-in-deal", error=internal_error(exc))]


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
    if output is not None and not Path(output).is_dir():
        raise error("output-not-folder", output=output)
    files = deal_files(paths, Settings(request.config, request.playbook))
    if request.format == "pdf" and len(files) > 1:
        import reviewkit.present.pdf  # noqa: F401 - imported once here, shared by every worker
    progress = Progress(len(files))
    results = run_all(_make, files, (request, output), jobs=jobs, threshold=2, done=progress.step)
    progress.close()
    made = {path: (target, data, problems) for path, target, data, problems in results}
    result = BatchResult()
    claimed: dict[Path, Path] = {}
    for path in files:
        target, data, problems = made[path]
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
    return result


def render_command(
    paths: list[Path], request: PackRequest, output: str | None, jobs: int | None
) -> Outcome:
    """`reviewkit render`: one deal file's pack, or the packs of every deal named or found."""
    lang = request.lang or FALLBACK
    if len(paths) == 1 and not paths[0].is_dir():
        written = render_pack(
            paths[0],
            format=request.format,
            output=output,
            lang=request.lang,
            reveal_floor=request.reveal_floor,
            today=request.today,
            playbook=request.playbook,
            config=request.config,
            since=request.since,
            audience=request.audience,
        )
        wrote = say(lang, "cli.wrote", path=written)
        return Outcome(err=(wrote,) if written is not None else ())
    result = render_many(paths, request, output, jobs)
    lines = [say(lang, "cli.batch-wrote", count=len(result.written))]
    if not result.failures:
        return Outcome(err=tuple(lines))
    lines.append(say(lang, "cli.batch-failed", count=len(result.failures)))
    lines.extend(f"  {line}" for _, problems in result.failures for line in problems)
    return Outcome(err=tuple(lines), code=exitcodes.FAILURE)
