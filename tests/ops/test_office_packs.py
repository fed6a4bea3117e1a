"""`render --format docx|xlsx` from the command line: batches, names, refusals, atomic writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from tests.conftest import MINIMAL, SAMPLE_DEALS, SAMPLES


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_folder_of_deals_becomes_one_file_each(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "packs"
    out.mkdir()
    code, _, err = run("render", SAMPLES, "--format", fmt, "-o", out, "--today", "2026-12-01")
    assert code == 0, err
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(SAMPLE_DEALS)
    assert all(name.endswith(f".review.{fmt}") for name in written)
    assert "huadong-grid-dispatch.review." + fmt in written


def test_the_pack_goes_beside_the_deal_by_default(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(MINIMAL.replace("name: Test deal", "name: Test deal\n  id: t-1"), "utf-8")
    assert run("render", deal, "-f", "docx")[0] == 0
    assert run("render", deal, "-f", "xlsx")[0] == 0
    assert docx.Document(str(tmp_path / "t-1.review.docx")).paragraphs
    assert openpyxl.load_workbook(tmp_path / "t-1.review.xlsx").sheetnames


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_never_to_the_terminal(fmt: str, tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(MINIMAL, "utf-8")
    code, out, err = run("render", deal, "-f", fmt, "-o", "-")
    assert code == 2 and out == ""
    assert f"{fmt} packs cannot be written to the terminal" in err
    assert f"-o FILE.{fmt}" in err and "Traceback" not in err


def test_a_failed_render_leaves_the_earlier_pack(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    shutil.copy(SAMPLES / "northfield-core-network.yaml", deal)
    target = tmp_path / "pack.docx"
    assert run("render", deal, "-f", "docx", "-o", target)[0] == 0
    before = target.read_bytes()
    deal.write_text("reviewkit: 1\ndeal: [broken\n", "utf-8")
    code, _, err = run("render", deal, "-f", "docx", "-o", target)
    assert code == 2 and "deal.yaml:" in err
    assert target.read_bytes() == before
