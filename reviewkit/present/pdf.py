"""PDF output: the only module that imports WeasyPrint.

WeasyPrint gets a URL fetcher that serves reviewkit's own assets and refuses everything
else (other files, the network, attachments): a pack never reads or fetches anything the
deal file names.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reviewkit.assets import templates_dir
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
# instancer, which packs' fonts never need, loaded only if they are used; no collections
# (a tenth of the import's time) over the modules and tables it creates, which all stay:
# they are frozen before the collector is back, or its first pass would scan them all
# (20 ms).
with quick_lookup(), fonttools_on_demand(), collector_off():
    import weasyprint
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    gc.freeze()

LOGGER = logging.getLogger("weasyprint")


class AssetsOnlyFetcher(URLFetcher):
    """Serves files inside reviewkit's templates folder; refuses every other URL."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = templates_dir().resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
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
