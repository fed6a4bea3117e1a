"""Fonts' files copied out of HarfBuzz only when read: the same PDF, without the copies."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reviewkit.ops.render import render_pack
from reviewkit.present import pdf
from tests.conftest import SAMPLES, TODAY

WHOLE_COLLECTION = 5_000_000  # bytes: each Noto CJK collection is about 20 MB


def pack_html(tmp_path: Path, sample: str) -> str:
    out = tmp_path / f"{sample}.html"
    render_pack(SAMPLES / f"{sample}.yaml", format="html", output=str(out), today=TODAY)
    return out.read_text(encoding="utf-8")


@pytest.fixture
def copies(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the fonts' data copied out of HarfBuzz, as they are copied."""
    sizes: list[int] = []
    real = pdf._face_data

    def counted(*args: object) -> object:
        data = real(*args)
        sizes.append(len(data) if data else 0)
        return data

    monkeypatch.setattr(pdf, "_face_data", counted)
    return sizes


def test_weasyprint_70_fonts_are_met_without_their_files() -> None:
    assert pdf.FONTS_ON_DEMAND
    assert sys.modules["weasyprint.pdf.stream"].Font is pdf.FontFileOnDemand


@pytest.mark.parametrize("sample", ["huadong-grid-dispatch", "northfield-core-network"])
def test_the_pdf_is_byte_identical_without_the_copies(
    tmp_path: Path, sample: str, copies: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    html = pack_html(tmp_path, sample)
    mine = pdf.html_to_pdf(html)[0]
    assert copies and all(size < WHOLE_COLLECTION for size in copies), copies
    monkeypatch.setattr(sys.modules["weasyprint.pdf.stream"], "Font", pdf.weasyprint_fonts.Font)
    monkeypatch.setattr(pdf.weasyprint_fonts, "get_hb_object_data", pdf.get_hb_object_data)
    theirs = pdf.html_to_pdf(html)[0]
    assert mine == theirs


def test_a_font_whose_file_is_read_gets_the_whole_file(
    tmp_path: Path, copies: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever reads a font's file (a variable or colour font, a failed subset) gets it."""
    html = pack_html(tmp_path, "huadong-grid-dispatch")
    read: list[tuple[int, bytes, bool]] = []
    clean = pdf.weasyprint_fonts.Font.clean

    def reading_first(font: pdf.FontFileOnDemand, *args: object) -> object:
        if "CJK" in font.family and not read:
            data = font.file_content
            read.append((len(data), data[:4], font.file_content is data))
        return clean(font, *args)

    monkeypatch.setattr(pdf.weasyprint_fonts.Font, "clean", reading_first)
    pdf.html_to_pdf(html)
    assert read
    size, head, once = read[0]
    assert size > WHOLE_COLLECTION and head == b"ttcf" and once
    assert size in copies


def test_a_chinese_packs_fonts_are_subset_two_at_a_time_and_once_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    html = pack_html(tmp_path, "huadong-grid-dispatch")
    cleaned: list[tuple[str, int, str]] = []
    clean = pdf.weasyprint_fonts.Font.clean

    def recorded(font: pdf.FontFileOnDemand, *args: object) -> object:
        cleaned.append((font.family, font.weight, threading.current_thread().name))
        return clean(font, *args)

    monkeypatch.setattr(pdf.weasyprint_fonts.Font, "clean", recorded)
    pdf.html_to_pdf(html)
    faces = [(family, weight) for family, weight, _ in cleaned]
    assert len(faces) == len(set(faces)) >= 2  # each face subset once
    cjk_threads = {thread for family, _, thread in cleaned if "CJK" in family}
    assert cjk_threads == {"MainThread", "reviewkit-fonts"}  # the two CJK faces side by side
    assert threading.active_count() == 1  # and the helper thread is gone
