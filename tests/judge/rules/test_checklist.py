"""`checklist`: items with an automatic rule decided by the data, items answered by hand."""

from __future__ import annotations

from tests.conftest import MINIMAL
from tests.judge.rules.conftest import MANUAL, PERSON_OK, Check, at, deal, item, where


def test_auto_rule_item_met_by_the_data(check: Check) -> None:
    text = deal("decision_chain:\n" + PERSON_OK)
    assert item(check(text), "relationship", "coach-developed") == []


def test_auto_rule_item_unmet_points_at_its_subject(check: Check) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Zhou Lin
            coach: false
        """
    )
    [finding] = item(check(text), "relationship", "coach-developed")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "decision_chain:")
    assert "Coach developed" in finding.message
    assert "not met" in finding.message
    assert "is our coach" in finding.message


def test_auto_rule_missing_key_points_at_its_parent(check: Check) -> None:
    # customer-background needs background.customer.business: absent, so the finding is
    # placed on its parent `customer:`.
    text = deal(
        """\
        background:
          customer:
            organization: Three divisions
        """
    )
    [finding] = item(check(text), "discovery", "customer-background")
    assert where(finding) == at(text, "customer:")
    assert finding.severity == "error"  # discovery is before relationship


def test_auto_rule_item_answered_yes_but_data_says_no(check: Check) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Zhou Lin
        checklist:
          relationship:
            coach-developed: {status: yes, evidence: Zhou Lin briefs us weekly}
        """
    )
    [finding] = item(check(text), "relationship", "coach-developed")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "coach-developed:")
    assert "answered yes" in finding.message
    assert "is our coach" in finding.message


def test_every_rule_names_the_entries_missing(check: Check) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Wang Qiang
            profile: Owl
          - name: Liu Jianguo
        """
    )
    [finding] = item(check(text), "relationship", "decision-chain-profiled")
    assert "Liu Jianguo" in finding.message
    assert "Wang Qiang" not in finding.message


def test_auto_rule_item_answered_no_is_unmet(check: Check) -> None:
    text = deal(
        "decision_chain:\n"
        + PERSON_OK
        + "checklist:\n  relationship:\n"
        + "    coach-developed: {status: no, evidence: Wang only pretends}\n"
    )
    [finding] = item(check(text), "relationship", "coach-developed")
    assert "Wang only pretends" in finding.message


def _answered(answer: str) -> str:
    return deal(
        f"""\
        checklist:
          relationship:
            pr-plan-feasible: {answer}
        """
    )


def test_manual_item_answered_yes_is_met(check: Check) -> None:
    assert item(check(_answered("{status: yes, evidence: Plan agreed}")), *MANUAL) == []


def test_manual_item_answered_no(check: Check) -> None:
    text = _answered("{status: no, evidence: No plan for Hale}")
    [finding] = item(check(text), *MANUAL)
    assert finding.severity == "warning"
    assert where(finding) == at(text, "pr-plan-feasible:")
    assert "answered no" in finding.message
    assert "“No plan for Hale”" in finding.message


def test_manual_item_answered_no_without_evidence(check: Check) -> None:
    [finding] = item(check(_answered("{status: no}")), *MANUAL)
    assert finding.message.endswith("answered no")


def test_manual_item_partial_quotes_the_evidence(check: Check) -> None:
    text = _answered("{status: partial, evidence: Only the CTO visit is booked}")
    [finding] = item(check(text), *MANUAL)
    assert finding.severity == "warning"
    assert "only partly met" in finding.message
    assert "“Only the CTO visit is booked”" in finding.message
    assert where(finding) == at(text, "pr-plan-feasible:")


def test_manual_item_unknown_quotes_the_evidence(check: Check) -> None:
    text = _answered("{status: unknown, evidence: Depends on the CTO}")
    [finding] = item(check(text), *MANUAL)
    assert "not known yet" in finding.message
    assert "“Depends on the CTO”" in finding.message


def test_long_evidence_is_clipped_to_one_line(check: Check) -> None:
    text = _answered('{status: partial, evidence: "' + "word\\n " * 80 + '"}')
    [finding] = item(check(text), *MANUAL)
    assert "\n" not in finding.message
    assert "…" in finding.message
    assert len(finding.message) < 250


def test_manual_item_unanswered_points_at_the_stage_answers(
    check: Check,
) -> None:
    text = deal(
        """\
        checklist:
          relationship:
            pr-strategy-aligned: {status: yes}
        """
    )
    [finding] = item(check(text), *MANUAL)
    assert finding.severity == "warning"
    assert where(finding) == at(text, "relationship:")  # `stage: relationship` has no colon
    assert "not answered" in finding.message
    assert "Is our relationship plan timely and feasible?" in finding.message
    assert "(answer it in the stage checklist)" in finding.message


def test_manual_item_unanswered_without_checklist_points_at_top(
    check: Check,
) -> None:
    [finding] = item(check(MINIMAL), *MANUAL)
    assert where(finding) == (1, 1)
