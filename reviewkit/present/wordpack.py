"""The review pack as an editable Word document (.docx), written from the pack's data.

The document has what the PDF has, in the same order, in Word's own terms (see `wordfile`):
the decision page first, then the six sections with funding and tender, pricing and
competition, risks, support requests and meeting decisions, and the compact appendix.
Heading 1-3 paragraphs (the navigation pane lists them), real tables with repeated header
rows, the org chart and the decision-chain map as PNG images. The pack is built from the
deal with its floor withheld, so the document holds no more than the PDF does.

Each section is one function of SECTIONS. A list of records that the pack gains and no
section writes yet is shown as a plain table (see `_more`), so that a new pack section
appears here before it is given its own layout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from reviewkit.present.pack import Pack
from reviewkit.present.packrows import (
    action_rows,
    checklist_rows,
    decision_rows,
    dynamics_rows,
    price_change_rows,
    pricing_rows,
    problem_rows,
    risk_rows,
    support_rows,
    tie_mark,
    ties_text,
)
from reviewkit.present.wordfile import Writer


def pack_docx(pack: Pack) -> bytes:
    """The pack as a .docx file's bytes."""
    writer = Writer(pack)
    for section in SECTIONS:
        section(writer, pack)
    return writer.save()


# Sections ---------------------------------------------------------------------------------


def _cover(w: Writer, pack: Pack) -> None:
    t, h = pack.t, pack.header
    if pack.reveal_floor:
        w.para((f"⚠ {t['floor_revealed']}", True))
    kicker = t["s_lost"] if pack.lost else t["title"]
    if pack.confidential:
        kicker += f" · {t['confidential']}"
    w.para((kicker, True))
    title = w.doc.add_paragraph(style="Title")
    w.run(title, h["name"])
    team = f" · {t['team']}{t['colon']}{t['sep'].join(h['team'])}" if h["team"] else ""
    previous = f" · {t['previous']}{t['colon']}{h['previous']}" if h["previous"] else ""
    triggers = [
        trig["label"] + (t["colon"] + t["semi"].join(trig["reasons"]) if trig["reasons"] else "")
        for trig in h["triggers"]
    ]
    w.fields(
        [
            (t["customer"], h["customer"] or t["none"]),
            (t["owner"], (h["owner"] or t["none"]) + team),
            (t["stage"], f"{h['stage']} {h['stage_number']}"),
            (t["status"], h["status"]),
            (t["value"], h["value"] or t["none"]),
            (t["expected_close"], h["expected_close"] or t["none"]),
            (t["review_date"], (h["review_date"] or t["none"]) + previous),
            (t["attendees"], t["sep"].join(h["attendees"])),
            (t["audience"], h["audience"]),
            (t["triggers"], triggers or t["none"]),
            (t["as_of"], pack.today.isoformat()),
        ]
    )
    if not pack.lost:
        _decision(w, pack)


def _decision(w: Writer, pack: Pack) -> None:
    """The decision page: can we win, what to decide today, what the company is asked for,
    the top risks, the last meeting's decisions and what every stage so far lacks."""
    t, d = pack.t, pack.decision
    w.heading(t["s_decision"], 1)
    weight = f" · {t['stage_weight']} {d['stage_weight']}" if d["stage_weight"] else ""
    w.para(
        (t["win_probability"] + t["colon"], True),
        (d["win_probability"] or t["not_estimated"]) + weight,
    )
    w.heading(t["asks"], 2)
    if d["asks"]:
        w.bullets(d["asks"], numbered=True)
    else:
        w.para(t["none_asks"])
    if d["support"]:
        w.heading(t["support_requested"], 2)
        w.bullets(
            (f"{s['kind']}{t['colon']}" if s["kind"] else "")
            + s["what"]
            + (
                t["open"] + t["sep"].join(x for x in (s["from"], s["by"]) if x) + t["close"]
                if s["from"] or s["by"]
                else ""
            )
            for s in d["support"]
        )
    if d["risks"]:
        w.heading(t["top_risks"], 2)
        w.bullets(
            f"[{r['level'] or '?'}] {r['risk']}" + (f" → {r['response']}" if r["response"] else "")
            for r in d["risks"]
        )
        if d["more_risks"]:
            w.para(t["more_risks"].format(count=len(pack.risks)))
    if d["last_decisions"]:
        done = t["carried_out"].format(done=d["carried_out"], total=len(d["last_decisions"]))
        w.heading(f"{t['last_decisions'].format(date=d['last_date'])} — {done}", 2)
        w.bullets(
            f"[{t['st_overdue'] if x['status_key'] == 'overdue' else x['status']}] {x['decision']}"
            + (f" · {x['owner']}" if x["owner"] else "")
            for x in d["last_decisions"]
        )
    w.heading(t["gaps"], 2)
    if d["gaps"]:
        w.bullets(_gap_line(g, t) for g in d["gaps"])
    else:
        w.para(t["no_gaps"])


def _gap_line(gap: dict[str, Any], t: dict[str, str]) -> str:
    """One stage's gaps as the decision page lists them: its unmet items, then its gate."""
    parts = [i["label"] for i in gap["missing"]]
    if gap["gate"]:
        parts.append(f"{t['gate']}{t['colon']}{gap['gate']} {t['gate_failed']}")
    return f"{gap['number']}. {gap['stage']}{t['colon']}{t['semi'].join(parts)}"


def _lost(w: Writer, pack: Pack) -> None:
    lost, t = pack.lost, pack.t
    if not lost:
        return
    w.heading(t["s_lost"], 1)
    w.fields(
        [
            (t["status"], pack.header["status"]),
            (t["date"], lost["date"] or t["none"]),
            (t["winner"], lost["winner"] or t["none"]),
        ]
    )
    if lost["reasons"]:
        w.heading(t["reasons"], 2)
        w.bullets(lost["reasons"])
    w.heading(t["lost_gaps"], 2)
    if lost["gaps"]:
        w.table(
            [t["stage"], t["item"], t["state"], t["lost_opened"]],
            [
                (
                    g["stage"],
                    (t["gate"] + t["colon"] if g["gate"] else "") + g["label"],
                    g["state"],
                    g["opened"],
                )
                for g in lost["gaps"]
            ],
        )
    else:
        w.para(t["lost_none"])
    if lost["lessons"]:
        w.heading(t["lost_lessons"], 2)
        w.bullets(lost["lessons"], numbered=True)


def _since(w: Writer, pack: Pack) -> None:
    since, t = pack.since, pack.t
    if since is None:
        return
    w.heading(t["since_title"], 1)
    w.para(f"{t['since_ref']}{t['colon']}{since['reference']}")
    for group in since["groups"]:
        w.heading(group["title"], 2)
        w.bullets(
            e["text"] + (f" ⟲ {t['reversal']}" if e["reversal"] else "") for e in group["entries"]
        )
    if not since["groups"]:
        w.para(t["no_changes"])


def _background(w: Writer, pack: Pack) -> None:
    b, t = pack.background, pack.t
    w.heading(t["s_background"], 1)
    if any(text for _, text in b["customer"]) or b["departments"]:
        w.heading(t["b_customer"], 2)
        for key, text in b["customer"]:
            if text:
                w.text(text, t[key] + t["lead"])
        if b["departments"]:
            w.text(
                t["semi"].join(f"{t[key]}{t['colon']}{text}" for key, text in b["departments"]),
                t["departments"] + t["lead"],
            )
    if any(text for _, text in b["project"]) or b["needs"]:
        w.heading(t["b_project"], 2)
        for key, text in b["project"]:
            if text:
                w.text(text, t[key] + t["lead"])
        if b["needs"]:
            w.para((t["needs"], True))
            w.bullets(b["needs"])
    _tender(w, pack)
    if b["has_qualification"]:
        w.heading(t["b_qualification"], 2)
        w.table(
            [t[key] for key, _ in b["qualification"]],
            [[level or t["none"] for _, level in b["qualification"]]],
        )
        if b["qualification_notes"]:
            w.text(b["qualification_notes"])


def _tender(w: Writer, pack: Pack) -> None:
    """Funding, payment milestones and the tender: agency, evaluation method, weighting,
    expected bidders."""
    t, td = pack.t, pack.tender
    milestones = t["semi"].join(
        m["milestone"]
        + (
            t["open"] + t["sep"].join(x for x in (m["percent"], m["due"]) if x) + t["close"]
            if m["percent"] or m["due"]
            else ""
        )
        for m in td["milestones"]
    )
    weights = t["sep"].join(f"{t[key]} {points}" for key, points in td["weights"])
    method = " · ".join(x for x in (td["method"], weights) if x)
    rows = [
        (t["funding"], td["funding"]),
        (t["milestones"], milestones),
        (t["agency"], td["agency"]),
        (t["method"], method),
        (t["bidders"], t["sep"].join(td["bidders"])),
    ]
    if any(value for _, value in rows):
        w.heading(t["b_funding"], 2)
        w.fields(rows)


def _chain(w: Writer, pack: Pack) -> None:
    t = pack.t
    w.heading(t["s_chain"], 1)
    if not pack.people:
        w.para(t["none_chain"])
    else:
        w.table(
            [
                t["name"],
                t["roles"],
                t["influence"],
                t["attitude"],
                t["shares"],
                t["coach"],
                t["speaks_for_us"],
                t["competitor_ties"],
            ],
            [
                [
                    [(p["name"], True), p["title"]] if p["title"] else (p["name"], True),
                    t["sep"].join(p["roles"]),
                    p["influence"],
                    p["attitude"],
                    f"{p['mindshare'] or '?'} / {p['heartshare'] or '?'}",
                    "✔" if p["coach"] else "",
                    "✔" if p["speaks_for_us"] else "",
                    tie_mark(p["ties"], t),
                ]
                for p in pack.people
            ],
        )
        w.heading(t["org_chart"], 2)
        _figure(w, pack, "org_chart")
        w.para(t["org_caption"])
        w.heading(t["grid_title"], 2)
        _figure(w, pack, "chain_map")
        w.para(t["map_caption"])
        w.heading(t["people_detail"], 2)
        for p in pack.people:
            w.heading(p["name"] + (f" · {p['title']}" if p["title"] else ""), 3)
            integrators = t["semi"].join(f"{n}{t['colon']}{s}" for n, s in p["integrators"])
            w.fields(
                [
                    *((t[key], text) for key, text in p["details"]),
                    (t["pic"], [f"{t[k]}{t['colon']}{v}" for k, v in p["needs"]]),
                    (t["competitor_ties"], ties_text(p, t) if p["competitor_ties"] else ""),
                    (t["integrator_attitudes"], integrators),
                    (t["last_contact"], p["last_contact"]),
                    (t["attitude_over_time"], _timeline(p["timeline"], t)),
                    (t["plan"], _plan(p, t)),
                ]
            )
        _shares(w, pack)
        w.para(pack.coach_profile)
    if pack.partners:
        w.heading(t["partners"], 2)
        w.table(
            [
                t["company"],
                t["partner_role"],
                t["influence"],
                t["dm_attitude"],
                t["competitor_ties"],
                t["info_providers"],
                t["background_col"],
            ],
            [
                (
                    (i["name"], True),
                    i["role"],
                    i["influence"],
                    i["dm_attitude"],
                    ties_text(i, t),
                    t["sep"].join(i["info_providers"]),
                    i["background"],
                )
                for i in pack.partners
            ],
        )
    if pack.competitors:
        w.heading(t["competitors"], 2)
        w.table(
            [
                t["company"],
                t["threat"],
                t["products"],
                t["strengths"],
                t["weaknesses"],
                t["sales_rep"],
            ],
            [
                (
                    (c["name"], True),
                    c["threat"],
                    [c["products"]]
                    + (
                        [f"{t['satisfaction']}{t['colon']}{c['satisfaction']}"]
                        if c["satisfaction"]
                        else []
                    ),
                    c["strengths"],
                    c["weaknesses"],
                    c["sales_rep"],
                )
                for c in pack.competitors
            ],
        )
    _problems(w, pack)


def _plan(person: dict[str, Any], t: dict[str, str]) -> Any:
    """A person's plan: the open actions aimed at them, or the question when there is none."""
    if person["plan"]:
        return [a["text"] for a in person["plan"]]
    return (t["plan_missing"], True) if person["plan_missing"] else ""


def _shares(w: Writer, pack: Pack) -> None:
    """The mindshare × heartshare grid: heartshare high then low, mindshare low then high."""
    t = pack.t
    if not pack.shares:
        return
    w.heading(t["shares_grid"], 2)
    cells = pack.shares
    w.table(
        [f"{t['heartshare']} ↓ · {t['mindshare']} →", t["share_low"], t["share_high"]],
        [
            [
                (t[f"share_{row[0]['heart']}"], True),
                *([p["text"] for p in cell["people"]] for cell in row),
            ]
            for row in (cells[i : i + 2] for i in range(0, len(cells), 2))
        ],
    )


def _problems(w: Writer, pack: Pack) -> None:
    """Product problems at the customer: ours first, an unanswered one of ours flagged."""
    if not pack.problems:
        return
    w.heading(pack.t["product_problems"], 2)
    w.table(*problem_rows(pack))


def _timeline(steps: list[tuple[str, str, str]], t: dict[str, str]) -> str:
    """How a person's attitude moved over the deal file's versions, as the PDF's card says."""
    return " → ".join(attitude + (f" ({date})" if date else "") for date, attitude, _ in steps)


def _figure(w: Writer, pack: Pack, name: str) -> None:
    """The org chart (`org_chart`) or the decision-chain map (`chain_map`), as the PDF draws
    it, one image per page-sized part, described by its title."""
    from reviewkit.present import figures
    from reviewkit.present.raster import svg_parts, svg_size, svg_to_png

    draw = figures.org_chart if name == "org_chart" else figures.chain_map
    title = pack.t[name]
    for svg in svg_parts(str(draw(pack))):
        width_px, _ = svg_size(svg)
        w.image(svg_to_png(svg), width_px * 25.4 / 96, title)


def _dynamics(w: Writer, pack: Pack) -> None:
    t = pack.t
    w.heading(t["s_dynamics"], 1)
    if not pack.dynamics:
        w.para(t["none_dynamics"])
        return
    w.table(*dynamics_rows(pack))


def _assessment(w: Writer, pack: Pack) -> None:
    t, a = pack.t, pack.assessment
    w.heading(t["s_assessment"], 1)
    lists: dict[str, list[str]] = {
        "strengths": a["strengths"],
        "weaknesses": a["weaknesses"],
        "opportunities": a["opportunities"],
        "problems": a["problems"],
    }
    for pair in (("strengths", "weaknesses"), ("opportunities", "problems")):
        w.table(
            [t[key] for key in pair],
            [[[f"• {x}" for x in lists[key]] or t["none"] for key in pair]],
        )
    if a["ucv"]:
        w.text(a["ucv"], t["ucv"] + t["lead"])


def _strategy(w: Writer, pack: Pack) -> None:
    t, s = pack.t, pack.strategy
    w.heading(t["s_strategy"], 1)
    for key in ("relationship", "product"):
        if s[key]:
            w.heading(t[key], 2)
            w.text(s[key])
    w.heading(t["commercial"], 2)
    if s["approach"]:
        w.text(s["approach"])
    w.table([t[key] for key, _ in s["prices"]], [[text or t["none"] for _, text in s["prices"]]])
    if s["price_holders"]:
        w.text(t["sep"].join(s["price_holders"]), t["price_holders"] + t["lead"])
    if pack.tender["pricing"]:
        w.heading(t["pricing"], 2)
        w.table(*pricing_rows(pack))
        w.para(t["pricing_note"])
    if pack.tender["price_changes"]:
        w.heading(t["price_changes"], 2)
        w.table(*price_change_rows(pack))


def _actions(w: Writer, pack: Pack) -> None:
    t = pack.t
    w.heading(t["s_actions"], 1)
    if not pack.actions:
        w.para(t["none_actions"])
        return
    headers, rows = action_rows(pack)
    w.table(headers, rows)


def _risks(w: Writer, pack: Pack) -> None:
    if pack.risks:
        w.heading(pack.t["s_risks"], 1)
        w.table(*risk_rows(pack))


def _support(w: Writer, pack: Pack) -> None:
    """Every support request, when there is more of them than the decision page's open ones."""
    if pack.support and (pack.lost or pack.decision["support_section"]):
        w.heading(pack.t["s_support"], 1)
        w.table(*support_rows(pack))


def _decisions(w: Writer, pack: Pack) -> None:
    """Every meeting's decisions, when there are more than the last meeting's."""
    if pack.decisions and (pack.lost or pack.decision["decisions_section"]):
        w.heading(pack.t["s_decisions"], 1)
        w.table(*decision_rows(pack))


def _outcome(w: Writer, pack: Pack) -> None:
    outcome, t = pack.outcome, pack.t
    if not outcome or pack.lost:
        return
    w.heading(t["s_outcome"], 1)
    w.fields(
        [
            (t["status"], outcome["status"]),
            (t["date"], outcome["date"] or t["none"]),
            (t["winner"], outcome["winner"] or t["none"]),
        ]
    )
    for key in ("reasons", "lessons"):
        if outcome[key]:
            w.heading(t[key], 2)
            w.bullets(outcome[key])


def _appendix(w: Writer, pack: Pack) -> None:
    """The checklist items not met yet (every item with --full-checklist), as in the PDF."""
    t, full = pack.t, pack.full_checklist
    if pack.lost and not full:
        _suppressed(w, pack)
        return
    w.page_break()
    w.heading(t["s_appendix"], 1)
    if not full:
        w.para(t["appendix_unmet"])
    for s in pack.stages:
        entries = [i for i in s["entries"] if full or i["state"] != "met"]
        gate = s["gate"] if s["gate"] and (full or not s["gate"]["passed"]) else None
        if not entries and not gate:
            continue
        current = f" · {t['current_stage']}" if s["current"] else ""
        w.heading(f"{s['number']}. {s['label']}{current} — {s['met']}/{len(s['entries'])}", 2)
        if entries:
            w.table(
                [t["item"], t["state"], t["basis"]], checklist_rows(pack, {**s, "entries": entries})
            )
        if gate:
            state = ("✔ " if gate["passed"] else "") + gate["state_label"]
            basis = f"{t['colon']}{gate['basis']}" if gate["basis"] else ""
            w.para((t["gate"] + t["colon"], True), f"{gate['label']} — ", (state, True), basis)
    if not full and not pack.decision["gaps"]:
        w.para(t["appendix_all_met"])
    _suppressed(w, pack)


def _suppressed(w: Writer, pack: Pack) -> None:
    t = pack.t
    if pack.suppressed:
        w.heading(t["s_suppressed"], 2)
        w.table(
            [t["rule"], t["scope"], t["reason"]],
            [(x["rule"], x["scope"] or t["none"], x["reason"]) for x in pack.suppressed],
        )


#: What each section of SECTIONS shows of the pack; `_more` shows any other list of records.
SHOWN = {
    "lang", "t", "reveal_floor", "confidential", "today", "header", "background", "people",
    "partners", "competitors", "dynamics", "assessment", "strategy", "actions", "outcome",
    "stages", "progress", "suppressed", "since", "lost", "chain", "decision", "risks",
    "support", "decisions", "tender", "full_checklist", "audience", "problems", "shares",
    "coach_profile",
}  # fmt: skip


def _more(w: Writer, pack: Pack) -> None:
    """Any list of records the pack has and no section above shows: a heading from the pack's
    words (`s_<field>`) and a table of the columns the pack has words for."""
    t = pack.t
    for spec in dataclasses.fields(pack):
        value = getattr(pack, spec.name)
        if spec.name in SHOWN or not value or not isinstance(value, list):
            continue
        if not all(isinstance(record, dict) for record in value):
            continue
        columns = [
            key
            for key, field_value in value[0].items()
            if key in t and isinstance(field_value, str | int | float | list)
        ]
        if not columns or f"s_{spec.name}" not in t:
            continue
        w.heading(t[f"s_{spec.name}"], 1)
        w.table(
            [t[key] for key in columns],
            [[_plain(record.get(key), t) for key in columns] for record in value],
        )


def _plain(value: Any, t: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [_plain(v, t) for v in value]
    if isinstance(value, bool):
        return t["yes"] if value else ""
    return "" if value is None else str(value)


SECTIONS: list[Callable[[Writer, Pack], None]] = [
    _cover,
    _lost,
    _since,
    _background,
    _chain,
    _dynamics,
    _assessment,
    _strategy,
    _actions,
    _risks,
    _support,
    _decisions,
    _outcome,
    _more,
    _appendix,
]
