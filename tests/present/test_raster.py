"""The Word pack's figures as PNG: every character drawn, none as a box."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reviewkit.errors import ReviewkitError
from reviewkit.ops.render import render_pack
from reviewkit.present.raster import svg_parts, svg_size, svg_to_png
from tests.conftest import MINIMAL, TODAY


def drawn(text: str, family: str = "Noto Sans, DejaVu Sans, sans-serif") -> bytes:
    return svg_to_png(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20" font-family="{family}">'
        f'<text x="2" y="15" font-size="12">{text}</text></svg>'
    )


def test_arrows_and_chinese_are_drawn_in_an_english_figure() -> None:
    """Characters no font has come out as boxes, all alike; an arrow and a Chinese name in a
    figure whose font list starts with a Latin face must not."""
    boxes = drawn("\ue000\ue000\ue000")
    assert drawn("→王强") != boxes
    assert drawn("\ue001\ue002\ue003") == boxes  # the comparison does tell boxes apart


def test_a_figure_in_parts_is_split_and_sized() -> None:
    svg = '<svg width="750" height="300"><g/></svg><svg width="750" height="120.5"></svg>'
    parts = svg_parts(svg)
    assert len(parts) == 2
    assert [svg_size(p) for p in parts] == [(750.0, 300.0), (750.0, 120.5)]
    png = svg_to_png(parts[0].replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" '))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


class NoCairo:
    """An import hook that fails as cairocffi does on a machine without the Cairo library."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.split(".")[0] == "cairosvg":
            raise OSError("no library called 'cairo-2' was found")


def test_without_cairo_a_word_pack_stops_with_the_package_to_install(
    monkeypatch: pytest.MonkeyPatch, write, tmp_path: Path
) -> None:
    for name in [n for n in sys.modules if n.split(".")[0] == "cairosvg"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [NoCairo(), *sys.meta_path])
    path = write(MINIMAL + "decision_chain:\n  - {name: Wang Qiang, influence: high}\n")
    target = tmp_path / "p.docx"
    with pytest.raises(ReviewkitError) as caught:
        render_pack(path, format="docx", output=str(target), today=TODAY)
    assert "Cairo" in str(caught.value) and "libcairo2" in caught.value.hint
    assert not target.exists()


@pytest.mark.parametrize(
    "href", ["http://192.0.2.1/logo.png", "file:///etc/passwd", "//192.0.2.1/x.svg"]
)
def test_a_figure_fetches_nothing(href: str) -> None:
    """Even an <image> in a figure's SVG is refused, not fetched: no network, no other file."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image xlink:href="{href}" width="10" height="10"/></svg>'
    )
    with pytest.raises(ValueError, match="reviewkit does not fetch"):
        svg_to_png(svg)
