"""The course's own terms in Chinese packs: PIC is 个人的、紧急的、值得的 (燃眉之急); UCV is
独到的客户价值; a company has a 名称, a person a 姓名; difficulty reads 易/难 and speed 慢/快;
mindshare and heartshare keep the course's words; the pipeline's funnel is the 项目漏斗."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from reviewkit.cli import app
from tests.conftest import MINIMAL

TODAY = "2026-12-01"

DEAL = MINIMAL.replace("  stage: relationship\n", "  stage: relationship\n  language: zh\n") + (
    """\
qualification: {size: high, significance: medium, difficulty: high, speed: low}
decision_chain:
  - name: 王强
    influence: high
    mindshare: high
    heartshare: low
    needs: {personal: 年底考核, immediate: 明年三月上线, certain: 调度安全由他负责}
partners:
  - {name: 东桥系统, influence: high}
competitors:
  - {name: 锐网, threat: high}
assessment:
  ucv: 唯一通过省级双活验证的方案
"""
)


def render(deal: Path) -> str:
    result = CliRunner().invoke(app, ["render", str(deal), "-o", "-", "--today", TODAY])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_chinese_pack_speaks_the_course(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(DEAL, encoding="utf-8")
    pack = render(deal)
    assert "*个人的*：年底考核<br>*紧急的*：明年三月上线<br>*值得的*：调度安全由他负责" in pack
    assert "燃眉之急（PIC）" in pack and "确定" not in pack
    assert "**独到的客户价值（UCV）**" in pack
    assert "| 姓名 | 职务 |" in pack  # people have names
    assert "| 名称 | 角色 |" in pack and "| 名称 | 威胁 |" in pack  # companies have 名称
    assert "| 高 | 中 | 难 | 慢 |" in pack  # size, significance, difficulty, speed
    assert "mindshare / heartshare" in pack and "| 高 / 低 |" in pack


def test_the_pipeline_shows_the_project_funnel(tmp_path: Path) -> None:
    (tmp_path / "deal.yaml").write_text(DEAL, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["pipeline", str(tmp_path), "--lang", "zh", "-o", "-", "--today", TODAY]
    )
    assert "## 项目漏斗" in result.stdout
