"""Every line the command line writes follows the language: `--lang`, else the deal's, else
the config's — not only the findings. Checked with the Chinese samples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from tests.conftest import SAMPLES

DAY = "2026-12-01"
ZH = ("huadong-grid-dispatch.yaml", "xinan-hospital-stub.yaml")


def invoke(*args: object) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def zh_deals(tmp_path: Path) -> Path:
    folder = tmp_path / "deals"
    folder.mkdir()
    for name in ZH:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def test_render_says_wrote_in_the_deals_language(zh_deals: Path, tmp_path: Path) -> None:
    one = invoke("render", zh_deals / ZH[1], "--today", DAY)
    assert one.exit_code == 0
    assert one.stderr == f"已写出 {zh_deals / 'xinan-hospital-stub.review.md'}\n"
    many = invoke("render", zh_deals, "-o", tmp_path / "packs", "--today", DAY)
    assert many.stderr == "已写出 2 份分析材料。\n"
    english = invoke("render", zh_deals / ZH[1], "--lang", "en", "-o", tmp_path / "e.md")
    assert english.stderr == f"Wrote {tmp_path / 'e.md'}\n"


def test_check_summary_and_severity_words(zh_deals: Path) -> None:
    out = invoke("check", zh_deals, "--today", DAY).stdout.splitlines()
    assert out[-1].startswith("已检查 2 个文件：")
    assert {line.split()[1] for line in out[:-1]} <= {"错误", "警告", "提示"}


def test_advance_speaks_chinese(zh_deals: Path) -> None:
    refused = invoke("advance", zh_deals / ZH[1], "--to", "qualification", "--today", DAY)
    assert refused.exit_code == 1
    assert "仍停留在" in refused.stderr.splitlines()[-1]
    moved = invoke(
        "advance",
        zh_deals / ZH[1],
        "--to",
        "qualification",
        "--force",
        "--reason",
        "客户要求",
        "--today",
        DAY,
    )
    assert moved.stdout.splitlines()[-1].startswith(f"已将 {zh_deals / ZH[1]} 从")


def test_diff_and_new_speak_chinese(zh_deals: Path, tmp_path: Path) -> None:
    same = invoke("diff", zh_deals / ZH[1], zh_deals / ZH[1])
    assert same.stdout.splitlines()[0].startswith("上次分析会以来的变化：")
    made = invoke("new", "测试项目", "--lang", "zh", "-o", tmp_path / "n.yaml")
    assert made.stdout.startswith(f"已写出 {tmp_path / 'n.yaml'}。下一步：")


def test_the_configs_language_for_commands_over_no_single_deal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "reviewkit.yaml").write_text(
        "reviewkit-config: 1\nlanguage: zh\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    schema = invoke("schema", "-o", "deal.schema.json")
    assert schema.stderr == "已写出 deal.schema.json\n"
    view = invoke("pipeline", SAMPLES, "-o", "p.html", "--today", DAY)
    assert view.stderr == "已写出 p.html\n"
    mixed = invoke("check", SAMPLES, "--today", DAY)  # deals in two languages: the config's
    assert mixed.stdout.splitlines()[-1].startswith("已检查 6 个文件：")
