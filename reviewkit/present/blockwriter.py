"""The body of a new deal file: every key of the format in block style, in the file's form.

Sections are block mappings with empty values; a list of mappings (the decision chain,
partners, ...) shows one example entry, commented out.

Block style survives what reps type: text values are double-quoted (a comma, ': ' or '#'
inside stays text), lists are one item per line, answers are block mappings. Keys and
values are written in the form of the file's language (`model.aliases`): English keys for
an English file, the Chinese labels for a Chinese one. The examples are derived from the
schema, so a new field appears in every new file with no change here.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewkit.model.aliases import CANONICAL, Labels, fields_of
from reviewkit.model.deal import schema_for
from reviewkit.model.playbook import Playbook, tr
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
    Struct,
)
from reviewkit.text.catalogue import has, say

SchemaPath = tuple[str, ...]

#: The sections `new` leaves out: the format marker is in the head, `advance` writes `history`,
#: and `suppress` is for a reviewed decision, not a first draft.
SKIPPED = frozenset({"reviewkit", "suppress", "history"})
#: Keys of `deal:` that `new` fills or that default well.
DEAL_SKIPPED = frozenset({"id"})

#: Example values that are not words (enumeration values, flags, dates), by schema path.
EXAMPLE_VALUES: dict[SchemaPath, object] = {
    ("decision_chain", "roles"): ["decision-maker", "technical"],
    ("decision_chain", "influence"): "high",
    ("decision_chain", "attitude"): "acknowledger",
    ("decision_chain", "mindshare"): "high",
    ("decision_chain", "heartshare"): "low",
    ("decision_chain", "coach"): "false",
    ("decision_chain", "speaks_for_us"): "false",
    ("decision_chain", "integrator_attitudes"): "positive",
    ("decision_chain", "last_contact"): "2026-11-20",
    ("partners", "influence"): "high",
    ("partners", "decision_maker_attitude"): "positive",
    ("competitors", "threat"): "high",
    ("dynamics", "date"): "2026-11-28",
    ("dynamics", "party"): "competitor",
    ("dynamics", "impact"): "negative",
    ("dynamics", "reversal"): "true",
    ("actions", "due"): "2026-12-10",
    ("actions", "status"): "open",
    ("visits", "date"): "2026-11-24",
    ("visits", "accompanied"): "false",
    ("product_problems", "status"): "open",
}
#: Inline comments from the catalogue (`scaffold.<name>`), by schema path.
INLINE: dict[SchemaPath, str] = {
    ("deal", "customer"): "customer",
    ("deal", "owner"): "owner",
    ("deal", "team"): "team",
    ("deal", "stage"): "stage",
    ("deal", "value"): "value",
    ("deal", "language"): "language",
    ("deal", "confidential"): "confidential",
    ("strategy", "commercial", "price_holders"): "price_holders",
}
#: Section comments from the catalogue, by top-level key.
SECTION = {
    "review": "review",
    "background": "background",
    "qualification": "qualification",
    "decision_chain": "chain",
    "partners": "partners",
    "competitors": "competitors",
    "dynamics": "dynamics",
    "visits": "visits",
    "product_problems": "product_problems",
    "assessment": "assessment",
    "strategy": "strategy",
    "actions": "actions",
    "checklist": "checklist",
    "outcome": "outcome",
}
#: Comments after a section's example entry, from the catalogue, by top-level key.
AFTER = {"decision_chain": "coach_profile"}


def quoted(value: object) -> str:
    """A text value in double quotes, which keep any sentence a rep types inside them."""
    from reviewkit.present.render import yaml_string

    return yaml_string(value)


class Form:
    """Keys and values as a file in `lang` writes them."""

    def __init__(self, lang: str, playbook: Playbook) -> None:
        self.lang = lang
        self.labels = Labels(playbook)
        self.other = lang != CANONICAL

    def key(self, parent: SchemaPath, key: str) -> str:
        word = self.labels.key(parent, key, self.lang) if self.other else None
        return word or key

    def value(self, field: Enum | Bool, value: str) -> str:
        word = self.labels.value(field, value, self.lang) if self.other else None
        return word or value

    def choices(self, field: Enum | Bool) -> str:
        values = ("true", "false") if isinstance(field, Bool) else field.values
        return " | ".join(self.value(field, v) for v in values)


class Writer:
    """Collects the lines of the file's body."""

    def __init__(self, form: Form, comments: dict[str, str], live: bool) -> None:
        self.form = form
        self.c = comments
        self.live = live
        self.lines: list[str] = []

    def comment(self, text: str, indent: int) -> None:
        pad = " " * indent
        for line in text.splitlines():
            self.lines.append(f"{pad}# {line.removeprefix('# ')}".rstrip())

    def example(self, path: SchemaPath) -> str:
        """The catalogue's example text for a field (`scaffold.example.<path>`), or ''."""
        key = f"scaffold.example.{'.'.join(path)}"
        return say(self.form.lang, key) if has(self.form.lang, key) else ""

    # -- live sections --------------------------------------------------------------

    def deal(self, playbook: Playbook, given: dict[str, str], stage: str) -> None:
        """Every section of the file, in the order of the format."""
        for key, field in schema_for(playbook).fields.items():
            if key in SKIPPED:
                continue
            if key == "checklist":
                self.checklist(playbook, stage)
                continue
            self.lines.append("")
            if key in SECTION:
                self.comment(self.c[SECTION[key]], 0)
            name = self.form.key((), key)
            if isinstance(field, ListOf) and isinstance(field.item, Struct):
                self.lines.append(f"{name}:")
                self.entry(field, (key,), 2)
                if key in AFTER:
                    self.comment(self.c[AFTER[key]], 0)
            elif isinstance(field, Struct):
                self.lines.append(f"{name}:")
                self.section(field.fields, (key,), 2, given, stage)
            else:  # one value at the top of the file
                self.section({key: field}, (), 0, given, stage)

    def section(
        self,
        fields: dict[str, Field],
        parent: SchemaPath,
        indent: int,
        given: dict[str, str],
        stage: str,
    ) -> None:
        pad = " " * indent
        for key, field in fields.items():
            if parent == ("deal",) and key in DEAL_SKIPPED:
                continue
            path = (*parent, key)
            name = self.form.key(parent, key)
            note = self.c.get(INLINE.get(path, ""), "")
            if isinstance(field, Struct):
                self.lines.append(f"{pad}{name}:")
                self.section(field.fields, path, indent + 2, given, stage)
                continue
            value, note = self.empty(field, path, given, stage, note)
            line = f"{pad}{name}:{' ' + value if value else ''}"
            self.lines.append(f"{line}  # {note}" if note else line)
            if isinstance(field, Money):
                self.money(field, path, indent + 2)

    def empty(
        self, field: Field, path: SchemaPath, given: dict[str, str], stage: str, note: str
    ) -> tuple[str, str]:
        """The value a new file starts with, and the comment beside it."""
        if path == ("deal", "name") or (path[0] == "deal" and path[-1] in given):
            return quoted(given.get(path[-1], "")), note
        if isinstance(field, Enum | Bool):
            fixed = {
                ("deal", "stage"): stage,
                ("deal", "status"): "open",
                ("deal", "language"): self.form.lang,
                ("deal", "confidential"): "false",
            }
            value = self.form.value(field, fixed[path]) if path in fixed else ""
            return value, note or self.form.choices(field)
        if isinstance(field, Date):
            return "", note or self.c["date"]
        if isinstance(field, ListOf):
            item = field.item
            if isinstance(item, Enum):
                return "", say(self.form.lang, "scaffold.list_of", choices=self.form.choices(item))
            return "", note or self.c["list"]
        if isinstance(field, Money):
            return "", note or self.c["money"]
        if isinstance(field, Integer | Number):
            return "", note
        return '""', note

    def money(self, field: Money, path: SchemaPath, indent: int) -> None:
        """An amount's example lines: amount, currency and any extra field (`confirmed`)."""
        lines = [f"{self.form.key(path, 'amount')}: 12000000"]
        lines.append(f"{self.form.key(path, 'currency')}: CNY")
        for key, extra in field.extra.items():
            lines.append(f"{self.form.key(path, key)}: {self.scalar(extra, (*path, key), None)}")
        self.block(lines, indent)

    def block(self, lines: Iterable[str], indent: int) -> None:
        """Example lines: commented (after the indentation) unless written live."""
        pad = " " * indent
        for line in lines:
            self.lines.append(f"{pad}{line}" if self.live else f"{pad}# {line}")

    # -- example entries ----------------------------------------------------------------

    def entry(self, field: Field, path: SchemaPath, indent: int) -> None:
        """One example entry of a list of mappings, every key filled in."""
        assert isinstance(field, ListOf)
        if not self.live:
            self.comment(self.c["example"], indent)
        lines = self.values(fields_of(field.item), path)
        self.block([("- " if i == 0 else "  ") + line for i, line in enumerate(lines)], indent)

    def values(self, fields: dict[str, Field], parent: SchemaPath) -> list[str]:
        out: list[str] = []
        for key, field in fields.items():
            path = (*parent, key)
            name = self.form.key(parent, key)
            given = EXAMPLE_VALUES.get(path)
            if isinstance(field, Struct | Money):
                out.append(f"{name}:")
                out += ["  " + line for line in self.values(fields_of(field), path)]
            elif isinstance(field, ListOf):
                out.append(f"{name}:")
                out += ["  - " + item for item in self.items(field.item, path, given)]
            elif isinstance(field, MapOf):
                out.append(f"{name}:")
                value = self.scalar(field.value, path, given)
                out.append(f"  {quoted(self.example(path))}: {value}")
            else:
                value = self.scalar(field, path, given)
                note = self.form.choices(field) if isinstance(field, Enum) else ""
                out.append(f"{name}: {value}" + (f"  # {note}" if note else ""))
        return out

    def items(self, item: Field, path: SchemaPath, given: object) -> list[str]:
        if isinstance(item, Enum):
            values = given if isinstance(given, list) else [item.values[0]]
            return [self.form.value(item, str(v)) for v in values]
        return [quoted(self.example(path))]

    def scalar(self, field: Field, path: SchemaPath, given: object) -> str:
        if isinstance(field, Enum | Bool):
            default = "false" if isinstance(field, Bool) else field.values[0]
            return self.form.value(field, str(given or default))
        if isinstance(field, Date):
            return str(given or "2026-12-10")
        if isinstance(field, Integer | Number):
            return str(given or 1)
        return quoted(self.example(path))

    # -- the checklist ----------------------------------------------------------------

    def checklist(self, playbook: Playbook, stage: str) -> None:
        lang = self.form.lang
        self.lines.append("")
        self.comment(self.c["checklist"], 0)
        self.lines.append(f"{self.form.key((), 'checklist')}:")
        status = self.form.key(("checklist", "", ""), "status")
        evidence = self.form.key(("checklist", "", ""), "evidence")
        unknown = self.form.value(Enum("answer"), "unknown")
        for s in playbook.stages[: playbook.index[stage] + 1]:
            key = self.form.key(("checklist",), s.key)
            if key != tr(s.label, lang):  # a Chinese file's stage key is its label already
                self.comment(tr(s.label, lang), 2)
            self.lines.append(f"  {key}:")
            for item in s.items:
                self.comment(tr(item.question, lang), 4)
                key = self.form.key(("checklist", s.key), item.key)
                if item.rule:
                    rule = self.c["from_data"].replace("{rule}", item.rule.describe(lang))
                    self.comment(f"{key}: {rule}", 4)
                else:
                    self.lines.append(f"    {key}:")
                    self.lines.append(f"      {status}: {unknown}")
                    self.lines.append(f'      {evidence}: ""')
