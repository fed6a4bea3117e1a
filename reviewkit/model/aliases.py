"""The one table of a deal file's other-language form: each key's and each value's label is a synonym.

A Chinese rep writes `决策链:`, `影响力: 高`, `态度: 支持者`, `状态: 是`; the loader reads that as
`decision_chain:`, `influence: high`, `attitude: supporter`, `status: yes`. The words are the
catalogues' (`key.*` for keys, `label.<enum>.*` for values, `label.bool.*` for true/false) and the
playbook's (stage and item labels), so a file uses the words its pack prints. The table is
built by walking the schema, so a new field needs only its `key.<name>` label in the catalogues.

Rules: English is the canonical form; any other catalogue language's labels are synonyms.
Different keys may be written in different forms (`决策链:` holding `name:`), but one key may not
appear in both forms in one mapping (`影响力:` beside `influence:`). `reviewkit:` (the format
marker) and free names (integrator names under `integrator_attitudes`) have no synonyms.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from reviewkit.model.playbook import Playbook, tr
from reviewkit.model.schema import (
    Bool,
    Context,
    Enum,
    Field,
    ListOf,
    MapOf,
    Money,
    Number,
    Recorded,
    Struct,
    Text,
)
from reviewkit.model.schema import Path as KeyPath
from reviewkit.model.yamlread import Mapping, Node, Scalar, Sequence
from reviewkit.text.catalogue import FALLBACK, has, languages, say
from reviewkit.text.labels import key_label, label

#: The form every other form is read into.
CANONICAL = FALLBACK
#: Keys that are written one way only.
FIXED_KEYS = frozenset({"reviewkit"})

SchemaPath = tuple[str, ...]


def forms() -> tuple[str, ...]:
    """The languages whose labels are synonyms: every catalogue language but the canonical one."""
    return tuple(lang for lang in languages() if lang != CANONICAL)


def fields_of(field: Field) -> dict[str, Field]:
    """The keys of a mapping-shaped field type (a Money amount is a mapping too)."""
    if isinstance(field, Money):
        return {"amount": Number(), "currency": Text(), **field.extra}
    if isinstance(field, Struct):
        return field.fields
    return {}


def inner(field: Field) -> Field:
    """The field a list's items (or a free mapping's values) are read with."""
    while isinstance(field, ListOf | MapOf):
        field = field.item if isinstance(field, ListOf) else field.value
    return field


@dataclass(frozen=True)
class Labels:
    """Where the words come from: the catalogues, and the playbook for stages and items."""

    playbook: Playbook

    def key(self, parent: SchemaPath, key: str, lang: str) -> str | None:
        """The label of `key` inside the mapping at `parent`, or None."""
        if key in FIXED_KEYS:
            return None
        if parent == ("checklist",) and key in self.playbook.index:
            return tr(self.playbook.stage(key).label, lang)
        if len(parent) == 2 and parent[0] == "checklist" and parent[1] in self.playbook.index:
            items = {i.key: i for i in self.playbook.stage(parent[1]).items}
            return tr(items[key].label, lang) if key in items else None
        return key_label(parent, key, lang)

    def value(self, field: Enum | Bool, value: str, lang: str) -> str | None:
        """The label of one value of an enumeration (or of true/false), or None."""
        if isinstance(field, Bool):
            return say(lang, f"label.bool.{value}")
        if field.labels is not None:  # the playbook's stages and items
            return field.labels.get(lang, {}).get(value)
        return label(field.name, value, lang) if has(lang, f"label.{field.name}.{value}") else None


def values_of(field: Enum | Bool) -> tuple[str, ...]:
    return ("true", "false") if isinstance(field, Bool) else field.values


@functools.lru_cache(maxsize=512)
def key_synonyms(
    labels: Labels, parent: SchemaPath, keys: tuple[str, ...]
) -> dict[str, tuple[str, str]]:
    """Each other-form name of the keys of the mapping at `parent`: (canonical key, language)."""
    table: dict[str, tuple[str, str]] = {}
    for lang in forms():
        for key in keys:
            word = labels.key(parent, key, lang)
            if word and word != labels.key(parent, key, CANONICAL) and word not in keys:
                table.setdefault(word, (key, lang))
    return table


@functools.lru_cache(maxsize=512)
def value_synonyms(labels: Labels, field: Enum | Bool) -> dict[str, tuple[str, str]]:
    """Each other-form word of the values of `field`: (canonical value, language)."""
    table: dict[str, tuple[str, str]] = {}
    values = values_of(field)
    for lang in forms():
        for value in values:
            word = labels.value(field, value, lang)
            if word and word not in values:
                table.setdefault(word, (value, lang))
    return table


@dataclass
class Spelling:
    """What normalising a file found: the keys written in another form, and clashes."""

    written: dict[KeyPath, str] = field(default_factory=dict)
    form: str | None = None  # the language of the first synonym met
    #: Every key or value rewritten, and what the file wrote there.
    rewritten: list[tuple[Scalar, str]] = field(default_factory=list)
    #: (the second key, the first as written, its line) for a key written in both forms
    clashes: list[tuple[Scalar, str, int]] = field(default_factory=list)

    def met(self, lang: str) -> None:
        self.form = self.form or lang


def normalise(root: Node | None, schema: Struct, playbook: Playbook) -> Spelling:
    """Rewrite every synonym in the node tree to its canonical word, in place (positions stay).

    A key written in both forms in one mapping keeps its first and loses its second, which
    the spelling lists as a clash to report.
    """
    spelling = Spelling()
    if root is not None:
        _walk(root, schema, (), (), Labels(playbook), spelling)
    return spelling


def _walk(
    node: Node, field: Field, path: KeyPath, parent: SchemaPath, labels: Labels, out: Spelling
) -> None:
    if isinstance(node, Scalar):
        if isinstance(field, Enum) or isinstance(field, Bool):  # noqa: SIM101 (the fast check)
            _walk_value(node, field, labels, out)
    elif isinstance(node, Sequence):
        if isinstance(field, ListOf):
            for index, item in enumerate(node.items):
                _walk(item, field.item, (*path, index), parent, labels, out)
    elif isinstance(field, MapOf):
        for key, value in node.pairs:
            _walk(value, field.value, (*path, key.value), parent, labels, out)
    elif isinstance(field, Struct) or isinstance(field, Money):  # noqa: SIM101
        _walk_mapping(node, fields_of(field), path, parent, labels, out)


def _walk_value(node: Scalar, field: Enum | Bool, labels: Labels, out: Spelling) -> None:
    written = node.value.strip()
    if written in values_of(field):
        return
    found = value_synonyms(labels, field).get(written)
    if found is not None:
        out.rewritten.append((node, node.value))
        node.value = found[0]
        if not isinstance(field, Recorded):  # a record's words do not make the file's form
            out.met(found[1])


def _walk_mapping(
    node: Mapping,
    fields: dict[str, Field],
    path: KeyPath,
    parent: SchemaPath,
    labels: Labels,
    out: Spelling,
) -> None:
    synonyms: dict[str, tuple[str, str]] | None = None  # looked up at the first other word
    seen: dict[str, tuple[str, int]] = {}
    kept = []
    for key, value in node.pairs:
        written = key.value
        canonical, lang = written, None
        if written not in fields:
            synonyms = (
                synonyms if synonyms is not None else key_synonyms(labels, parent, tuple(fields))
            )
            canonical, lang = synonyms.get(written.strip(), (written, None))
        if canonical in seen:
            out.clashes.append((key, *seen[canonical]))
            continue
        seen[canonical] = (written, key.line)
        kept.append((key, value))
        if lang is not None:
            out.rewritten.append((key, key.value))
            key.value = canonical
            out.written[(*path, canonical)] = written
            out.met(lang)
        if canonical in fields:
            _walk(value, fields[canonical], (*path, canonical), (*parent, canonical), labels, out)
    if len(kept) < len(node.pairs):
        node.pairs[:] = kept


def report_clashes(spelling: Spelling, ctx: Context) -> None:
    """One problem per key written in both forms, at the second."""
    for second, first, line in spelling.clashes:
        ctx.report(second, "mixed-forms", key=second.value, other=first, first=line)


Row = tuple[str, str, dict[str, str]]


def synonym_rows(schema: Struct, playbook: Playbook) -> tuple[list[Row], list[Row]]:
    """The table for the docs: (keys, values). A key row is (its dotted path, the key, its
    words by language); a value row is (the enumeration, the value, its words)."""
    labels = Labels(playbook)
    keys: list[Row] = []
    values: dict[tuple[str, str], dict[str, str]] = {}
    _rows(schema, (), labels, keys, values)
    return keys, [(enum, value, words) for (enum, value), words in values.items()]


def _rows(
    field: Field,
    parent: SchemaPath,
    labels: Labels,
    keys: list[Row],
    values: dict[tuple[str, str], dict[str, str]],
) -> None:
    for key, sub in fields_of(inner(field)).items():
        words = {lang: labels.key(parent, key, lang) for lang in forms()}
        if any(words.values()):
            keys.append((".".join((*parent, key)), key, {k: w for k, w in words.items() if w}))
        leaf = inner(sub)
        if isinstance(leaf, Enum | Bool) and not isinstance(leaf, Recorded):
            name = leaf.name if isinstance(leaf, Enum) else "true/false"
            for value in values_of(leaf):
                found = {lang: labels.value(leaf, value, lang) for lang in forms()}
                if any(found.values()):
                    values.setdefault((name, value), {k: w for k, w in found.items() if w})
        _rows(leaf, (*parent, key), labels, keys, values)
