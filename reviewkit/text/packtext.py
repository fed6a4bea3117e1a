"""The review pack's own words (headings, field names, markers) and punctuation, by key."""

from __future__ import annotations

from reviewkit.text.catalogue import texts


def pack_text(lang: str) -> dict[str, str]:
    """All pack words in `lang` (English for any it lacks), as templates use them: `title`,
    `s_chain`, ... and the punctuation `colon`, `lead`, `sep`, `semi`."""
    return {**texts(lang, "pack."), **texts(lang, "punct.")}
