"""Field types that turn a YAML node tree into plain values, reporting every problem at its place.

A schema is built from these types (`Struct`, `ListOf`, `Text`, `Enum`, `Money`, ...); the
deal format and the playbook format are both written this way, so the rules of a format
live in one definition that validates files, fills defaults and answers path lookups.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from reviewkit.errors import Problem
from reviewkit.model.slips import (
    Slip,
    curly_quote,
    fullwidth_brackets,
    fullwidth_comma,
    split_fullwidth,
    text_colon,
)
from reviewkit.model.yamlread import Mapping, Node, Scalar, Sequence
from reviewkit.text.catalogue import say
from reviewkit.text.labels import ENUMS, key_label, label, readings
from reviewkit.text.messages import clip, msg, word

Path = tuple[str | int, ...]

# Active ISO 4217 currency codes.
CURRENCIES = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD
    FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP
    MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR
    RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT
    TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR
    ZMW ZWG
    """.split()  # noqa: SIM905
)
# Names people write for a currency, and the code they mean.
CURRENCY_ALIASES = {
    "RMB": "CNY",
    "人民币": "CNY",
    "元": "CNY",
    "YUAN": "CNY",
    "EURO": "EUR",
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "DOLLAR": "USD",
    "HK$": "HKD",
    "NTD": "TWD",
    "NT$": "TWD",
    "YEN": "JPY",
    "POUND": "GBP",
    "£": "GBP",
    "美元": "USD",
    "欧元": "EUR",
    "港币": "HKD",
    "日元": "JPY",
    "英镑": "GBP",
    "¥": "CNY",
    "￥": "CNY",
}

_NUMBER = re.compile(r"^[+-]?(\d[\d_]*)(\.\d+)?([eE][+-]?\d+)?$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NULLS = ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True)
class Fix:
    """A written value with one obvious correction: `old`, written at line:column, becomes
    `new` (`check --fix` makes it)."""

    line: int
    column: int
    old: str
    new: str
    quoted: bool = False  # `old` stands inside quotes that start at line:column
    list_item: bool = False  # only right as an item of a `[ ]` list


@dataclass
class Context:
    """What validation needs and produces: the file's name and language, problems, positions,
    and the fixes with one obvious answer."""

    path: str
    lang: str = "en"
    problems: list[Problem] = field(default_factory=list)
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: Keys written in another form than the canonical one (`影响力`), by canonical path.
    written: dict[Path, str] = field(default_factory=dict)
    #: The language of that other form, when the file uses one.
    form: str | None = None
    #: The word of a key in a language, by its mapping's path (the playbook's names included);
    #: the catalogues' labels when not given.
    names: Callable[[tuple[str, ...], str, str], str | None] = key_label

    def show(self, path: Path) -> str:
        """A key path as the file writes it."""
        return show(path, self.written)

    def other_form(self, path: Path) -> str | None:
        """The language of the other form the key at `path` (or its list's key) is written
        in, or None."""
        while path and isinstance(path[-1], int):
            path = path[:-1]
        return self.form if path in self.written else None

    def words(
        self,
        path: Path,
        enum: str,
        values: tuple[str, ...],
        labels: dict[str, dict[str, str]] | None = None,
    ) -> list[str]:
        """The values of an enumeration as the key at `path` is written: its labels (from
        `labels` by language, else the catalogue's) when the key is in another form."""
        form = self.other_form(path)
        if form is None:
            return list(values)
        own = (labels or {}).get(form, {})
        return [own.get(value) or label(enum, value, form) for value in values]

    def keys(self, path: Path, names: Iterable[str]) -> list[str]:
        """The keys of the mapping at `path` in the form the file uses (the other form's
        labels when it uses one, each key's canonical name when it has no label)."""
        if self.form is None:
            return list(names)
        parent = tuple(p for p in path if isinstance(p, str))
        return [self.names(parent, name, self.form) or name for name in names]

    fixes: list[Fix] = field(default_factory=list)

    def offer(self, node: Scalar, new: str, *, list_item: bool = False) -> None:
        """Record that the value of `node` has one obvious correction, `new`."""
        self.fixes.append(Fix(node.line, node.column, node.value, new, not node.plain, list_item))

    def report(self, at: Node | tuple[int, int], kind: str, **args: object) -> None:
        line, column = (at.line, at.column) if not isinstance(at, tuple) else at
        flat = {
            k: clip(v, 200 if k == "value" else 2000) if isinstance(v, str) else v
            for k, v in args.items()
        }
        message, hint = msg(self.lang, kind, **flat)
        self.problems.append(Problem(self.path, line, column, kind, message, hint))

    def slip(self, slip: Slip) -> None:
        """Report a YAML slip (see `model.slips`) at its place."""
        self.report((slip.line, slip.column), slip.kind, **slip.args)


def is_null(node: Node | None) -> bool:
    """Whether a node is absent or an empty value (`key:`, `~`, `null`): read as not given."""
    return node is None or (isinstance(node, Scalar) and node.plain and node.value in _NULLS)


def show(path: Path, written: dict[Path, str] | None = None) -> str:
    """A key path as users read it: `decision_chain[0].influence` is the first person's, each
    key as the file wrote it (`written`: canonical path -> key written in another form).

    List items are counted from 0, as check-jsonschema, JSON Pointer and `--format json`
    count them: the one convention of every message (docs/deal-format.md).
    """
    out = ""
    for index, part in enumerate(path):
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = (written or {}).get(path[: index + 1], part)
            out += f".{name}" if out else name
    return out


def canonical_value(enum: str, values: tuple[str, ...], written: str) -> str | None:
    """The value of enumeration `enum` that `written` stands for, when that has one obvious
    answer: the value itself, another case or '_' for '-' (`High`, `non_supporter`), or the
    value's label in any language (`不支持者` for non-supporter). None otherwise.

    The one mapping from what a person wrote to the canonical value: `check --fix` rewrites
    with it. Synonyms added later belong here.
    """
    text = written.strip()
    if text in values:
        return text
    folded = {value.lower(): value for value in values}
    guess = folded.get(text.lower()) or folded.get(text.lower().replace("_", "-"))
    if guess is None:
        guess = readings(enum).get(text)
    return guess if guess in values else None


def canonical_currency(written: str) -> str | None:
    """The ISO 4217 code a written currency stands for (`RMB`, `人民币`, `¥`, `cny` -> CNY)."""
    text = written.strip()
    code = CURRENCY_ALIASES.get(text) or CURRENCY_ALIASES.get(text.upper()) or text.upper()
    return code if code in CURRENCIES else None


def suggestion(
    lang: str, value: str, known: list[str], aliases: dict[str, str] | None = None
) -> str:
    """'; did you mean X?' for the closest known name, or ''."""
    guess = (aliases or {}).get(value) or (aliases or {}).get(value.upper())
    if guess is None:
        lowered = {k.lower(): k for k in known}
        guess = lowered.get(value.lower().replace("_", "-")) or lowered.get(
            value.lower().replace("-", "_")
        )
    if guess is None:
        import difflib  # only when something is misspelt

        close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
        guess = close[0] if close else None
    return msg(lang, "did-you-mean", name=guess)[0] if guess else ""


def _found(node: Node, lang: str) -> str:
    if isinstance(node, Mapping):
        return word(lang, "a mapping")
    if isinstance(node, Sequence):
        return word(lang, "a list item")
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return word(lang, "text value" if node.plain else "quoted", v=value)


class Field:
    """A field type: `load` turns a node (or None when absent) into a value."""

    example = "..."
    expected = "text"

    def empty(self) -> Any:
        return None

    def load(self, node: Node | None, ctx: Context, path: Path) -> Any:
        raise NotImplementedError

    def wrong(self, node: Node, ctx: Context, path: Path) -> None:
        """Report a value of the wrong shape (the caller then reads the field as empty)."""
        if self.expected == "text" and isinstance(node, Mapping) and len(node.pairs) == 1:
            # `- small team: must be manageable`: text with ': ', not a key of a mapping
            name, value = node.pairs[0]
            text = isinstance(path[-1], int) or " " in name.value or not name.value.isascii()
            one_line = isinstance(value, Scalar) and value.value and value.line == name.line
            if name.plain and text and one_line:
                slip = curly_quote(name.value, name.line, name.column)
                ctx.slip(slip or text_colon(name.value, name.line, name.column))
                return
        if self.expected == "a mapping" and isinstance(node, Scalar) and node.plain:
            # `- name：王强` then `title：主任`: keys with full-width colons read as one text
            index = node.value.find("：")
            if index > 0 and " " not in node.value[:index]:
                at = Slip("yaml-fullwidth-colon", node.line, node.column + index)
                if node.value[index + 1 : index + 2] not in (" ", ""):
                    ctx.fixes.append(Fix(at.line, at.column, "：", ": "))
                ctx.slip(at)
                return
        key = ctx.show(path)
        ctx.report(
            node,
            "wrong-type",
            key=key,
            expected=word(ctx.lang, self.expected),
            found=_found(node, ctx.lang),
            example=f"{ctx.written.get(path, path[-1])}: {self.example}",
        )

    def scalar(self, node: Node | None, ctx: Context, path: Path) -> Scalar | None:
        """The node as a non-null scalar; None when absent or null; reports other shapes."""
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.wrong(node, ctx, path)
            return None
        if is_null(node):
            return None
        return node


#: The longest text one field may hold (characters): far more than any note a person writes.
MAX_TEXT = 10_000


class Text(Field):
    """Free text in any language; several lines allowed."""

    def load(self, node: Node | None, ctx: Context, path: Path) -> str | None:
        scalar = self.scalar(node, ctx, path)
        if scalar is not None and len(scalar.value) > MAX_TEXT:
            ctx.report(
                scalar, "too-long", where=ctx.show(path), count=len(scalar.value), limit=MAX_TEXT
            )
            return None
        return None if scalar is None else scalar.value.rstrip("\n")


class Bool(Field):
    expected = "true or false"
    example = "true"

    def load(self, node: Node | None, ctx: Context, path: Path) -> bool | None:
        scalar = self.scalar(node, ctx, path)
        if scalar is None:
            return None
        if scalar.plain and scalar.value.lower() in ("true", "false"):
            return scalar.value.lower() == "true"
        if ctx.other_form(path) is not None:  # `教练: 对`: the words of its form
            Enum("bool", ("true", "false")).load(scalar, ctx, path)
            return None
        self.wrong(scalar, ctx, path)
        return None


class Integer(Field):
    expected = "a number"
    example = "1"

    def load(self, node: Node | None, ctx: Context, path: Path) -> int | None:
        scalar = self.scalar(node, ctx, path)
        if scalar is None:
            return None
        if scalar.plain and re.fullmatch(r"\d{1,9}", scalar.value):
            return int(scalar.value)
        ctx.report(scalar, "bad-number", key=ctx.show(path), value=scalar.value)
        return None


class Number(Field):
    expected = "a number"
    example = "0.5"

    #: Largest magnitude accepted: more than any deal's value, small enough for exact arithmetic.
    LIMIT = Decimal(10) ** 15

    def load(self, node: Node | None, ctx: Context, path: Path) -> Decimal | None:
        scalar = self.scalar(node, ctx, path)
        if scalar is None:
            return None
        if scalar.plain and _NUMBER.match(scalar.value) and len(scalar.value) <= 40:
            try:
                number = Decimal(scalar.value.replace("_", ""))
            except InvalidOperation:
                number = None
            if number is not None and abs(number) < self.LIMIT:
                return number
        ctx.report(scalar, "bad-number", key=ctx.show(path), value=scalar.value)
        return None


class Percent(Number):
    """A percentage from 0 to 100 (the rep's own estimate of a chance, a share of a payment)."""

    expected = "a percentage"
    example = "40"

    def load(self, node: Node | None, ctx: Context, path: Path) -> Decimal | None:
        number = super().load(node, ctx, path)
        if number is not None and not 0 <= number <= 100:
            assert node is not None  # a number was read from it
            ctx.report(node, "bad-percent", key=ctx.show(path), value=number)
            return None
        return number


class Date(Field):
    expected = "a date"
    example = "2027-03-31"

    def load(self, node: Node | None, ctx: Context, path: Path) -> dt.date | None:
        scalar = self.scalar(node, ctx, path)
        if scalar is None:
            return None
        match = _DATE.match(scalar.value.strip())
        if not match:
            ctx.report(scalar, "bad-date", key=ctx.show(path), value=scalar.value)
            return None
        year, month, day = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            ctx.report(
                scalar,
                "impossible-date",
                key=ctx.show(path),
                value=scalar.value,
                reason=_why_not_a_date(year, month, ctx.lang),
            )
            return None


def _why_not_a_date(year: int, month: int, lang: str) -> str:
    if year < 1:
        return say(lang, "date.no-year-zero")
    import calendar  # only for an impossible date

    if not 1 <= month <= 12:
        return say(lang, "date.no-month", month=month)
    days = calendar.monthrange(year, month)[1]
    month_name = say(lang, f"month.{month}")
    return say(lang, "date.month-days", month_name=month_name, year=year, days=days)


class Enum(Field):
    """One of a fixed set of keys; labels per language come from the catalogues."""

    def __init__(
        self,
        name: str,
        values: tuple[str, ...] | None = None,
        kind: str = "bad-enum",
        labels: dict[str, dict[str, str]] | None = None,
    ):
        self.name = name
        self.values = values if values is not None else tuple(ENUMS[name])
        self.kind = kind
        self.example = self.values[0] if self.values else "..."
        self.labels = labels  # by language, for values the catalogues do not name (stages)

    def load(self, node: Node | None, ctx: Context, path: Path) -> str | None:
        scalar = self.scalar(node, ctx, path)
        if scalar is None:
            return None
        value = scalar.value.strip()
        if value in self.values:
            return value
        slip = fullwidth_comma(value, scalar.line, scalar.column + (not scalar.plain))
        if slip is not None:
            parts = [canonical_value(self.name, self.values, p) for p in split_fullwidth(value)]
            if all(parts):
                ctx.offer(scalar, ", ".join(p for p in parts if p), list_item=True)
            ctx.slip(slip)
            return None
        # `High`, or a label written for the key ("高" for high): `check --fix` writes the key.
        canonical = canonical_value(self.name, self.values, value)
        words = ctx.words(path, self.name, self.values, self.labels)
        if canonical is not None and ctx.other_form(path) is None:
            ctx.offer(scalar, canonical)
            hint = msg(ctx.lang, "did-you-mean", name=canonical)[0]
        else:
            hint = suggestion(ctx.lang, value, words, readings(self.name))
        ctx.report(
            scalar,
            self.kind,
            key=ctx.show(path),
            value=scalar.value,
            suggestion=hint,
            allowed=say(ctx.lang, "list.separator").join(words),
        )
        return None


class Recorded(Enum):
    """A key written down when it was current (the stage a deal moved from, an item left
    open): read from its label as an `Enum` is, so a Chinese-form file can record it in its
    own words, but any other text is kept as written, as `Text` keeps it: a stage the
    playbook has renamed since does not make the record wrong."""

    def load(self, node: Node | None, ctx: Context, path: Path) -> str | None:
        return Text().load(node, ctx, path)


class Money(Field):
    """`{amount: <number>, currency: <ISO 4217>}`, plus any extra fields given."""

    expected = "a mapping"
    example = "{amount: 12000000, currency: CNY}"

    def __init__(self, extra: dict[str, Field] | None = None, name: str = "") -> None:
        self.extra = extra or {}
        self.name = name  # of its type in dealtypes.py, when it has extra fields

    def bad(self, at: Node, ctx: Context, path: Path, detail: str, **args: object) -> None:
        ctx.report(at, "bad-money", key=ctx.show(path), detail=word(ctx.lang, detail, **args))

    def load(self, node: Node | None, ctx: Context, path: Path) -> dict[str, Any] | None:
        if node is None or is_null(node):
            return None
        if not isinstance(node, Mapping):
            self.wrong(node, ctx, path)
            return None
        fields: dict[str, Field] = {"amount": Number(), "currency": Text(), **self.extra}
        values = Struct(fields).load(node, ctx, path)
        if values is None:
            return None
        seen = {key.value: (key, value) for key, value in node.pairs}
        if "amount" not in seen or (values["amount"] is None and is_null(seen["amount"][1])):
            self.bad(seen["amount"][0] if "amount" in seen else node, ctx, path, "amount missing")
        elif values["amount"] is not None and values["amount"] < 0:
            self.bad(seen["amount"][1], ctx, path, "amount negative", v=values["amount"])
        currency = values["currency"]
        if currency is None:
            self.bad(
                seen["currency"][1] if "currency" in seen else node, ctx, path, "currency missing"
            )
        elif currency not in CURRENCIES:
            code = canonical_currency(currency)
            if code is not None and isinstance(seen["currency"][1], Scalar):
                ctx.offer(seen["currency"][1], code)
            if code is not None:
                hint = msg(ctx.lang, "did-you-mean", name=code)[0]
            else:
                hint = suggestion(ctx.lang, currency, sorted(CURRENCIES))
            self.bad(seen["currency"][1], ctx, path, "currency unknown", v=currency, s=hint)
        return values


class ListOf(Field):
    expected = "a list"
    example = "[...]"

    def __init__(self, item: Field, limit: int | None = None) -> None:
        self.item = item
        self.limit = limit

    def empty(self) -> list[Any]:
        return []

    def load(self, node: Node | None, ctx: Context, path: Path) -> list[Any]:
        if node is None or is_null(node):
            return []
        if not isinstance(node, Sequence):
            slip = None
            if isinstance(node, Scalar) and node.plain:
                slip = fullwidth_brackets(node.value, node.line, node.column)
            if isinstance(node, Scalar) and slip is not None:
                if node.value.endswith("］") and "\n" not in node.value:
                    ctx.offer(node, "[" + node.value[1:-1] + "]")
                ctx.slip(slip)
                return []
            self.wrong(node, ctx, path)
            return []
        if self.limit is not None and len(node.items) > self.limit:
            ctx.report(
                node, "too-many", where=ctx.show(path), count=len(node.items), limit=self.limit
            )
            return []
        out = []
        for index, item in enumerate(node.items):
            ctx.positions[(*path, index)] = (item.line, item.column)
            value = self.item.load(item, ctx, (*path, index))
            if value is not None:
                out.append(value)
        return out


class Struct(Field):
    """A mapping with known keys. Absent keys read as their field's empty value."""

    expected = "a mapping"
    example = "{...}"

    def __init__(
        self,
        fields: dict[str, Field],
        required: tuple[str, ...] = (),
        on_unknown: Callable[[Scalar, Context, Path], bool] | None = None,
        absent_is_none: bool = False,
        name: str = "",
    ) -> None:
        self.fields = fields
        self.name = name  # of its type in dealtypes.py; else named after its place
        self.required = required
        self.on_unknown = on_unknown
        self.absent_is_none = absent_is_none

    def empty(self) -> dict[str, Any] | None:
        if self.absent_is_none:
            return None
        return self.defaults()

    def defaults(self) -> dict[str, Any]:
        return {key: f.empty() for key, f in self.fields.items()}

    def load(self, node: Node | None, ctx: Context, path: Path) -> dict[str, Any] | None:
        if node is None or is_null(node):
            if node is not None and self.required:
                self.missing(node, ctx, path, self.required)
            return self.empty()
        out = self.defaults()
        if not isinstance(node, Mapping):
            self.wrong(node, ctx, path)
            return self.empty()
        present = set()
        for key, value in node.pairs:
            name = key.value
            if name not in self.fields:
                if self.on_unknown is None or not self.on_unknown(key, ctx, path):
                    ctx.report(
                        key,
                        "unknown-key",
                        key=name,
                        where=ctx.show(path) or word(ctx.lang, "the top of the file"),
                        suggestion=suggestion(ctx.lang, name, ctx.keys(path, self.fields)),
                        known=", ".join(ctx.keys(path, self.fields)),
                    )
                continue
            ctx.positions[(*path, name)] = (key.line, key.column)
            out[name] = self.fields[name].load(value, ctx, (*path, name))
            present.add(name)
            field = self.fields[name]
            blank = is_null(value) or (isinstance(value, Scalar) and not value.value.strip())
            if name in self.required and blank and not isinstance(field, Struct):
                self.missing(node, ctx, path, [name], at=(key.line, key.column))
        self.missing(node, ctx, path, [k for k in self.required if k not in present])
        return out

    def load_document(self, node: Node, ctx: Context) -> dict[str, Any]:
        """Load a whole file: a mapping at the top, every key filled in."""
        out = self.load(node, ctx, ())
        return out if out is not None else self.defaults()

    def missing(
        self,
        node: Node,
        ctx: Context,
        path: Path,
        keys: list[str] | tuple[str, ...],
        at: tuple[int, int] | None = None,
    ) -> None:
        at = at or ctx.positions.get(path, (node.line, node.column))
        for key in keys:
            ctx.report(
                at,
                "missing-key",
                key=ctx.keys(path, [key])[0],
                where=ctx.show(path) or word(ctx.lang, "the top of the file"),
                example=self.fields[key].example,
            )


class MapOf(Field):
    """A mapping whose keys are free names (e.g. integrator names) and values one type."""

    expected = "a mapping"
    example = "{Name: positive}"

    def __init__(self, value: Field) -> None:
        self.value = value

    def empty(self) -> dict[str, Any]:
        return {}

    def load(self, node: Node | None, ctx: Context, path: Path) -> dict[str, Any]:
        if node is None or is_null(node):
            return {}
        if not isinstance(node, Mapping):
            self.wrong(node, ctx, path)
            return {}
        out = {}
        for key, value in node.pairs:
            ctx.positions[(*path, key.value)] = (key.line, key.column)
            loaded = self.value.load(value, ctx, (*path, key.value))
            if loaded is not None:
                out[key.value] = loaded
        return out


def resolve(schema: Field, path: tuple[str, ...]) -> Field | None:
    """The field type at a dotted path (list items are looked through), or None."""
    current: Field = schema
    for part in path:
        while isinstance(current, ListOf):
            current = current.item
        if isinstance(current, Money):
            current = Struct({"amount": Number(), "currency": Text(), **current.extra})
        if not isinstance(current, Struct) or part not in current.fields:
            return None
        current = current.fields[part]
    return current


def present(value: Any) -> bool:
    """Whether a loaded value holds something: not None, not blank, not an empty collection."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    if isinstance(value, dict):
        return any(present(v) for v in value.values())
    return True
