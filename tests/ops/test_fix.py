"""`reviewkit check --fix`: the obvious corrections, byte for byte, and nothing else."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.model.fix import fix_text
from reviewkit.model.playbook import Playbook
from reviewkit.model.yamlread import compose
from tests.conftest import COMPLETE_DISCOVERY

BEFORE = """\
# yaml-language-server: $schema=deal.schema.json
reviewkit: 1
deal:
  name: Hospital DC   # the big one
  stage: discovery
  value: {amount: 12000000, currency: RMB}
  language: en
decision_chain:
  - name: Wang Qiang
    title：采购部主任
    roles: [User，technical]
    influence: High      # keep this comment
    attitude: '不支持者'
  - {name: Li, influence: Medium, attitude: non_supporter}
  - name: "Zhou  Lin"
    influence: low
    attitude: "Supporter"   # a "quoted" value keeps its quotes
checklist:
  discovery:
    needs-confirmed: {status：Yes, evidence: "met, twice"}
"""

AFTER = """\
# yaml-language-server: $schema=deal.schema.json
reviewkit: 1
deal:
  name: Hospital DC   # the big one
  stage: discovery
  value: {amount: 12000000, currency: CNY}
  language: en
decision_chain:
  - name: Wang Qiang
    title: 采购部主任
    roles: [user, technical]
    influence: high      # keep this comment
    attitude: 'non-supporter'
  - {name: Li, influence: medium, attitude: non-supporter}
  - name: "Zhou  Lin"
    influence: low
    attitude: "supporter"   # a "quoted" value keeps its quotes
checklist:
  discovery:
    needs-confirmed: {status: yes, evidence: "met, twice"}
"""

TODAY = "2026-12-01"


def check(*args: str | Path, input: str | None = None) -> Result:
    runner = CliRunner()
    return runner.invoke(
        app, ["check", *map(str, args), "--today", TODAY], input=input, catch_exceptions=False
    )


def test_fix_rewrites_only_what_has_one_answer_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(BEFORE, encoding="utf-8")
    result = check("--fix", path)
    assert path.read_text(encoding="utf-8") == AFTER
    assert f"fixed 10 problems in {path}" in result.stderr
    assert "invalid" not in result.stdout  # fixed problems are not findings


def test_a_second_fix_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(BEFORE, encoding="utf-8")
    check("--fix", path)
    stamp = path.stat().st_mtime_ns
    result = check("--fix", path)
    assert path.read_text(encoding="utf-8") == AFTER
    assert path.stat().st_mtime_ns == stamp
    assert "fixed" not in result.stderr


def test_line_endings_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BEFORE.replace("\n", "\r\n").encode("utf-8"))
    check("--fix", path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + AFTER.replace("\n", "\r\n").encode("utf-8")


def test_fixed_problems_do_not_count_and_the_exit_code_is_the_checks(tmp_path: Path) -> None:
    clean = tmp_path / "clean.yaml"
    clean.write_text(COMPLETE_DISCOVERY.replace("influence: high", "influence: High"))
    assert check(clean).exit_code == 2  # without --fix: an invalid file
    result = check("--fix", clean)
    assert result.exit_code == 0, result.output
    assert clean.read_text() == COMPLETE_DISCOVERY
    assert f"fixed 1 problem in {clean}" in result.stderr


def test_a_chinese_deal_is_told_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(BEFORE.replace("language: en", "language: zh"), encoding="utf-8")
    result = check("--fix", path)
    assert f"已修正 {path} 中的 10 处问题" in result.stderr


def test_a_syntax_error_it_cannot_fix_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    text = BEFORE.replace("  language: en\n", "  language: en\n  owner CTO, head of IT\n")
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    result = check("--fix", path)
    assert result.exit_code == 2
    assert path.read_text(encoding="utf-8") == text
    assert path.stat().st_mtime_ns == stamp
    assert f"{path}:8:3: error invalid line 8 has no ':' after the key" in result.stdout
    assert "fixed" not in result.stderr


def test_a_symbolic_link_keeps_pointing_at_the_file_it_fixes(tmp_path: Path) -> None:
    target = tmp_path / "deals" / "real.yaml"
    target.parent.mkdir()
    target.write_text(BEFORE, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(os.path.relpath(target, tmp_path))
    check("--fix", link)
    assert link.is_symlink()
    assert os.readlink(link) == os.path.join("deals", "real.yaml")
    assert target.read_text(encoding="utf-8") == AFTER


def test_many_files_and_folders(tmp_path: Path) -> None:
    one = tmp_path / "a.yaml"
    two = tmp_path / "sub" / "b.yaml"
    two.parent.mkdir()
    one.write_text(BEFORE, encoding="utf-8")
    two.write_text(BEFORE.replace("currency: RMB", "currency: CNY"), encoding="utf-8")
    result = check("--fix", one, tmp_path / "sub")
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8") == AFTER
    assert result.stderr.splitlines()[:2] == [
        f"fixed 10 problems in {one}",
        f"fixed 9 problems in {two}",
    ]


def test_standard_input_prints_the_fixed_file(tmp_path: Path) -> None:
    result = check("--fix", "-", input=BEFORE)
    assert result.stdout == AFTER
    assert result.stderr.splitlines()[0] == "fixed 10 problems in -"
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(AFTER, encoding="utf-8")
    as_file = check(fixed)
    assert result.exit_code == as_file.exit_code  # the check of the fixed text
    assert result.stderr.splitlines()[1:] == as_file.stdout.replace(str(fixed), "-").splitlines()


def test_json_output_stays_json(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(BEFORE, encoding="utf-8")
    result = check("--fix", path, "--format", "json")
    assert json.loads(result.stdout)["summary"]["invalid"] == 0
    assert "fixed 10 problems" in result.stderr


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("currency: rmb", "currency: CNY"),
        ("currency: 人民币", "currency: CNY"),
        ("currency: ¥", "currency: CNY"),
        ("currency: usd", "currency: USD"),
    ],
)
def test_currency_aliases(written: str, fixed: str, playbook: Playbook) -> None:
    text = BEFORE.replace("currency: RMB", written)
    out, _ = fix_text(text, playbook)
    assert out == AFTER.replace("currency: CNY", fixed)


@pytest.mark.parametrize(
    "text",
    [
        "deal:\n  stage: Discovery-ish\n",  # no obvious answer
        "decision_chain:\n  - name: x\n    roles:\n      - user，technical\n",  # not a [ ] list
        "decision_chain:\n  - {name: x, roles: [user，friend]}\n",  # 'friend' is no role
        'deal:\n  name: "Hi\\u0021"\n  stage: "Disc\\u006fvery"\n',  # escapes: not as written
    ],
)
def test_what_has_no_one_answer_is_left(text: str, playbook: Playbook) -> None:
    text = "reviewkit: 1\n" + text
    assert fix_text(text, playbook) == (text, 0)


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        (
            "checklist:\n  discovery:\n    needs-confirmed: {status: Yes，evidence: x， y}  # c\n",
            "checklist:\n  discovery:\n    needs-confirmed: {status: yes, evidence: x， y}  # c\n",
        ),
        (
            "decision_chain:\n  - name: 王强\n    roles: ［User，technical］   # 角色\n",
            "decision_chain:\n  - name: 王强\n    roles: [user, technical]   # 角色\n",
        ),
        (
            "decision_chain:\n  - name: 王强\n    title：采购部主任\n    influence：高\n",
            "decision_chain:\n  - name: 王强\n    title: 采购部主任\n    influence: high\n",
        ),
        (
            "decision_chain:\n  - name：王强\n    title：主任\n  - name：李\n    influence：高\n",
            "decision_chain:\n  - name: 王强\n    title: 主任\n  - name: 李\n    influence: high\n",
        ),
        (
            "decision_chain:\n  - {name: 王强, influence：高}\n",
            "decision_chain:\n  - {name: 王强, influence: high}\n",
        ),
    ],
)
def test_full_width_punctuation_where_yaml_needs_ascii(
    written: str, fixed: str, playbook: Playbook
) -> None:
    head = "reviewkit: 1\ndeal:\n  name: Hospital\n  stage: discovery\n  language: en\n"
    out, _ = fix_text(head + written, playbook)
    assert out == head + fixed
    assert fix_text(out, playbook) == (out, 0)


@settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(
    cuts=st.lists(
        st.tuples(
            st.integers(0, len(BEFORE)),
            st.sampled_from(["：", "，", "\u3000", "［", "］", ": ", ",", "#", '"', "\n", "High"]),
        ),
        max_size=4,
    )
)
def test_fix_never_breaks_a_file_and_is_idempotent(
    cuts: list[tuple[int, str]], playbook: Playbook
) -> None:
    text = BEFORE
    for at, piece in sorted(cuts, reverse=True):
        text = text[:at] + piece + text[at:]
    out, count = fix_text(text, playbook)
    if count:
        assert compose(out, "d.yaml")[0] is not None
    else:
        assert out == text
    assert fix_text(out, playbook) == (out, 0)


def test_standard_input_is_fixed_alone(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(BEFORE, encoding="utf-8")
    result = check("--fix", "-", path, input=BEFORE)
    assert result.exit_code == 2
    assert "reads - (standard input) alone" in result.output
    assert path.read_text(encoding="utf-8") == BEFORE
