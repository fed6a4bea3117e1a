"""The printed pack as a director gets it: every sample in both languages, read back from the
real PDF with poppler (pdftotext, pdffonts): at most six pages, no page under a third full
but the last, nothing cut short with an ellipsis, no slanted face for Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewkit.ops.render import render_pack
from tests.conftest import SAMPLE_DEALS, TODAY

A4_HEIGHT = 841.89  # pt
TOP_MARGIN, BOTTOM_MARGIN = 36.85, 34.02  # 13 mm and 12 mm (pack.css @page)
MOST_PAGES = 6
LEAST_FILL = 1 / 3


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: run `make setup` (it installs poppler-utils)")
    return found


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every sample deal's PDF pack in English and in Chinese."""
    out = tmp_path_factory.mktemp("packs")
    made = {}
    for deal in SAMPLE_DEALS:
        for lang in ("en", "zh"):
            target = out / f"{deal.stem}.{lang}.pdf"
            render_pack(deal, format="pdf", output=str(target), lang=lang, today=TODAY)
            made[f"{deal.stem}.{lang}"] = target
    return made


def words(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's words as (top, bottom, text), from `pdftotext -bbox`."""
    html = subprocess.run(
        [_tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = re.findall(r"<page [^>]*>(.*?)</page>", html, re.DOTALL)
    return [
        [
            (float(top), float(bottom), text)
            for top, bottom, text in re.findall(
                r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page
            )
        ]
        for page in pages
    ]


def fill(page: list[tuple[float, float, str]]) -> float:
    """How far down its content area a page is written (0: blank, 1: to the bottom), running
    header and footer left out."""
    bottom = A4_HEIGHT - BOTTOM_MARGIN
    inside = [b for t, b, _ in page if t >= TOP_MARGIN - 1 and b <= bottom + 1]
    return (max(inside, default=TOP_MARGIN) - TOP_MARGIN) / (bottom - TOP_MARGIN)


def test_every_sample_is_packed_in_both_languages(packs) -> None:
    assert len(packs) == 2 * len(SAMPLE_DEALS) >= 12


@pytest.mark.parametrize("key", [f"{d.stem}.{lang}" for d in SAMPLE_DEALS for lang in ("en", "zh")])
def test_a_sample_pack_is_at_most_six_well_filled_pages(packs, key: str) -> None:
    pages = words(packs[key])
    assert 1 <= len(pages) <= MOST_PAGES, len(pages)
    filled = [round(fill(page), 2) for page in pages]
    assert all(f >= LEAST_FILL for f in filled[:-1]), filled


@pytest.mark.parametrize("key", [f"{d.stem}.{lang}" for d in SAMPLE_DEALS for lang in ("en", "zh")])
def test_nothing_is_cut_short(packs, key: str) -> None:
    text = " ".join(w for page in words(packs[key]) for _, _, w in page)
    assert "…" not in text and "..." not in text


@pytest.mark.parametrize("key", [f"{d.stem}.{lang}" for d in SAMPLE_DEALS for lang in ("en", "zh")])
def test_no_face_is_slanted(packs, key: str) -> None:
    """The pack sets nothing in italics: no italic or oblique face is embedded, and with none
    asked for, WeasyPrint never synthesises a slanted copy of a CJK face."""
    listing = subprocess.run(
        [_tool("pdffonts"), str(packs[key])], capture_output=True, text=True, check=True
    ).stdout
    names = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    assert names and not [n for n in names if re.search("italic|oblique", n, re.IGNORECASE)]
    if key.endswith(".zh"):
        assert any("CJK" in n for n in names), names


def test_why_we_meet_quotes_the_whole_reversal(packs) -> None:
    pages = words(packs["huadong-grid-dispatch.zh"])
    first = "".join(w for _, _, w in pages[0])
    assert "此前一直按技术60、价格30的方向在走，对我方不利。" in first


def test_short_chinese_terms_stay_whole_at_line_ends(packs) -> None:
    """Stage names and column headings are not broken inside ("需求了解与信息收/集")."""
    first = [w for _, _, w in words(packs["huadong-grid-dispatch.zh"])[0]]
    assert "需求了解与信息收集" in first and "合作伙伴发展确定" in first


@pytest.mark.parametrize("key", ["northfield-core-network.en", "huadong-grid-dispatch.zh"])
def test_the_first_page_is_the_decision_page_without_rule_names_or_lines(packs, key: str) -> None:
    first = " ".join(w for _, _, w in words(packs[key])[0])
    heading, gaps = (
        ("For decision", "Gaps of every stage so far")
        if key.endswith(".en")
        else ("本次会议决策要点", "各阶段尚存差距")
    )
    assert heading in first and gaps in first
    for slug in ("competitor-ties", "checklist", "gate ·", "action-overdue"):
        assert slug not in first
    assert not re.search(r"\b(line|行) \d", first)
