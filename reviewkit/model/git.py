"""Reading earlier versions of a deal file with git, locally and never over the network."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from reviewkit.errors import ReviewkitError
from reviewkit.text.catalogue import FALLBACK, say
from reviewkit.text.errors import error

TIMEOUT = 30
#: git must not fetch missing objects (a partial clone would) nor ask for credentials.
ENV = {**os.environ, "GIT_NO_LAZY_FETCH": "1", "GIT_TERMINAL_PROMPT": "0"}
#: And no transport at all, for a git too old to know GIT_NO_LAZY_FETCH (before 2.39).
NO_NETWORK = ("-c", "protocol.allow=never")


def _git(
    folder: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *NO_NETWORK, "-C", str(folder), *args],
            input=stdin,
            capture_output=True,
            check=False,
            timeout=TIMEOUT,
            env=ENV,
        )
    except FileNotFoundError:
        raise error("git-missing") from None
    except subprocess.TimeoutExpired:
        raise error("git-timeout", seconds=TIMEOUT, folder=folder) from None


def show(path: Path, ref: str) -> str:
    """The text of `path` at revision `ref` of its repository."""
    if ref.startswith("-"):
        raise error("not-a-revision", ref=ref)
    result = _git(path.absolute().parent, "show", f"{ref}:./{path.name}")
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        last = reason[-1] if reason else say(FALLBACK, "error.git-failed")
        raise error("git-show", path=path, ref=ref, reason=last)
    return result.stdout.decode("utf-8-sig", "replace")


def versions(path: Path, limit: int) -> list[tuple[str, str]]:
    """(date, text) of the file's last `limit` committed versions, oldest first; [] outside git."""
    folder = path.absolute().parent
    try:
        log = _git(folder, "log", f"-{limit}", "--format=%H %cs", "--", path.name)
        prefix = _git(folder, "rev-parse", "--show-prefix")
    except ReviewkitError:
        return []
    if log.returncode != 0 or prefix.returncode != 0:
        return []
    commits = [line.split() for line in log.stdout.decode().splitlines() if line.strip()]
    if not commits:
        return []
    where = prefix.stdout.decode().strip() + path.name
    wanted = "".join(f"{commit}:{where}\n" for commit, _ in commits).encode()
    batch = _git(folder, "cat-file", "--batch", stdin=wanted)
    if batch.returncode != 0:
        return []
    out, data, offset = [], batch.stdout, 0
    for _, date in commits:
        end = data.index(b"\n", offset)
        header = data[offset:end].split()
        offset = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        out.append((date, data[offset : offset + size].decode("utf-8-sig", "replace")))
        offset += size + 1
    return list(reversed(out))


def tracked_folder(path: Path) -> bool:
    """Whether `path` lies in a git work tree and git would not ignore it (it could be
    committed by accident); False outside git or without git."""
    folder = path.absolute().parent
    while not folder.exists():  # a pack for a folder that is still to be made
        folder = folder.parent
    try:
        inside = _git(folder, "rev-parse", "--is-inside-work-tree")
        if inside.returncode != 0 or inside.stdout.strip() != b"true":
            return False
        ignored = _git(folder, "check-ignore", "-q", "--no-index", str(path.absolute()))
    except ReviewkitError:
        return False
    return ignored.returncode == 1


def work_tree_root(folder: Path) -> Path | None:
    """The top folder of the git work tree holding `folder` (the nearest one with a `.git`
    folder or file), or None outside one. Read from the file system: git need not be there."""
    folder = folder.absolute()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def require_revision(folder: Path, ref: str) -> None:
    """Refuse `ref` unless it names a commit of the repository that holds `folder`."""
    if ref.startswith("-"):
        raise error("not-a-revision", ref=ref)
    found = _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode != 0:
        raise error("not-a-revision", ref=ref)
