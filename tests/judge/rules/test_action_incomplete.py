"""`action-incomplete`: open actions without an owner, a due date or a checkpoint."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ("owner: Li Wei\n    due: 2026-12-20", "has no checkpoint:"),
        ("owner: Li Wei\n    checkpoint: signed", "has no due date:"),
        ("owner: Li Wei", "has no due date or checkpoint"),
        ("due: 2026-12-20", "has no owner or checkpoint"),
        ("checkpoint: signed", "has no owner or due date"),
        ("status: open", "has no owner, due date or checkpoint"),
    ],
)
def test_action_incomplete(check: Check, fields: str, words: str) -> None:
    text = deal("actions:\n  - what: Site visit\n    " + fields + "\n")
    [finding] = rule(check(text), "action-incomplete")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "what: Site visit")
    assert words in finding.message
    assert "Site visit" in finding.message


def test_the_course_action_plan_in_chinese(check: Check) -> None:
    """The course's plan: work, owner, time, checkpoint (工作内容、责任人、时间、监控点)."""
    text = deal(
        """\
        actions:
          - what: 陪同客户考察苏州地铁
            owner: 李伟
        """,
        extra="language: zh",
    )
    [finding] = rule(check(text), "action-incomplete")
    assert "缺少完成日期和监控点" in finding.message
    assert "监控点" in finding.message


def test_action_complete_or_closed_is_not_incomplete(check: Check) -> None:
    text = deal(
        """\
        actions:
          - what: Site visit
            owner: Li Wei
            due: 2026-12-20
            checkpoint: the CTO joins the visit
          - what: Old idea
            status: dropped
          - what: Done thing
            status: done
        """
    )
    assert rule(check(text), "action-incomplete") == []
