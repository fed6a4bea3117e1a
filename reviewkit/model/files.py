"""Reading user files within limits, and writing outputs all at once or not at all."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from reviewkit.errors import Problem
from reviewkit.text.errors import error
from reviewkit.text.messages import msg

#: Largest deal or playbook file reviewkit reads. A real deal file is 5-40 KB; a file
#: over this limit is refused before it is parsed.
MAX_FILE_BYTES = 1_000_000


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file; return its text, or the problems that stop it being read.

    Only a regular file is read (a pipe would block, /dev/zero never ends), and never more
    than MAX_FILE_BYTES of it, whatever its size claims to be.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            message, hint = msg("en", "not-a-file")
            return None, [Problem(display, 1, 1, "not-a-file", message, hint)]
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return None, [_too_large(display, f"{size:,}")]
        # Opened without blocking, in case it was swapped for a pipe since the look above.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                message, hint = msg("en", "not-a-file")
                return None, [Problem(display, 1, 1, "not-a-file", message, hint)]
            data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return None, [_too_large(display, f"more than {MAX_FILE_BYTES:,}")]
    except IsADirectoryError:
        raise error("read-folder", path=display) from None
    except FileNotFoundError:
        raise error("no-such-file", path=display) from None
    except OSError as exc:
        raise error("read-failed", path=display, reason=exc.strerror) from None
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message, hint = msg("en", "not-utf8", byte=f"0x{data[exc.start]:02x}")
        return None, [Problem(display, line, column, "not-utf8", message, hint)]


def _too_large(display: str, size: str) -> Problem:
    message, hint = msg("en", "too-large", size=size, limit=f"{MAX_FILE_BYTES:,}")
    return Problem(display, 1, 1, "too-large", message, hint)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file renamed into place.

    Readers see the old file or the new one, never a half-written one; on failure the
    old file is left as it was. A device or pipe is written to, never replaced, and a
    symbolic link keeps pointing where it did.

    The temporary file is `.NAME.PID-RANDOM.tmp` beside the output: hidden, never read as a
    deal, and removed by a later write of the same output once process PID is gone (it is
    what a `kill -9` mid-write leaves behind).
    """
    import tempfile  # only when writing: `check` never needs it

    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.exists() and not path.is_file():  # a device or a pipe (/dev/null, /dev/stdout)
        with open(path, "wb") as stream:
            stream.write(payload)
        return
    if path.is_symlink():  # replace the file the link points at, and keep the link
        path = path.resolve()
    directory = path.parent if str(path.parent) else Path(".")
    remove_stale_temporaries(path)
    prefix = f".{path.name}.{os.getpid()}-"
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_file(path: Path, data: str | bytes, shown: str | None = None) -> None:
    """`write_atomic`, with a failure to write said as a user error naming `shown` (or `path`)."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise error("write-failed", path=shown or path, reason=exc.strerror) from None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but is another user's
        return True
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files an interrupted write of `path` left (their writer is gone)."""
    directory = path.parent if str(path.parent) else Path(".")
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(\d+)-\w+\.tmp")
    removed: list[Path] = []
    try:
        names = [p for p in directory.iterdir() if p.name.startswith(f".{path.name}.")]
    except OSError:
        return removed
    for leftover in names:
        match = pattern.fullmatch(leftover.name)
        if match and int(match.group(1)) != os.getpid() and not _alive(int(match.group(1))):
            try:
                leftover.unlink()
                removed.append(leftover)
            except OSError:
                pass
    return removed
