"""What a command prints and how it exits: each operation returns one to the command line."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit import exitcodes


@dataclass(frozen=True)
class Outcome:
    """`out` goes to stdout as it is; each line of `err` to stderr; then the exit code."""

    out: str = ""
    err: tuple[str, ...] = ()
    code: int = exitcodes.OK
