"""The pack's SVG figures as PNG images, for formats that cannot show SVG (the Word pack).

CairoSVG draws them offline. It takes only the first family of a font list and draws no
character from another font (a box instead), so a figure is drawn in one face that has
every character a pack may hold: Latin, Chinese and the arrows and marks of the figures
(Noto Sans CJK SC, which `make setup` installs for the PDF). CairoSVG is imported only when
a figure is drawn: `check` and the other formats never load it. It is given a URL fetcher
that refuses every URL, as WeasyPrint is (present/pdf.py): a figure never fetches anything.
"""

from __future__ import annotations

import re

from reviewkit.text.errors import error

_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_FONT_FAMILY = re.compile(r'font-family="[^"]*"')
FACE = "Noto Sans CJK SC"
#: Pixels drawn per SVG pixel: sharp in print at the width a Word page gives the map.
SCALE = 2.5


def svg_parts(svg: str) -> list[str]:
    """Each <svg> element of a figure that may come as several page-sized parts."""
    return _SVG.findall(svg)


def svg_size(svg: str) -> tuple[float, float]:
    """The width and height (CSS pixels) an <svg> element asks for."""
    width = re.search(r'\bwidth="([\d.]+)"', svg)
    height = re.search(r'\bheight="([\d.]+)"', svg)
    return (float(width.group(1)) if width else 0.0, float(height.group(1)) if height else 0.0)


def refuse(url: str, resource_type: str) -> bytes:
    """CairoSVG's URL fetcher for the pack's figures: they link nothing, so nothing is fetched."""
    raise ValueError(f"reviewkit does not fetch {url!r}: figures use no outside resource")


def svg_to_png(svg: str) -> bytes:
    """One <svg> element as a PNG image, drawn at SCALE."""
    try:
        from cairosvg.surface import PNGSurface
    except OSError as exc:  # cairocffi could not load the Cairo library
        raise error("no-cairo", detail=exc) from None
    svg = _FONT_FAMILY.sub(f'font-family="{FACE}"', svg)
    data = PNGSurface.convert(
        bytestring=svg.encode("utf-8"), scale=SCALE, unsafe=False, url_fetcher=refuse
    )
    assert isinstance(data, bytes)
    return data
