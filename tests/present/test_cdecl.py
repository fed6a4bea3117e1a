"""C type names read without cffi's C parser: the very types the parser would give."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reviewkit.present import pdf  # noqa: F401  (imports WeasyPrint: its cffi declarations)
from reviewkit.present.cdecl import declared_type

FFI = sys.modules["weasyprint.text.ffi"].ffi

# What WeasyPrint asked for while rendering the samples, and more of the same forms.
NAMES = [
    "PangoFcFontMap *",
    "char[]",
    "PangoRectangle *",
    "PangoLogAttr[]",
    "unsigned int *",
    "hb_tag_t[100]",
    "char[4]",
    "hb_codepoint_t[4175]",
    "hb_codepoint_t[2]",
    "hb_codepoint_t[63151]",
    "int *",
    "double *",
    "unsigned char[ 7 ]",
    "long long[3]",
    "unsigned long *",
    "signed char *",
    "hb_codepoint_t[010]",  # a C octal constant, as the parser reads it: 8
    "  PangoRectangle*  ",
]

NOT_READ = [
    "void *",
    "struct _hb_blob_t *",
    "PangoRectangle **",
    "int (*)(int)",
    "nosuch_t *",
    "int\u00a0*",  # a no-break space separates nothing in C
    "unsigned\u3000int[3]",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_is_read_as_cffis_parser_reads_it(name: str) -> None:
    found = declared_type(FFI._parser, name)
    assert found is not None
    assert found == FFI._parser.parse_type_and_quals(name)
    with FFI._lock:
        assert FFI._get_cached_btype(found[0]) is FFI._get_cached_btype(
            FFI._parser.parse_type(name)
        )


def test_an_octal_length_is_eight() -> None:
    assert FFI.sizeof(FFI.typeof("hb_codepoint_t[010]")) == 8 * FFI.sizeof("hb_codepoint_t")


@pytest.mark.parametrize("name", NOT_READ)
def test_other_names_are_left_to_cffis_parser(name: str) -> None:
    assert declared_type(FFI._parser, name) is None


def test_an_unknown_name_fails_as_it_did() -> None:
    with pytest.raises(Exception, match="nosuch_t") as caught:
        FFI.typeof("nosuch_t *")
    assert type(caught.value).__module__.startswith("cffi")


def test_a_new_name_costs_no_parse_in_a_fresh_process() -> None:
    """In a process of its own (nothing cached yet): WeasyPrint's names never reach the parser."""
    probe = """
import sys
from reviewkit.present import pdf
import cffi.cparser
calls = []
real = cffi.cparser.Parser._parse
cffi.cparser.Parser._parse = lambda self, source: calls.append(source) or real(self, source)
ffi = sys.modules["weasyprint.text.ffi"].ffi
buffer = ffi.new("hb_codepoint_t[12345]", list(range(12345)))
rectangle = ffi.new("PangoRectangle *")
print(len(calls), buffer[12344], rectangle.width)
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "12344", "0"]


def test_a_name_it_cannot_build_goes_to_cffis_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pycparser whose nodes take other fields makes building the tree raise: the name is
    then read by cffi's parser, as without this module."""
    from reviewkit.present import cdecl

    def unlike(parser: object, name: str) -> None:
        raise TypeError("TypeDecl() got an unexpected keyword argument 'align'")

    monkeypatch.setattr(cdecl, "declared_type", unlike)
    assert "hb_codepoint_t[7919]" not in FFI._parsed_types
    array = FFI.typeof("hb_codepoint_t[7919]")
    assert FFI.sizeof(array) == 7919 * FFI.sizeof("hb_codepoint_t")
