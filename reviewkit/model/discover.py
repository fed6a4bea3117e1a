"""Which files a command works on: the files named, and every *.yaml / *.yml under folders named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewkit.text.errors import error

if TYPE_CHECKING:
    from reviewkit.model.config import Settings

SUFFIXES = (".yaml", ".yml")


def deal_files(paths: Iterable[Path], settings: Settings | None = None) -> list[Path]:
    """The deal files to check, in a stable order.

    Hidden files and folders are skipped, and so are config files and whatever the
    applicable config excludes (a team's playbooks, say), even when named explicitly.
    """
    from reviewkit.model.config import Settings

    settings = settings or Settings()

    def wanted(p: Path) -> bool:
        return not settings.for_file(p).excludes(p)

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            candidates = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            inside = [p for p in candidates if wanted(p)]
            if not inside:
                raise error("no-deal-files", path=path)
            found.extend(inside)
        elif path.exists():
            if wanted(path):
                found.append(path)
        else:
            raise error("no-such-path", path=path)
    return list(dict.fromkeys(found))
