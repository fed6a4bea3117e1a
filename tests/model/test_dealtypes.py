"""dealtypes.py: generated from the deal format, and true to what the loader returns."""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from pathlib import Path

import pytest

from reviewkit.model import dealtypes
from reviewkit.model.dealtypes import DealData
from reviewkit.model.schema import Struct, Text
from reviewkit.model.typegen import GENERATED, REFRESH, _Writer, deal_types
from tests.conftest import SAMPLE_DEALS, load_sample

HINTS = vars(dealtypes)


def test_dealtypes_is_not_stale() -> None:
    assert GENERATED.read_text(encoding="utf-8") == deal_types(), f"stale; run: {REFRESH}"


def test_two_shapes_may_not_share_a_name() -> None:
    writer = _Writer()
    writer.struct(Struct({"a": Text()}, name="Same"), "Same", ("x",))
    with pytest.raises(ValueError, match="two types named 'Same'"):
        writer.struct(Struct({"b": Text()}, name="Same"), "Same", ("y",))


def conforms(value: object, hint: object, where: str) -> None:
    """Assert that a loaded value has the type `hint` says, to the last key."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            assert type(None) in args, f"{where} is None"
            return
        conforms(value, next(a for a in args if a is not type(None)), where)
    elif origin is typing.Literal:
        assert value in args, f"{where}: {value!r} not in {args}"
    elif origin is list:
        assert isinstance(value, list), where
        for index, item in enumerate(value):
            conforms(item, args[0], f"{where}[{index}]")
    elif origin is dict:
        assert isinstance(value, dict), where
        for key, item in value.items():
            conforms(item, args[1], f"{where}.{key}")
    elif typing.is_typeddict(hint):
        fields = typing.get_type_hints(hint, globalns=HINTS)
        assert isinstance(value, dict) and set(value) == set(fields), where
        for key, item in value.items():
            conforms(item, fields[key], f"{where}.{key}")
    else:
        assert hint in (str, bool, int, Decimal, dt.date), f"{where}: no check for {hint}"
        assert isinstance(value, hint), f"{where}: {value!r} is no {hint}"  # type: ignore[arg-type]


@pytest.mark.parametrize("path", SAMPLE_DEALS, ids=lambda p: p.name)
def test_every_sample_deal_loads_as_its_types_say(path: Path) -> None:
    deal, _ = load_sample(path)
    conforms(deal.data, DealData, "deal file")
