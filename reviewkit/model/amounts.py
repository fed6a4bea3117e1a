"""The written forms of an amount of money: finding one figure in text, and reading a figure.

People write 7,730,000 as 7730000, 7.730.000, 7'730'000, 77,30,000 (lakh grouping), with
full-width digits (７７３００００), as 7730k, 7.73M, 7.73MM, 7.73 Mio, 773万, 773萬, 0.0773亿,
7730千, 7.73百万, 七百七十三万 or 柒佰柒拾叁万, sometimes with an invisible character typed
inside the number. `patterns` finds every one of these forms of one figure; `read_amount`
reads a figure leniently from what a person typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

#: Below this, a figure is too common to find reliably in text ("0", "25"), so it is not searched.
SMALLEST = Decimal(1000)

#: Characters that show nothing and may sit inside a number (zero-width spaces and joiners,
#: word joiner, byte order mark, soft hyphen). They are left out before a text is searched.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Full-width digits, comma and full stop, searched as their ASCII forms.
_WIDE = {chr(0xFF10 + d): str(d) for d in range(10)} | {"\uff0c": ",", "\uff0e": "."}
_FOLDABLE = re.compile(f"[{INVISIBLE}{''.join(_WIDE)}]")
#: What people put between groups of digits: comma, dot, apostrophes, underscore, spaces
#: (also no-break, thin and narrow no-break).
_SEPARATOR = "[,._'\u2019 \u2009\u00a0\u202f]?"
_DECIMAL = "[.,]"
_NOT_BEFORE = r"(?<![\d.,])"
_NOT_AFTER = r"(?![\d])"


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _groups(digits: str) -> list[list[str]]:
    """The ways to split `digits` into groups: thousands, and (from 6 digits) Indian lakhs."""
    head = len(digits) % 3 or 3
    ways = [[digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]]
    if len(digits) > 5:
        rest, last = digits[:-3], digits[-3:]
        first = len(rest) % 2 or 2
        ways.append([rest[:first]] + [rest[i : i + 2] for i in range(first, len(rest), 2)] + [last])
    return ways


def _whole(digits: str) -> str:
    """A whole number, grouped in any of the usual ways."""
    return "(?:" + "|".join(_SEPARATOR.join(way) for way in _groups(digits)) + ")"


def _number(value: Decimal) -> str:
    """`value` in figures, with trailing zeros of a fraction allowed."""
    whole, _, fraction = _plain(value).partition(".")
    if fraction:
        return f"{_whole(whole)}{_DECIMAL}{fraction}0*"
    return f"{_whole(whole)}(?:{_DECIMAL}0+)?"


#: Chinese numerals, with their formal (大写) and other written variants.
_CN_DIGITS = [
    "[零〇]",
    "[一壹弌]",
    "[二两兩贰貳]",
    "[三叁參]",
    "[四肆]",
    "[五伍]",
    "[六陆陸]",
    "[七柒]",
    "[八捌]",
    "[九玖]",
]
_CN_UNITS = {10: "[十拾]", 100: "[百佰]", 1000: "[千仟]"}
_WAN = "[万萬]"
_YI = "[亿億]"


def _chinese_below(number: int, leading: bool) -> str:
    """0 < number < 10,000 in Chinese words (a pattern): 七千零三十, and 十五 for 15 at the start."""
    parts: list[str] = []
    zero = False
    for scale in (1000, 100, 10, 1):
        digit = number // scale % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(f"{_CN_DIGITS[0]}?")
            zero = False
        one = digit == 1 and scale == 10 and not parts and leading
        parts.append((f"{_CN_DIGITS[1]}?" if one else _CN_DIGITS[digit]) + _CN_UNITS.get(scale, ""))
    return "".join(parts)


def chinese_words(number: int) -> str | None:
    """A pattern for `number` written in Chinese words (七百七十三万), or None past 亿亿."""
    if number <= 0 or number >= 10**16:
        return None
    parts: list[str] = []
    for scale, unit in ((10**8, _YI), (10**4, _WAN), (1, "")):
        chunk = number // scale % 10**4 if scale < 10**8 else number // scale
        if chunk == 0:
            continue
        if parts and chunk < 1000:
            parts.append(f"{_CN_DIGITS[0]}?")
        parts.append(_chinese_below(chunk, not parts) + unit)
    return "".join(parts)


#: A text can hold a written amount only if it has a digit or a Chinese numeral: most texts
#: have neither, and this one scan is far cheaper than the patterns.
MAY_HOLD = re.compile("[0-9\uff10-\uff19零〇一壹弌二两兩贰貳三叁參四肆五伍六陆陸七柒八捌九玖十拾]")


def _fold(text: str) -> tuple[str, list[int] | None]:
    """`text` with invisible characters left out and full-width digits made ASCII, and where
    each character of the result was in `text` (None when nothing changed)."""
    if not _FOLDABLE.search(text):
        return text, None
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char not in INVISIBLE:
            chars.append(_WIDE.get(char, char))
            where.append(index)
    where.append(len(text))
    return "".join(chars), where


def found(regexes: list[re.Pattern[str]], text: str) -> bool:
    """Whether `text` writes the amount of `regexes` (from `patterns`) in any form."""
    if not regexes or not MAY_HOLD.search(text):
        return False
    folded, _ = _fold(text)
    return any(r.search(folded) for r in regexes)


def replaced(regexes: list[re.Pattern[str]], text: str, marker: str) -> str:
    """`text` with every written form of the amounts of `regexes` replaced by `marker`."""
    if not regexes or not MAY_HOLD.search(text):
        return text
    folded, where = _fold(text)
    if where is None:
        for regex in regexes:
            text = regex.sub(lambda _: marker, text)
        return text
    spans = sorted((where[m.start()], where[m.end()]) for r in regexes for m in r.finditer(folded))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + marker + text[end:]
    return text


@functools.lru_cache(maxsize=64)
def patterns(amount: Decimal) -> list[re.Pattern[str]]:
    """Regular expressions for the ways people write `amount`, in English and Chinese, to be
    used through `found` and `replaced` (which leave out invisible characters and read
    full-width digits first).

    One expression (every form is an alternative, so a text is scanned once), or none for
    a figure under SMALLEST.
    """
    if amount < SMALLEST:
        return []
    units = (
        (Decimal(1_000), r"\s*(?:k|K|thousand)(?![A-Za-z])"),
        (Decimal(1_000_000), r"\s*(?:m|M|mm|MM|mn|Mn|mio|Mio|MIO|million|Million)(?![A-Za-z])"),
        (Decimal(1_000), r"\s*千"),
        (Decimal(10_000), rf"\s*{_WAN}"),
        (Decimal(1_000_000), rf"\s*{_CN_UNITS[100]}{_WAN}"),
        (Decimal(10_000_000), rf"\s*{_CN_UNITS[1000]}{_WAN}"),
        (Decimal(100_000_000), rf"\s*{_YI}"),
    )
    figures = []  # with a unit first: "7730千" is not "7730" followed by something else
    for scale, unit in units:
        value = amount / scale
        if value == round(value, 4) and value >= Decimal("0.01"):
            figures.append(f"{_number(value)}{unit}")
    figures.append(f"{_number(amount)}{_NOT_AFTER}")
    forms = [f"{_NOT_BEFORE}(?:{'|'.join(figures)})"]
    if amount == amount.to_integral_value():
        words = chinese_words(int(amount))
        if words:
            forms.append(words)
    return [re.compile("|".join(forms))]


_SCALES = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "mn": 1_000_000,
    "mio": 1_000_000,
    "million": 1_000_000,
    "千": 1_000,
    "万": 10_000,
    "萬": 10_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "億": 100_000_000,
}
_READ = re.compile(r"^([\d.,'_\s]*\d[\d.,'_\s]*?)\s*([a-z]+|[千万萬亿億]+)?$")


def read_amount(text: str) -> Decimal | None:
    """The figure a person typed (`"7,730,000"`, `CNY 7.73M`, `773万`), or None if it is not one."""
    plain = unicodedata.normalize("NFKC", text)
    plain = "".join(c for c in plain if c not in INVISIBLE).strip().lower()
    plain = re.sub(r"^(?:[a-z]{3}|[¥$€£])\s*|\s*(?:[a-z]{3}|元)$", "", plain).strip()
    match = _READ.match(plain)
    if not match:
        return None
    figures, unit = match.group(1), match.group(2)
    figures = re.sub(r"[\s'_]", "", figures)
    if "," in figures and "." in figures:
        figures = figures.replace(",", "")
    elif figures.count(",") == 1 and len(figures.split(",")[1]) != 3:
        figures = figures.replace(",", ".")
    else:
        figures = figures.replace(",", "")
    if figures.count(".") > 1:
        figures = figures.replace(".", "")
    try:
        value = Decimal(figures)
    except InvalidOperation:
        return None
    if unit:
        if unit not in _SCALES:
            return None
        value *= _SCALES[unit]
    return value if value.is_finite() else None
