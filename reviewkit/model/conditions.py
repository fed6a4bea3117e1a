"""Declarative rules over deal data: the small vocabulary a playbook uses to answer a question.

    {exists: PATH | [PATH, ...]}                 every path holds a value
    {count: LIST, where: {FIELD: TEST}, min: N}  at least N entries (default 1) match
    {every: LIST, where: {FIELD: TEST}}          the list is not empty and every entry matches
    {all: [RULE, ...]}  {any: [RULE, ...]}  {not: RULE}

PATH and LIST are dotted key paths of the deal file (`strategy.commercial.floor`); FIELD a
dotted path inside an entry. TEST is a value (equal; for a list field, contained), a list of
values (one of them), or `{present: true|false}`. Rules are data: nothing in a playbook runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewkit.model.dealformat import BASE
from reviewkit.model.schema import (
    Bool,
    Context,
    Enum,
    Field,
    Integer,
    ListOf,
    Path,
    Struct,
    is_null,
    present,
    resolve,
    show,
    suggestion,
)
from reviewkit.model.yamlread import Mapping, Node, Scalar, Sequence
from reviewkit.text.catalogue import say
from reviewkit.text.fields import entries, field_flag, field_label
from reviewkit.text.labels import label

if TYPE_CHECKING:
    from reviewkit.model.dealtypes import DealData

OPERATORS = ("exists", "count", "every", "all", "any", "not")
KeyPath = tuple[str, ...]


def get(data: object, path: KeyPath) -> Any:
    """The value at `path` inside loaded data, or None."""
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


@dataclass(frozen=True)
class Test:
    """One `where` test on a field of a list entry."""

    field: KeyPath
    op: str  # "eq" | "in" | "present"
    value: Any

    def matches(self, entry: object) -> bool:
        value = get(entry, self.field)
        if self.op == "present":
            return present(value) is self.value
        options = self.value if self.op == "in" else [self.value]
        if isinstance(value, list):
            return any(option in value for option in options)
        return value in options


@dataclass(frozen=True)
class Rule:
    """A parsed rule: `op` with its operands, evaluated against a loaded deal."""

    op: str
    paths: tuple[KeyPath, ...] = ()
    where: tuple[Test, ...] = ()
    min: int = 1
    rules: tuple[Rule, ...] = ()

    def holds(self, data: DealData) -> bool:
        if self.op == "exists":
            return all(present(get(data, p)) for p in self.paths)
        if self.op in ("count", "every"):
            entries = get(data, self.paths[0]) or []
            matching = sum(1 for e in entries if all(t.matches(e) for t in self.where))
            if self.op == "every":
                return bool(entries) and matching == len(entries)
            return matching >= self.min
        if self.op == "all":
            return all(r.holds(data) for r in self.rules)
        if self.op == "any":
            return any(r.holds(data) for r in self.rules)
        return not self.rules[0].holds(data)

    def missing(self, data: DealData) -> list[str]:
        """For an `every` rule: the names of the entries that do not match yet."""
        if self.op != "every":
            return []
        entries = get(data, self.paths[0]) or []
        return [
            str(e.get("name") or show((*self.paths[0], i)))
            for i, e in enumerate(entries)
            if not all(t.matches(e) for t in self.where)
        ]

    def explain(self, data: DealData, lang: str) -> str:
        """`describe`, naming the entries that fall short where the rule is about every one."""
        text = self.describe(lang)
        names = self.missing(data)
        if not names:
            return text
        return text + say(lang, "condition.not-yet", names=say(lang, "punct.sep").join(names))

    def subject(self) -> KeyPath:
        """The deal path this rule is mostly about: where a finding points."""
        if self.paths:
            return self.paths[0]
        return self.rules[0].subject() if self.rules else ()

    def describe(self, lang: str) -> str:
        """What the rule needs, in words, for messages and the pack's appendix: fields named
        by their labels, values by theirs."""
        if self.op == "exists":
            names = say(lang, "punct.sep").join(field_label(p, lang) for p in self.paths)
            return say(lang, "condition.exists", names=names)
        if self.op in ("count", "every"):
            where = _describe_where(self.paths[0], self.where, lang)
            name = field_label(self.paths[0], lang)
            if self.op == "every":
                return say(lang, "condition.every", name=name, where=where)
            counted = entries(self.paths[0], self.min, lang)
            text = say(lang, "condition.count", name=name, entries=counted)
            return text + (say(lang, "condition.count-where", where=where) if where else "")
        if self.op == "not":
            inner = self.rules[0].describe(lang)
            return say(lang, "condition.not", inner=inner)
        return say(lang, f"condition.{self.op}").join(r.describe(lang) for r in self.rules)


def _describe_where(list_path: KeyPath, tests: tuple[Test, ...], lang: str) -> str:
    """The tests on a list's entries as phrases: `影响力为高、为我方说话`."""
    return say(lang, "punct.sep").join(_describe_test(list_path, test, lang) for test in tests)


def _describe_test(list_path: KeyPath, test: Test, lang: str) -> str:
    path = (*list_path, *test.field)
    name = field_label(path, lang)
    if test.op == "present":
        return say(lang, "condition.filled" if test.value else "condition.empty", name=name)
    values = test.value if test.op == "in" else (test.value,)
    if all(isinstance(v, bool) for v in values) and len(values) == 1:
        return field_flag(path, values[0], lang)
    field = resolve(BASE, path)
    if isinstance(field, ListOf):
        field = field.item
    enum = field.name if isinstance(field, Enum) else None
    if isinstance(field, Enum) and set(values) == set(field.values) - {"unknown"}:
        return say(lang, "condition.known", name=name)  # any value but `unknown`
    shown = [label(enum, v, lang) if enum else _plain(v, lang) for v in values]
    return say(lang, "condition.is", name=name, value=say(lang, "condition.or").join(shown))


def _plain(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return say(lang, "label.answer.yes" if value else "label.answer.no")
    return str(value)


class RuleField(Field):
    """Schema field for a playbook `rule:`: parses and checks it against deal format 1."""

    expected = "a mapping"
    example = "{count: decision_chain, where: {coach: true}}"

    def load(self, node: Node | None, ctx: Context, path: Path) -> Rule | None:
        if is_null(node):  # no rule: the question is answered in the deal file
            return None
        assert node is not None
        return _parse(node, ctx, path)


def _split(text: str) -> KeyPath:
    return tuple(part for part in text.strip().split("."))


def _parse(node: Node, ctx: Context, path: Path) -> Rule | None:
    if not isinstance(node, Mapping):
        ctx.report(node, "rule-shape", key=show(path), ops=", ".join(OPERATORS))
        return None
    keys = {k.value: (k, v) for k, v in node.pairs}
    ops = [k for k in keys if k in OPERATORS]
    if not _known_keys(keys, ctx, path):
        return None
    if len(ops) != 1:
        ctx.report(node, "rule-shape", key=show(path), ops=", ".join(OPERATORS))
        return None
    op = ops[0]
    _, value = keys[op]
    here = (*path, op)
    if not _no_extra_keys(keys, op, ctx, path):
        return None
    if op == "exists":
        return _parse_exists(value, ctx, here)
    if op in ("count", "every"):
        return _parse_count(op, value, keys, ctx, path, here)
    if op == "not":
        inner = _parse(value, ctx, here)
        return None if inner is None else Rule(op, rules=(inner,))
    return _parse_group(op, value, ctx, here)


def _known_keys(keys: dict[str, tuple[Scalar, Node]], ctx: Context, path: Path) -> bool:
    """Whether every key of a rule is an operator, `where` or `min`; reports the first other."""
    for name, (key, _) in keys.items():
        if name not in (*OPERATORS, "where", "min"):
            ctx.report(
                key,
                "rule-unknown-op",
                key=show(path),
                op=name,
                ops=", ".join(OPERATORS),
                suggestion=suggestion(ctx.lang, name, list(OPERATORS)),
            )
            return False
    return True


def _no_extra_keys(keys: dict[str, tuple[Scalar, Node]], op: str, ctx: Context, path: Path) -> bool:
    """Whether `where` and `min` appear only beside the operators that take them."""
    takes = {"count": ("where", "min"), "every": ("where",)}.get(op, ())
    for extra in ("where", "min"):
        if extra in keys and extra not in takes:
            ctx.report(
                keys[extra][0],
                "rule-extra-key",
                key=show(path),
                extra=extra,
                op=op,
                takes=", ".join(takes) or "-",
            )
            return False
    return True


def _parse_exists(value: Node, ctx: Context, here: Path) -> Rule | None:
    items = value.items if isinstance(value, Sequence) else [value]
    if not items or any(is_null(item) for item in items):
        ctx.report(value, "rule-empty-value", key=show(here))
        return None
    paths = []
    for item in items:
        found = _path(item, ctx, here)
        if found is not None:
            paths.append(found)
    return Rule("exists", paths=tuple(paths)) if len(paths) == len(items) and paths else None


def _parse_count(
    op: str,
    value: Node,
    keys: dict[str, tuple[Scalar, Node]],
    ctx: Context,
    path: Path,
    here: Path,
) -> Rule | None:
    list_path = _path(value, ctx, here, want_list=True)
    if list_path is None:
        return None
    entry = resolve(BASE, list_path)
    assert isinstance(entry, ListOf)
    tests = _where(keys.get("where"), entry.item, ctx, (*path, "where"))
    minimum = 1
    if "min" in keys:
        min_node = keys["min"][1]
        loaded = Integer().load(min_node, ctx, (*path, "min"))
        if loaded is None:
            return None
        if loaded < 1:
            ctx.report(min_node, "rule-min", key=show((*path, "min")))
            return None
        minimum = loaded
    return None if tests is None else Rule(op, paths=(list_path,), where=tests, min=minimum)


def _parse_group(op: str, value: Node, ctx: Context, here: Path) -> Rule | None:
    """`all` or `any`: a non-empty list of rules."""
    if not isinstance(value, Sequence) or not value.items:
        ctx.report(value, "rule-shape", key=show(here), ops=", ".join(OPERATORS))
        return None
    parsed = [_parse(item, ctx, (*here, i)) for i, item in enumerate(value.items)]
    if any(p is None for p in parsed):
        return None
    return Rule(op, rules=tuple(p for p in parsed if p is not None))


def _path(node: Node, ctx: Context, path: Path, want_list: bool = False) -> KeyPath | None:
    if not isinstance(node, Scalar):
        ctx.report(node, "rule-shape", key=show(path), ops=", ".join(OPERATORS))
        return None
    keys = _split(node.value)
    target = resolve(BASE, keys)
    if target is None:
        known = _all_paths(BASE)
        ctx.report(
            node,
            "rule-bad-path",
            key=show(path),
            value=node.value,
            suggestion=suggestion(ctx.lang, node.value, known),
        )
        return None
    inside = _list_on_the_way(keys)
    if inside is not None:
        ctx.report(
            node,
            "rule-path-in-list",
            key=show(path),
            value=node.value,
            list=".".join(keys[:inside]),
            field=".".join(keys[inside:]),
        )
        return None
    if want_list and not (isinstance(target, ListOf) and isinstance(target.item, Struct)):
        lists = ", ".join(k for k, f in BASE.fields.items() if isinstance(f, ListOf))
        ctx.report(node, "rule-not-list", key=show(path), value=node.value, lists=lists)
        return None
    return keys


def _list_on_the_way(keys: KeyPath) -> int | None:
    """How many keys lead to a list that the path then goes inside, or None."""
    for depth in range(1, len(keys)):
        if isinstance(resolve(BASE, keys[:depth]), ListOf):
            return depth
    return None


def _where(
    entry: tuple[Scalar, Node] | None, item: Field, ctx: Context, path: Path
) -> tuple[Test, ...] | None:
    if entry is None:
        return ()
    _, node = entry
    if not isinstance(node, Mapping):
        ctx.report(node, "rule-shape", key=show(path), ops="FIELD: VALUE")
        return None
    tests = []
    ok = True
    for key, value in node.pairs:
        test = _test(key, value, item, ctx, path)
        if test is None:
            ok = False
            continue
        tests.append(test)
    return tuple(tests) if ok else None


def _test(key: Scalar, value: Node, item: Field, ctx: Context, path: Path) -> Test | None:
    """One `FIELD: TEST` of a `where`, checked against the list entry's fields."""
    keys = _split(key.value)
    field = resolve(item, keys)
    if field is None:
        known = list(item.fields) if isinstance(item, Struct) else []
        ctx.report(
            key,
            "rule-bad-path",
            key=show(path),
            value=key.value,
            suggestion=suggestion(ctx.lang, key.value, known),
        )
        return None
    here = (*path, key.value)
    scalar_field = field.item if isinstance(field, ListOf) else field
    if isinstance(value, Mapping):
        return _present_test(keys, value, ctx, here)
    if isinstance(value, Sequence):
        return _in_test(keys, value, scalar_field, ctx, here)
    loaded = scalar_field.load(value, ctx, here)
    if loaded is None:
        if is_null(value):
            ctx.report(value, "rule-empty-value", key=show(here))
        return None
    return Test(keys, "eq", loaded)


def _present_test(keys: KeyPath, value: Mapping, ctx: Context, here: Path) -> Test | None:
    """`{present: true|false}`."""
    flag = {k.value: v for k, v in value.pairs}
    if list(flag) != ["present"]:
        ctx.report(value, "rule-shape", key=show(here), ops="present")
        return None
    if is_null(flag["present"]):
        ctx.report(flag["present"], "rule-empty-value", key=show((*here, "present")))
        return None
    wanted = Bool().load(flag["present"], ctx, (*here, "present"))
    if wanted is None:
        return None
    return Test(keys, "present", wanted)


def _in_test(
    keys: KeyPath, value: Sequence, scalar_field: Field, ctx: Context, here: Path
) -> Test | None:
    """A list of values, one of which the field must hold."""
    options = [scalar_field.load(v, ctx, here) for v in value.items]
    for member, option in zip(value.items, options, strict=True):
        if option is None and is_null(member):
            ctx.report(member, "rule-empty-value", key=show(here))
    if not options:
        ctx.report(value, "rule-empty-value", key=show(here))
    if not options or any(o is None for o in options):
        return None
    return Test(keys, "in", tuple(options))


def _all_paths(schema: Struct, prefix: str = "") -> list[str]:
    out = []
    for name, field in schema.fields.items():
        full = f"{prefix}{name}"
        out.append(full)
        inner = field.item if isinstance(field, ListOf) else field
        if isinstance(inner, Struct):
            out.extend(_all_paths(inner, f"{full}."))
    return out
