"""The loaded deal as types (`Deal.data` is a `DealData`), generated from dealformat.py.

Do not edit: after changing the deal format, run `python -m reviewkit.model.typegen`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal, TypedDict

Status = Literal["open", "won", "lost", "dropped"]

Language = Literal["en", "zh"]

Trigger = Literal["obstacle", "plan-slip", "dynamics-reversal", "pre-bid", "regular"]

Level = Literal["low", "medium", "high"]

Role = Literal["decision-maker", "advisor", "gatekeeper", "user", "procurement", "technical"]

Attitude = Literal[
    "opposer",
    "non-supporter",
    "acknowledger",
    "supporter",
    "sympathizer",
    "ally",
    "unknown",
]

Share = Literal["low", "high"]

Stance = Literal["positive", "neutral", "negative"]

DmStance = Literal["positive", "neutral", "negative", "unknown"]

Party = Literal["customer", "competitor", "channel", "us"]

ActionStatus = Literal["open", "done", "dropped"]

ProblemStatus = Literal["open", "resolved"]

Answer = Literal["yes", "partial", "no", "unknown"]

Rule = Literal[
    "action-incomplete",
    "action-overdue",
    "action-unknown-person",
    "attitude-shares",
    "attitude-unknown",
    "checklist",
    "close-date-passed",
    "coach-profile",
    "competitor-ties",
    "customer-visit",
    "floor-in-text",
    "floor-not-confidential",
    "gate",
    "hostile-advocate",
    "hostile-coach",
    "invalid",
    "meeting-trigger",
    "no-decision-maker",
    "outcome-missing",
    "person-without-plan",
    "pic-missing",
    "price-holders",
    "product-problem-unanswered",
    "review-stale",
    "single-threaded",
    "unused-suppression",
]


class Money(TypedDict):
    amount: Decimal | None
    currency: str | None


class DealInfo(TypedDict):
    name: str
    id: str | None
    customer: str | None
    owner: str | None
    team: list[str]
    stage: str
    status: Status | None
    value: Money | None
    expected_close: dt.date | None
    language: Language | None
    confidential: bool | None


class Review(TypedDict):
    date: dt.date | None
    triggers: list[Trigger]
    attendees: list[str]
    previous: dt.date | None


class BackgroundCustomerDepartments(TypedDict):
    user: str | None
    procurement: str | None
    support: str | None


class BackgroundCustomer(TypedDict):
    business: str | None
    organization: str | None
    it_landscape: str | None
    departments: BackgroundCustomerDepartments
    contacts: str | None


class Budget(TypedDict):
    amount: Decimal | None
    currency: str | None
    confirmed: bool | None


class BackgroundProject(TypedDict):
    summary: str | None
    needs: list[str]
    budget: Budget | None
    timeline: str | None
    procurement_process: str | None
    channels: str | None


class Background(TypedDict):
    customer: BackgroundCustomer
    project: BackgroundProject


class Qualification(TypedDict):
    size: Level | None
    significance: Level | None
    difficulty: Level | None
    speed: Level | None
    notes: str | None


class PersonNeeds(TypedDict):
    personal: str | None
    immediate: str | None
    certain: str | None


class Person(TypedDict):
    name: str
    title: str | None
    roles: list[Role]
    influence: Level | None
    attitude: Attitude | None
    mindshare: Share | None
    heartshare: Share | None
    coach: bool | None
    speaks_for_us: bool | None
    profile: str | None
    circle: str | None
    competitor_ties: str | None
    integrator_attitudes: dict[str, Stance]
    needs: PersonNeeds
    interests: str | None
    last_contact: dt.date | None
    notes: str | None


class Partner(TypedDict):
    name: str
    role: str | None
    background: str | None
    influence: Level | None
    competitor_ties: str | None
    info_providers: list[str]
    decision_maker_attitude: DmStance | None


class CompetitorSalesRep(TypedDict):
    name: str | None
    style: str | None
    customer_relationship: str | None


class Competitor(TypedDict):
    name: str
    products: str | None
    strengths: list[str]
    weaknesses: list[str]
    customer_satisfaction: str | None
    sales_rep: CompetitorSalesRep
    threat: Level | None


class Dynamic(TypedDict):
    date: dt.date | None
    party: Party | None
    event: str
    impact: Stance | None
    reversal: bool | None


class Assessment(TypedDict):
    strengths: list[str]
    weaknesses: list[str]
    opportunities: list[str]
    problems: list[str]
    ucv: str | None


class StrategyCommercial(TypedDict):
    approach: str | None
    quote: Money | None
    target: Money | None
    floor: Money | None
    price_holders: list[str]


class Strategy(TypedDict):
    relationship: str | None
    product: str | None
    commercial: StrategyCommercial


Action = TypedDict(
    "Action",
    {
        "what": str,
        "owner": str | None,
        "due": dt.date | None,
        "checkpoint": str | None,
        "status": ActionStatus | None,
        "with": list[str],
    },
)


class Visit(TypedDict):
    date: dt.date | None
    host: str | None
    site: str
    attendees: list[str]
    accompanied: bool | None
    notes: str | None


class ProductProblem(TypedDict):
    whose: str | None
    problem: str
    response: str | None
    status: ProblemStatus | None


class ChecklistAnswer(TypedDict):
    status: Answer
    evidence: str | None


class Outcome(TypedDict):
    date: dt.date | None
    winner: str | None
    reasons: list[str]
    lessons: list[str]


class Suppression(TypedDict):
    rule: Rule
    stage: str | None
    item: str | None
    reason: str


StageMove = TypedDict(
    "StageMove",
    {
        "date": dt.date | None,
        "from": str | None,
        "to": str,
        "forced": bool | None,
        "reason": str | None,
        "open": list[str],
    },
)


class DealData(TypedDict):
    reviewkit: int
    deal: DealInfo
    review: Review
    background: Background
    qualification: Qualification
    decision_chain: list[Person]
    partners: list[Partner]
    competitors: list[Competitor]
    dynamics: list[Dynamic]
    assessment: Assessment
    strategy: Strategy
    actions: list[Action]
    visits: list[Visit]
    product_problems: list[ProductProblem]
    checklist: dict[str, dict[str, ChecklistAnswer | None]]
    outcome: Outcome
    suppress: list[Suppression]
    history: list[StageMove]
