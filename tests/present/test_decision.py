"""The decision page and the sections it draws on: read from the deal once, for every format."""

from __future__ import annotations

import re

from reviewkit.model.deal import load_deal
from reviewkit.present.pack import PackOptions, build_pack
from reviewkit.present.render import render_html, render_markdown
from tests.conftest import MINIMAL, SAMPLES, TODAY

DEAL = (
    MINIMAL
    + """\
  confidential: true
review:
  date: 2026-12-01
  win_probability: 40
  decisions_needed: [Approve the discount]
  decisions:
    - {date: 2026-11-10, decision: Book the reference visit, owner: Ann, due: 2026-11-20, status: done}
    - {date: 2026-11-10, decision: Sign the NDA, owner: Bo, due: 2026-11-25}
    - {date: 2026-10-01, decision: Older one, status: done}
risks:
  - {risk: Low bidder, level: yellow}
  - {risk: Spec favours the incumbent, response: Rewrite clause 4, owner: Ann, level: red}
  - {risk: Fine, level: green}
support:
  - {kind: price-authority, what: Go to target price, from: Sales VP, by: 2026-12-05}
  - {kind: presales, what: Two days, status: done}
background:
  project:
    tender: {price_weight: 40, technical_weight: 50, bidders: [Us, Rival]}
competitors:
  - {name: Rival, quote: {amount: 900, currency: CNY}, technical_score: 40}
  - {name: Cheap, quote: {amount: 800, currency: CNY}}
strategy:
  commercial:
    quote: {amount: 1000, currency: CNY}
    target: {amount: 950, currency: CNY}
    floor: {amount: 800, currency: CNY}
    technical_score: 45
"""
)


def test_the_decision_page_reads_the_reps_estimate_asks_support_risks_and_last_decisions(
    write,
) -> None:
    pack = build_pack(load_deal(write(DEAL)), PackOptions(today=TODAY))
    d = pack.decision
    assert d["win_probability"] == "40%" and d["stage_weight"] == "20%"  # the stage's weight
    assert d["asks"] == ["Approve the discount"]
    assert [s["what"] for s in d["support"]] == ["Go to target price"]  # open requests only
    assert [r["risk"] for r in d["risks"]] == ["Spec favours the incumbent", "Low bidder"]
    assert d["last_date"] == "2026-11-10" and d["carried_out"] == 1
    assert [x["status_key"] for x in d["last_decisions"]] == ["done", "overdue"]
    assert d["support_section"] and d["decisions_section"]  # the record holds more


def test_the_pricing_table_estimates_scores_and_never_shows_the_floor(write) -> None:
    deal = load_deal(write(DEAL))
    pack = build_pack(deal, PackOptions(today=TODAY))
    rows = {r["name"] or "us": r for r in pack.tender["pricing"]}
    assert rows["us"]["price"] == "32.0" and rows["us"]["total"] == "77.0"
    assert rows["Rival"]["total"] == "75.6"
    # Cheap's expected quote is the floor figure: shown as withheld, scored all the same.
    assert "800" not in rows["Cheap"]["quote"] and rows["Cheap"]["price"] == "40.0"
    for text in (render_markdown(pack), render_html(pack)):
        assert "CNY 800" not in text
    revealed = build_pack(deal, PackOptions(today=TODAY, reveal_floor=True))
    assert "800" in next(r for r in revealed.tender["pricing"] if r["name"] == "Cheap")["quote"]


def test_a_pack_without_the_new_fields_shows_none_of_their_sections(write) -> None:
    pack = build_pack(load_deal(write(MINIMAL)), PackOptions(today=TODAY))
    text = render_html(pack)
    assert pack.risks == pack.support == pack.decisions == []
    assert pack.tender["pricing"] == [] and "Pricing and competition" not in text
    assert "Risks and responses" not in text and "Funding and tender" not in text
    assert "not estimated" in text  # the win probability asks to be estimated


def test_the_chinese_sample_reads_in_chinese_on_its_first_page() -> None:
    pack = build_pack(load_deal(SAMPLES / "huadong-grid-dispatch.yaml"), PackOptions(today=TODAY))
    md = render_markdown(pack)
    first = md[md.index("## 本次会议决策要点") : md.index("## 1. 项目背景")]
    for words in (
        "把握度（销售自评）：60%",
        "阶段权重 70%",
        "需要公司支持",
        "主要风险",
        "已落实 1/3 项",
    ):
        assert words in first, words
    assert "`" not in first and not re.search(r"行 \d", first)  # no rule names, no line numbers


def test_a_pricing_table_that_withholds_our_prices_gives_none_of_them_away(write) -> None:
    """Our quote and target withheld (a pack for a wide audience): our row says so, and our
    price is left out of the estimate, since the lowest bid behind the others' price points
    would give it away; the price changes, ours among them, are left out."""
    from reviewkit.present.decision import tender

    text = DEAL.replace("{amount: 1000, currency: CNY}", "{amount: 700, currency: CNY}")
    text += "    price_changes:\n      - {date: 2026-11-20, party: Us, quote: {amount: 720, currency: CNY}}\n"
    data = load_deal(write(text)).data
    team = tender(data, "en", {})
    assert team["pricing"][1]["price"] == "31.1"  # 40 × 700 ÷ 900: our quote is the lowest
    wide = tender(data, "en", {}, withheld_as="withheld")
    us, rival, cheap = wide["pricing"]
    assert (us["quote"], us["price"], us["technical"], us["total"]) == (
        "withheld",
        "withheld",
        "45.0",
        "withheld",
    )
    assert rival["price"] == "35.6" and cheap["price"] == "40.0"  # 40 × 800 ÷ 900 and ÷ 800
    assert not us["band"] and team["pricing"][0]["band"]  # no "(our band)" beside it
    assert wide["price_changes"] == [] and team["price_changes"]
    assert not any("700" in str(v) or "950" in str(v) for r in wide["pricing"] for v in r.values())
