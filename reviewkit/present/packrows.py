"""The pack's tables as rows, shared by the Word and Excel packs: the action plan, the
decision chain, a stage's checklist, risks, support requests, meeting decisions, pricing. A cell is text, or (text, bold), or a list of these
(separate lines)."""

from __future__ import annotations

from typing import Any

from reviewkit.present.pack import Pack


def people_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """The decision-chain table: one row per person, every field a director scans."""
    t = pack.t
    headers = [
        t["name"],
        t["title_col"],
        t["roles"],
        t["influence"],
        t["attitude"],
        t["shares"],
        t["coach"],
        t["speaks_for_us"],
        t["competitor_ties"],
        t["pic"],
        t["last_contact"],
    ]
    rows = [
        [
            (p["name"], True),
            p["title"],
            t["sep"].join(p["roles"]),
            p["influence"],
            p["attitude"],
            f"{p['mindshare'] or '?'} / {p['heartshare'] or '?'}",
            t["yes"] if p["coach"] else "",
            t["yes"] if p["speaks_for_us"] else "",
            ties_text(p, t),
            [f"{t[key]}{t['colon']}{need}" for key, need in p["needs"]],
            p["last_contact"],
        ]
        for p in pack.people
    ]
    return headers, rows


def tie_mark(state: str | None, t: dict[str, str]) -> str:
    """The ties column of the decision-chain table, as the PDF marks it."""
    if state == "tie":
        return f"⚠ {t['yes']}"
    if state == "unknown":
        return f"? {t['ties_unknown']}"
    return t["no"] if state == "none" else ""


def ties_text(record: dict[str, Any], t: dict[str, str]) -> str:
    """Ties to a competitor as the PDF marks them: ⚠ known, ? unknown, else what was written."""
    mark = {"tie": "⚠ ", "unknown": "? "}.get(record["ties"], "")
    return mark + (record["competitor_ties"] or (t["ties_unknown"] if mark == "? " else ""))


def action_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """The action plan: what, who, when, the checkpoint and where it stands (overdue first)."""
    t = pack.t
    rows = []
    for a in pack.actions:
        late = a["overdue_days"]
        state = t["overdue"].format(days=late) if late else a["status"]
        rows.append(
            [
                a["what"],
                a["owner"] or t["no_owner"],
                (a["due"] or t["none"], bool(late)),
                a["checkpoint"],
                (state, bool(late)),
            ]
        )
    return [t["what"], t["owner"], t["due"], t["checkpoint"], t["state"]], rows


def checklist_rows(pack: Pack, stage: dict[str, Any]) -> list[list[Any]]:
    """One stage's checklist: item (and its question), status, evidence."""
    return [
        [
            [(i["label"], True), i["question"]] if i["question"] else (i["label"], True),
            (("✔ " if i["state"] == "met" else "") + i["state_label"], i["state"] != "met"),
            i["basis"],
        ]
        for i in stage["entries"]
    ]


def gate_row(pack: Pack, stage: dict[str, Any]) -> list[Any] | None:
    """A stage's gate as a checklist row (None: the stage has no gate)."""
    gate, t = stage["gate"], pack.t
    if gate is None:
        return None
    return [
        (f"{t['gate']}{t['colon']}{gate['label']}", True),
        (("✔ " if gate["passed"] else "") + gate["state_label"], not gate["passed"]),
        gate["basis"],
    ]


def risk_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """Risks and responses, red first: level, risk, response, owner, due date."""
    t = pack.t
    rows = [
        [
            (r["level"] or "?", r["level_key"] == "red"),
            r["risk"],
            r["response"],
            r["owner"] or t["no_owner"],
            r["due"] or t["none"],
        ]
        for r in pack.risks
    ]
    return [t["level"], t["risk"], t["response"], t["owner"], t["due"]], rows


def support_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """What the team asks of the company, open requests first."""
    t = pack.t
    rows = [
        [
            s["kind"] or t["none"],
            s["what"],
            s["from"] or t["none"],
            s["by"] or t["none"],
            s["status"],
        ]
        for s in pack.support
    ]
    return [t["kind"], t["request"], t["asked_of"], t["needed_by"], t["state"]], rows


def decision_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """The meetings' decisions, newest meeting first, overdue ones marked."""
    t = pack.t
    rows = []
    for x in pack.decisions:
        late = x["status_key"] == "overdue"
        rows.append(
            [
                x["date"] or t["none"],
                x["decision"],
                x["owner"] or t["no_owner"],
                (x["due"] or t["none"], late),
                (t["st_overdue"] if late else x["status"], late),
            ]
        )
    return [t["meeting"], t["decision"], t["owner"], t["due"], t["state"]], rows


def pricing_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """Each bidder's expected quote and estimated score under the tender's weighting, us
    first (our band: target to quote)."""
    t = pack.t
    rows = [
        [
            (t["us"] if r["us"] else r["name"], True),
            (
                r["quote"] + t["open"] + t["our_band"] + t["close"]
                if r["band"] and r["quote"]
                else r["quote"]
            )
            or t["none"],
            r["price"] or t["none"],
            r["technical"] or t["none"],
            (r["total"] or t["none"], True),
        ]
        for r in pack.tender["pricing"]
    ]
    headers = [t["bidder"], t["expected_quote"], t["price_score"], t["technical_score"]]
    return [*headers, t["total_score"]], rows


def price_change_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """Quotes as they changed, newest first."""
    t = pack.t
    rows = [
        [c["date"] or t["none"], c["party"], c["quote"] or t["none"], c["note"]]
        for c in pack.tender["price_changes"]
    ]
    return [t["date"], t["party"], t["quote"], t["note"]], rows


def dynamics_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """The timeline, newest first, with the customer's visits among it: date, party, event
    (bold for a reversal), impact, and its marks (a reversal, new since the last review)."""
    t = pack.t
    rows = [
        [
            d["date"] or "?",
            d["party"],
            (d["event"], d["reversal"]),
            d["impact"],
            [
                mark
                for mark in (
                    f"⟲ {t['reversal']}" if d["reversal"] else "",
                    t["new_since"] if d["new"] else "",
                )
                if mark
            ],
        ]
        for d in pack.dynamics
    ]
    return [t["date"], t["party"], t["event"], t["impact"], t["notes"]], rows


def problem_rows(pack: Pack) -> tuple[list[str], list[list[Any]]]:
    """Product problems at the customer, ours first (bold), an unanswered one of ours flagged."""
    t = pack.t
    rows = [
        [
            (x["whose"], x["ours"]),
            x["problem"],
            (t["no_response"], True) if x["unanswered"] else x["response"],
            x["status"],
        ]
        for x in pack.problems
    ]
    return [t["whose"], t["problem"], t["response"], t["state"]], rows
