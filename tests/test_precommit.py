"""The pre-commit hook: a valid manifest, and a real run through `pre-commit try-repo`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import MINIMAL, ROOT, git

BIN = Path(sys.executable).parent
GOOD = MINIMAL.replace("stage: relationship", "stage: discovery")
BAD = MINIMAL.replace("stage: relationship", "stage: relationshp")


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, check=False)


def test_the_hook_manifest_is_valid() -> None:
    result = run(str(BIN / "pre-commit"), "validate-manifest", ".pre-commit-hooks.yaml", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hook_passes_a_good_deal_and_stops_a_bad_one(tmp_path: Path) -> None:
    repo = tmp_path / "deals"
    repo.mkdir()
    (repo / "good.yaml").write_text(GOOD, encoding="utf-8")
    (repo / "bad.yaml").write_text(BAD, encoding="utf-8")
    (repo / "notes.txt").write_text("not a deal", encoding="utf-8")
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "deals"]):
        git(repo, *command)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    hook = [str(BIN / "pre-commit"), "try-repo", str(ROOT), "reviewkit-check", "--verbose"]

    good = run(*hook, "--files", "good.yaml", "notes.txt", cwd=repo, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "reviewkit check" in good.stdout and "Passed" in good.stdout

    bad = run(*hook, "--all-files", cwd=repo, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "bad.yaml:4:10: error invalid deal.stage: 'relationshp'" in bad.stdout
    assert "Traceback" not in bad.stdout
