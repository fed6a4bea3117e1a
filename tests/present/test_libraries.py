"""WeasyPrint's C libraries found without helper processes, on this machine's packaged paths."""

from __future__ import annotations

import ctypes.util
import json
import shutil
import subprocess
import sys

import pytest

from reviewkit.present import libraries
from reviewkit.present.libraries import SONAMES, base_name, find_library, quick_lookup

#: The names WeasyPrint 70 tries for each library (weasyprint/text/ffi.py), in its order.
WEASYPRINT_NAMES = {
    "gobject-2.0": (
        "libgobject-2.0-0",
        "gobject-2.0-0",
        "gobject-2.0",
        "libgobject-2.0.so.0",
        "libgobject-2.0.0.dylib",
        "libgobject-2.0-0.dll",
    ),
    "pango-1.0": (
        "libpango-1.0-0",
        "pango-1.0-0",
        "pango-1.0",
        "libpango-1.0.so.0",
        "libpango-1.0.dylib",
        "libpango-1.0-0.dll",
    ),
    "harfbuzz": (
        "libharfbuzz-0",
        "harfbuzz",
        "harfbuzz-0.0",
        "libharfbuzz.so.0",
        "libharfbuzz.0.dylib",
        "libharfbuzz-0.dll",
    ),
    "harfbuzz-subset": (
        "libharfbuzz-subset-0",
        "harfbuzz-subset",
        "harfbuzz-subset-0.0",
        "libharfbuzz-subset.so.0",
        "libharfbuzz-subset.0.dylib",
        "libharfbuzz-subset-0.dll",
    ),
    "harfbuzz-vector": (
        "libharfbuzz-vector-0",
        "harfbuzz-vector",
        "harfbuzz-vector-0.0",
        "libharfbuzz-vector.so.0",
        "libharfbuzz-vector.0.dylib",
        "libharfbuzz-vector-0.dll",
    ),
    "fontconfig": (
        "libfontconfig-1",
        "fontconfig-1",
        "fontconfig",
        "libfontconfig.so.1",
        "libfontconfig.1.dylib",
        "libfontconfig-1.dll",
    ),
    "pangoft2-1.0": (
        "libpangoft2-1.0-0",
        "pangoft2-1.0-0",
        "pangoft2-1.0",
        "libpangoft2-1.0.so.0",
        "libpangoft2-1.0.dylib",
        "libpangoft2-1.0-0.dll",
    ),
}
#: The libraries WeasyPrint needs, as Debian ships them (the Makefile installs them).
INSTALLED = (
    "libgobject-2.0.so.0",
    "libpango-1.0.so.0",
    "libpangoft2-1.0.so.0",
    "libharfbuzz.so.0",
    "libharfbuzz-subset.so.0",
    "libfontconfig.so.1",
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux sonames")


@pytest.mark.parametrize(("base", "names"), WEASYPRINT_NAMES.items())
def test_every_name_weasyprint_tries_maps_to_its_library(base: str, names: tuple[str, ...]) -> None:
    assert base in SONAMES
    assert [base_name(name) for name in names] == [base] * len(names)


def test_other_names_are_not_taken_for_weasyprint_libraries() -> None:
    for name in ("c", "m", "cairo", "libcairo.so.2", "pango", "/usr/lib/libpango-1.0.so.0"):
        assert base_name(name) is None


@linux_only
@pytest.mark.parametrize("soname", INSTALLED)
def test_found_libraries_are_the_packaged_files(soname: str) -> None:
    """Every name WeasyPrint tries resolves to the soname, and the loader opens with it the
    file that a Debian package installed."""
    base = base_name(soname)
    assert base is not None
    assert {find_library(name) for name in WEASYPRINT_NAMES[base]} == {soname}
    maps = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import ctypes; ctypes.CDLL({soname!r}); print(open('/proc/self/maps').read())",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    paths = {line.split()[-1] for line in maps.splitlines() if "/" + soname in line}
    assert len(paths) == 1, paths
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian system")
    path = paths.pop()
    owners = [
        subprocess.run(["dpkg-query", "-S", p], capture_output=True, text=True, check=False)
        for p in (path, path.removeprefix("/usr"), "/usr" + path)
    ]
    assert any(o.returncode == 0 for o in owners), path


PROBE = """
import json, subprocess, sys
spawned = []
original = subprocess.Popen.__init__
def spy(self, args, *rest, **kwargs):
    spawned.append(args)
    return original(self, args, *rest, **kwargs)
subprocess.Popen.__init__ = spy
import reviewkit.present.pdf
import ctypes.util, gc
from weasyprint.text import ffi
print(json.dumps({
    "collector": gc.isenabled(),
    "spawned": spawned,
    "restored": ctypes.util.find_library.__module__,
    "vector": ffi.harfbuzz_vector is not None,
}))
"""


@linux_only
def test_importing_weasyprint_runs_at_most_one_helper_process() -> None:
    """WeasyPrint's own lookup spawns dozens (ldconfig, gcc, ld for every name that misses)."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    helpers = [args[0] for args in probe["spawned"]]
    # ldconfig's cache is read once, and only when some library (libharfbuzz-vector on
    # Debian) is not installed under its usual soname.
    assert helpers in ([], ["/sbin/ldconfig"], ["/usr/sbin/ldconfig"], ["ldconfig"]), helpers
    assert probe["restored"] == "ctypes.util"  # the stdlib's function is back after import
    assert probe["collector"]  # off during the import, on again after


def test_unknown_names_get_the_standard_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(libraries, "_ORIGINAL", lambda name: asked.append(name) or "libz.so.1")
    monkeypatch.setattr(libraries, "_ldconfig_cache", lambda: ())
    find_library.cache_clear()
    try:
        assert find_library("some-library-nobody-has") == "libz.so.1"
    finally:
        find_library.cache_clear()
    assert asked == ["some-library-nobody-has"]


def test_without_ldconfig_every_miss_gets_the_standard_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(libraries, "_ORIGINAL", lambda name: asked.append(name) or None)
    monkeypatch.setattr(libraries, "_ldconfig_cache", lambda: None)
    monkeypatch.setitem(SONAMES, "harfbuzz-vector", "libharfbuzz-vector.so.999")
    find_library.cache_clear()
    try:
        assert find_library("libharfbuzz-vector-0") is None
    finally:
        find_library.cache_clear()
    assert asked == ["libharfbuzz-vector-0"]


def test_a_known_library_found_in_ldconfig_under_another_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = ("\tlibfontconfig.so.2 (libc6,x86-64) => /usr/lib/libfontconfig.so.2",)
    monkeypatch.setattr(libraries, "_ldconfig_cache", lambda: lines)
    monkeypatch.setattr(libraries, "_abi", lambda: "libc6,x86-64")
    monkeypatch.setitem(SONAMES, "fontconfig", "libfontconfig.so.999")
    monkeypatch.setattr(libraries, "_ORIGINAL", lambda name: pytest.fail("no helper processes"))
    find_library.cache_clear()
    try:
        assert find_library("libfontconfig-1") == "libfontconfig.so.2"
        assert find_library("libharfbuzz-vector-0") in (None, SONAMES["harfbuzz-vector"])
    finally:
        find_library.cache_clear()


def test_quick_lookup_is_undone_after_the_block() -> None:
    before = ctypes.util.find_library
    with quick_lookup():
        if sys.platform.startswith("linux"):
            assert ctypes.util.find_library is find_library
    assert ctypes.util.find_library is before
