"""Figures' labels set a string at a time: where WeasyPrint would set them letter by letter."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reviewkit.present import pdf
from tests.present.test_pdf import pdf_words

FONTS = 'font-family="Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif" font-size="10"'

LABELS = f"""<!DOCTYPE html><html lang="en"><body style="margin:0">
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="260" viewBox="0 0 600 260" {FONTS}>
<rect x="0" y="0" width="600" height="260" fill="#f2f2f2"/>
<text x="20" y="30" font-size="11" font-weight="bold" fill="#111">Liu Jianguo</text>
<text x="300" y="60" text-anchor="middle" font-weight="bold">Network Planning Dept</text>
<text x="580" y="90" text-anchor="end" fill="#444">Kestrel Networks AV To</text>
<text x="20" y="120" font-size="8">⇄ Harbourline Integration: positive · ⚠ ties</text>
<text x="20" y="150">决策链 分析 王海涛</text>
<text x="20" y="180">Waves <tspan font-weight="bold">Tide</tspan> after</text>
<g transform="translate(300,200)"><text x="6" y="13" font-size="7" fill="#fff">Planning circle</text></g>
<text x="10" y="230" dx="50">Shifted<tspan x="0"> Zero</tspan></text>
</svg></body></html>"""

PER_LETTER = f"""<!DOCTYPE html><html lang="en"><body style="margin:0">
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="260" {FONTS}>
<text x="20 40 60 80" y="30">Spread</text>
<text x="20" y="60" dx="0 3 6">Nudged</text>
<text x="20" y="90" rotate="15">Turned</text>
<text x="20" y="120" letter-spacing="4">Spaced</text>
<text x="20" y="150" textLength="200">Stretched</text>
<text x="20" y="180" dominant-baseline="middle">Centred</text>
<text x="20" y="210"><textPath>Path</textPath></text>
<text x="10-5" y="240">Compact</text>
</svg></body></html>"""


@pytest.fixture
def letter_by_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint's own SVG text drawing, as without `pdf.draw_svg_text`."""
    svg = sys.modules["weasyprint.svg"]
    for tag, drawer in list(svg.TAGS.items()):
        if drawer is pdf.draw_svg_text:
            monkeypatch.setitem(svg.TAGS, tag, pdf._WEASYPRINTS_SVG_TEXT)
    monkeypatch.setattr(svg, "text", pdf._WEASYPRINTS_SVG_TEXT)


def words_of(html: str, path: Path) -> list[tuple[int, float, float, float, float, str]]:
    path.write_bytes(pdf.html_to_pdf(html)[0])
    return pdf_words(path)


def test_weasyprint_70_labels_are_set_whole() -> None:
    assert pdf.SVG_TEXT_WHOLE
    assert sys.modules["weasyprint.svg"].TAGS["text"] is pdf.draw_svg_text


def test_a_label_set_whole_stands_where_weasyprint_sets_it(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    whole = words_of(LABELS, tmp_path / "whole.pdf")
    request.getfixturevalue("letter_by_letter")
    letters = words_of(LABELS, tmp_path / "letters.pdf")
    assert [w[5] for w in whole] == [w[5] for w in letters]
    assert "Jianguo" in [w[5] for w in whole] and "王海涛" in [w[5] for w in whole]
    for mine, theirs in zip(whole, letters, strict=True):
        # Start, baseline and height as WeasyPrint's; the end may move by the label's kerning
        # (and a centred or right-aligned label by half of it or all of it).
        assert abs(mine[1] - theirs[1]) <= 1.0, (mine, theirs)
        assert abs(mine[2] - theirs[2]) <= 0.2 and abs(mine[4] - theirs[4]) <= 0.2, (mine, theirs)
        assert abs(mine[3] - theirs[3]) <= 1.5, (mine, theirs)


def test_a_label_set_whole_is_one_text_run(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    whole = pdf.html_to_pdf(LABELS)[0]
    request.getfixturevalue("letter_by_letter")
    letters = pdf.html_to_pdf(LABELS)[0]
    assert len(whole) < len(letters)  # one text run a label instead of one a letter


def test_letters_placed_one_by_one_are_weasyprints(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    mine = pdf.html_to_pdf(PER_LETTER)[0]
    request.getfixturevalue("letter_by_letter")
    assert pdf.html_to_pdf(PER_LETTER)[0] == mine


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r"])
def test_a_label_pango_would_break_keeps_every_word(tmp_path: Path, separator: str) -> None:
    """A name with a line or paragraph separator in it (a deal file can hold one) is drawn
    whole, not cut at the separator."""
    text = f"Alpha{separator}Omega".replace("\x0b", "&#11;").replace("\x0c", "&#12;")
    html = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="100" {FONTS}>'
        f'<text x="10" y="30">{text}</text></svg>'
    )
    words = "".join(w[5] for w in words_of(html, tmp_path / "label.pdf"))
    assert "Alpha" in words and "Omega" in words


HOSTILE = [
    "王海涛 (陈国栋的人) 🤝 ✔",
    "مدير المشتريات Procurement",
    "Zoë Ångström-Łukasiewicz e\u0301\u0301",
    "👩\u200d💻 ops\u200b lead\u00ad",
    "x" * 90,
]


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_labels_are_drawn_whole_without_losing_letters(tmp_path: Path, label: str) -> None:
    html = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="100" {FONTS}>'
        f'<text x="10" y="30">{label}</text></svg>'
    )
    words = "".join(w[5] for w in words_of(html, tmp_path / "label.pdf"))
    for letter in label:
        if letter.isalpha() and letter.isascii():
            assert letter in words, (letter, words)
    assert words.count("x") == (90 if label.startswith("xxx") else 0)
