"""WeasyPrint imported ahead in a child process: the same PDF, the same errors, nothing left."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewkit.__main__ import reads_as_pdf_render
from reviewkit.ops.render import render_pack
from reviewkit.present import pdfahead
from reviewkit.present.pdf import html_to_pdf
from tests.conftest import SAMPLES, TODAY

REVIEWKIT = Path(sys.executable).parent / "reviewkit"


def render_args(deal: Path, out: Path) -> list[str]:
    return ["render", str(deal), "--format", "pdf", "-o", str(out), "--today", TODAY.isoformat()]


def pack_html(tmp_path: Path, sample: str) -> str:
    out = render_pack(SAMPLES / sample, format="html", output=str(tmp_path / "p.html"), today=TODAY)
    assert out is not None
    return out.read_text(encoding="utf-8")


def children() -> set[int]:
    """This process's child processes, as the kernel lists them."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        found.update(int(pid) for pid in (task / "children").read_text().split())
    return found


@pytest.mark.parametrize("sample", ["northfield-core-network.yaml", "huadong-grid-dispatch.yaml"])
def test_the_pdf_made_ahead_is_byte_identical(tmp_path: Path, sample: str) -> None:
    html = pack_html(tmp_path, sample)
    here, _ = html_to_pdf(html)
    before = children()
    with pdfahead.ahead() as child:
        assert child is not None and child.pid in children()
        ahead, refused = pdfahead.pdf_renderer()(html)
    assert ahead == here and refused == []
    assert children() == before  # the child was waited for


def test_the_command_renders_ahead_and_writes_the_same_bytes(tmp_path: Path) -> None:
    # The command's process never imports WeasyPrint: its child did the render.
    probe = (
        "import json, sys\nfrom reviewkit.cli import app\n"
        "try:\n    app(sys.argv[1:], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "print(json.dumps('weasyprint' in sys.modules), file=sys.stderr)\n"
    )
    deal = SAMPLES / "metro-transit-wifi.yaml"
    result = subprocess.run(
        [sys.executable, "-c", probe, *render_args(deal, tmp_path / "ahead.pdf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == f"Wrote {tmp_path / 'ahead.pdf'}"
    assert json.loads(result.stderr.splitlines()[-1]) is False
    render_pack(deal, format="pdf", output=str(tmp_path / "here.pdf"), today=TODAY)
    assert (tmp_path / "ahead.pdf").read_bytes() == (tmp_path / "here.pdf").read_bytes()


def test_an_error_in_the_render_is_raised_here_as_it_would_be(tmp_path: Path) -> None:
    nested = "<div>" * 4000 + "too deep" + "</div>" * 4000
    with pytest.raises(RecursionError) as here:
        html_to_pdf(nested)
    with pdfahead.ahead(), pytest.raises(RecursionError) as ahead:
        pdfahead.pdf_renderer()(nested)
    assert str(ahead.value) == str(here.value)


class NeedsTwo(Exception):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} and {second}")


def test_an_exception_that_cannot_cross_whole_keeps_its_name_and_message() -> None:
    again = pdfahead._exception(pdfahead._portable(NeedsTwo("Pango", "HarfBuzz")))
    assert (type(again).__name__, str(again)) == ("NeedsTwo", "Pango and HarfBuzz")
    missing = OSError("cannot load library 'libpango-1.0-0'")  # what WeasyPrint raises
    same = pdfahead._exception(pdfahead._portable(missing))
    assert type(same) is OSError and str(same) == str(missing)


FAILING_IMPORT = """
import sys
import reviewkit.present.pdfahead as pdfahead
if sys.argv.pop(1) == "here":
    pdfahead.can_fork = lambda: False
sys.modules["weasyprint"] = None  # WeasyPrint cannot be imported, in this process or a child
from reviewkit.cli import main
main()
"""


def test_a_failed_import_of_weasyprint_is_reported_as_without_the_child(tmp_path: Path) -> None:
    runs = {}
    for where in ("ahead", "here"):
        out = tmp_path / f"{where}.pdf"
        runs[where] = subprocess.run(
            [sys.executable, "-c", FAILING_IMPORT, where, *render_args(SAMPLES / "metro-transit-wifi.yaml", out)],
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        assert not out.exists()
    assert runs["ahead"].returncode == runs["here"].returncode == 2
    assert runs["ahead"].stderr == runs["here"].stderr
    assert "ModuleNotFoundError" in runs["ahead"].stderr
    assert "Traceback" not in runs["ahead"].stderr


def test_an_unused_child_is_stopped_and_waited_for(tmp_path: Path, write) -> None:
    from typer.testing import CliRunner

    from reviewkit.cli import app

    broken = write("reviewkit: 1\ndeal:\n  name: [unclosed\n")
    before = children()
    result = CliRunner().invoke(app, render_args(broken, tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.pdf").exists()
    assert children() == before
    with pdfahead.ahead() as child:
        assert child is not None
    assert children() == before


def test_a_child_that_dies_costs_time_not_the_pack(tmp_path: Path) -> None:
    html = pack_html(tmp_path, "metro-transit-wifi.yaml")
    with pdfahead.ahead() as child:
        assert child is not None
        os.kill(child.pid, signal.SIGKILL)
        data, _ = pdfahead.pdf_renderer()(html)
    assert data == html_to_pdf(html)[0]


def test_ctrl_c_stops_both_processes_and_leaves_the_earlier_pack(tmp_path: Path) -> None:
    # `reviewkit`, the installed command, starts its child before the command line loads.
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"%PDF-1.7 an earlier pack")
    command = subprocess.Popen(
        [REVIEWKIT, *render_args(SAMPLES / "northfield-core-network.yaml", out)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    tasks = Path(f"/proc/{command.pid}/task/{command.pid}/children")
    deadline = time.monotonic() + 30
    while not tasks.read_text().split():
        assert time.monotonic() < deadline, "no child started"
        time.sleep(0.005)
    child = int(tasks.read_text().split()[0])
    wchan = Path(f"/proc/{command.pid}/wchan")
    while "pipe" not in wchan.read_text():  # the command waits for its child's answer
        assert time.monotonic() < deadline, "the command never waited for its child"
        time.sleep(0.005)
    os.killpg(command.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = command.communicate(timeout=30)
    assert (command.returncode, err) == (130, "reviewkit: interrupted\n")
    assert out.read_bytes() == b"%PDF-1.7 an earlier pack"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)


@pytest.mark.parametrize(
    ("words", "pdf"),
    [
        ("render deal.yaml --format pdf", True),
        ("render deal.yaml -f pdf -o out.pdf", True),
        ("render --format=pdf deal.yaml", True),
        ("render -fpdf deal.yaml", True),
        ("render deal.yaml -o pack.pdf", True),
        ("render deal.yaml --output=Pack.PDF", True),
        ("render deal.yaml -f pdf --watch", False),
        ("render deal.yaml -o pack.html", False),
        ("render deal.yaml", False),
        ("render deal.yaml --format html", False),
        ("pipeline deals --format pdf", False),
        ("check pdf", False),
        ("", False),
    ],
)
def test_the_command_line_words_that_start_weasyprint_early(words: str, pdf: bool) -> None:
    assert reads_as_pdf_render(words.split()) is pdf


def test_a_child_started_early_for_what_is_no_pdf_is_stopped_at_once(tmp_path: Path) -> None:
    # `render DIR -f pdf` reads as a PDF render, but renders a batch: the early child goes.
    before = children()
    with pdfahead.ahead() as early:
        assert early is not None and early.pid in children()
        with pdfahead.ahead(False) as inner:
            assert inner is None
            assert children() == before
    with pdfahead.ahead() as early, pdfahead.ahead() as inner:
        assert inner is early  # the render command keeps the child started for it
    assert children() == before


def test_no_fork_from_a_process_with_other_threads(tmp_path: Path) -> None:
    import threading

    html = pack_html(tmp_path, "metro-transit-wifi.yaml")
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        with pdfahead.ahead() as child:
            assert child is None
            data, _ = pdfahead.pdf_renderer()(html)  # WeasyPrint in this process, as before
    finally:
        release.set()
        other.join()
    assert data == html_to_pdf(html)[0]
