"""The review pack as an editable Word document (.docx), written from the pack's data.

The document has what the PDF has, in Word's own terms (see `wordfile`): Heading 1-3
paragraphs (the navigation pane lists them), real tables with repeated header rows, the
decision-chain map as a PNG image. The pack is built from the deal with its floor withheld,
so the document holds no more than the PDF does.

Each section is one function of SECTIONS. A list of records that the pack gains and no
section writes yet is shown as a plain table (see `_more`), so that a new pack section
appears here before it is given its own layout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from reviewkit.present.pack import Pack
from reviewkit.present.packrows import action_rows, checklist_rows, tie_mark, ties_text
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
    w.heading(t["s_findings"], 2)
    lines = [f"{t['since_checklist']}{t['colon']}{line}" for line in pack.open_items]
    lines += [f"{t['severity_' + f['severity']]}{t['colon']}{f['message']}" for f in pack.findings]
    if lines:
        w.bullets(lines)
    else:
        w.para(t["none_findings"])


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
    w.heading(t["b_customer"], 2)
    for key, text in b["customer"]:
        if text:
            w.text(text, t[key] + t["lead"])
    if b["departments"]:
        w.text(
            t["semi"].join(f"{t[key]}{t['colon']}{text}" for key, text in b["departments"]),
            t["departments"] + t["lead"],
        )
    w.heading(t["b_project"], 2)
    for key, text in b["project"]:
        if text:
            w.text(text, t[key] + t["lead"])
    if b["needs"]:
        w.para((t["needs"], True))
        w.bullets(b["needs"])
    if b["has_qualification"]:
        w.heading(t["b_qualification"], 2)
        w.table(
            [t[key] for key, _ in b["qualification"]],
            [[level or t["none"] for _, level in b["qualification"]]],
        )
        if b["qualification_notes"]:
            w.text(b["qualification_notes"])


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
        w.heading(t["chain_map"], 2)
        _figures(w, pack)
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
    t = pack.t
    if not pack.problems:
        return
    w.heading(t["product_problems"], 2)
    w.table(
        [t["whose"], t["problem"], t["response"], t["state"]],
        [
            (
                (x["whose"], x["ours"]),
                x["problem"],
                (t["no_response"], True) if x["unanswered"] else x["response"],
                x["status"],
            )
            for x in pack.problems
        ],
    )


def _figures(w: Writer, pack: Pack) -> None:
    """The decision-chain map, as the PDF draws it, one image per page-sized part."""
    from reviewkit.present.figures import chain_map
    from reviewkit.present.raster import svg_parts, svg_size, svg_to_png

    for svg in svg_parts(str(chain_map(pack))):
        width_px, _ = svg_size(svg)
        w.image(svg_to_png(svg), width_px * 25.4 / 96, pack.t["chain_map"])


def _dynamics(w: Writer, pack: Pack) -> None:
    t = pack.t
    w.heading(t["s_dynamics"], 1)
    if not pack.dynamics:
        w.para(t["none_dynamics"])
        return
    w.table(
        [t["date"], t["party"], t["event"], t["impact"], ""],
        [
            (
                d["date"] or "?",
                d["party"],
                (d["event"], d["reversal"]),
                d["impact"],
                [
                    x
                    for x in (
                        f"⟲ {t['reversal']}" if d["reversal"] else "",
                        t["new_since"] if d["new"] else "",
                    )
                    if x
                ],
            )
            for d in pack.dynamics
        ],
    )


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


def _actions(w: Writer, pack: Pack) -> None:
    t = pack.t
    w.heading(t["s_actions"], 1)
    if not pack.actions:
        w.para(t["none_actions"])
        return
    headers, rows = action_rows(pack)
    w.table(headers, rows)


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
    t = pack.t
    w.page_break()
    w.heading(t["s_appendix"], 1)
    for s in pack.stages:
        current = f" · {t['current_stage']}" if s["current"] else ""
        w.heading(f"{s['number']}. {s['label']}{current} — {s['met']}/{len(s['entries'])}", 2)
        w.table([t["item"], t["state"], t["basis"]], checklist_rows(pack, s))
        gate = s["gate"]
        if gate:
            state = ("✔ " if gate["passed"] else "") + gate["state_label"]
            basis = f"{t['colon']}{gate['basis']}" if gate["basis"] else ""
            w.para((t["gate"] + t["colon"], True), f"{gate['label']} — ", (state, True), basis)
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
    "stages", "progress", "findings", "suppressed", "since", "lost", "chain", "open_items",
    "audience", "problems", "shares", "coach_profile",
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
    _outcome,
    _more,
    _appendix,
]
