"""The exit-code policy of every reviewkit command, in one place.

0  done; for `check`: no finding of severity error (nor warning, with --strict)
1  `check` found errors in valid deal files (or warnings, with --strict);
   `advance` refused because work before the target stage is open
2  a file could not be read, is not valid YAML or not a valid deal file; bad usage;
   refused to overwrite; an internal error (reported as a bug)
"""

from __future__ import annotations

OK = 0
FINDINGS = 1
FAILURE = 2


def for_check(*, invalid: int, errors: int, warnings: int, strict: bool) -> int:
    """The exit code of `check` for its counts."""
    if invalid:
        return FAILURE
    if errors or (strict and warnings):
        return FINDINGS
    return OK
