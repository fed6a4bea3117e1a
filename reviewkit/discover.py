"""Which files a command works on: the files named, and every *.yaml / *.yml under folders named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reviewkit.errors import ReviewkitError

SUFFIXES = (".yaml", ".yml")


def deal_files(paths: Iterable[Path]) -> list[Path]:
    """The deal files to check, in a stable order; hidden files and folders are skipped."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not inside:
                raise ReviewkitError(
                    f"{path}: no deal files (*.yaml, *.yml) in this folder",
                    hint="check the path, or create one with `reviewkit new NAME`",
                )
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise ReviewkitError(f"{path}: no such file or folder", hint="check the path")
    return list(dict.fromkeys(found))
