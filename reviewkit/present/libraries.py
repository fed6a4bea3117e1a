"""Finding the C libraries WeasyPrint opens (Pango, HarfBuzz, fontconfig) without helper processes.

WeasyPrint opens each library by trying several names in turn (`libpango-1.0-0`,
`pango-1.0`, ..., `libpango-1.0.so.0`) through cffi, which hands every name it cannot open
directly to `ctypes.util.find_library`. On Linux that runs `ldconfig -p`, then `gcc` and `ld`
for each name that misses: dozens of helper processes (86 with the linkers gcc runs) and a
quarter of a second on every cold start, a tenth of it for `libharfbuzz-vector`, which
Debian's HarfBuzz does not ship.

`find_library` below answers the same question without those processes, and only while
WeasyPrint is imported (`quick_lookup`):

1. A name of a library WeasyPrint uses is mapped to that library's ELF soname on Linux
   (`SONAMES`: the names Debian, Ubuntu, Fedora and Alpine ship) and answered with it when the
   dynamic loader can open it (the loader searches LD_LIBRARY_PATH and ldconfig's cache, as the
   final `dlopen` of today's lookup does).
2. Otherwise ldconfig's cache is read once (`ldconfig -p`, one process) and searched the way
   `ctypes.util.find_library` searches it, for any name.
3. A library of `SONAMES` that neither the loader nor ldconfig's cache knows is not installed:
   the answer is None (WeasyPrint treats HarfBuzz's vector and subset libraries as optional).
   Every other name, and every name when ldconfig cannot be run, gets today's answer from
   `ctypes.util.find_library` itself.

Off Linux nothing changes: WeasyPrint's own lookup is used as it is.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator

#: The soname of each library WeasyPrint opens, by its base name.
SONAMES = {
    "gobject-2.0": "libgobject-2.0.so.0",
    "pango-1.0": "libpango-1.0.so.0",
    "pangoft2-1.0": "libpangoft2-1.0.so.0",
    "harfbuzz": "libharfbuzz.so.0",
    "harfbuzz-subset": "libharfbuzz-subset.so.0",
    "harfbuzz-vector": "libharfbuzz-vector.so.0",
    "fontconfig": "libfontconfig.so.1",
}

_ORIGINAL: Callable[[str], str | None] = ctypes.util.find_library


def base_name(name: str) -> str | None:
    """The key of `SONAMES` that a library name decorates ("lib" before; a version such as
    "-0", "-0.0", ".so.0" and a platform suffix such as ".dylib" after), or None."""
    if "/" in name:
        return None
    base = re.sub(r"^lib", "", name)
    base = re.sub(r"(\.dll|\.dylib|\.so(\.\d+)*)$", "", base)
    while base not in SONAMES:
        shorter = re.sub(r"[-.]\d+$", "", base)
        if shorter == base:
            return None
        base = shorter
    return base


@functools.cache
def _opens(soname: str) -> bool:
    """Whether the dynamic loader can open `soname` (already loaded ones open at no cost)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


@functools.cache
def _ldconfig_cache() -> tuple[str, ...] | None:
    """The lines of `ldconfig -p` for this machine's ABI, read once; None if ldconfig cannot run."""
    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig"):
        try:
            result = subprocess.run(
                [ldconfig, "-p"],
                capture_output=True,
                text=True,
                check=False,
                env={"LC_ALL": "C", "LANG": "C"},
            )
        except OSError:
            continue
        if result.returncode == 0:
            return tuple(result.stdout.splitlines())
    return None


def _abi() -> str:
    """ldconfig's name for this process's ABI, as ctypes.util derives it."""
    machine = os.uname().machine + "-" + str(ctypes.sizeof(ctypes.c_void_p) * 8)
    return {
        "x86_64-64": "libc6,x86-64",
        "ppc64-64": "libc6,64bit",
        "sparc64-64": "libc6,64bit",
        "s390x-64": "libc6,64bit",
        "ia64-64": "libc6,IA-64",
        "aarch64-64": "libc6,AArch64",
    }.get(machine, "libc6")


def _from_ldconfig(lines: tuple[str, ...], name: str) -> str | None:
    """The soname ldconfig's cache lists for `name`, as `ctypes.util.find_library` finds it."""
    pattern = re.compile(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({re.escape(_abi())}")
    for line in lines:
        match = pattern.match(line)
        if match:
            return match.group(1)
    return None


@functools.cache
def find_library(name: str) -> str | None:
    """`ctypes.util.find_library(name)` for the libraries WeasyPrint opens, without helper
    processes where the answer is certain (see the module's docstring)."""
    base = base_name(name)
    if base is not None and _opens(SONAMES[base]):
        return SONAMES[base]
    lines = _ldconfig_cache()
    if lines is None:
        return _ORIGINAL(name)
    found = _from_ldconfig(lines, name)
    if found is not None:
        return found
    if base is not None:
        return _from_ldconfig(lines, base)
    return _ORIGINAL(name)


@contextlib.contextmanager
def quick_lookup() -> Iterator[None]:
    """Within this block (on Linux), `ctypes.util.find_library` is `find_library` above."""
    if not sys.platform.startswith("linux"):
        yield
        return
    previous = ctypes.util.find_library
    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = previous
