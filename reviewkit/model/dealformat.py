"""Deal format 1 as one schema: the loader validates with it, rules and playbooks look paths up in it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewkit.model.rulenames import RULE_SLUGS
from reviewkit.model.schema import (
    MAX_TEXT,
    Bool,
    Date,
    Enum,
    Field,
    Integer,
    ListOf,
    MapOf,
    Money,
    Number,
    Percent,
    Struct,
    Text,
)

#: The deal format version this reviewkit reads and writes.
FORMAT_VERSION = 1

#: The most entries each list of a deal file may have: limits no real deal reaches (a deal
#: has 5-40 people and a few dozen actions), so that every output's time and memory stay
#: bounded (a pack at every limit renders as a PDF in seconds; see bench/limits.py). A file
#: over a limit is invalid (exit 2) with a message naming the list, its size and the limit.
#: "list" is any list of short texts (needs, strengths, lessons, ...); "text" (characters
#: in one field) is schema.MAX_TEXT.
LIMITS = {
    "decision_chain": 200,
    "partners": 20,
    "competitors": 20,
    "dynamics": 100,
    "actions": 100,
    "risks": 50,
    "support": 50,
    "decisions": 100,
    "history": 50,
    "visits": 50,
    "product_problems": 50,
    "suppress": 50,
    "list": 100,
    "text": MAX_TEXT,
}

TEXTS = ListOf(Text(), LIMITS["list"])
LEVEL = Enum("level")

ANSWER = Struct(
    {"status": Enum("answer"), "evidence": Text()},
    required=("status",),
    absent_is_none=True,
    name="ChecklistAnswer",
)

PERSON = Struct(
    {
        "name": Text(),
        "title": Text(),
        "roles": ListOf(Enum("role"), LIMITS["list"]),
        "influence": LEVEL,
        "attitude": Enum("attitude"),
        "mindshare": Enum("share"),
        "heartshare": Enum("share"),
        "coach": Bool(),
        "speaks_for_us": Bool(),
        "profile": Text(),
        "circle": Text(),
        "competitor_ties": Text(),
        "integrator_attitudes": MapOf(Enum("stance")),
        "needs": Struct({"personal": Text(), "immediate": Text(), "certain": Text()}),
        "interests": Text(),
        "last_contact": Date(),
        "notes": Text(),
        "reports_to": Text(),
        "circle_name": Text(),
        "our_contact": Text(),
    },
    required=("name",),
    name="Person",
)

PARTNER = Struct(
    {
        "name": Text(),
        "role": Text(),
        "background": Text(),
        "influence": LEVEL,
        "competitor_ties": Text(),
        "info_providers": TEXTS,
        "decision_maker_attitude": Enum("dm-stance"),
    },
    required=("name",),
    name="Partner",
)

COMPETITOR = Struct(
    {
        "name": Text(),
        "products": Text(),
        "strengths": TEXTS,
        "weaknesses": TEXTS,
        "customer_satisfaction": Text(),
        "sales_rep": Struct({"name": Text(), "style": Text(), "customer_relationship": Text()}),
        "threat": LEVEL,
        "quote": Money(),
        "technical_score": Number(),
    },
    required=("name",),
    name="Competitor",
)

DYNAMIC = Struct(
    {
        "date": Date(),
        "party": Enum("party"),
        "event": Text(),
        "impact": Enum("stance"),
        "reversal": Bool(),
    },
    required=("event",),
    name="Dynamic",
)

ACTION = Struct(
    {
        "what": Text(),
        "owner": Text(),
        "due": Date(),
        "checkpoint": Text(),
        "status": Enum("action-status"),
        "with": TEXTS,
    },
    required=("what",),
    name="Action",
)

#: A site or reference visit of customer people: who hosted it ("us" or a competitor's name),
#: where, which customer people went, and whether we went with them.
VISIT = Struct(
    {
        "date": Date(),
        "host": Text(),
        "site": Text(),
        "attendees": TEXTS,
        "accompanied": Bool(),
        "notes": Text(),
    },
    required=("site",),
    name="Visit",
)

#: A problem with a product at the customer: whose product ("us" or a competitor's name),
#: what went wrong, our response, and whether it is still open.
PRODUCT_PROBLEM = Struct(
    {
        "whose": Text(),
        "problem": Text(),
        "response": Text(),
        "status": Enum("problem-status"),
    },
    required=("problem",),
    name="ProductProblem",
)


def suppression(stage: Field, item: Field) -> Struct:
    """One entry of `suppress:`: a rule (optionally one stage's or item's) and why."""
    return Struct(
        {"rule": Enum("rule", RULE_SLUGS), "stage": stage, "item": item, "reason": Text()},
        required=("rule", "reason"),
        name="Suppression",
    )


RISK = Struct(
    {
        "risk": Text(),
        "response": Text(),
        "owner": Text(),
        "due": Date(),
        "level": Enum("risk-level"),
    },
    required=("risk",),
    name="Risk",
)

SUPPORT = Struct(
    {
        "kind": Enum("support"),
        "what": Text(),
        "from": Text(),
        "by": Date(),
        "status": Enum("action-status"),
    },
    required=("what",),
    name="SupportRequest",
)

DECISION = Struct(
    {
        "date": Date(),
        "decision": Text(),
        "owner": Text(),
        "due": Date(),
        "status": Enum("action-status"),
    },
    required=("decision",),
    name="Decision",
)

MILESTONE = Struct(
    {"milestone": Text(), "percent": Percent(), "due": Date()},
    required=("milestone",),
    name="PaymentMilestone",
)

PRICE_CHANGE = Struct(
    {"date": Date(), "party": Text(), "quote": Money(), "note": Text()},
    name="PriceChange",
)


def stage_move(stage: Field, gap: Field) -> Struct:
    """One entry of `history:` as `advance` writes it: the stages a deal moved between and,
    when forced, the items left open (`stage/item`)."""
    return Struct(
        {
            "date": Date(),
            "from": stage,
            "to": stage,
            "forced": Bool(),
            "reason": Text(),
            "open": ListOf(gap, LIMITS["list"]),
        },
        required=("to",),
        name="StageMove",
    )


HISTORY = stage_move(Text(), Text())


def deal_schema(
    stage: Field | None = None,
    checklist: Field | None = None,
    item: Field | None = None,
    moves: Struct = HISTORY,
) -> Struct:
    """The whole deal file. A playbook supplies the stage and item keys and checklist shape."""
    return Struct(
        {
            "reviewkit": Integer(),
            "deal": Struct(
                {
                    "name": Text(),
                    "id": Text(),
                    "customer": Text(),
                    "owner": Text(),
                    "team": TEXTS,
                    "stage": stage or Text(),
                    "status": Enum("status"),
                    "value": Money(),
                    "expected_close": Date(),
                    "language": Enum("language"),
                    "confidential": Bool(),
                },
                required=("name", "stage"),
                name="DealInfo",
            ),
            "review": Struct(
                {
                    "date": Date(),
                    "triggers": ListOf(Enum("trigger")),
                    "attendees": TEXTS,
                    "previous": Date(),
                    "win_probability": Percent(),
                    "decisions_needed": TEXTS,
                    "decisions": ListOf(DECISION, LIMITS["decisions"]),
                }
            ),
            "background": Struct(
                {
                    "customer": Struct(
                        {
                            "business": Text(),
                            "organization": Text(),
                            "it_landscape": Text(),
                            "departments": Struct(
                                {"user": Text(), "procurement": Text(), "support": Text()}
                            ),
                            "contacts": Text(),
                        }
                    ),
                    "project": Struct(
                        {
                            "summary": Text(),
                            "needs": TEXTS,
                            "budget": Money({"confirmed": Bool()}, name="Budget"),
                            "timeline": Text(),
                            "procurement_process": Text(),
                            "channels": Text(),
                            "funding": Text(),
                            "payment_milestones": ListOf(MILESTONE, LIMITS["list"]),
                            "tender": Struct(
                                {
                                    "agency": Text(),
                                    "method": Text(),
                                    "technical_weight": Number(),
                                    "price_weight": Number(),
                                    "bidders": TEXTS,
                                }
                            ),
                        }
                    ),
                }
            ),
            "qualification": Struct(
                {
                    "size": LEVEL,
                    "significance": LEVEL,
                    "difficulty": LEVEL,
                    "speed": LEVEL,
                    "notes": Text(),
                }
            ),
            "decision_chain": ListOf(PERSON, LIMITS["decision_chain"]),
            "partners": ListOf(PARTNER, LIMITS["partners"]),
            "competitors": ListOf(COMPETITOR, LIMITS["competitors"]),
            "dynamics": ListOf(DYNAMIC, LIMITS["dynamics"]),
            "assessment": Struct(
                {
                    "strengths": TEXTS,
                    "weaknesses": TEXTS,
                    "opportunities": TEXTS,
                    "problems": TEXTS,
                    "ucv": Text(),
                }
            ),
            "strategy": Struct(
                {
                    "relationship": Text(),
                    "product": Text(),
                    "commercial": Struct(
                        {
                            "approach": Text(),
                            "quote": Money(),
                            "target": Money(),
                            "floor": Money(),
                            "technical_score": Number(),
                            "price_changes": ListOf(PRICE_CHANGE, LIMITS["list"]),
                            "price_holders": TEXTS,
                        }
                    ),
                }
            ),
            "actions": ListOf(ACTION, LIMITS["actions"]),
            "risks": ListOf(RISK, LIMITS["risks"]),
            "support": ListOf(SUPPORT, LIMITS["support"]),
            "visits": ListOf(VISIT, LIMITS["visits"]),
            "product_problems": ListOf(PRODUCT_PROBLEM, LIMITS["product_problems"]),
            "checklist": checklist or MapOf(MapOf(ANSWER)),
            "outcome": Struct(
                {"date": Date(), "winner": Text(), "reasons": TEXTS, "lessons": TEXTS}
            ),
            "suppress": ListOf(suppression(stage or Text(), item or Text()), LIMITS["suppress"]),
            "history": ListOf(moves, LIMITS["history"]),
        },
        required=("reviewkit", "deal"),
        name="DealData",
    )


#: The schema without a playbook: what playbook rules may refer to.
BASE = deal_schema()

#: The field that names an entry of each list of records, as the user wrote it. Lists of
#: texts are named by the text itself; the others (suppressions, stage moves) have no such
#: text and are named by index.
NAMED_BY = {
    "decision_chain": "name",
    "partners": "name",
    "competitors": "name",
    "dynamics": "event",
    "actions": "what",
    "review.decisions": "decision",
    "background.project.payment_milestones": "milestone",
    "risks": "risk",
    "support": "what",
    "visits": "site",
    "product_problems": "problem",
}


def entry_name(data: Any, path: Sequence[str | int]) -> str | None:
    """What the user wrote for the list entry at `path` (a person's name, an action's text,
    the text of a problem), or None."""
    value = data
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    if isinstance(value, str):
        return value
    lists = [part for part in path if isinstance(part, str)]
    key = NAMED_BY.get(".".join(lists)) if isinstance(value, dict) else None
    name = value.get(key) if key else None
    return name if isinstance(name, str) else None
