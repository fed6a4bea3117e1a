"""The pack's decision page and the sections it draws on, as plain data.

A director reads the first page to decide: can we win, what must be decided today, what
the company is asked for, the top risks, the gaps of every stage so far in plain words
(never a rule name or a line number: those live in `check`), and whether the last
meeting's decisions were carried out. Every output format (Markdown, HTML, PDF, Word)
lays out the same data.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reviewkit.judge.scoring import Bid, scores
from reviewkit.model.deal import Deal
from reviewkit.text.labels import label
from reviewkit.text.money import money

if TYPE_CHECKING:
    from reviewkit.model.dealtypes import DealData

#: How many risks the decision page shows (the section lists them all).
TOP_RISKS = 3
RISK_ORDER = {"red": 0, "yellow": 1, "green": 2, None: 3}


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}%"


def risks(data: DealData, lang: str) -> list[dict[str, Any]]:
    """The deal's risks and responses, red first, then by due date."""
    ordered = sorted(
        enumerate(data["risks"]),
        key=lambda pair: (
            RISK_ORDER[pair[1]["level"]],
            pair[1]["due"] or dt.date.max,
            pair[0],
        ),
    )
    return [
        {
            "risk": r["risk"],
            "response": r["response"] or "",
            "owner": r["owner"] or "",
            "due": _date(r["due"]),
            "level": label("risk-level", r["level"], lang),
            "level_key": r["level"] or "",
        }
        for _, r in ordered
    ]


def support(data: DealData, lang: str) -> list[dict[str, Any]]:
    """What the team asks of the company: executive visit, reference-site tour, price
    authority, presales days; open requests first."""
    ordered = sorted(
        enumerate(data["support"]),
        key=lambda pair: (pair[1]["status"] not in (None, "open"), pair[1]["by"] or dt.date.max),
    )
    return [
        {
            "kind": label("support", s["kind"], lang),
            "what": s["what"],
            "from": s["from"] or "",
            "by": _date(s["by"]),
            "status": label("action-status", s["status"], lang),
            "open": s["status"] in (None, "open"),
        }
        for _, s in ordered
    ]


def decisions(data: DealData, lang: str, today: dt.date) -> list[dict[str, Any]]:
    """The meetings' recorded decisions, newest meeting first, each with whether it was
    carried out: done, dropped, open, or overdue (open past its due date)."""
    review_date = data["review"]["date"] or today
    ordered = sorted(
        enumerate(data["review"]["decisions"]),
        key=lambda pair: (pair[1]["date"] or dt.date.min, -pair[0]),
        reverse=True,
    )
    out = []
    for _, d in ordered:
        status = d["status"] or "open"
        overdue = status == "open" and d["due"] is not None and d["due"] < today
        out.append(
            {
                "date": _date(d["date"]),
                "decision": d["decision"],
                "owner": d["owner"] or "",
                "due": _date(d["due"]),
                "status": label("action-status", status, lang),
                "status_key": "overdue" if overdue else status,
                "earlier": d["date"] is not None and d["date"] < review_date,
            }
        )
    return out


def gaps(stages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What each stage so far still lacks, by the checklist's own item names: unmet and
    partly met items and a gate that does not hold, with the rep's evidence where given."""
    out = []
    for stage in stages:
        items = [
            {"label": i["label"], "state": i["state"], "state_label": i["state_label"]}
            for i in stage["entries"]
            if i["state"] != "met"
        ]
        gate = stage["gate"]
        if items or (gate and not gate["passed"]):
            out.append(
                {
                    "stage": stage["label"],
                    "number": stage["number"],
                    "missing": items,
                    "gate": gate["label"] if gate and not gate["passed"] else "",
                }
            )
    return out


def decision_page(
    deal: Deal,
    data: DealData,
    lang: str,
    sections: dict[str, Any],
) -> dict[str, Any]:
    """The first page's content, from the sections already built for the pack."""
    review = data["review"]
    stage = deal.playbook.stage(deal.stage)
    weight = None if stage.weight is None else stage.weight * 100
    earlier = [d for d in sections["decisions"] if d["earlier"]]
    last_date = max((d["date"] for d in earlier), default="")
    last = [d for d in earlier if d["date"] == last_date]
    return {
        "win_probability": _percent(review["win_probability"]),
        "stage_weight": _percent(weight),
        "asks": review["decisions_needed"],
        "support": [s for s in sections["support"] if s["open"]],
        "risks": [r for r in sections["risks"] if r["level_key"] != "green"][:TOP_RISKS],
        "more_risks": max(0, len(sections["risks"]) - TOP_RISKS),
        "gaps": sections["gaps"],
        "last_decisions": last,
        "last_date": last_date,
        "carried_out": sum(1 for d in last if d["status_key"] == "done"),
        # The sections repeat the record only when it holds more than this page shows.
        "support_section": any(not s["open"] for s in sections["support"]),
        "decisions_section": len(last) < len(sections["decisions"]),
    }


def tender(
    data: DealData, lang: str, hide: dict[Decimal, str], withheld_as: str = ""
) -> dict[str, Any]:
    """Funding, payment milestones, the tender (agency, method, weights, bidders) and the
    pricing table: every bidder's expected quote and estimated score. `hide` maps amounts
    that must not be shown (the floor) to what they read as instead.

    `withheld_as` (a pack for a wide audience) withholds our quote and target: our row reads
    `withheld_as`, our price takes no part in the estimate (the lowest bid would give it
    away through the others' price points) and the price changes, ours among them, are left
    out."""
    project = data["background"]["project"]
    info = project["tender"]
    commercial = data["strategy"]["commercial"]

    def shown(value: Any) -> str:
        if value is None:
            return ""
        return hide.get(value["amount"]) or money(value, lang)

    ours_amount = None if withheld_as else commercial["quote"]
    bids = [
        Bid(
            "",
            None if ours_amount is None else ours_amount["amount"],
            None if ours_amount is None else ours_amount["currency"],
            commercial["technical_score"],
        )
    ] + [
        Bid(
            c["name"],
            None if c["quote"] is None else c["quote"]["amount"],
            None if c["quote"] is None else c["quote"]["currency"],
            c["technical_score"],
        )
        for c in data["competitors"]
    ]
    points = scores(bids, info["price_weight"])
    band = [shown(commercial["target"]), shown(commercial["quote"])]
    rows = [
        {
            "name": bid.name,
            "us": index == 0,
            "band": index == 0 and not withheld_as,  # our row shows our band: target to quote
            "quote": " – ".join(x for x in band if x)
            if index == 0
            else shown(data["competitors"][index - 1]["quote"]),
            "price": "" if score.price is None else f"{score.price}",
            "technical": "" if score.technical is None else f"{score.technical}",
            "total": "" if score.total is None else f"{score.total}",
        }
        for index, (bid, score) in enumerate(zip(bids, points, strict=True))
    ]
    if withheld_as and (commercial["quote"] or commercial["target"]):
        rows[0] |= {"quote": withheld_as, "price": withheld_as, "total": withheld_as}
    priced = any(r["quote"] or r["technical"] for r in rows[1:]) or any(
        (rows[0]["price"], rows[0]["technical"])
    )
    weights = [
        (key, f"{points.normalize():f}")
        for key, points in (
            ("technical_weight", info["technical_weight"]),
            ("price_weight", info["price_weight"]),
        )
        if points is not None
    ]
    return {
        "funding": project["funding"] or "",
        "milestones": [
            {"milestone": m["milestone"], "percent": _percent(m["percent"]), "due": _date(m["due"])}
            for m in project["payment_milestones"]
        ],
        "agency": info["agency"] or "",
        "method": info["method"] or "",
        "weights": weights,
        "bidders": info["bidders"],
        "pricing": rows if priced else [],
        "price_changes": []
        if withheld_as
        else [
            {
                "date": _date(c["date"]),
                "party": c["party"] or "",
                "quote": shown(c["quote"]),
                "note": c["note"] or "",
            }
            for c in sorted(
                commercial["price_changes"], key=lambda c: c["date"] or dt.date.min, reverse=True
            )
        ],
    }
