"""`render --watch`: a save produces a new HTML pack within a second, the page reloads itself
(meta refresh, no server, no network), a broken save is reported and watched past, and
Ctrl-C ends the watch with exit 0."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from reviewkit.cli import app
from tests.conftest import SAMPLES

SCRIPT = str(Path(sys.executable).parent / "reviewkit")
NAME = "Northfield provincial core network upgrade"


def wait_for(check, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.02)
    return bool(check())


def test_a_save_renders_a_new_page_within_a_second(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    shutil.copy(SAMPLES / "northfield-core-network.yaml", deal)
    pack = tmp_path / "northfield-core-network.review.html"
    watcher = subprocess.Popen(
        [SCRIPT, "render", str(deal), "--watch", "--today", "2026-12-01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_for(pack.exists, 30), "no first render"
        first = pack.read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="1">' in first
        assert NAME in first

        deal.write_text(deal.read_text(encoding="utf-8").replace(NAME, "Renamed deal"))
        assert wait_for(lambda: "Renamed deal" in pack.read_text(encoding="utf-8"), 1.0)

        deal.write_text(deal.read_text(encoding="utf-8") + "broken: [\n")  # a half-typed save
        time.sleep(0.5)
        assert "Renamed deal" in pack.read_text(encoding="utf-8")  # the last good page stays
        deal.write_text(deal.read_text(encoding="utf-8").replace("broken: [\n", ""))
        deal.write_text(deal.read_text(encoding="utf-8").replace("Renamed deal", "Fixed deal"))
        assert wait_for(lambda: "Fixed deal" in pack.read_text(encoding="utf-8"), 1.0)
    finally:
        watcher.send_signal(signal.SIGINT)
        out, err = watcher.communicate(timeout=10)
    assert watcher.returncode == 0, err
    lines = err.splitlines()
    assert lines[0].startswith(f"Watching {deal}: {pack} is re-rendered on every save")
    assert any(line.startswith(f"{deal}:") and "not valid YAML" in line for line in lines)
    assert lines[-1] == "Stopped watching."
    assert "Traceback" not in err and out == ""


def test_watch_renders_html_only_and_one_deal(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    shutil.copy(SAMPLES / "northfield-core-network.yaml", deal)
    runner = CliRunner()
    pdf = runner.invoke(app, ["render", str(deal), "--watch", "-o", str(tmp_path / "p.pdf")])
    assert pdf.exit_code == 2
    assert pdf.stderr.startswith("reviewkit: --watch renders the HTML pack, not pdf")
    folder = runner.invoke(app, ["render", str(tmp_path), "--watch"])
    assert folder.exit_code == 2 and "--watch follows one deal file" in folder.stderr
