"""PDF output: the only module that imports WeasyPrint.

WeasyPrint gets a URL fetcher that serves reviewkit's own assets and refuses everything
else (other files, the network, attachments): a pack never reads or fetches anything the
deal file names.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reviewkit.assets import templates_dir
from reviewkit.present.libraries import quick_lookup

with quick_lookup():  # Pango, HarfBuzz and fontconfig found without helper processes
    import weasyprint
    from weasyprint.urls import URLFetcher, URLFetcherResponse

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


def html_to_pdf(html: str) -> tuple[bytes, list[str]]:
    """The PDF for a pack's HTML, and the URLs that were refused on the way."""
    fetcher = AssetsOnlyFetcher()
    document = weasyprint.HTML(string=html, base_url=str(fetcher.root) + "/", url_fetcher=fetcher)
    previous = LOGGER.level
    LOGGER.setLevel(logging.ERROR)  # refusals are returned to the caller, not logged
    # Layout allocates heavily; keep the garbage collector from rescanning every object
    # that was alive before (the CLI, Jinja, the deal): 10-15 % of a render's time.
    gc.freeze()
    try:
        data = document.write_pdf(attachments=[], uncompressed_pdf=False)
    finally:
        gc.unfreeze()
        LOGGER.setLevel(previous)
    assert data is not None
    return data, fetcher.refused
