"""The built wheel carries what reviewkit reads at run time: templates, the default playbook, texts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_contains_templates_and_playbook(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("reviewkit-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").iterdir():
        assert f"reviewkit/templates/{template.name}" in names
    assert "reviewkit/playbooks/default.yaml" in names
    for catalogue in (ROOT / "reviewkit" / "text" / "catalogues").glob("*.json"):
        assert f"reviewkit/text/catalogues/{catalogue.name}" in names
    assert not any(name.startswith(("samples/", "tests/")) for name in names)
