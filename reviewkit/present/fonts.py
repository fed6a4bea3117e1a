"""Which characters of a pack no installed font can draw, asked of fontconfig (as Pango does).

A PDF whose Chinese text came out as empty boxes must never be written: `render` checks
the pack's characters against the fonts fontconfig would fall back through, and names the
package to install when something is missing.
"""

from __future__ import annotations

import ctypes
import functools
import unicodedata

from reviewkit.present.libraries import find_library
from reviewkit.present.textflow import is_wide
from reviewkit.text.errors import error

FAMILY = b"sans-serif"
_FC_MATCH_PATTERN = 0


@functools.cache
def _fontconfig() -> ctypes.CDLL | None:
    name = find_library("fontconfig") or "libfontconfig.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    vp = ctypes.c_void_p
    lib.FcInitLoadConfigAndFonts.restype = vp
    lib.FcPatternCreate.restype = vp
    lib.FcPatternAddString.argtypes = [vp, ctypes.c_char_p, ctypes.c_char_p]
    lib.FcConfigSubstitute.argtypes = [vp, vp, ctypes.c_int]
    lib.FcDefaultSubstitute.argtypes = [vp]
    lib.FcFontSort.restype = vp
    lib.FcFontSort.argtypes = [
        vp,
        vp,
        ctypes.c_int,
        ctypes.POINTER(vp),
        ctypes.POINTER(ctypes.c_int),
    ]
    lib.FcCharSetHasChar.argtypes = [vp, ctypes.c_uint32]
    lib.FcCharSetDestroy.argtypes = [vp]
    lib.FcFontSetDestroy.argtypes = [vp]
    lib.FcPatternDestroy.argtypes = [vp]
    lib.FcConfigDestroy.argtypes = [vp]
    return lib


def _drawable(char: str) -> bool:
    """Whether a character needs a glyph at all (spaces and controls do not)."""
    return not char.isspace() and unicodedata.category(char)[0] not in ("C", "Z")


def uncovered(text: str) -> list[str]:
    """The characters of `text` that no font on this machine covers, in order of appearance."""
    lib = _fontconfig()
    if lib is None:
        raise error("no-fontconfig")
    chars = [c for c in dict.fromkeys(text) if _drawable(c) and ord(c) > 0x7E]
    config = lib.FcInitLoadConfigAndFonts()
    pattern = lib.FcPatternCreate()
    lib.FcPatternAddString(pattern, b"family", FAMILY)
    lib.FcConfigSubstitute(config, pattern, _FC_MATCH_PATTERN)
    lib.FcDefaultSubstitute(pattern)
    coverage = ctypes.c_void_p()
    result = ctypes.c_int()
    fonts = lib.FcFontSort(config, pattern, 1, ctypes.byref(coverage), ctypes.byref(result))
    try:
        if not coverage.value:
            return chars if chars else []
        return [c for c in chars if not lib.FcCharSetHasChar(coverage, ord(c))]
    finally:
        if coverage.value:
            lib.FcCharSetDestroy(coverage)
        if fonts:
            lib.FcFontSetDestroy(fonts)
        lib.FcPatternDestroy(pattern)
        lib.FcConfigDestroy(config)


def require_fonts(text: str) -> None:
    """Raise a ReviewkitError naming the package to install if `text` cannot be drawn."""
    missing = uncovered(text)
    if not missing:
        return
    sample = "".join(missing[:8])
    if any(is_wide(c) for c in missing):
        raise error("no-cjk-font", sample=sample)
    raise error("no-font", count=len(missing), sample=sample)
