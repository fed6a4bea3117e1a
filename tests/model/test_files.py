"""Writing outputs: all at once or not at all, never replacing a device, a pipe or a link."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from reviewkit.model.files import write_atomic


def test_a_new_file_and_a_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "pack.md"
    write_atomic(target, "one")
    target.chmod(0o640)
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions
    assert [p.name for p in tmp_path.iterdir()] == ["pack.md"]


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.md"
    target.write_text("old")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.md"]


def test_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_link_keeps_pointing_at_its_file(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_write_killed_midway_is_cleaned_up_by_the_next(tmp_path: Path) -> None:
    import subprocess
    import sys

    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(gone.stdout)
    stale = tmp_path / f".pack.pdf.{dead}-abc123.tmp"  # what `kill -9` mid-write leaves
    stale.write_bytes(b"%PDF-1.7 trunc")
    running = tmp_path / f".pack.pdf.{os.getppid()}-def456.tmp"  # a write still under way
    running.write_bytes(b"")
    other = tmp_path / ".notes.txt.1-x.tmp"
    other.write_bytes(b"")
    write_atomic(tmp_path / "pack.pdf", b"%PDF-1.7 whole")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(["pack.pdf", running.name, other.name])


def test_temporary_files_are_hidden_and_named_for_their_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = os.replace

    def spy(source: str, target: str) -> None:
        seen.append(Path(source).name)
        real(source, target)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / "deal.review.md", "x")
    assert len(seen) == 1
    assert seen[0].startswith(f".deal.review.md.{os.getpid()}-") and seen[0].endswith(".tmp")


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    from reviewkit.model.files import read_text

    fifo = tmp_path / "deal.yaml"
    os.mkfifo(fifo)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(read_text(fifo, "deal.yaml")))
    worker.daemon = True
    worker.start()
    worker.join(5)
    assert result, "read_text waited on a pipe"
    text, problems = result[0]  # type: ignore[misc]
    assert text is None and [p.kind for p in problems] == ["not-a-file"]
    assert "not a regular file" in problems[0].message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused(device: str) -> None:
    from reviewkit.model.files import read_text

    if not Path(device).exists():
        pytest.skip(f"no {device}")
    text, problems = read_text(Path(device), device)
    assert text is None and [p.kind for p in problems] == ["not-a-file"]


def test_a_file_larger_than_it_claims_is_read_only_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewkit.model import files

    big = tmp_path / "deal.yaml"
    big.write_bytes(b"a: b\n" * 1000)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    text, problems = files.read_text(big, "deal.yaml")
    assert text is None and problems[0].kind == "too-large"


def test_check_refuses_a_fifo_named_yaml_with_a_location(tmp_path: Path) -> None:
    import subprocess
    import sys

    fifo = tmp_path / "deal.yaml"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "reviewkit", "check", str(fifo)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert run.returncode == 2
    assert f"{fifo}:1:1:" in run.stdout and "not a regular file" in run.stdout
