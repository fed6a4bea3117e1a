"""The pack's tables as rows, shared by the Word and Excel packs: the action plan, the
decision chain, a stage's checklist. A cell is text, or (text, bold), or a list of these
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
