"""Errors a user can cause, each carrying the place in a file it concerns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where, what kind, what was expected, how to fix it."""

    path: str
    line: int
    column: int
    kind: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class ReviewkitError(Exception):
    """A failure the user can fix. The CLI prints it and exits 2; never a traceback."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def lines(self) -> list[str]:
        """The error as the lines the CLI prints."""
        return [f"{self.message} — {self.hint}" if self.hint else self.message]


class InvalidFile(ReviewkitError):
    """A deal, playbook or config file that cannot be used; carries every problem found."""

    def __init__(self, path: str, problems: list[Problem], language: str = "en") -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.problems = problems
        self.language = language

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class RefusedOverwrite(ReviewkitError):
    """An output file exists and --force was not given."""
