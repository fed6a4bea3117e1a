"""The JSON Schema of deal format 1, generated from the schema the loader validates with.

Editors (VS Code's YAML extension, JetBrains) use it to complete keys, list the allowed
values and flag mistakes while a rep types; `reviewkit check` stays the authority.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reviewkit import __version__
from reviewkit.assets import PACKAGE
from reviewkit.model.aliases import Labels, fields_of, forms, value_synonyms
from reviewkit.model.conditions import RuleField
from reviewkit.model.dealformat import (
    ACTION,
    ANSWER,
    COMPETITOR,
    DYNAMIC,
    FORMAT_VERSION,
    HISTORY,
    PARTNER,
    PERSON,
    TEXTS,
)
from reviewkit.model.playbook import Playbook, tr
from reviewkit.model.schema import (
    CURRENCIES,
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
from reviewkit.text.labels import ENUMS

#: The schema for the default playbook, shipped with the package (editors point at it).
SHIPPED = PACKAGE / "schemas" / "deal.schema.json"

DESCRIPTIONS = {
    ("reviewkit",): "Deal format version. This reviewkit reads format 1.",
    ("deal", "name"): "The deal's name (required).",
    ("deal", "id"): "Stable id; default: the file name without .yaml. Names the pack files.",
    ("deal", "stage"): "The stage the deal is in: a stage key of the playbook (required).",
    ("deal", "language"): "Language of the pack and of messages.",
    (
        "deal",
        "confidential",
    ): "Marks every pack Confidential; required once a floor price is recorded.",
    (
        "strategy",
        "commercial",
        "floor",
    ): "Secret: never in a pack unless rendered with --reveal-floor.",
    (
        "strategy",
        "commercial",
        "price_holders",
    ): "Who knows the final price: from the bid on, exactly one person.",
    ("actions", "with"): "Names of the decision-chain people or partners the action aims at.",
    ("visits", "host"): "Who hosted the visit: us, or a competitor's name.",
    ("visits", "accompanied"): "Whether one of us went with the customer's people.",
    ("product_problems", "whose"): "Whose product: us, or a competitor's name.",
    ("checklist",): "Answers to the playbook's questions, by stage and item key.",
    ("review", "win_probability"): "The rep's own estimate of the chance to win, in percent.",
    (
        "review",
        "decisions",
    ): "The meeting's decisions; the next pack shows if they were carried out.",
    ("decision_chain", "reports_to"): "The name of the person this one reports to (org chart).",
    ("decision_chain", "our_contact"): "Who on our side looks after this person.",
    ("risks",): "Risks and responses, each with owner, due date and level red/yellow/green.",
    ("support",): "What the team asks of the company: executive visit, price authority, ...",
    (
        "suppress",
    ): "Rules this deal does not want reported, each with the reason (shown in the pack).",
}


#: The currency of an amount (the same in every Money field).
CURRENCY = {"enum": sorted(CURRENCIES)}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Allow an empty value (`key:` with nothing after it), which reads as absent."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return {**schema, "type": [kind, "null"]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return schema


@dataclass
class Synonyms:
    """The other forms' words for keys and values, and the mappings that are written under
    two names (each is written once, in `$defs`)."""

    labels: Labels
    shapes: dict[str, dict[str, Any]] = field(default_factory=dict)


def field_schema(
    field: Field, path: tuple[str, ...] = (), labels: Synonyms | None = None
) -> dict[str, Any]:
    """The JSON Schema of one field type; with `labels`, each key and value of the other
    forms (`model.aliases`) is allowed beside the English one."""
    out: dict[str, Any]
    if isinstance(field, Money | Struct):
        fields = fields_of(field)
        properties = {k: field_schema(f, (*path, k), labels) for k, f in fields.items()}
        if isinstance(field, Money):
            properties["amount"] = {"type": "number", "minimum": 0}
            properties["currency"] = {**CURRENCY, "description": "ISO 4217 code, e.g. CNY"}
        required = ["amount", "currency"] if isinstance(field, Money) else list(field.required)
        out = {"type": "object", "properties": properties, "additionalProperties": False}
        if required:
            out["required"] = required
        if labels is not None:
            _synonym_keys(out, path, labels)
    elif isinstance(field, ListOf):
        out = {"type": "array", "items": field_schema(field.item, path, labels)}
    elif isinstance(field, MapOf):
        out = {"type": "object", "additionalProperties": field_schema(field.value, path, labels)}
    else:
        out = _value_schema(field, labels)
    if path in DESCRIPTIONS:
        out["description"] = DESCRIPTIONS[path]
    return out if path in (("reviewkit",),) else _nullable(out)


def _synonym_keys(out: dict[str, Any], path: tuple[str, ...], synonyms: Synonyms) -> None:
    """Add each key's other-form names to a mapping's schema, described in their language;
    a required key may be written in either form."""
    properties = out["properties"]
    names: dict[str, list[str]] = {key: [key] for key in properties}
    for key in list(properties):
        for lang in forms():
            word = synonyms.labels.key(path, key, lang)
            if word and word not in properties:
                properties[word] = {**properties[key], "description": f"{word}（{key}）"}
                names[key].append(word)
                shape = properties[key]
                if "properties" in shape or "properties" in shape.get("items", {}):
                    # A mapping or a list of them: written once, in $defs.
                    bare = {k: v for k, v in shape.items() if k != "description"}
                    synonyms.shapes[".".join((*path, key))] = bare
    required = out.pop("required", [])
    either = [{"anyOf": [{"required": [name]} for name in names[key]]} for key in required]
    # One key may not be written in both forms in one mapping (the loader says so too).
    once = [
        {"not": {"type": "object", "required": both}} for both in names.values() if len(both) > 1
    ]
    if once:
        out["allOf"] = either + once
    elif required:
        out["required"] = required


def _value_schema(field: Field, synonyms: Synonyms | None = None) -> dict[str, Any]:
    """The JSON Schema of a field type that holds one value."""
    if isinstance(field, Recorded):  # any text: a record of keys that may have changed since
        return {"type": "string"}
    if isinstance(field, Enum | Bool) and synonyms is not None:
        words = list(value_synonyms(synonyms.labels, field))
        if isinstance(field, Enum):
            return {"enum": [*field.values, *words]}
        if words:
            return {"enum": [True, False, *words]}
    if isinstance(field, Enum):
        return {"enum": list(field.values)}
    if isinstance(field, Bool):
        return {"type": "boolean"}
    if isinstance(field, Integer):
        return {"type": "integer", "minimum": 0}
    if isinstance(field, Percent):
        return {"type": "number", "minimum": 0, "maximum": 100}
    if isinstance(field, Number):
        return {"type": "number"}
    if isinstance(field, Date):
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{1,2}-\d{1,2}$"}
    if isinstance(field, Text | RuleField):
        return {"type": "string"}
    # A new field type must be described here.
    raise TypeError(f"no JSON Schema for {type(field).__name__}")  # pragma: no cover


def deal_json_schema(playbook: Playbook) -> dict[str, Any]:
    """The JSON Schema of deal format 1 with `playbook`'s stages and checklist items."""
    from reviewkit.model.deal import schema_for

    labels = Labels(playbook)
    synonyms = Synonyms(labels)
    root = field_schema(schema_for(playbook), (), synonyms)
    root["type"] = "object"  # the file itself cannot be empty
    root["properties"]["reviewkit"] = {
        "const": FORMAT_VERSION,
        "description": DESCRIPTIONS[("reviewkit",)],
    }
    checklist = root["properties"]["checklist"]["properties"]
    for stage in playbook.stages:
        checklist[stage.key]["description"] = tr(stage.label, "en")
        items = checklist[stage.key]["properties"]
        for item in stage.items:
            items[item.key]["description"] = tr(item.question, "en")
            for lang in forms():  # the other form's item key, described in its language
                word = labels.key(("checklist", stage.key), item.key, lang)
                if word in items:
                    items[word] = {**items[word], "description": tr(item.question, lang)}
    properties, defs = share(root, {**shapes(playbook, synonyms), **synonyms.shapes})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:reviewkit:deal:{FORMAT_VERSION}",
        "title": "reviewkit deal file, format 1",
        "description": f"Generated by reviewkit {__version__} for the playbook '{tr(playbook.name, 'en')}'.",
        **properties,
        "$defs": defs,
    }


def shapes(playbook: Playbook, labels: Synonyms | None = None) -> dict[str, dict[str, Any]]:
    """The shapes a deal file may use in several places, by the name of their `$defs` entry."""
    from reviewkit.model.deal import stage_names

    # Each where it is used (the words of a key can depend on its place).
    places: dict[str, tuple[str, ...]] = {
        "answer": ("checklist", "", ""),
        "person": ("decision_chain",),
        "partner": ("partners",),
        "competitor": ("competitors",),
        "dynamic": ("dynamics",),
        "action": ("actions",),
        "history": ("history",),
    }
    fields: dict[str, Field] = {
        "answer": ANSWER,
        "money": Money(),
        "person": PERSON,
        "partner": PARTNER,
        "competitor": COMPETITOR,
        "dynamic": DYNAMIC,
        "action": ACTION,
        "history": HISTORY,
        "texts": TEXTS,
        "text": Text(),
        "date": Date(),
        "boolean": Bool(),
        "stage": Enum("stage", tuple(s.key for s in playbook.stages), labels=stage_names(playbook)),
        # Enumerations by their name; a checklist answer's status beside the answer itself.
        **{("answer-status" if name == "answer" else name): Enum(name) for name in ENUMS},
    }
    return {
        "currency": CURRENCY,
        **{name: field_schema(f, places.get(name, ()), labels) for name, f in fields.items()},
    }


def share(
    root: dict[str, Any], named: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """`root` with every shape of `named` that it uses more than once written once, in `$defs`,
    and referred to by `$ref` (with the description of the place that uses it, if any)."""
    uses: dict[str, int] = {}

    def refer(node: Any, top: bool = False) -> Any:
        if isinstance(node, list):
            return [refer(value) for value in node]
        if not isinstance(node, dict):
            return node
        if not top:
            bare = {k: v for k, v in node.items() if k != "description"}
            for name, shape in named.items():
                if node == shape or bare == shape:
                    uses[name] = uses.get(name, 0) + 1
                    return {
                        "$ref": f"#/$defs/{name}",
                        **({} if node == shape else {"description": node["description"]}),
                    }
        return {key: refer(value) for key, value in node.items()}

    out = refer(root, top=True)
    bodies: dict[str, Any] = {}
    while missing := [name for name in uses if name not in bodies]:  # shapes inside shapes
        bodies.update({name: refer(named[name], top=True) for name in missing})
    shared = {name for name, count in uses.items() if count > 1}

    def inline(node: Any) -> Any:
        """Write a shape used once in its one place again."""
        if isinstance(node, list):
            return [inline(value) for value in node]
        if not isinstance(node, dict):
            return node
        name = node.get("$ref", "").removeprefix("#/$defs/")
        if "$ref" in node and name not in shared:
            return inline({**bodies[name], **{k: v for k, v in node.items() if k != "$ref"}})
        return {key: inline(value) for key, value in node.items()}

    defs = {name: inline(bodies[name]) for name in named if name in shared}
    return inline(out), defs


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
