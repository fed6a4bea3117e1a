"""The commercial floor price: spotting it in free text, and keeping it out of packs.

"Before the bid only one person knows the final price." A pack leaves the floor out unless
asked; this module also finds the figure where someone typed it into a note, in the forms
people write it (10900000, 10,900,000, 1090万, 10.9M), so packs can redact it there too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from reviewkit.model.conditions import get
from reviewkit.model.deal import Deal
from reviewkit.model.dealtypes import DealData
from reviewkit.text.catalogue import say

FLOOR = ("strategy", "commercial", "floor")


def floor_amount(data: DealData) -> Decimal | None:
    floor = data["strategy"]["commercial"]["floor"]
    return None if floor is None else floor["amount"]


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _grouped(digits: str) -> str:
    """Digits with optional thousands separators between the groups of three."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return r"[,_ \u2009\u00a0]?".join(groups)


#: Below this, a figure is too common to find reliably in text ("0", "25"), so it is not searched.
SMALLEST = Decimal(1000)


@functools.lru_cache(maxsize=64)
def patterns(amount: Decimal) -> list[re.Pattern[str]]:
    """Regular expressions for the ways people write `amount`."""
    found: list[re.Pattern[str]] = []
    if amount < SMALLEST:
        return found
    whole, _, fraction = _plain(amount).partition(".")
    tail = rf"\.{fraction}0*" if fraction else r"(?:\.0+)?"
    found.append(re.compile(rf"(?<![\d.,]){_grouped(whole)}{tail}(?![\d])"))
    for unit, scale in (("万", Decimal(10_000)), ("亿", Decimal(100_000_000))):
        value = amount / scale
        if value >= 1 and value == round(value, 2):
            w, _, f = _plain(value).partition(".")
            number = _grouped(w) + (rf"\.{f}" if f else "")
            found.append(re.compile(rf"(?<![\d.,]){number}\s*{unit}"))
    value = amount / Decimal(1_000_000)
    if value >= 1 and value == round(value, 3):
        found.append(
            re.compile(rf"(?<![\d.,]){re.escape(_plain(value))}\s*(?:m|mn|mio|million)\b", re.I)
        )
    return found


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
    return list(
        dict.fromkeys(path for path, text in _texts(data) if any(r.search(text) for r in regexes))
    )


class Redactor:
    """Replaces every written form of one or more floor figures in text."""

    def __init__(self, amounts: Iterable[Decimal | None], replacement: str) -> None:
        self.regexes = [r for a in amounts if a is not None for r in patterns(a)]
        self.replacement = replacement

    def text(self, value: str) -> str:
        for regex in self.regexes:
            value = regex.sub(self.replacement, value)
        return value

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


def withhold(data: DealData, replacement: str, also: Iterable[Decimal | None] = ()) -> DealData:
    """A copy of `data` without the floor, and with the figure (and any `also`) redacted."""
    copy: DealData = Redactor([floor_amount(data), *also], replacement).data(data)
    if get(copy, FLOOR) is not None:
        copy["strategy"]["commercial"]["floor"] = None
    return copy


def withheld(deal: Deal, replacement: str, also: Iterable[Decimal | None] = ()) -> Deal:
    """The same deal with its floor (and the floors of `also`) out of every text: what every
    output shows unless the floor is revealed."""
    return Deal(
        deal.path,
        deal.display,
        withhold(deal.data, replacement, also),
        deal.positions,
        deal.playbook,
    )


def redacted(lang: str) -> str:
    """What a redacted figure reads as in `lang`."""
    return say(lang, "floor.redacted")
