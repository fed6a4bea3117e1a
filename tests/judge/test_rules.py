"""The rules of `reviewkit check`: each rule's passing and failing case, where it points,
how severe it is, and the severity policy by stage (design/cli.md)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewkit.judge.engine import RULES, check_deal
from reviewkit.judge.findings import Finding
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import Playbook
from reviewkit.model.rulenames import RULE_SLUGS
from tests.conftest import MINIMAL, SAMPLE_DEALS, SAMPLES, TODAY, load_sample

Write = Callable[..., Path]

#: A person who satisfies every per-person rule (so tests can add one defect at a time).
PERSON_OK = """\
  - name: Wang Qiang
    roles: [decision-maker]
    influence: high
    attitude: supporter
    speaks_for_us: true
    coach: true
"""


def deal(body: str = "", *, stage: str = "relationship", extra: str = "") -> str:
    """A deal file: the required header at `stage`, more `deal:` keys, then `body`."""
    head = ["reviewkit: 1", "deal:", "  name: Test deal", f"  stage: {stage}"]
    head += ["  " + line for line in textwrap.dedent(extra).splitlines() if line.strip()]
    return "\n".join(head) + "\n" + textwrap.dedent(body)


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the `nth` occurrence of `needle` in `text`."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


@pytest.fixture
def check(write: Write, playbook: Playbook) -> Callable[..., list[Finding]]:
    def _check(text: str, today: dt.date = TODAY) -> list[Finding]:
        return check_deal(load_deal(write(text), playbook), today)

    return _check


def rule(findings: list[Finding], slug: str) -> list[Finding]:
    return [f for f in findings if f.rule == slug]


def item(findings: list[Finding], stage: str, key: str) -> list[Finding]:
    return [f for f in findings if f.rule == "checklist" and (f.stage, f.item) == (stage, key)]


def where(finding: Finding) -> tuple[int, int]:
    return finding.line, finding.column


# -- the registry ------------------------------------------------------------------


def test_every_rule_of_the_contract_is_registered() -> None:
    slugs = {r.slug for r in RULES}
    contract = {
        "checklist",
        "gate",
        "action-overdue",
        "action-incomplete",
        "close-date-passed",
        "no-decision-maker",
        "single-threaded",
        "competitor-ties",
        "attitude-unknown",
        "floor-not-confidential",
        "meeting-trigger",
    }
    assert contract | {"outcome-missing", "floor-in-text", "review-stale"} == slugs
    assert contract | slugs | {"invalid", "unused-suppression"} == set(RULE_SLUGS)


def test_minimal_deal_loads_and_checks(check: Callable[..., list[Finding]]) -> None:
    findings = check(MINIMAL)
    assert findings
    assert all(f.path.endswith("deal.yaml") for f in findings)


# -- checklist: items with an automatic rule ----------------------------------------


def test_auto_rule_item_met_by_the_data(check: Callable[..., list[Finding]]) -> None:
    text = deal("decision_chain:\n" + PERSON_OK)
    assert item(check(text), "relationship", "coach-developed") == []


def test_auto_rule_item_unmet_points_at_its_subject(check: Callable[..., list[Finding]]) -> None:
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
    assert "coach: true" in finding.message


def test_auto_rule_missing_key_points_at_its_parent(check: Callable[..., list[Finding]]) -> None:
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


def test_auto_rule_item_answered_yes_but_data_says_no(check: Callable[..., list[Finding]]) -> None:
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
    assert "coach: true" in finding.message


def test_every_rule_names_the_entries_missing(check: Callable[..., list[Finding]]) -> None:
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


def test_auto_rule_item_answered_no_is_unmet(check: Callable[..., list[Finding]]) -> None:
    text = deal(
        "decision_chain:\n"
        + PERSON_OK
        + "checklist:\n  relationship:\n"
        + "    coach-developed: {status: no, evidence: Wang only pretends}\n"
    )
    [finding] = item(check(text), "relationship", "coach-developed")
    assert "Wang only pretends" in finding.message


# -- checklist: items answered by hand ----------------------------------------------


MANUAL = ("relationship", "pr-plan-feasible")


def _answered(answer: str) -> str:
    return deal(
        f"""\
        checklist:
          relationship:
            pr-plan-feasible: {answer}
        """
    )


def test_manual_item_answered_yes_is_met(check: Callable[..., list[Finding]]) -> None:
    assert item(check(_answered("{status: yes, evidence: Plan agreed}")), *MANUAL) == []


def test_manual_item_answered_no(check: Callable[..., list[Finding]]) -> None:
    text = _answered("{status: no, evidence: No plan for Hale}")
    [finding] = item(check(text), *MANUAL)
    assert finding.severity == "warning"
    assert where(finding) == at(text, "pr-plan-feasible:")
    assert "answered no" in finding.message
    assert "“No plan for Hale”" in finding.message


def test_manual_item_answered_no_without_evidence(check: Callable[..., list[Finding]]) -> None:
    [finding] = item(check(_answered("{status: no}")), *MANUAL)
    assert finding.message.endswith("answered no")


def test_manual_item_partial_quotes_the_evidence(check: Callable[..., list[Finding]]) -> None:
    text = _answered("{status: partial, evidence: Only the CTO visit is booked}")
    [finding] = item(check(text), *MANUAL)
    assert finding.severity == "warning"
    assert "only partly met" in finding.message
    assert "“Only the CTO visit is booked”" in finding.message
    assert where(finding) == at(text, "pr-plan-feasible:")


def test_manual_item_unknown_quotes_the_evidence(check: Callable[..., list[Finding]]) -> None:
    text = _answered("{status: unknown, evidence: Depends on the CTO}")
    [finding] = item(check(text), *MANUAL)
    assert "not known yet" in finding.message
    assert "“Depends on the CTO”" in finding.message


def test_long_evidence_is_clipped_to_one_line(check: Callable[..., list[Finding]]) -> None:
    text = _answered('{status: partial, evidence: "' + "word\\n " * 80 + '"}')
    [finding] = item(check(text), *MANUAL)
    assert "\n" not in finding.message
    assert "…" in finding.message
    assert len(finding.message) < 250


def test_manual_item_unanswered_points_at_the_stage_answers(
    check: Callable[..., list[Finding]],
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
    assert "checklist: relationship: pr-plan-feasible:" in finding.message


def test_manual_item_unanswered_without_checklist_points_at_top(
    check: Callable[..., list[Finding]],
) -> None:
    [finding] = item(check(MINIMAL), *MANUAL)
    assert where(finding) == (1, 1)


# -- gate ---------------------------------------------------------------------------


def _chain(influence: str, speaks: str, stage: str = "relationship") -> str:
    return deal(
        f"""\
        decision_chain:
          - name: Wang Qiang
            influence: {influence}
            speaks_for_us: {speaks}
        """,
        stage=stage,
    )


def test_gate_holds_with_high_influence_who_speaks_for_us(
    check: Callable[..., list[Finding]],
) -> None:
    assert rule(check(_chain("high", "true")), "gate") == []


@pytest.mark.parametrize(("influence", "speaks"), [("medium", "true"), ("high", "false")])
def test_gate_fails(check: Callable[..., list[Finding]], influence: str, speaks: str) -> None:
    text = _chain(influence, speaks)
    [finding] = rule(check(text), "gate")
    assert finding.severity == "warning"
    assert (finding.stage, finding.item) == ("relationship", "gate")
    assert where(finding) == at(text, "decision_chain:")
    assert "gate not passed" in finding.message
    assert "speaks_for_us: true" in finding.message


def test_gate_needs_both_in_the_same_person(check: Callable[..., list[Finding]]) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Wang Qiang
            influence: high
          - name: Zhou Lin
            influence: medium
            speaks_for_us: true
        """
    )
    assert len(rule(check(text), "gate")) == 1


def test_gate_without_decision_chain_points_at_top(check: Callable[..., list[Finding]]) -> None:
    [finding] = rule(check(MINIMAL), "gate")
    assert where(finding) == (1, 1)


def test_gate_of_an_earlier_stage_is_an_error(check: Callable[..., list[Finding]]) -> None:
    [finding] = rule(check(_chain("medium", "true", stage="partner")), "gate")
    assert finding.severity == "error"


def test_gate_of_a_later_stage_is_not_reported(check: Callable[..., list[Finding]]) -> None:
    assert rule(check(_chain("medium", "true", stage="discovery")), "gate") == []


# -- action-overdue -----------------------------------------------------------------


def _action(due: str = "2026-11-27", status: str = "open", extra: str = "") -> str:
    return deal(
        f"""\
        actions:
          - what: Dinner with the procurement head
            owner: Li Wei
            due: {due}
            status: {status}
        """,
        extra=extra,
    )


def test_action_overdue(check: Callable[..., list[Finding]]) -> None:
    text = _action()
    [finding] = rule(check(text), "action-overdue")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "due:")
    assert "Dinner with the procurement head" in finding.message
    assert "Li Wei" in finding.message
    assert "2026-11-27" in finding.message
    assert "4 day(s)" in finding.message


@pytest.mark.parametrize(
    ("due", "status", "extra"),
    [
        ("2026-12-01", "open", ""),  # due today: not overdue yet
        ("2026-12-20", "open", ""),
        ("2026-11-01", "done", ""),
        ("2026-11-01", "dropped", ""),
        ("2026-11-01", "open", "status: won"),
        ("2026-11-01", "open", "status: lost"),
    ],
)
def test_action_not_overdue(
    check: Callable[..., list[Finding]], due: str, status: str, extra: str
) -> None:
    assert rule(check(_action(due, status, extra)), "action-overdue") == []


def test_action_overdue_counts_from_the_given_today(check: Callable[..., list[Finding]]) -> None:
    text = _action()
    assert rule(check(text, dt.date(2026, 11, 27)), "action-overdue") == []
    [finding] = rule(check(text, dt.date(2026, 11, 28)), "action-overdue")
    assert "1 day(s)" in finding.message


# -- action-incomplete --------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ("owner: Li Wei", "has no due date"),
        ("due: 2026-12-20", "has no owner"),
        ("checkpoint: signed", "owner and no due date"),
    ],
)
def test_action_incomplete(check: Callable[..., list[Finding]], fields: str, words: str) -> None:
    text = deal(
        f"""\
        actions:
          - what: Site visit
            {fields}
        """
    )
    [finding] = rule(check(text), "action-incomplete")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "what: Site visit")
    assert words in finding.message
    assert "Site visit" in finding.message


def test_action_complete_or_closed_is_not_incomplete(check: Callable[..., list[Finding]]) -> None:
    text = deal(
        """\
        actions:
          - what: Site visit
            owner: Li Wei
            due: 2026-12-20
          - what: Old idea
            status: dropped
          - what: Done thing
            status: done
        """
    )
    assert rule(check(text), "action-incomplete") == []


# -- close-date-passed --------------------------------------------------------------


def test_close_date_passed(check: Callable[..., list[Finding]]) -> None:
    text = deal(extra="expected_close: 2026-11-30")
    [finding] = rule(check(text), "close-date-passed")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "expected_close:")
    assert "2026-11-30" in finding.message
    assert "1 day(s)" in finding.message


@pytest.mark.parametrize(
    "extra",
    [
        "expected_close: 2026-12-01",
        "expected_close: 2027-03-31",
        "expected_close: 2026-01-01\nstatus: won",
        "expected_close: 2026-01-01\nstatus: dropped",
        "",
    ],
)
def test_close_date_not_passed(check: Callable[..., list[Finding]], extra: str) -> None:
    assert rule(check(deal(extra=extra)), "close-date-passed") == []


# -- no-decision-maker and single-threaded -----------------------------------------


TWO_ADVISORS = """\
decision_chain:
  - name: Liu Jianguo
    roles: [advisor]
  - name: Zhou Lin
    roles: [user]
"""


def test_no_decision_maker(check: Callable[..., list[Finding]]) -> None:
    text = deal(TWO_ADVISORS)
    [finding] = rule(check(text), "no-decision-maker")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "decision_chain:")
    assert "decision-maker" in finding.message


def test_decision_maker_present(check: Callable[..., list[Finding]]) -> None:
    text = deal(TWO_ADVISORS.replace("[user]", "[user, decision-maker]"))
    assert rule(check(text), "no-decision-maker") == []


def test_single_threaded(check: Callable[..., list[Finding]]) -> None:
    text = deal("decision_chain:\n" + PERSON_OK)
    [finding] = rule(check(text), "single-threaded")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "decision_chain:")
    assert "only 1 in the decision chain (fewer than 2)" in finding.message


def test_two_people_are_not_single_threaded(check: Callable[..., list[Finding]]) -> None:
    assert rule(check(deal(TWO_ADVISORS)), "single-threaded") == []


@pytest.mark.parametrize("slug", ["no-decision-maker", "single-threaded"])
def test_chain_rules_start_at_the_relationship_stage(
    check: Callable[..., list[Finding]], slug: str
) -> None:
    assert rule(check(deal(stage="discovery")), slug) == []
    assert rule(check(deal(stage="qualification")), slug) == []
    assert [f.severity for f in rule(check(deal(stage="relationship")), slug)] == ["warning"]
    assert [f.severity for f in rule(check(deal(stage="bidding")), slug)] == ["error"]


def test_empty_chain_points_at_top(check: Callable[..., list[Finding]]) -> None:
    findings = check(MINIMAL)
    assert [where(f) for f in rule(findings, "single-threaded")] == [(1, 1)]
    assert [where(f) for f in rule(findings, "no-decision-maker")] == [(1, 1)]
    [empty] = rule(findings, "single-threaded")
    assert "nobody is in the decision chain yet" in empty.message


# -- competitor-ties ----------------------------------------------------------------


def _tied(attitude: str, ties: str, influence: str = "high") -> str:
    return deal(
        f"""\
        decision_chain:
          - name: Liu Jianguo
            influence: {influence}
            attitude: {attitude}
            competitor_ties: {ties}
        """
    )


def test_competitor_ties_of_an_acknowledger(check: Callable[..., list[Finding]]) -> None:
    text = _tied("acknowledger", "classmate of Kestrel's account director")
    [finding] = rule(check(text), "competitor-ties")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "competitor_ties:")
    assert "Liu Jianguo" in finding.message
    assert "classmate of Kestrel's account director" in finding.message
    assert "acknowledger" in finding.message


@pytest.mark.parametrize(
    ("attitude", "ties", "influence"),
    [
        ("supporter", "classmate of Kestrel's rep", "high"),
        ("ally", "classmate of Kestrel's rep", "high"),
        ("acknowledger", "classmate of Kestrel's rep", "medium"),
        ("acknowledger", "none known", "high"),
        ("acknowledger", "None known.", "high"),
        ("acknowledger", "无", "high"),
        ("acknowledger", '""', "high"),
    ],
)
def test_no_competitor_ties(
    check: Callable[..., list[Finding]], attitude: str, ties: str, influence: str
) -> None:
    assert rule(check(_tied(attitude, ties, influence)), "competitor-ties") == []


def test_competitor_ties_with_attitude_missing(check: Callable[..., list[Finding]]) -> None:
    text = deal(
        """\
        decision_chain:
          - name: Liu Jianguo
            influence: high
            competitor_ties: Kestrel hosted his team
        """
    )
    [finding] = rule(check(text), "competitor-ties")
    assert "unknown" in finding.message


@pytest.mark.parametrize("influence", ["high", "medium"])
def test_partner_competitor_ties(check: Callable[..., list[Finding]], influence: str) -> None:
    text = deal(
        f"""\
        partners:
          - name: Harbourline
            influence: {influence}
            competitor_ties: Kestrel platinum partner
        """
    )
    [finding] = rule(check(text), "competitor-ties")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "competitor_ties:")
    assert "Harbourline" in finding.message
    assert "Kestrel platinum partner" in finding.message
    assert influence in finding.message


@pytest.mark.parametrize(("influence", "ties"), [("low", "Kestrel partner"), ("high", "none")])
def test_partner_without_relevant_ties(
    check: Callable[..., list[Finding]], influence: str, ties: str
) -> None:
    text = deal(
        f"""\
        partners:
          - name: Harbourline
            influence: {influence}
            competitor_ties: {ties}
        """
    )
    assert rule(check(text), "competitor-ties") == []


# -- attitude-unknown ---------------------------------------------------------------


def test_attitude_unknown(check: Callable[..., list[Finding]]) -> None:
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


def test_attitude_missing_points_at_the_person(check: Callable[..., list[Finding]]) -> None:
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
def test_attitude_known_or_low_stakes(
    check: Callable[..., list[Finding]], influence: str, attitude: str
) -> None:
    text = deal(
        f"""\
        decision_chain:
          - name: Luo Jianhua
            influence: {influence}
            attitude: {attitude}
        """
    )
    assert rule(check(text), "attitude-unknown") == []


# -- floor-not-confidential and floor-in-text ---------------------------------------


FLOOR = """\
strategy:
  commercial:
    approach: {approach}
    floor: {{amount: 10900000, currency: CNY}}
"""


def test_floor_not_confidential(check: Callable[..., list[Finding]]) -> None:
    text = deal(FLOOR.format(approach="Hold the price"))
    [finding] = rule(check(text), "floor-not-confidential")
    assert finding.severity == "error"
    assert where(finding) == at(text, "floor:")
    assert "confidential: true" in finding.message


def test_floor_confidential(check: Callable[..., list[Finding]]) -> None:
    text = deal(FLOOR.format(approach="Hold the price"), extra="confidential: true")
    assert rule(check(text), "floor-not-confidential") == []


def test_no_floor_needs_no_confidentiality(check: Callable[..., list[Finding]]) -> None:
    assert rule(check(MINIMAL), "floor-not-confidential") == []


@pytest.mark.parametrize(
    "written",
    ["10900000", "10,900,000", "1090万", "1,090 万", "10.9M", "10.9 million", "10900000.00"],
)
def test_floor_in_text(check: Callable[..., list[Finding]], written: str) -> None:
    text = deal(
        FLOOR.format(approach="Quote high")
        + f"assessment:\n  problems:\n    - 'We could go down to {written} if pressed'\n",
        extra="confidential: true",
    )
    [finding] = rule(check(text), "floor-in-text")
    assert finding.severity == "error"
    assert where(finding) == at(text, "'We could go down")
    assert "assessment.problems[1]" in finding.message


@pytest.mark.parametrize("written", ["10,900,001", "110900000", "109万", "10.8M", "1090", "10,900"])
def test_other_numbers_are_not_the_floor(check: Callable[..., list[Finding]], written: str) -> None:
    text = deal(
        FLOOR.format(approach=f"'Budget is {written}'"),
        extra="confidential: true",
    )
    assert rule(check(text), "floor-in-text") == []


def test_floor_in_text_reported_at_each_note(check: Callable[..., list[Finding]]) -> None:
    text = deal(
        FLOOR.format(approach="'floor 1090万'")
        + "decision_chain:\n  - name: Wang Qiang\n    notes: 'Never tell him 10,900,000'\n",
        extra="confidential: true",
    )
    found = rule(check(text), "floor-in-text")
    assert [where(f) for f in found] == [at(text, "approach:"), at(text, "notes:")]
    assert "strategy.commercial.approach" in found[0].message
    assert "decision_chain[1].notes" in found[1].message


# -- meeting-trigger ----------------------------------------------------------------


def test_declared_triggers(check: Callable[..., list[Finding]]) -> None:
    text = deal("review:\n  triggers: [obstacle, regular]\n")
    found = rule(check(text), "meeting-trigger")
    assert [f.severity for f in found] == ["info", "info"]
    assert [where(f) for f in found] == [at(text, "obstacle"), at(text, "regular")]
    assert "obstacle or stall" in found[0].message
    assert "listed in review.triggers" in found[0].message


def test_plan_slip_from_an_overdue_action(check: Callable[..., list[Finding]]) -> None:
    text = _action()
    [finding] = rule(check(text), "meeting-trigger")
    assert finding.severity == "info"
    assert where(finding) == at(text, "due:")
    assert "plan slipped" in finding.message
    assert "1 open action(s) overdue" in finding.message


def _reversal(date: str, previous: str | None) -> str:
    review = f"review:\n  previous: {previous}\n" if previous else ""
    return deal(
        review
        + f"""\
dynamics:
  - date: {date}
    event: Rivalnet took the CTO to its reference site
    reversal: true
"""
    )


@pytest.mark.parametrize(("date", "previous"), [("2026-11-28", "2026-11-12"), ("2026-11-28", None)])
def test_dynamics_reversal_after_the_last_review(
    check: Callable[..., list[Finding]], date: str, previous: str | None
) -> None:
    text = _reversal(date, previous)
    [finding] = rule(check(text), "meeting-trigger")
    assert where(finding) == at(text, "reversal:")
    assert "dynamics reversed" in finding.message
    assert "Rivalnet took the CTO" in finding.message


@pytest.mark.parametrize("date", ["2026-11-12", "2026-10-01"])
def test_old_reversal_is_no_trigger(check: Callable[..., list[Finding]], date: str) -> None:
    assert rule(check(_reversal(date, "2026-11-12")), "meeting-trigger") == []


def test_event_without_reversal_is_no_trigger(check: Callable[..., list[Finding]]) -> None:
    text = deal("dynamics:\n  - date: 2026-11-28\n    event: Meeting held\n")
    assert rule(check(text), "meeting-trigger") == []


def test_pre_bid_from_the_bidding_stage(check: Callable[..., list[Finding]]) -> None:
    text = deal(stage="bidding")
    [finding] = rule(check(text), "meeting-trigger")
    assert where(finding) == at(text, "stage:")
    assert "before the bid" in finding.message
    assert "Bid and commercial negotiation" in finding.message


def test_pre_bid_declared_and_from_the_stage_is_one_finding(
    check: Callable[..., list[Finding]],
) -> None:
    text = deal("review:\n  triggers: [pre-bid]\n", stage="bidding")
    [finding] = rule(check(text), "meeting-trigger")
    assert where(finding) == at(text, "pre-bid")
    assert "listed in review.triggers" in finding.message
    assert "bidding" in finding.message.lower() or "Bid and" in finding.message


def test_no_triggers_for_a_quiet_deal(check: Callable[..., list[Finding]]) -> None:
    assert rule(check(MINIMAL), "meeting-trigger") == []


@pytest.mark.parametrize("status", ["won", "lost", "dropped"])
def test_no_meeting_for_a_closed_deal(check: Callable[..., list[Finding]], status: str) -> None:
    text = deal(
        """\
        review:
          triggers: [obstacle]
        dynamics:
          - date: 2026-11-28
            event: Reversal
            reversal: true
        actions:
          - what: Dinner
            owner: Li
            due: 2026-11-01
        """,
        stage="bidding",
        extra=f"status: {status}",
    )
    assert rule(check(text), "meeting-trigger") == []


# -- outcome-missing ----------------------------------------------------------------


@pytest.mark.parametrize("status", ["won", "lost", "dropped"])
def test_outcome_missing(check: Callable[..., list[Finding]], status: str) -> None:
    text = deal(extra=f"status: {status}")
    [finding] = rule(check(text), "outcome-missing")
    assert finding.severity == "warning"
    assert where(finding) == (1, 1)  # no `outcome:`: its parent is the whole file
    assert status in finding.message


def test_outcome_without_reasons(check: Callable[..., list[Finding]]) -> None:
    text = deal("outcome:\n  date: 2026-10-28\n  winner: Tideway\n", extra="status: lost")
    [finding] = rule(check(text), "outcome-missing")
    assert where(finding) == at(text, "outcome:")


def test_outcome_recorded(check: Callable[..., list[Finding]]) -> None:
    text = deal(
        "outcome:\n  date: 2026-10-28\n  winner: Tideway\n  reasons: [ignored the competitor]\n",
        extra="status: lost",
    )
    assert rule(check(text), "outcome-missing") == []


def test_open_deal_needs_no_outcome(check: Callable[..., list[Finding]]) -> None:
    assert rule(check(MINIMAL), "outcome-missing") == []


# -- the severity policy ------------------------------------------------------------


def test_severity_by_stage(check: Callable[..., list[Finding]], playbook: Playbook) -> None:
    findings = check(MINIMAL)  # stage: relationship, nothing answered
    severities = {(f.stage, f.item): f.severity for f in rule(findings, "checklist")}
    for stage in playbook.stages:
        for entry in stage.items:
            got = severities.get((stage.key, entry.key))
            if stage.key in ("discovery", "qualification"):
                assert got == "error", entry.key
            elif stage.key == "relationship":
                assert got == "warning", entry.key
            else:
                assert got is None, entry.key


@pytest.mark.parametrize("status", ["lost", "dropped", "won"])
def test_closed_deal_gaps_are_information(check: Callable[..., list[Finding]], status: str) -> None:
    text = deal(
        "outcome:\n  date: 2026-10-28\n  reasons: [price]\n",
        stage="bidding",
        extra=f"status: {status}",
    )
    findings = check(text)
    gaps = [f for f in findings if f.rule in ("checklist", "gate")]
    assert gaps
    assert {f.severity for f in gaps} == {"info"}
    assert {f.severity for f in rule(findings, "single-threaded")} == {"info"}
    assert all(f.severity != "error" for f in findings if f.rule != "floor-not-confidential")


def test_findings_are_sorted_by_line(check: Callable[..., list[Finding]]) -> None:
    text = deal(
        """\
        review:
          triggers: [obstacle]
        decision_chain:
          - name: Luo Jianhua
            influence: high
        actions:
          - what: Dinner
            due: 2026-11-01
        checklist:
          relationship:
            pr-plan-feasible: {status: no}
        """
    )
    findings = check(text)
    assert len(findings) > 10
    keys = [(f.line, f.column) for f in findings]
    assert keys == sorted(keys)


# -- language -----------------------------------------------------------------------


def test_messages_in_chinese_for_a_zh_deal(check: Callable[..., list[Finding]]) -> None:
    text = deal(
        """\
        decision_chain:
          - name: 罗建华
            influence: high
            attitude: unknown
        actions:
          - what: 拜访罗建华
            owner: 何晓东
            due: 2026-11-20
        checklist:
          relationship:
            pr-plan-feasible: {status: partial, evidence: 时间未定}
        """,
        extra="language: zh",
    )
    findings = check(text)
    assert "影响力高，但对我方的态度未知" in rule(findings, "attitude-unknown")[0].message
    assert "已逾期 11 天" in rule(findings, "action-overdue")[0].message
    [partial] = item(findings, *MANUAL)
    assert partial.message == "关系切入发展 › 公关方案可行：仅部分满足：“时间未定”"
    unanswered = item(findings, "relationship", "key-customer-guiding")[0]
    assert "尚未回答" in unanswered.message
    assert "是否有关键客户在主动指导我们推进这个项目？" in unanswered.message
    [gate] = rule(findings, "gate")
    assert "阶段关口未通过" in gate.message
    assert not any("not met" in f.message or "answered" in f.message for f in findings)


# -- the samples tell their stories -------------------------------------------------


def _sample(name: str, playbook: Playbook) -> list[Finding]:
    return check_deal(load_deal(SAMPLES / name, playbook), TODAY)


def test_sample_northfield(playbook: Playbook) -> None:
    findings = _sample("northfield-core-network.yaml", playbook)
    text = (SAMPLES / "northfield-core-network.yaml").read_text(encoding="utf-8")
    [gate] = rule(findings, "gate")
    assert gate.severity == "warning"
    assert where(gate) == at(text, "decision_chain:")
    assert (gate.stage, gate.item) == ("relationship", "gate")
    [overdue] = rule(findings, "action-overdue")
    assert "Deng Rui" in overdue.message
    ties = [f for f in rule(findings, "competitor-ties") if "Liu Jianguo" in f.message]
    assert len(ties) == 1
    assert ties[0].line == at(text, "competitor_ties:")[0]
    triggers = {f.message.split(" — ")[0] for f in rule(findings, "meeting-trigger")}
    assert any("dynamics reversed" in t for t in triggers)
    assert any("plan slipped" in t for t in triggers)
    # The rep's own "partial" on earlier stages' items stands, though the data looks complete:
    # the deal moved on without them, so they are errors.
    errors = [f for f in findings if f.severity == "error"]
    assert errors and all(f.rule == "checklist" and "only partly met" in f.message for f in errors)
    assert {f.stage for f in errors} <= {"discovery", "qualification"}


def test_sample_huadong_is_before_the_bid(playbook: Playbook) -> None:
    findings = _sample("huadong-grid-dispatch.yaml", playbook)
    triggers = rule(findings, "meeting-trigger")
    assert any("投标前商务策略制定" in f.message for f in triggers)
    assert all(f.severity == "info" for f in triggers)
    # A Chinese deal speaks Chinese, and its floor is kept confidential.
    assert all("not met" not in f.message for f in findings)
    assert rule(findings, "floor-not-confidential") == []
    assert rule(findings, "floor-in-text") == []


def test_sample_coastal_port_lost_is_a_lost_deal_review(playbook: Playbook) -> None:
    findings = _sample("coastal-port-lost.yaml", playbook)
    assert findings
    assert {f.severity for f in findings} <= {"info", "warning"}
    assert rule(findings, "meeting-trigger") == []
    assert rule(findings, "action-overdue") == []
    assert rule(findings, "outcome-missing") == []
    assert {f.severity for f in rule(findings, "checklist")} == {"info"}


def test_sample_metro_is_in_the_partner_stage(playbook: Playbook) -> None:
    findings = _sample("metro-transit-wifi.yaml", playbook)
    stages = {f.stage: f.severity for f in rule(findings, "checklist")}
    assert stages.get("relationship") == "error"
    assert stages.get("partner") == "warning"
    assert not {"solution", "bidding", "implementation"} & set(stages)
    assert rule(findings, "floor-not-confidential") == []


def test_sample_xinan_stub_is_a_first_week_file(playbook: Playbook) -> None:
    findings = _sample("xinan-hospital-stub.yaml", playbook)
    assert {f.stage for f in rule(findings, "checklist")} == {"discovery"}
    assert {f.severity for f in findings} == {"warning"}
    assert rule(findings, "no-decision-maker") == []
    assert rule(findings, "single-threaded") == []
    # Its attitude-unknown finding for 罗建华 is suppressed in the file, with a reason.
    assert rule(findings, "attitude-unknown") == []
    assert rule(findings, "unused-suppression") == []


@pytest.mark.parametrize("path", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_every_sample_checks_in_file_order(path: Path) -> None:
    deal, config = load_sample(path)
    findings = check_deal(deal, TODAY, config)
    assert [(f.line, f.column) for f in findings] == sorted((f.line, f.column) for f in findings)
    lines = path.read_text(encoding="utf-8").count("\n") + 1
    assert all(1 <= f.line <= lines and f.column >= 1 for f in findings)
