"""Earlier versions read with git: from the local repository only, never fetched."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reviewkit.errors import ReviewkitError
from reviewkit.model import git
from tests.conftest import SAMPLES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git (make setup)")


def run(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    ).stdout


def missing(folder: Path) -> int:
    """Objects a partial clone lacks (counted without fetching them)."""
    listed = run(
        folder, "-c", "protocol.allow=never", "rev-list", "--objects", "--all", "--missing=print"
    )
    return sum(line.startswith("?") for line in listed.splitlines())


@pytest.mark.parametrize("lazy_fetch_known", [True, False])
def test_a_partial_clone_is_never_fetched_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lazy_fetch_known: bool
) -> None:
    """A blob the clone does not hold is reported as unreadable, not fetched from the
    remote, whether or not this git knows GIT_NO_LAZY_FETCH."""
    source = tmp_path / "source"
    source.mkdir()
    run(source, "init", "-q")
    run(source, "config", "uploadpack.allowFilter", "true")
    deal = source / "deal.yaml"
    deal.write_text((SAMPLES / "northfield-core-network.yaml").read_text(encoding="utf-8"))
    run(source, "add", ".")
    run(source, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qm", "one")
    deal.write_text(deal.read_text(encoding="utf-8") + "# two\n", encoding="utf-8")
    run(source, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qam", "two")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", source.as_uri(), str(clone)], check=True
    )
    before = missing(clone)
    assert before >= 1  # the first version's blob stayed on the remote
    if not lazy_fetch_known:  # as a git older than GIT_NO_LAZY_FETCH behaves
        monkeypatch.setattr(git, "ENV", {k: v for k, v in git.ENV.items() if "LAZY" not in k})
    with pytest.raises(ReviewkitError):
        git.show(clone / "deal.yaml", "HEAD~1")
    assert missing(clone) == before
    assert git.show(clone / "deal.yaml", "HEAD").endswith("# two\n")  # what it holds, it reads
