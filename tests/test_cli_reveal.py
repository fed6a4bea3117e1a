"""A pack that reveals the floor says so on every page and in its file name; a pack (or a
new deal file) that git would track gets the exact .gitignore line offered, never written."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from tests.conftest import SAMPLES, git

DAY = "2026-12-01"
MARK = "Floor price revealed — confidential"
NOTE = re.compile(r"add this line to \.gitignore: \*\.review\.\*$")


def invoke(*args: object) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def deal(tmp_path: Path) -> Path:
    path = tmp_path / "northfield-core-network.yaml"
    shutil.copy(SAMPLES / path.name, path)
    return path


def test_the_file_name_says_the_floor_is_revealed(deal: Path) -> None:
    result = invoke("render", deal, "--reveal-floor", "--today", DAY)
    assert result.exit_code == 0
    assert result.stderr == f"Wrote {deal.parent / 'northfield-core-network.review.floor.md'}\n"
    plain = invoke("render", deal, "--today", DAY)
    assert plain.stderr == f"Wrote {deal.parent / 'northfield-core-network.review.md'}\n"


def test_markdown_says_it_at_the_top_and_the_bottom(deal: Path) -> None:
    invoke("render", deal, "--reveal-floor", "--today", DAY)
    lines = (deal.parent / "northfield-core-network.review.floor.md").read_text().splitlines()
    warning = (
        "> **⚠ Floor price revealed: this pack shows the commercial floor. Do not forward it.**"
    )
    assert lines[0] == warning and lines[-1] == warning
    invoke("render", deal, "--today", DAY)
    assert (
        "Floor price revealed"
        not in (deal.parent / "northfield-core-network.review.md").read_text()
    )


def test_html_carries_a_banner(deal: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.html"
    invoke("render", deal, "--reveal-floor", "-o", out, "--today", DAY)
    html = out.read_text(encoding="utf-8")
    assert f'<div class="floor-banner">⚠ {MARK}</div>' in html
    assert "position: sticky" in html


def test_every_pdf_page_says_it(deal: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    assert invoke("render", deal, "--reveal-floor", "-o", out, "--today", DAY).exit_code == 0
    pages = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")[:-1]
    assert len(pages) > 3
    assert all(f"⚠ {MARK}" in page for page in pages)
    zh = tmp_path / "zh.pdf"
    shutil.copy(SAMPLES / "huadong-grid-dispatch.yaml", tmp_path / "hd.yaml")
    invoke("render", tmp_path / "hd.yaml", "--reveal-floor", "-o", zh, "--today", DAY)
    pages = subprocess.run(
        ["pdftotext", str(zh), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")[:-1]
    assert all("含商务底线价格 —— 机密" in page for page in pages)


def test_a_pack_git_would_track_gets_the_gitignore_line(deal: Path) -> None:
    git(deal.parent, "init", "-q")
    result = invoke("render", deal, "--today", DAY)
    [_, note] = result.stderr.splitlines()
    assert note == (
        f"note: git would track {deal.parent / 'northfield-core-network.review.md'}, and packs "
        "hold confidential deal data — to keep every pack out of git, add this line to "
        ".gitignore: *.review.*"
    )
    assert NOTE.search(note)
    assert not (deal.parent / ".gitignore").exists()  # offered, never written
    (deal.parent / ".gitignore").write_text("*.review.*\n", encoding="utf-8")
    again = invoke("render", deal, "--today", DAY, "--reveal-floor")
    assert again.stderr.splitlines() == [
        f"Wrote {deal.parent / 'northfield-core-network.review.floor.md'}"
    ]


def test_outside_git_nothing_is_offered(deal: Path) -> None:
    assert invoke("render", deal, "--today", DAY).stderr.count("\n") == 1


def test_new_in_a_git_work_tree_offers_it_too(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    made = invoke("new", "测试项目", "--lang", "zh", "-o", tmp_path / "d.yaml")
    assert made.exit_code == 0
    assert made.stderr.startswith("提示：git 会跟踪 ")
    assert made.stderr.rstrip().endswith("请在 .gitignore 中加入这一行：*.review.*")
    many = invoke("render", tmp_path, "-o", tmp_path / "packs", "--today", DAY)
    assert many.exit_code == 0
    assert many.stderr.splitlines()[-1].startswith("提示：git 会跟踪 ")  # the deal's language
