"""Writes dealtypes.py: the loaded deal as TypedDicts, generated from the deal format's schema.

A Struct becomes a TypedDict named by its `name`, or after its place (`BackgroundCustomer`);
an Enum becomes a Literal alias named after the enumeration. Every key of a Struct is present
in a loaded deal, so every TypedDict is total; a value is None where the file gives none,
except for required keys. Refresh after changing the format with:

    python -m reviewkit.model.typegen
"""

from __future__ import annotations

import keyword
from pathlib import Path

from reviewkit.model.dealformat import BASE
from reviewkit.model.schema import (
    Bool,
    Date,
    Enum,
    Field,
    Integer,
    ListOf,
    MapOf,
    Money,
    Number,
    Percent,
    Recorded,
    Struct,
    Text,
)

#: The generated module, checked in beside the format it describes.
GENERATED = Path(__file__).with_name("dealtypes.py")
REFRESH = "python -m reviewkit.model.typegen"

#: Mappings loaded with every key present, None where nothing is given, unlike a MapOf: the
#: schema a playbook builds lists each stage and item of the checklist, so an unanswered
#: item reads as None.
_EVERY_KEY = {("checklist",)}

_HEADER = f'''"""The loaded deal as types (`Deal.data` is a `DealData`), generated from dealformat.py.

Do not edit: after changing the deal format, run `{REFRESH}`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal, TypedDict
'''

_LINE = 100


def camel(name: str) -> str:
    """`sales_rep` -> `SalesRep`, `dm-stance` -> `DmStance`."""
    return "".join(part.capitalize() for part in name.replace("-", "_").split("_"))


class _Writer:
    """Collects the Literal aliases and TypedDicts of one schema, each once, dependencies first."""

    def __init__(self) -> None:
        self.aliases: dict[str, str] = {}  # name -> source
        self.types: dict[str, str] = {}  # name -> source

    def annotation(self, field: Field, path: tuple[str, ...], prefix: str) -> str:
        """The type of the value of `field` at `path`; `prefix` starts the names of new types."""
        if isinstance(field, ListOf):
            return f"list[{self.item(field.item, path, prefix)}]"
        if isinstance(field, MapOf) and path in _EVERY_KEY:
            return f"dict[str, {self.annotation(field.value, path, prefix)}]"
        if isinstance(field, MapOf):
            return f"dict[str, {self.item(field.value, path, prefix)}]"
        if isinstance(field, Struct) and not field.absent_is_none:
            return self.item(field, path, prefix)
        return f"{self.item(field, path, prefix)} | None"

    def item(self, field: Field, path: tuple[str, ...], prefix: str) -> str:
        """The type of a value of `field` that is never None (an item of a list or mapping)."""
        if isinstance(field, ListOf | MapOf):
            return self.annotation(field, path, prefix)
        if isinstance(field, Struct):
            return self.struct(field, field.name or prefix + camel(path[-1]), path)
        if isinstance(field, Money):
            fields = {"amount": Number(), "currency": Text(), **field.extra}
            return self.struct(Struct(fields), field.name or "Money", path)
        if isinstance(field, Recorded):  # any text, as written
            return "str"
        if isinstance(field, Enum):
            return self.alias(camel(field.name), field.values)
        simple = {
            Text: "str",
            Bool: "bool",
            Integer: "int",
            Number: "Decimal",
            Percent: "Decimal",
            Date: "dt.date",
        }
        if type(field) not in simple:  # pragma: no cover - a new field type must be named here
            raise TypeError(f"no type for {type(field).__name__}")
        return simple[type(field)]

    def alias(self, name: str, values: tuple[str, ...]) -> str:
        quoted = [f'"{value}"' for value in values]
        source = f"{name} = Literal[{', '.join(quoted)}]"
        if len(source) > _LINE:
            source = f"{name} = Literal[\n" + "".join(f"    {q},\n" for q in quoted) + "]"
        if name in self.types or self.aliases.setdefault(name, source) != source:
            raise ValueError(f"two enumerations or types named {name!r}")
        return name

    def struct(self, field: Struct, name: str, path: tuple[str, ...]) -> str:
        prefix = name if path else ""  # the document's sections are named by their key alone
        fields = {
            # A valid deal has a value for every required key.
            k: (self.item if k in field.required else self.annotation)(f, (*path, k), prefix)
            for k, f in field.fields.items()
        }
        source = _typeddict(name, fields)
        if name in self.aliases or self.types.setdefault(name, source) != source:
            raise ValueError(f"two types named {name!r}: give one of them a name")
        return name

    def source(self) -> str:
        aliases = "\n\n".join(self.aliases.values())
        types = "\n\n".join(self.types.values())
        return f"{_HEADER}\n{aliases}\n\n\n{types}"


def _typeddict(name: str, lines: dict[str, str]) -> str:
    """A TypedDict as a class, or in the call form when a key is no Python name (`from`)."""
    if all(key.isidentifier() and not keyword.iskeyword(key) for key in lines):
        body = "".join(f"    {key}: {kind}\n" for key, kind in lines.items())
        return f"class {name}(TypedDict):\n{body}"
    body = "".join(f'        "{key}": {kind},\n' for key, kind in lines.items())
    return f'{name} = TypedDict(\n    "{name}",\n    {{\n{body}    }},\n)\n'


def deal_types() -> str:
    """The source of dealtypes.py for the deal format as it is now."""
    writer = _Writer()
    writer.struct(BASE, BASE.name, ())
    return writer.source()


if __name__ == "__main__":
    GENERATED.write_text(deal_types(), encoding="utf-8")
    print(f"wrote {GENERATED}")
