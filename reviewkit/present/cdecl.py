"""cffi's C type names such as `"PangoRectangle *"` read without a C parser run per name.

WeasyPrint asks cffi for a type by name (`ffi.new("PangoLogAttr[]", n)`,
`ffi.new(f"hb_codepoint_t[{n}]", ...)`) about twenty times in a render. cffi reads each new
name by handing the C parser a source made of the name and one `typedef int ...;` line for
every type WeasyPrint declared: 2 to 10 ms a name, about 50 ms of a cold render, every time
a process starts. A name of the form `TYPE *`, `TYPE[]` or `TYPE[N]`, where TYPE is a
declared typedef or a C basic type, is read here into the syntax tree that C parser would
have built, and cffi turns that tree into its type as it always does (`_get_type_and_quals`):
the same type object, found without the parse. Any other name goes to cffi's parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_NAME = re.compile(
    r"\s*(?P<base>[A-Za-z_]\w*(?:\s+[A-Za-z_]\w*)*)\s*"
    r"(?:(?P<pointer>\*)|\[\s*(?P<length>[0-9]*)\s*\])\s*",
    re.ASCII,  # C's spaces and names: a no-break space is no separator to cffi
)
_BASIC = frozenset({"char", "short", "int", "long", "signed", "unsigned", "float", "double"})


def declared_type(parser: Any, name: str) -> Any | None:
    """The cffi model type (and qualifiers) that `parser` would read for `name`, or None when
    `name` is not a pointer to or array of a declared typedef or a basic type."""
    from pycparser import c_ast

    match = _NAME.fullmatch(name)
    if match is None:
        return None
    words = match["base"].split()
    declared = len(words) == 1 and f"typedef {words[0]}" in parser._declarations
    if not declared and not set(words) <= _BASIC:
        return None
    # By keyword: a pycparser whose nodes take other fields raises rather than builds a
    # different tree (and the name then goes to the parser).
    item = c_ast.TypeDecl(
        declname=None, quals=[], align=None, type=c_ast.IdentifierType(names=words)
    )
    if match["pointer"]:
        node: Any = c_ast.PtrDecl(quals=[], type=item)
    else:
        length = c_ast.Constant(type="int", value=match["length"]) if match["length"] else None
        node = c_ast.ArrayDecl(type=item, dim=length, dim_quals=[])
    return parser._get_type_and_quals(node)


_reading_directly = False


def read_names_directly() -> None:
    """From now on, cffi reads the names `declared_type` knows without its C parser."""
    global _reading_directly
    if _reading_directly:
        return
    _reading_directly = True
    from cffi import api

    parse: Callable[[Any, Any], Any] = api.FFI._typeof_locked

    def typeof_locked(ffi: Any, cdecl: Any) -> Any:
        if cdecl in ffi._parsed_types or not isinstance(cdecl, str):
            return parse(ffi, cdecl)
        try:
            found = declared_type(ffi._parser, cdecl)
        except Exception:  # a cffi or pycparser unlike the ones this follows: the parser's way
            found = None
        if found is None or found[0].is_raw_function:
            return parse(ffi, cdecl)
        result = ffi._get_cached_btype(found[0]), False
        ffi._parsed_types[cdecl] = result
        return result

    api.FFI._typeof_locked = typeof_locked
