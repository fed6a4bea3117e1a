"""Every form in which a person writes an amount is found, in both languages, and nothing else."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewkit.model.amounts import chinese_words, found, patterns, read_amount, replaced

FLOOR = Decimal(7_730_000)

#: How people write 7,730,000, in figures, words and units.
FORMS = (
    "7730000",
    "7,730,000",
    "7.730.000",
    "7'730'000",
    "7’730’000",
    "7 730 000",
    "7\u00a0730\u00a0000",
    "7\u202f730\u202f000",
    "7\u2009730\u2009000",
    "77,30,000",
    "7,730,000.00",
    "7.730.000,00",
    "７７３００００",
    "７，７３０，０００",
    "77\u200b30000",
    "7,7\u200d30,000",
    "7730k",
    "7,730K",
    "7.73M",
    "7.73MM",
    "7.73 Mio",
    "7,73 Mio",
    "7.73 million",
    "7.730m",
    "773万",
    "773.0万",
    "773 萬",
    "0.0773亿",
    "0.0773億",
    "7730千",
    "7.73百万",
    "0.773千万",
    "七百七十三万",
    "柒佰柒拾叁万",
    "七百七十三萬",
)

#: Figures that are not the floor, though close to it.
OTHERS = ("17730000", "7730001", "77300000", "7.74M", "7.731M", "773.5万", "1,7730,000", "7730")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("around", ["{}", "we hold at {} no lower", "底价{}元", "({})"])
def test_every_written_form_is_found(form: str, around: str) -> None:
    text = around.format(form)
    assert found(patterns(FLOOR), text), text
    assert replaced(patterns(FLOOR), text, "[x]") == around.format("[x]"), text


@pytest.mark.parametrize("other", OTHERS)
def test_other_figures_are_not(other: str) -> None:
    assert not found(patterns(FLOOR), f"about {other} in total"), other


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (7_730_000, "七百七十三万"),
        (10_900_000, "一千零九十万"),
        (150_000, "十五万"),
        (100_000_005, "一亿零五"),
        (12_345_678, "一千二百三十四万五千六百七十八"),
    ],
)
def test_chinese_words(number: int, words: str) -> None:
    pattern = chinese_words(number)
    assert pattern is not None and re.fullmatch(pattern, words)
    assert any(r.fullmatch(words) for r in patterns(Decimal(number)))


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("7730000", 7_730_000),
        ("7,730,000", 7_730_000),
        ("CNY 7,730,000", 7_730_000),
        ("7.73M", 7_730_000),
        ("773万", 7_730_000),
        ("７７３００００", 7_730_000),
        ("7.730.000", 7_730_000),
        ("0.0773亿", 7_730_000),
        ("12_000_000.5", Decimal("12000000.5")),
    ],
)
def test_read_amount(typed: str, amount: int | Decimal) -> None:
    assert read_amount(typed) == amount


@pytest.mark.parametrize("typed", ["", "seven", "about 7M maybe", "1e999999", "NaN"])
def test_read_amount_refuses(typed: str) -> None:
    assert read_amount(typed) is None


SEPARATORS = st.sampled_from([",", ".", "'", " ", "\u00a0", "\u202f", "\u2009", "_", ""])


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12), SEPARATORS, st.booleans())
def test_any_grouped_figure_is_found(number: int, separator: str, wide: bool) -> None:
    text = f"{number:,}".replace(",", separator)
    if wide:
        text = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
    assert found(patterns(Decimal(number)), f"x {text} y"), text
    assert replaced(patterns(Decimal(number)), f"x {text} y", "[x]") == "x [x] y", text


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999), st.integers(min_value=1, max_value=99))
def test_other_figures_never_match(number: int, delta: int) -> None:
    assert not found(patterns(Decimal(number)), f"x {number + delta:,} y")
