"""The decision-chain map: one SVG while it fits a page, page-sized parts beyond."""

from __future__ import annotations

import re

import pytest

from reviewkit.model.deal import load_deal
from reviewkit.present.figures import PART_GRID, TOP, chain_map
from reviewkit.present.pack import PackOptions, build_pack
from reviewkit.text.labels import label
from tests.conftest import MINIMAL, SAMPLES, TODAY

#: The tallest part: column labels, the grid, the legend (A4 content is about 1,080 px high).
TALLEST = TOP + PART_GRID + 58


def crowd(count: int, lang: str = "en") -> str:
    people = "".join(
        f"  - name: P{i:03d}\n    influence: {('high', 'medium', 'low')[i % 3]}\n"
        f"    attitude: {'supporter' if i % 4 else 'opposer'}\n"
        for i in range(count)
    )
    return MINIMAL + f"  language: {lang}\ndecision_chain:\n" + people


def parts(svg: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", svg)


def height(part: str) -> int:
    return int(re.search(r'height="(\d+)"', part).group(1))  # type: ignore[union-attr]


def map_of(write, text: str) -> str:
    deal = load_deal(write(text))
    return str(chain_map(build_pack(deal, PackOptions(today=TODAY))))


DEALS = [p for p in sorted(SAMPLES.glob("*.yaml")) if p.name != "reviewkit.yaml"]  # not a deal


@pytest.mark.parametrize("sample", DEALS, ids=lambda p: p.stem)
def test_a_sample_map_is_one_svg(sample) -> None:
    deal = load_deal(sample)
    if not deal.data["decision_chain"]:
        pytest.skip("no decision chain")
    svg = str(chain_map(build_pack(deal, PackOptions(today=TODAY))))
    assert len(parts(svg)) == 1 and height(svg) <= TALLEST


@pytest.mark.parametrize(("count", "lang"), [(40, "en"), (120, "zh"), (200, "en")])
def test_a_crowded_map_comes_in_page_sized_parts_showing_everyone(write, count, lang) -> None:
    svg = map_of(write, crowd(count, lang))
    pieces = parts(svg)
    assert len(pieces) > 1
    assert all(height(p) <= TALLEST for p in pieces)
    for i in range(count):  # every person on exactly one part
        assert sum(f">P{i:03d}<" in p for p in pieces) == 1, i
    legend = [p for p in pieces if "→" in p]  # the attitude arrow heads the legend
    assert legend == [pieces[-1]]
    shown = [label("attitude", key, lang) for key in ("opposer", "supporter")]
    assert all(all(f">{word}<" in p for word in shown) for p in pieces)
    empty = [label("attitude", key, lang) for key in ("unknown", "ally")]  # no one stands there
    assert not any(f">{word}<" in p for word in empty for p in pieces)


def test_the_map_grows_in_proportion_to_the_people(write) -> None:
    small, large = (len(map_of(write, crowd(n))) for n in (100, 200))
    assert 1.8 < large / small < 2.2


# -- the organisation chart -------------------------------------------------------------

from reviewkit.present.figures import PAGE_PART, WIDTH, org_chart  # noqa: E402
from reviewkit.present.render import render_markdown  # noqa: E402


def chart_of(write, text: str) -> str:
    return str(org_chart(build_pack(load_deal(write(text)), PackOptions(today=TODAY))))


def viewbox(part: str) -> list[float]:
    return [float(x) for x in re.search(r'viewBox="([^"]+)"', part).group(1).split()]  # type: ignore[union-attr]


def test_the_chart_draws_reporting_lines_and_the_markdown_shows_the_same_links() -> None:
    pack = build_pack(load_deal(SAMPLES / "huadong-grid-dispatch.yaml"), PackOptions(today=TODAY))
    svg = str(org_chart(pack))
    md = render_markdown(pack)
    mermaid = md[md.index("```mermaid") : md.index("```", md.index("```mermaid") + 3)]
    managed = [p for p, boss in pack.chain["parents"].items() if boss]
    assert len(managed) == 5 == mermaid.count(" --> ")
    # Integrators' standing and competitor ties: the same links on both.
    assert (
        svg.count("⇄ ")
        == len(pack.chain["stances"])
        == mermaid.count(" -.-|正面|") + mermaid.count(" -.-|负面|")
    )
    assert svg.count("⚠ ") == len(pack.chain["person_ties"]) == mermaid.count("|与对手关系|")
    assert "调度系统" in svg and "我方对口人：黄志远" in svg  # circle band, our contact


def test_labels_wrap_and_are_never_cut(write) -> None:
    title = "Chief technology officer, head of IT and informatisation centre, chair of the board"
    svg = chart_of(
        write,
        MINIMAL
        + f"decision_chain:\n  - name: Professor Alexandra Konstantinopoulou\n    title: {title}\n",
    )
    assert "…" not in svg
    drawn = " ".join(re.findall(r">([^<>]+)</text>", svg))
    assert title in drawn  # over several lines, every word whole
    assert "Professor Alexandra Konstantinopoulou" in drawn


def test_a_chart_of_any_size_fits_the_page_in_parts_showing_everyone(write) -> None:
    people = "".join(
        f"  - name: P{i:03d}\n    reports_to: {'P000' if i else ''}\n    attitude: supporter\n"
        for i in range(200)
    )
    svg = chart_of(write, MINIMAL + "decision_chain:\n" + people)
    pieces = parts(svg)
    assert len(pieces) > 1
    for piece in pieces:
        _, _, w, h = viewbox(piece)
        assert w <= WIDTH + 4 and h <= PAGE_PART + 4
    for i in range(200):
        assert any(f">P{i:03d}<" in p for p in pieces), i


def test_a_reporting_loop_is_left_out_and_everyone_still_shown(write) -> None:
    loop = "  - name: Ann\n    reports_to: Bo\n  - name: Bo\n    reports_to: Ann\n  - name: Cy\n    reports_to: Cy\n"
    pack = build_pack(
        load_deal(write(MINIMAL + "decision_chain:\n" + loop)), PackOptions(today=TODAY)
    )
    assert pack.chain["parents"] == {"p1": "p2", "p2": None, "p3": None}
    svg = str(org_chart(pack))
    assert all(f">{name}<" in svg for name in ("Ann", "Bo", "Cy"))
