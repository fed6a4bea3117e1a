"""The review pack as data: everything the Markdown and HTML templates show, in the pack's language.

Templates only lay this out. Every decision about content — what is overdue, what changed
since the last review, which checklist items stand, whether the floor is shown — is made
here, once, for every output format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewkit.judge.engine import check_deal, rule_summary
from reviewkit.judge.facts import (
    accepted_in,
    accepted_note,
    gate_holds,
    is_coach,
    is_open_problem,
    is_risky_visit,
    is_unanswered_problem,
    is_us,
    item_state,
    meeting_triggers,
    needs_plan,
    overdue_actions,
    plan_for,
    speaks_for_us,
    tie_state,
)
from reviewkit.judge.findings import Finding, Review
from reviewkit.judge.floor import Redactor, floor_amount, price_redacted, redacted, withheld
from reviewkit.judge.movement import Track
from reviewkit.model.deal import Deal
from reviewkit.model.playbook import tr
from reviewkit.present import decision
from reviewkit.present.textflow import is_wide
from reviewkit.text.catalogue import say
from reviewkit.text.labels import FRIENDLY, label
from reviewkit.text.money import money
from reviewkit.text.packtext import pack_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

    from reviewkit.model.dealtypes import Action, Assessment, DealData, Suppression, Visit

#: How much of a reversal the cover quotes: whole events, as far as any is written.
MAX_QUOTE = 2000
#: Ratings read on their own scale: difficulty as easy/hard (易/难), speed as slow/fast (慢/快).
RATING_SCALES = {"difficulty": "difficulty", "speed": "speed"}
ROLE_ORDER = ("decision-maker", "advisor", "gatekeeper", "technical", "procurement", "user")

#: The most actions a person's card lists; the rest are in the next actions (a pack's size
#: stays bounded however many actions aim at one person).
PLAN_SHOWN = 5

#: Who a pack is for: the review team (today's pack), or a wide audience, from whom the
#: quote and the target are withheld as well as the floor.
AUDIENCES = ("team", "wide")


@dataclass(frozen=True)
class PackOptions:
    """How to render a pack."""

    today: dt.date
    lang: str | None = None  # None: the deal's language
    reveal_floor: bool = False
    since: tuple[str, list[Any]] | None = None  # (what was compared with, changes)
    full_checklist: bool = False  # the appendix lists every item, not only the unmet
    tracks: tuple[Track, ...] = ()  # attitude moves over the file's versions (judge/movement)
    audience: str = "team"  # one of AUDIENCES


@dataclass
class Pack:
    """The content of one review pack."""

    lang: str
    t: dict[str, str]
    reveal_floor: bool
    confidential: bool
    today: dt.date
    header: dict[str, Any]
    background: dict[str, Any]
    people: list[dict[str, Any]]
    partners: list[dict[str, Any]]
    competitors: list[dict[str, Any]]
    dynamics: list[dict[str, Any]]
    assessment: Assessment
    strategy: dict[str, Any]
    actions: list[dict[str, Any]]
    outcome: dict[str, Any] | None
    stages: list[dict[str, Any]]
    progress: list[dict[str, Any]]
    suppressed: list[dict[str, Any]]
    since: dict[str, Any] | None = None
    lost: dict[str, Any] | None = None
    chain: dict[str, Any] = field(default_factory=dict)
    decision: dict[str, Any] = field(default_factory=dict)  # the first page
    risks: list[dict[str, Any]] = field(default_factory=list)
    support: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)  # the meetings' own
    tender: dict[str, Any] = field(default_factory=dict)  # funding, tender, pricing
    full_checklist: bool = False  # the appendix lists met items too
    audience: str = "team"
    problems: list[dict[str, Any]] = field(default_factory=list)
    shares: list[dict[str, Any]] = field(default_factory=list)
    coach_profile: str = ""


def overdue_days(review: Review) -> list[tuple[int, int]]:
    """(index, days overdue) of the deal's overdue actions: the same decision `check` makes."""
    out = []
    for index, action in overdue_actions(review):
        due = action["due"]
        assert due is not None  # an overdue action has a due date
        out.append((index, (review.today - due).days))
    return out


def primary_role(person: dict[str, Any]) -> str:
    """The role a person is drawn and grouped by: the first of ROLE_ORDER they hold."""
    return next((r for r in ROLE_ORDER if r in person["role_keys"]), "other")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def build_pack(deal: Deal, options: PackOptions, findings: list[Finding] | None = None) -> Pack:
    """Everything a review pack shows for `deal`, decided once for every output format."""
    lang = options.lang or deal.language
    t = pack_text(lang)
    review = Review(deal, options.today, language=lang)
    if findings is None and deal.status == "lost":  # only the lost-deal review reads them
        findings = check_deal(deal, options.today, language=lang)
    prices = secret_prices(deal, options.audience)
    shown = (
        deal
        if options.reveal_floor
        else withheld(deal, redacted(lang), prices, price_redacted(lang))
    )
    hide = Redactor(prices, price_redacted(lang)).text
    data = shown.data
    info = data["deal"]
    stage = deal.playbook.stage(deal.stage)
    header = {
        "name": info["name"],
        "customer": info["customer"],
        "owner": info["owner"],
        "team": info["team"],
        "stage": tr(stage.label, lang),
        "stage_key": stage.key,
        "stage_number": t["stage_of"].format(n=stage.index + 1, total=len(deal.playbook.stages)),
        "status": label("status", deal.status, lang),
        "status_key": deal.status,
        "value": money(info["value"], lang),
        "expected_close": _date(info["expected_close"]),
        "review_date": _date(data["review"]["date"]),
        "previous": _date(data["review"]["previous"]),
        "audience": t[f"audience_{options.audience}"],
        "attendees": data["review"]["attendees"],
        "triggers": [
            {
                "label": label("trigger", trig.key, lang),
                "reasons": [r for r in trig.reasons if r != review.text("trigger-declared")],
            }
            for trig in meeting_triggers(
                Review(shown, options.today, language=lang), quote=MAX_QUOTE
            )
        ],
    }
    stages = _stages(review, data, lang)
    floor = floor_amount(deal.data)
    # Amounts the pricing table shows as withheld: the floor, and for a wide audience our
    # quote and target.
    hidden = {} if options.reveal_floor or floor is None else {floor: redacted(lang)}
    hidden |= {amount: t["price_withheld"] for amount in prices if amount is not None}
    sections: dict[str, Any] = {
        "risks": decision.risks(data, lang),
        "support": decision.support(data, lang),
        "decisions": decision.decisions(data, lang, options.today),
        "gaps": decision.gaps(stages),
    }
    return Pack(
        lang=lang,
        t=t,
        reveal_floor=options.reveal_floor,
        confidential=deal.confidential,
        today=options.today,
        header=header,
        background=_background(data, lang),
        people=_people(data, lang, options.tracks, review),
        partners=_partners(data, lang),
        competitors=_competitors(data, lang),
        dynamics=_dynamics(data, lang, t),
        assessment=data["assessment"],
        strategy=_strategy(
            data,
            lang,
            _floor_text(deal, lang, options.reveal_floor, t, t["price_withheld"] if prices else ""),
            t["price_withheld"] if prices else "",
        ),
        actions=_actions(data, lang, dict(overdue_days(review))),
        outcome=_outcome(data, deal, lang) if not deal.is_open else None,
        stages=stages,
        progress=_progress(review, lang),
        suppressed=[_suppression(deal, entry, lang) for entry in data["suppress"]],
        chain=_chain(data, lang),
        since=_since(options.since, lang, t, hide),
        lost=_lost(deal, data, lang, t, findings or [], options.reveal_floor, prices)
        if deal.status == "lost"
        else None,
        decision=decision.decision_page(deal, data, lang, sections),
        risks=sections["risks"],
        support=sections["support"],
        decisions=sections["decisions"],
        tender=decision.tender(data, lang, hidden, t["price_withheld"] if prices else ""),
        full_checklist=options.full_checklist,
        audience=options.audience,
        problems=_problems(data, lang, t),
        shares=_shares(data, lang),
        coach_profile=_one_line(say(lang, "coach.profile")),
    )


def _one_line(text: str) -> str:
    """Lines joined as one paragraph: no space between Chinese characters."""
    out = ""
    for line in text.splitlines():
        glue = "" if not out or (is_wide(out[-1]) and is_wide(line[0])) else " "
        out += glue + line
    return out


def secret_prices(deal: Deal, audience: str) -> list[Decimal | None]:
    """The figures a pack for `audience` withholds besides the floor: none for the review
    team; the quote and the target for a wide audience."""
    if audience == "team":
        return []
    commercial = deal.data["strategy"]["commercial"]
    return [None if m is None else m["amount"] for m in (commercial["quote"], commercial["target"])]


def _suppression(deal: Deal, entry: Suppression, lang: str) -> dict[str, str]:
    """A suppression as the pack names it: what the rule reports, at which stage and item."""
    scope = []
    stage = entry["stage"]
    if stage is not None and stage in deal.playbook.index:
        found = deal.playbook.stages[deal.playbook.index[stage]]
        scope.append(tr(found.label, lang))
        labels = {item.key: tr(item.label, lang) for item in found.items}
        if found.gate is not None:
            labels["gate"] = tr(found.gate.label, lang)
        if entry["item"] is not None:
            scope.append(labels.get(entry["item"], entry["item"]))
    return {
        "rule": rule_summary(entry["rule"], lang),
        "scope": " › ".join(scope),
        "reason": entry["reason"],
    }


def _gate_accepted(data: DealData, stage: str, lang: str) -> str:
    acceptance = accepted_in(data["history"], stage, "gate")
    return accepted_note(acceptance, lang) if acceptance else ""


def _background(data: DealData, lang: str) -> dict[str, Any]:
    customer = data["background"]["customer"]
    project = data["background"]["project"]
    budget = project["budget"]
    budget_text = money(budget, lang)
    if budget_text and budget is not None and budget["confirmed"] is not None:
        t = pack_text(lang)
        state = t["confirmed"] if budget["confirmed"] else t["unconfirmed"]
        budget_text += t["paren"].format(text=state)
    q = data["qualification"]
    return {
        "customer": [
            ("business", customer["business"]),
            ("organization", customer["organization"]),
            ("it_landscape", customer["it_landscape"]),
            ("contacts", customer["contacts"]),
        ],
        "departments": [
            (f"dept_{key}", customer["departments"][key])
            for key in ("user", "procurement", "support")
            if customer["departments"][key]
        ],
        "project": [
            ("summary", project["summary"]),
            ("budget", budget_text),
            ("timeline", project["timeline"]),
            ("procurement_process", project["procurement_process"]),
            ("channels", project["channels"]),
        ],
        "needs": project["needs"],
        "qualification": [
            (key, label(RATING_SCALES.get(key, "level"), q[key], lang))
            for key in ("size", "significance", "difficulty", "speed")
        ],
        "qualification_notes": q["notes"],
        "has_qualification": any(
            q[k] for k in ("size", "significance", "difficulty", "speed", "notes")
        ),
    }


def _people(
    data: DealData, lang: str, tracks: tuple[Track, ...] = (), review: Review | None = None
) -> list[dict[str, Any]]:
    t = pack_text(lang)
    moves = {track.name: track.steps for track in tracks}
    people = []
    for index, p in enumerate(data["decision_chain"]):
        aimed = plan_for(data["actions"], p["name"])
        plan = [_planned(a, t) for a in aimed[:PLAN_SHOWN]]
        if len(aimed) > PLAN_SHOWN:
            plan.append({"what": "", "text": t["plan_more"].format(count=len(aimed) - PLAN_SHOWN)})
        people.append(
            {
                "id": f"p{index + 1}",
                "name": p["name"],
                "title": p["title"] or "",
                "roles": [label("role", r, lang) for r in p["roles"]],
                "role_keys": p["roles"],
                "influence": label("level", p["influence"], lang),
                "influence_key": p["influence"],
                "attitude": label("attitude", p["attitude"] or "unknown", lang),
                "attitude_key": p["attitude"] or "unknown",
                "mindshare": label("share", p["mindshare"], lang),
                "heartshare": label("share", p["heartshare"], lang),
                "coach": is_coach(p),
                "speaks_for_us": speaks_for_us(p),
                "friendly": p["attitude"] in FRIENDLY,
                "competitor_ties": p["competitor_ties"] or "",
                "ties": tie_state(p["competitor_ties"]),
                "needs": [
                    (k, p["needs"][k])
                    for k in ("personal", "immediate", "certain")
                    if p["needs"][k]
                ],
                "integrators": [
                    (name, label("stance", stance, lang))
                    for name, stance in p["integrator_attitudes"].items()
                ],
                "integrator_keys": dict(p["integrator_attitudes"]),
                "details": [
                    (key, p[key]) for key in ("profile", "circle", "interests", "notes") if p[key]
                ],
                "last_contact": _date(p["last_contact"]),
                "reports_to": p["reports_to"] or "",
                "circle_name": p["circle_name"] or "",
                "our_contact": p["our_contact"] or "",
                "timeline": [
                    (date, label("attitude", key, lang), key)
                    for date, key in moves.get((p["name"] or "").strip(), ())
                ],
                "plan": plan,
                "plan_missing": not plan and review is not None and needs_plan(review, p),
            }
        )
    return people


def _planned(action: Action, t: dict[str, str]) -> dict[str, str]:
    """An action in a person's plan: what, and who does it by when, as one line."""
    owner, due = action["owner"], _date(action["due"])
    if owner and due:
        when = t["plan_when"].format(owner=owner, due=due)
    else:
        when = t["plan_one"].format(x=owner or due) if owner or due else ""
    glue = " " if when and not is_wide(when[0]) else ""
    return {"what": action["what"], "text": action["what"] + glue + when}


def _partners(data: DealData, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": f"i{index + 1}",
            "name": p["name"],
            "role": p["role"] or "",
            "background": p["background"] or "",
            "influence": label("level", p["influence"], lang),
            "competitor_ties": p["competitor_ties"] or "",
            "ties": tie_state(p["competitor_ties"]),
            "info_providers": p["info_providers"],
            "dm_attitude": label("dm-stance", p["decision_maker_attitude"], lang),
        }
        for index, p in enumerate(data["partners"])
    ]


def _competitors(data: DealData, lang: str) -> list[dict[str, Any]]:
    out = []
    for index, c in enumerate(data["competitors"]):
        rep = c["sales_rep"]
        rep_text = "; ".join(
            x for x in (rep["name"], rep["style"], rep["customer_relationship"]) if x
        )
        out.append(
            {
                "id": f"c{index + 1}",
                "name": c["name"],
                "threat": label("level", c["threat"], lang),
                "threat_key": c["threat"],
                "products": c["products"] or "",
                "strengths": c["strengths"],
                "weaknesses": c["weaknesses"],
                "satisfaction": c["customer_satisfaction"] or "",
                "sales_rep": rep_text,
            }
        )
    return out


def _dynamics(data: DealData, lang: str, t: dict[str, str]) -> list[dict[str, Any]]:
    """The timeline, newest first: the dynamics, and the customer's visits among them."""
    previous = data["review"]["previous"]
    entries: list[dict[str, Any]] = [
        {
            "date": e["date"],
            "party": label("party", e["party"], lang),
            "event": e["event"],
            "impact": label("stance", e["impact"], lang),
            "impact_key": e["impact"],
            "reversal": bool(e["reversal"]),
            "visit": False,
            "warn": False,
        }
        for e in data["dynamics"]
    ]
    entries += [_visit(v, lang, t) for v in data["visits"]]
    order = sorted(
        enumerate(entries),
        key=lambda pair: (pair[1]["date"] or dt.date.min, pair[0]),
        reverse=True,
    )
    return [
        {
            **e,
            "date": _date(e["date"]),
            "new": bool(previous and e["date"] and e["date"] > previous),
        }
        for _, e in order
    ]


def _visit(v: Visit, lang: str, t: dict[str, str]) -> dict[str, Any]:
    """A customer visit as a timeline entry: who hosted it, where, who went, whether we did."""
    ours = is_us(v["host"])
    went = {True: t["visit_accompanied"], False: t["visit_unaccompanied"], None: ""}
    who = t["sep"].join(v["attendees"])
    event = t["visit_event"].format(site=v["site"], who=who) if who else v["site"] or ""
    details = [x for x in (went[v["accompanied"]], v["notes"]) if x]
    return {
        "date": v["date"],
        "party": t["us"] if ours else (v["host"] or t["none"]),
        "event": event + (t["semi"] + t["semi"].join(details) if details else ""),
        "impact": t["visit"],
        "impact_key": "negative" if is_risky_visit(v) else "neutral",
        "reversal": False,
        "visit": True,
        "warn": is_risky_visit(v),
    }


def _problems(data: DealData, lang: str, t: dict[str, str]) -> list[dict[str, Any]]:
    """Product problems at the customer, ours first, each with our response and its state."""
    out = [
        {
            "whose": t["us"] if is_us(p["whose"]) else (p["whose"] or "?"),
            "ours": is_us(p["whose"]),
            "problem": p["problem"],
            "response": p["response"] or "",
            "status": label("problem-status", p["status"], lang),
            "open": is_open_problem(p),
            "unanswered": is_unanswered_problem(p),
        }
        for p in data["product_problems"]
    ]
    return sorted(out, key=lambda p: not p["ours"])


#: The mindshare × heartshare grid's cells, in reading order: rows by heartshare, high first.
SHARE_CELLS = (("high", "low"), ("high", "high"), ("low", "low"), ("low", "high"))


def _shares(data: DealData, lang: str) -> list[dict[str, Any]]:
    """Who sits in each cell of the mindshare × heartshare grid (people with both rated);
    empty when nobody is rated on both."""
    t = pack_text(lang)
    rated = [p for p in data["decision_chain"] if p["mindshare"] and p["heartshare"]]
    if not rated:
        return []
    return [
        {
            "heart": heart,
            "mind": mind,
            "people": [
                {
                    "name": p["name"],
                    "text": t["share_person"].format(
                        name=p["name"], attitude=label("attitude", p["attitude"] or "unknown", lang)
                    ),
                    "attitude_key": p["attitude"] or "unknown",
                }
                for p in rated
                if (p["heartshare"], p["mindshare"]) == (heart, mind)
            ],
        }
        for heart, mind in SHARE_CELLS
    ]


def _floor_text(
    deal: Deal, lang: str, reveal: bool, t: dict[str, str], withheld_as: str = ""
) -> str:
    """The floor as the pack shows it: the figure only when revealing, else that it exists
    (or `withheld_as`, for a wide audience)."""
    floor = deal.data["strategy"]["commercial"]["floor"]
    if floor is None:
        return ""
    return money(floor, lang) if reveal else withheld_as or t["floor_withheld"]


def _strategy(data: DealData, lang: str, floor: str, withheld_as: str = "") -> dict[str, Any]:
    """The strategies; the quote and target read `withheld_as` when it is given."""
    strategy = data["strategy"]
    commercial = strategy["commercial"]
    quote, target = (
        (withheld_as if commercial[k] is not None and withheld_as else money(commercial[k], lang))
        for k in ("quote", "target")
    )
    return {
        "relationship": strategy["relationship"],
        "product": strategy["product"],
        "approach": commercial["approach"],
        "prices": [("quote", quote), ("target", target), ("floor", floor)],
        "price_holders": commercial["price_holders"],
    }


def _actions(data: DealData, lang: str, overdue: dict[int, int]) -> list[dict[str, Any]]:
    rank = {"open": 0, "done": 1, "dropped": 2}
    ordered = sorted(
        enumerate(data["actions"]),
        key=lambda pair: (
            rank[pair[1]["status"] or "open"],
            pair[1]["due"] or dt.date.max,
            pair[0],
        ),
    )
    out = []
    for index, a in ordered:
        out.append(
            {
                "what": a["what"],
                "owner": a["owner"] or "",
                "due": _date(a["due"]),
                "checkpoint": a["checkpoint"] or "",
                "status": label("action-status", a["status"], lang),
                "status_key": a["status"],
                "overdue_days": overdue.get(index, 0),
            }
        )
    return out


def _outcome(data: DealData, deal: Deal, lang: str) -> dict[str, Any]:
    outcome = data["outcome"]
    return {
        "status": label("status", deal.status, lang),
        "date": _date(outcome["date"]),
        "winner": outcome["winner"] or "",
        "reasons": outcome["reasons"],
        "lessons": outcome["lessons"],
    }


def _stages(review: Review, data: DealData, lang: str) -> list[dict[str, Any]]:
    t = pack_text(lang)
    deal = review.deal
    out = []
    for stage in deal.playbook.stages[: deal.stage_index + 1]:
        items = []
        for item in stage.items:
            state = item_state(review, item)  # on the deal itself; the words shown come from `data`
            answer = (data["checklist"].get(stage.key) or {}).get(item.key)
            evidence = (answer["evidence"] if answer else None) or ""
            if item.rule is not None:
                basis = t["from_data"] if state.met else item.rule.explain(data, lang)
                if evidence:
                    basis = f"{basis} — {evidence}"
            else:
                basis = evidence
            acceptance = accepted_in(data["history"], stage.key, item.key)  # floor withheld
            if not state.met and acceptance:
                basis += accepted_note(acceptance, lang)
            items.append(
                {
                    "key": item.key,
                    "label": tr(item.label, lang),
                    "question": tr(item.question, lang),
                    "state": state.state,
                    "state_label": t[f"st_{state.state}"],
                    "basis": basis,
                }
            )
        gate = None
        if stage.gate is not None:
            passed = bool(gate_holds(review, stage))
            gate = {
                "label": tr(stage.gate.label, lang),
                "passed": passed,
                "state_label": t["gate_passed"] if passed else t["gate_failed"],
                "basis": ""
                if passed
                else stage.gate.rule.explain(data, lang) + _gate_accepted(data, stage.key, lang),
            }
        out.append(
            {
                "key": stage.key,
                "label": tr(stage.label, lang),
                "number": stage.index + 1,
                "current": stage.index == deal.stage_index,
                "entries": items,
                "gate": gate,
                "met": sum(1 for i in items if i["state"] == "met"),
            }
        )
    return out


def _since(
    since: tuple[str, list[Any]] | None,
    lang: str,
    t: dict[str, str],
    hide: Callable[[str], str] = str,
) -> dict[str, Any] | None:
    """The "since the last review" section: changes grouped as the diff command groups them."""
    if since is None:
        return None
    from reviewkit.judge.changes import GROUPS

    reference, changes = since
    groups = []
    for group, kinds in GROUPS.items():
        entries = [
            {"text": hide(c.text(lang)), "reversal": c.reversal} for c in changes if c.kind in kinds
        ]
        if entries:
            groups.append({"title": t[f"since_{group}"], "entries": entries})
    return {"reference": reference, "groups": groups}


def _lost(
    deal: Deal,
    data: DealData,
    lang: str,
    t: dict[str, str],
    findings: list[Finding],
    reveal_floor: bool,
    prices: list[Decimal | None] | None = None,
) -> dict[str, Any]:
    """The lost-deal review: outcome, the gaps when the deal was lost and when each opened, lessons."""
    from reviewkit.judge.lostreview import gaps_at_loss, lessons
    from reviewkit.model.config import DEFAULT

    # Judged on the deal itself; where a gap opened is quoted from its history, redacted.
    floor = [] if reveal_floor else [floor_amount(deal.data)]
    hide_floor = Redactor(floor, redacted(lang)).text
    hide_prices = Redactor(prices or [], price_redacted(lang)).text

    def hide(text: str) -> str:
        return hide_prices(hide_floor(text))

    gaps = gaps_at_loss(deal, DEFAULT, lang)
    outcome = data["outcome"]
    return {
        "date": _date(outcome["date"]),
        "winner": outcome["winner"] or "",
        "reasons": outcome["reasons"],
        "gaps": [
            {
                "stage": tr(deal.playbook.stage(g.stage).label, lang),
                "label": g.label,
                "gate": g.item == "gate",
                "state": t[f"st_{g.state}"],
                "opened": hide(g.opened) + (t["paren"].format(text=g.since) if g.since else ""),
            }
            for g in gaps
        ],
        "lessons": lessons(outcome["lessons"], gaps, deal.playbook, lang),
    }


def _progress(review: Review, lang: str) -> list[dict[str, Any]]:
    """Every stage of the playbook for the progress bar: done, current or ahead, and its gate."""
    current = review.deal.stage_index
    return [
        {
            "number": stage.index + 1,
            "key": stage.key,
            "label": tr(stage.label, lang),
            "state": "done"
            if stage.index < current
            else "current"
            if stage.index == current
            else "ahead",
            "gate": gate_holds(review, stage) if stage.index <= current else None,
        }
        for stage in review.deal.playbook.stages
    ]


def _chain(data: DealData, lang: str) -> dict[str, Any]:
    """The links of the org chart, drawn alike in the PDF and the Markdown's Mermaid: who
    reports to whom, circles, integrators' standing with a person, a person's competitor ties."""
    people = _people(data, lang)
    partners = {p["name"]: f"i{index + 1}" for index, p in enumerate(data["partners"])}
    stances = [
        (partners[name], person["id"], label("stance", stance, lang), stance)
        for person in people
        for name, stance in person["integrator_keys"].items()
        if name in partners and stance != "neutral"
    ]
    ties = [
        (person["id"], f"c{index + 1}")
        for index, competitor in enumerate(data["competitors"])
        for person in people
        if person["ties"] == "tie"
        and any(w in person["competitor_ties"].lower() for w in _names(competitor["name"]))
    ]
    tied = {c for _, c in ties}
    return {
        "parents": _reporting_lines(people),
        "circles": list(dict.fromkeys(p["circle_name"] for p in people if p["circle_name"])),
        "stances": stances,
        "person_ties": ties,
        "competitors": [c for c in _competitors(data, lang) if c["id"] in tied],
    }


def _reporting_lines(people: list[dict[str, Any]]) -> dict[str, str | None]:
    """Each person's id and the id of the person they report to (None: no one in the chain).
    A name is matched whole, ignoring case; a line that would close a loop is left out."""
    ids: dict[str, str] = {}
    for person in people:
        ids.setdefault(person["name"].strip().casefold(), person["id"])
    parents: dict[str, str | None] = {}
    for person in people:
        boss = ids.get(person["reports_to"].strip().casefold())
        seen = {person["id"]}
        step = boss
        while step is not None and step not in seen:
            seen.add(step)
            step = parents.get(step)
        parents[person["id"]] = None if boss is None or step is not None else boss
    return parents


def _names(name: str | None) -> list[str]:
    """How a competitor may be named in a note: in full, or by its first word."""
    if not name:
        return []
    full = name.lower()
    first = full.split()[0]
    return [full, first] if len(first) >= 4 and first != full else [full]
