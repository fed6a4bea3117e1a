"""`attitude-unknown`: high-influence people whose attitude is unknown."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


def test_attitude_unknown(check: Check) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Luo Jianhua
            influence: high
            attitude: unknown
        """
    )
    [finding] = rule(check(text), "attitude-unknown")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "attitude:")
    assert "Luo Jianhua" in finding.message


def test_attitude_missing_points_at_the_person(check: Check) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Luo Jianhua
            influence: high
        """
    )
    [finding] = rule(check(text), "attitude-unknown")
    assert where(finding) == at(text, "name: Luo Jianhua")


@pytest.mark.parametrize(("influence", "attitude"), [("high", "opposer"), ("medium", "unknown")])
def test_attitude_known_or_low_stakes(check: Check, influence: str, attitude: str) -> None:
    text = deal(
        f"""\
        decision_chain:
          - name: Luo Jianhua
            influence: {influence}
            attitude: {attitude}
        """
    )
    assert rule(check(text), "attitude-unknown") == []
