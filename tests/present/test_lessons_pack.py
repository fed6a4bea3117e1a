"""The course's lessons in the pack: each person's plan and burning need, visits on the
timeline, product problems, the mindshare × heartshare grid and the good coach's profile."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reviewkit.ops.render import render_pack
from tests.conftest import SAMPLES, TODAY


def _render(name: str, fmt: str, tmp_path: Path) -> str:
    out = tmp_path / f"pack.{fmt}"
    render_pack(SAMPLES / f"{name}.yaml", format=fmt, output=str(out), today=TODAY)
    if fmt == "pdf":
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
    elif fmt == "docx":  # every paragraph, in the body and in table cells, in document order
        body = docx.Document(str(out)).element.body
        text = "\n".join(
            "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))
        )
    else:
        text = html.unescape(out.read_text(encoding="utf-8"))
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx"])
def test_the_english_pack(tmp_path: Path, fmt: str) -> None:
    text = _render("northfield-core-network", fmt, tmp_path)
    # Each person's plan: the actions aimed at them, and the question where there is none.
    assert (
        "Executive visit by our VP Networks to Wang Qiang and GM Zhang Dong (Sun Hao, 2026-12-20)"
        in text
    )
    assert "No open action aimed at them: how do we win them over" in text
    # The competitor's reference trip we did not accompany, on the timeline.
    assert "Visit to Kestrel's SRv6 core reference site with Wang Qiang, Liu Jianguo" in text
    assert "none of us went along" in text
    # Product problems, ours first, the unanswered one marked.
    assert "Product problems at the customer" in text
    assert "no response yet" in text
    assert "Our 4-hour spares depot in Hexi, run by Eastbridge" in text
    # The grid, the coach's profile, who knows the price, the audience, the burning need.
    assert "Mindshare × heartshare" in text
    assert "A good coach: at middle or lower level" in text
    assert "Sun Hao" in text and "Knows the final price" in text
    assert "Review team" in text
    assert "Wants a seat on HQ's 5G-SA readiness task force" in text


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx"])
def test_the_chinese_pack(tmp_path: Path, fmt: str) -> None:
    text = _render("huadong-grid-dispatch", fmt, tmp_path).replace(" ", "")
    assert "我方行动" in text
    assert "单独拜访王海涛，提交信息中心运维培训和运维平台共建方案（赵磊，2026-12-08）" in text
    assert "王海涛、信息中心运维人员7人考察华信通杭州工厂" in text
    assert "我方未陪同" in text
    assert "客户处的产品问题" in text and "已解决" in text
    assert "mindshare×heartshare" in text
    assert "刘建平（同盟者）" in text
    assert "好教练：在客户单位有广泛人脉、有影响力" in text
    assert "最终价格知情人" in text and "黄志远" in text
    assert "分析会成员" in text
    assert "燃眉之急" in text


def test_the_grid_places_each_rated_person(tmp_path: Path) -> None:
    text = _render("northfield-core-network", "md", tmp_path)
    assert (
        "| **high** | Gao Yan (supporter) | Zhou Lin (ally) | "
        "| **low** | Liu Jianguo (non-supporter), Fang Hui (unknown) | "
        "Wang Qiang (acknowledger), Deng Rui (supporter) |"
    ) in text


def test_a_card_lists_five_actions_and_counts_the_rest(tmp_path: Path) -> None:
    actions = "".join(
        f"  - {{what: Call number {i}, owner: Li Wei, with: [A]}}\n" for i in range(7)
    )
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        "reviewkit: 1\ndeal: {name: Plans, stage: relationship}\n"
        "decision_chain:\n  - {name: A, influence: high}\nactions:\n" + actions,
        encoding="utf-8",
    )
    out = tmp_path / "pack.md"
    render_pack(deal, format="md", output=str(out), today=TODAY)
    [line] = [x for x in out.read_text(encoding="utf-8").splitlines() if "**Our plan**" in x]
    assert line == (
        "- **Our plan**: Call number 0 (Li Wei); Call number 1 (Li Wei); Call number 2 (Li Wei); "
        "Call number 3 (Li Wei); Call number 4 (Li Wei); … and 2 more under the next actions"
    )
