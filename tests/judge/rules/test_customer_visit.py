"""`customer-visit`: a visit a competitor hosted, or one we did not accompany."""

from __future__ import annotations

import pytest

from tests.judge.rules.conftest import Check, at, deal, rule, where


def _visit(host: str, accompanied: str) -> str:
    return deal(
        f"""\
        visits:
          - date: 2026-10-14
            host: {host}
            site: Kestrel's reference site in Shenzhen
            attendees: [A, C]
            accompanied: {accompanied}
        """
    )


def test_the_course_case_a_competitors_trip_without_us(check: Check) -> None:
    """Case 6: not accompanying the inspection trip is "absolutely wrong"."""
    text = _visit("Kestrel", "false")
    [finding] = rule(check(text), "customer-visit")
    assert finding.severity == "warning"
    assert where(finding) == at(text, "date: 2026-10-14")
    assert finding.message == (
        "the customer's visit to Kestrel's reference site in Shenzhen (2026-10-14) was hosted "
        "by Kestrel, and we did not go along: key problems come up during visits"
    )


def test_a_competitors_trip_we_joined(check: Check) -> None:
    [finding] = rule(check(_visit("Kestrel", "true")), "customer-visit")
    assert "was hosted by Kestrel: find out what they saw and heard" in finding.message


def test_our_own_trip_we_did_not_accompany(check: Check) -> None:
    [finding] = rule(check(_visit("us", "false")), "customer-visit")
    assert finding.message.startswith("we did not accompany the customer's visit to Kestrel's")


@pytest.mark.parametrize("host", ["us", "Us", "我方", "我们", "我司"])
@pytest.mark.parametrize("accompanied", ["true", "~"])
def test_our_own_trip(check: Check, host: str, accompanied: str) -> None:
    assert rule(check(_visit(host, accompanied)), "customer-visit") == []


def test_a_visit_without_a_host_we_did_not_accompany(check: Check) -> None:
    text = deal("visits:\n  - {date: 2026-10-14, site: Shenzhen lab, accompanied: false}\n")
    [finding] = rule(check(text), "customer-visit")
    assert finding.message.startswith("we did not accompany the customer's visit to Shenzhen lab")
    assert rule(check(deal("visits:\n  - {site: Shenzhen lab}\n")), "customer-visit") == []


def test_not_for_a_closed_deal(check: Check) -> None:
    text = deal(
        "visits:\n  - {site: Shenzhen lab, host: Kestrel, accompanied: false}\n",
        extra="status: lost",
    )
    assert rule(check(text), "customer-visit") == []


def test_in_chinese(check: Check) -> None:
    text = deal(
        """\
        visits:
          - {date: 2026-10-14, host: 凯斯特, site: 深圳样板点, accompanied: false}
        """,
        extra="language: zh",
    )
    [finding] = rule(check(text), "customer-visit")
    assert finding.message == (
        "客户考察深圳样板点（2026-10-14）由凯斯特安排，我方未陪同：关键问题往往在考察中出现"
    )
