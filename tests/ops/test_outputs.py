"""Outputs never replace what they should not, carry no floor in their names, and never
drive the terminal they are printed to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from tests.conftest import MINIMAL

OTHER = "reviewkit: 1\ndeal: {name: Other, stage: discovery}\n"


def run(*args: object):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "deal.yaml").write_text(MINIMAL.replace("  name", "  id: deal\n  name"))
    (tmp_path / "other.yaml").write_text(OTHER)
    return tmp_path


def linked(folder: Path, name: str) -> Path:
    link = folder / name
    link.symlink_to(folder / "other.yaml")
    return link


def test_a_link_to_a_yaml_file_is_never_written_through(folder: Path) -> None:
    deal = folder / "deal.yaml"
    out = folder / "out"
    out.mkdir()
    cases = [
        ("render", deal, "-o", linked(folder, "pack.md")),
        ("render", deal, "-o", out),  # a folder holding such a link
        ("render", deal),  # the default path beside the deal
        ("pipeline", folder, "-o", linked(folder, "view.html"), "-f", "html"),
        ("schema", "-o", linked(folder, "deal.schema.json")),
    ]
    linked(out, "deal.review.md")
    linked(folder, "deal.review.md")
    for args in cases:
        result = run(*args, *(("--today", "2026-12-01") if args[0] != "schema" else ()))
        assert result.exit_code == 2, args
        assert "refusing to write over a YAML file" in result.output, args
        assert (folder / "other.yaml").read_text() == OTHER, args


def test_batch_render_refuses_a_linked_pack_and_writes_the_others(folder: Path) -> None:
    (folder / "second.yaml").write_text(MINIMAL.replace("Test deal", "Second"))
    linked(folder, "deal.review.md")
    result = run("render", folder, "--today", "2026-12-01")
    assert result.exit_code == 2
    assert "refusing to write over a YAML file" in result.output
    assert (folder / "other.yaml").read_text() == OTHER
    assert (folder / "second.review.md").exists()


def test_a_link_to_an_ordinary_file_is_still_followed(folder: Path) -> None:
    target = folder / "kept.md"
    target.write_text("old")
    (folder / "pack.md").symlink_to(target)
    result = run("render", folder / "deal.yaml", "-o", folder / "pack.md", "--today", "2026-12-01")
    assert result.exit_code == 0
    assert (folder / "pack.md").is_symlink() and target.read_text().startswith("# ")


def test_the_pack_file_name_does_not_carry_the_floor(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        MINIMAL.replace("  name", "  id: bid-7730000\n  confidential: true\n  name")
        + "strategy:\n  commercial:\n    floor: {amount: 7730000, currency: CNY}\n"
    )
    result = run("render", deal, "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    names = [p.name for p in tmp_path.iterdir()]
    assert "bid-floor-withheld.review.md" in names
    assert not any("7730000" in name for name in names)
    assert "7730000" not in result.output


ESCAPES = '"\\e[2J\\e]0;pwned\\a\\x9b31m\\x00"'


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_control_characters_never_reach_a_pack(tmp_path: Path, fmt: str) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        MINIMAL
        + f"background:\n  customer:\n    business: {ESCAPES}\n"
        + f"actions:\n  - what: {ESCAPES}\n    owner: Li\n    due: 2026-12-20\n"
    )
    for command in (
        ("render", deal, "-f", fmt, "-o", "-"),
        ("pipeline", tmp_path, "-f", fmt, "-o", "-"),
    ):
        out = run(*command, "--today", "2026-12-01").stdout
        assert "pwned" in out or command[0] == "pipeline"
        controls = [c for c in out if (ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) < 0xA0]
        assert controls == [], command


def test_ctrl_c_in_a_parallel_run_prints_one_line(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    script = tmp_path / "slow.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys, time
            from reviewkit.parallel import run_all

            def slow(x):
                time.sleep(20)

            print("started", flush=True)
            try:
                run_all(slow, range(8), jobs=2, threshold=2)
            except KeyboardInterrupt:
                sys.exit(130)
            """
        )
    )
    process = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert process.stdout is not None
    process.stdout.readline()
    time.sleep(1.0)  # the workers are running
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "ForkPoolWorker" not in err and "Traceback" not in err, err


def test_ctrl_c_in_a_command_is_one_line_and_exit_130(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from reviewkit import cli

    def body() -> int:
        raise KeyboardInterrupt

    with pytest.raises(typer.Exit) as stopped:
        cli._guard(body)
    assert stopped.value.exit_code == 130
    assert capsys.readouterr().err == "reviewkit: interrupted\n"
