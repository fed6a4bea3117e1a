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
