"""The commercial floor price: spotting it in free text, and keeping it out of packs.

"Before the bid only one person knows the final price." A pack leaves the floor out unless
asked; this module also finds the figure where someone typed it into a note, in the forms
people write it (10900000, 10,900,000, 1090万, 10.9M, 一千零九十万; see `model.amounts`), so
packs can redact it there too.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reviewkit.model.amounts import SMALLEST, found, patterns, replaced
from reviewkit.model.conditions import get
from reviewkit.model.deal import Deal
from reviewkit.text.catalogue import say

if TYPE_CHECKING:
    from reviewkit.model.dealtypes import DealData

FLOOR = ("strategy", "commercial", "floor")


def floor_amount(data: DealData) -> Decimal | None:
    floor = data["strategy"]["commercial"]["floor"]
    return None if floor is None else floor["amount"]


def _texts(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    """Every text in `data` with its key path; mapping keys (names) count as text too."""
    if isinstance(data, str):
        return [(path, data)]
    if isinstance(data, dict):
        return [
            t
            for key, value in data.items()
            for t in ([(path, key)] if isinstance(key, str) else []) + _texts(value, (*path, key))
        ]
    if isinstance(data, list):
        return [t for index, value in enumerate(data) for t in _texts(value, (*path, index))]
    return []


def mentions(data: DealData) -> list[tuple[str | int, ...]]:
    """Key paths of the text fields that contain the floor figure."""
    amount = floor_amount(data)
    if amount is None:
        return []
    regexes = patterns(amount)
    return list(dict.fromkeys(path for path, text in _texts(data) if found(regexes, text)))


class Redactor:
    """Replaces every written form of one or more floor figures in text."""

    def __init__(self, amounts: Iterable[Decimal | None], replacement: str) -> None:
        self.regexes = [r for a in amounts if a is not None for r in patterns(a)]
        self.replacement = replacement

    def text(self, value: str) -> str:
        return replaced(self.regexes, value, self.replacement)

    def data(self, value: Any) -> Any:
        """A copy of loaded deal data with the figures redacted from every text and name."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {
                self.data(k) if isinstance(k, str) else k: self.data(v) for k, v in value.items()
            }
        if isinstance(value, list):
            return [self.data(v) for v in value]
        return value


def withhold(
    data: DealData,
    replacement: str,
    also: Iterable[Decimal | None] = (),
    also_as: str | None = None,
) -> DealData:
    """A copy of `data` without the floor, and with the figure redacted as `replacement` (and
    any `also`, as `also_as` when given: a quote withheld is not a floor)."""
    copy: DealData = Redactor([floor_amount(data)], replacement).data(data)
    also = list(also)
    if any(a is not None for a in also):
        copy = Redactor(also, also_as or replacement).data(copy)
    if get(copy, FLOOR) is not None:
        copy["strategy"]["commercial"]["floor"] = None
    return copy


def withheld(
    deal: Deal, replacement: str, also: Iterable[Decimal | None] = (), also_as: str | None = None
) -> Deal:
    """The same deal with its floor (and the floors of `also`) out of every text: what every
    output shows unless the floor is revealed."""
    return Deal(
        deal.path,
        deal.display,
        withhold(deal.data, replacement, also, also_as),
        deal.positions,
        deal.playbook,
    )


def redacted(lang: str) -> str:
    """What a redacted figure reads as in `lang`."""
    return say(lang, "floor.redacted")


def price_redacted(lang: str) -> str:
    """What our quote or target, withheld from a wide audience, reads as in text."""
    return say(lang, "price.redacted")


__all__ = [
    "FLOOR",
    "SMALLEST",
    "Redactor",
    "floor_amount",
    "mentions",
    "patterns",
    "price_redacted",
    "redacted",
]
