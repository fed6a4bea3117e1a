"""PDF output: the only module that imports WeasyPrint.

WeasyPrint gets a URL fetcher that serves reviewkit's own assets and refuses everything
else (other files, the network, attachments): a pack never reads or fetches anything the
deal file names.

On the WeasyPrint release whose code it follows (`FOLLOWED`), three of WeasyPrint's slow
spots are done with less work, each leaving the PDF as it was: the figures' labels (SVG
`<text>`) are set a string at a time (`draw_svg_text`), a font's file is copied out of
HarfBuzz only when read (`FontFileOnDemand`), and fonts are subset two at a time
(`subset_in_pairs`). Any other release runs WeasyPrint's own code.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
from collections.abc import Iterator
from math import inf
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from reviewkit.assets import templates_dir
from reviewkit.present.cdecl import read_names_directly
from reviewkit.present.libraries import quick_lookup
from reviewkit.present.ondemand import fonttools_on_demand


@contextlib.contextmanager
def collector_off() -> Iterator[None]:
    """No garbage collection within the block (the collector's state is restored after)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Pango, HarfBuzz and fontconfig found without helper processes; fontTools' subsetter and
# instancer, which packs' fonts never need, loaded only if they are used; C type names read
# without a run of cffi's C parser each, from here on (`cdecl`); no collections (a tenth of
# the import's time) over the modules and tables it creates, which all stay: they are
# frozen before the collector is back, or its first pass would scan them all (20 ms).
with quick_lookup(), fonttools_on_demand(), collector_off():
    read_names_directly()
    import weasyprint
    import weasyprint.pdf as weasyprint_pdf
    import weasyprint.svg
    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.pdf import fonts as weasyprint_fonts
    from weasyprint.pdf import stream as weasyprint_stream
    from weasyprint.svg.bounding_box import extend_bounding_box
    from weasyprint.svg.utils import normalize as svg_numbers
    from weasyprint.svg.utils import size as svg_length
    from weasyprint.text.fonts import get_hb_object_data
    from weasyprint.text.line_break import split_first_line
    from weasyprint.urls import URLFetcherResponse

    gc.freeze()

LOGGER = logging.getLogger("weasyprint")
#: Whether this is the WeasyPrint release whose internals the changes below follow.
FOLLOWED = weasyprint.__version__.split(".")[0] == "70"


class AssetsOnlyFetcher:
    """Serves files inside reviewkit's templates folder; refuses every other URL.

    WeasyPrint calls its URL fetcher with the URL. Its own fetcher is a urllib opener with
    handlers for HTTP, HTTPS, FTP and proxies; this one is not (it holds none and opens
    nothing but a file of the package), so no code path through it can reach the network.
    """

    _fail_on_errors = False  # what WeasyPrint asks of a fetcher that refused: warn, go on

    def __init__(self) -> None:
        self.root = templates_dir().resolve()
        self.refused: list[str] = []

    def __call__(self, url: str) -> URLFetcherResponse:
        return self.fetch(url)

    def fetch(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                return URLFetcherResponse(url, path.read_bytes())
        self.refused.append(url)
        raise ValueError(f"reviewkit does not fetch {url!r}: packs use only their own assets")


def html_to_pdf(html: str, *, quiet_collector: bool = True) -> tuple[bytes, list[str]]:
    """The PDF for a pack's HTML, and the URLs that were refused on the way.

    `quiet_collector` (see `_collector_quiet`) changes how long a render takes, never a byte
    of the PDF.
    """
    fetcher = AssetsOnlyFetcher()
    previous = LOGGER.level
    LOGGER.setLevel(logging.ERROR)  # refusals are returned to the caller, not logged
    try:
        with _collector_quiet() if quiet_collector else contextlib.nullcontext():
            document = weasyprint.HTML(
                string=html, base_url=str(fetcher.root) + "/", url_fetcher=fetcher
            )
            data = document.write_pdf(attachments=[], uncompressed_pdf=False)
            del document
    finally:
        LOGGER.setLevel(previous)
    assert data is not None
    return data, fetcher.refused


_parked = False


@contextlib.contextmanager
def _collector_quiet() -> Iterator[None]:
    """Python's cyclic garbage collector kept out of a render, and out of the exit after it.

    Layout allocates hundreds of thousands of objects, most of them alive until the end; the
    collector's passes over that growing heap are the only cost of a render that grows faster
    than its page count. So the collector is off while WeasyPrint works. What the render leaves
    behind (its box tree, tens of thousands of objects in reference cycles) is then frozen
    (`gc.freeze`): no collection looks at it, not even the last one at interpreter exit, so a
    one-shot `reviewkit render` never pays a pass over it. A process that renders again
    collects it first, so that a batch holds at most one render's leftovers at a time.
    """
    global _parked
    if _parked:
        gc.unfreeze()
        gc.collect()
        _parked = False
    with collector_off():
        try:
            yield
        finally:
            gc.freeze()
            _parked = True


# -- figures' labels --------------------------------------------------------------------------
#
# WeasyPrint 70 sets every SVG `<text>` one letter at a time: a Pango layout and a text run
# per letter, so that it can honour per-letter positions (`x="1 2 3"`, `dx`, `rotate`),
# `letter-spacing` and `textLength`. The pack's figures use none of these, and a map's
# labels are a sixth of a render's work that way. A label that uses none of them is laid
# out and drawn whole here: the same font, size, weight, fill and start point, one Pango
# layout and one text run (so kerning and shaping apply across the label, and a PDF reader
# copies it as words). Any other text, and any other WeasyPrint version, is WeasyPrint's.

_SVG_TEXT = sys.modules["weasyprint.svg.text"]  # the module: `weasyprint.svg.text` is its function
_WEASYPRINTS_SVG_TEXT = _SVG_TEXT.text
_PER_LETTER = ("dx", "dy", "rotate", "letter-spacing", "textLength")
_VERTICAL = ("display-anchor", "dominant-baseline", "alignment-baseline")
_LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")


def drawn_whole(node: Any) -> bool:
    """Whether an SVG text node can be set as one string: a `<text>` or `<tspan>` with text
    that Pango sets on one line (no line or paragraph separator), at most one x and one y,
    and nothing that places, spaces or aligns letters one by one."""
    if node.tag not in ("text", "tspan") or not node.text:
        return False
    if any(separator in node.text for separator in _LINE_BREAKS):
        return False
    if any(node.get(name) is not None for name in _PER_LETTER + _VERTICAL):
        return False
    return all(len(svg_numbers(node.attrib.get(axis)).split()) <= 1 for axis in "xy")


def draw_svg_text(svg: Any, node: Any, font_size: float) -> None:
    """Draw one SVG text node: whole when `drawn_whole`, else letter by letter by WeasyPrint.

    The body follows WeasyPrint's `weasyprint.svg.text.text` for a single-position run."""
    if not drawn_whole(node):
        _WEASYPRINTS_SVG_TEXT(svg, node, font_size)
        return
    style = _SVG_TEXT.Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [
        font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")
    ]
    style["font_style"] = node.get("font-style", "normal")
    weight = node.get("font-weight", 400)
    if weight == "normal":
        style["font_weight"] = 400
    elif weight == "bold":
        style["font_weight"] = 700
    else:
        try:
            style["font_weight"] = int(weight)
        except ValueError:
            style["font_weight"] = 400
    style["font_size"] = font_size
    if node.get("direction") in ("ltr", "rtl"):
        style["direction"] = node.get("direction")

    layout, _, _, width, height, baseline = split_first_line(node.text, style, svg.context, inf, 0)
    attributes = node.attrib
    cursor, shift = svg.cursor_position, svg.cursor_d_position
    x = svg_length(attributes["x"], font_size, svg.inner_width) if "x" in attributes else None
    y = svg_length(attributes["y"], font_size, svg.inner_height) if "y" in attributes else None
    if x:  # as WeasyPrint's: a position of 0 keeps the shift
        shift[0] = 0
    if y:
        shift[1] = 0
    x = cursor[0] if x is None else x
    y = cursor[1] if y is None else y
    svg.cursor_position = x + width, y
    left, base = x + shift[0], y + shift[1]
    node.text_bounding_box = extend_bounding_box(
        node.text_bounding_box,
        ((left, base - baseline), (left + width, base - baseline + height)),
    )

    stream = svg.stream
    stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    text_box = _SVG_TEXT.TextBox(layout, style)
    text_box.baseline = baseline
    emojis = draw_first_line(stream, text_box, "none", "none", Matrix(a=1, d=-1, e=left, f=base))
    stream.end_text()
    stream.pop_state()
    draw_emojis(stream, style, x, y, emojis)


def _set_svg_text_whole() -> bool:
    """Use `draw_svg_text` for SVG text, on the WeasyPrint release it follows."""
    tags = weasyprint.svg.TAGS
    if not FOLLOWED or tags.get("text") is not _WEASYPRINTS_SVG_TEXT:
        return False
    for tag, drawer in tags.items():
        if drawer is _WEASYPRINTS_SVG_TEXT:
            tags[tag] = draw_svg_text
    # `draw_node` tells text from other nodes by comparing their drawer with this name
    weasyprint.svg.text = draw_svg_text  # type: ignore[attr-defined]
    return True


SVG_TEXT_WHOLE = _set_svg_text_whole()


# -- fonts' files and subsets -----------------------------------------------------------------
#
# WeasyPrint 70 copies the whole file of every font a page uses out of HarfBuzz into Python
# (`Font.file_content`) as it meets the font, though what it embeds is a subset HarfBuzz
# makes from its own copy: for a Chinese pack, two 20 MB CJK collections, 30 ms and 40 MB
# of memory for nothing. Here the file is copied when something reads it (a variable or
# colour font, a subset that failed), from the same HarfBuzz face: the same bytes, later.
#
# It then subsets the fonts one after the other, as the PDF is written: 40-50 ms for each
# CJK face of a Chinese pack, almost all of it in HarfBuzz, which lets other threads run.
# Here the fonts are subset two at a time (`subset_in_pairs`), each as WeasyPrint would
# subset it, and WeasyPrint's own pass finds them done.

_face_data = get_hb_object_data
_LATER = object()
_meeting = threading.local()  # whether this thread is meeting a font


def _face_data_later(hb_object: Any, ot_color: Any = None, glyph: Any = None) -> Any:
    """WeasyPrint's `get_hb_object_data`, but a font's whole file is left for later while
    this thread is meeting the font (`FontFileOnDemand.__init__`)."""
    if getattr(_meeting, "font", False) and ot_color is None and glyph is None:
        return _LATER
    return _face_data(hb_object, ot_color, glyph)


class FontFileOnDemand(weasyprint_fonts.Font):
    """WeasyPrint's font, whose file is copied out of HarfBuzz the first time it is read,
    and which is cleaned (subset) once however often it is asked to be."""

    _file: Any = None
    _cleaned: Any = None

    def __init__(self, *args: Any) -> None:
        _meeting.font = True
        try:
            super().__init__(*args)
        finally:
            _meeting.font = False

    @property
    def file_content(self) -> Any:
        if self._file is None:
            self._file = _face_data(self.hb_face)
        return self._file

    @file_content.setter
    def file_content(self, value: Any) -> None:
        self._file = None if value is _LATER else value

    def clean(self, to_unicode: dict[int, str], hinting: bool) -> None:
        if self._cleaned == (to_unicode, hinting):
            return
        super().clean(to_unicode, hinting)
        self._cleaned = (dict(to_unicode), hinting)


def subset_in_pairs(fonts: dict[str, Any], subset: bool, hinting: bool) -> None:
    """Clean the fonts the PDF embeds as WeasyPrint's `build_fonts_dictionary` will (one font
    per file, with the glyphs of all that file's fonts), two at a time: the largest faces
    are shared between this thread and one other. A font whose cleaning fails here is left
    for WeasyPrint's pass, which meets the failure as it always would."""
    by_file: dict[str, list[Any]] = {}
    for font in fonts.values():
        by_file.setdefault(font.hash, []).append(font)
    jobs = []
    for file_fonts in by_file.values():
        font = file_fonts[0]
        if font.bitmap or not isinstance(font, FontFileOnDemand):
            continue
        to_unicode: dict[int, str] = {}
        if subset and not font.used_in_forms:
            for file_font in file_fonts:
                to_unicode = {**to_unicode, **file_font.to_unicode}
        jobs.append((font, to_unicode))
    if len(jobs) < 2:
        return
    jobs.sort(key=lambda job: -job[0].glyph_count)
    shares: tuple[list[Any], list[Any]] = ([], [])
    for index, job in enumerate(jobs):
        shares[index % 2].append(job)

    def clean(share: list[Any]) -> None:
        for font, to_unicode in share:
            with contextlib.suppress(Exception):
                font.clean(to_unicode, hinting)

    other = threading.Thread(target=clean, args=(shares[1],), name="reviewkit-fonts")
    other.start()
    try:
        clean(shares[0])
    finally:
        other.join()


_build_fonts_dictionary = weasyprint_fonts.build_fonts_dictionary


def _fonts_dictionary(pdf: Any, fonts: Any, compress: Any, subset: Any, options: Any) -> Any:
    """WeasyPrint's `build_fonts_dictionary`, with the fonts subset in pairs first."""
    subset_in_pairs(fonts, subset, options["hinting"])
    return _build_fonts_dictionary(pdf, fonts, compress, subset, options)


def _follow_fonts_on_demand() -> bool:
    """Use `FontFileOnDemand` for the fonts of pages and `subset_in_pairs` before they are
    embedded, on the WeasyPrint release they follow."""
    if (
        not FOLLOWED
        or weasyprint_stream.Font is not weasyprint_fonts.Font  # type: ignore[attr-defined]
        or weasyprint_fonts.get_hb_object_data is not get_hb_object_data  # type: ignore[attr-defined]
        or weasyprint_pdf.build_fonts_dictionary is not _build_fonts_dictionary  # type: ignore[attr-defined]
    ):
        return False
    weasyprint_fonts.get_hb_object_data = _face_data_later  # type: ignore[attr-defined]
    weasyprint_stream.Font = FontFileOnDemand  # type: ignore[attr-defined]
    weasyprint_pdf.build_fonts_dictionary = _fonts_dictionary  # type: ignore[attr-defined]
    return True


FONTS_ON_DEMAND = _follow_fonts_on_demand()
