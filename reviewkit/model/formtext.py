"""A deal file's text rewritten into either form (`model.aliases`), only the words changing."""

from __future__ import annotations

import difflib

from reviewkit.model.aliases import (
    CANONICAL,
    Labels,
    fields_of,
    normalise,
    values_of,
)
from reviewkit.model.deal import schema_for
from reviewkit.model.playbook import Playbook
from reviewkit.model.schema import Bool, Enum, Field, ListOf, MapOf, Money, Struct
from reviewkit.model.yamlread import Mapping, Node, Scalar, Sequence, compose

SchemaPath = tuple[str, ...]


def rewrite(text: str, playbook: Playbook, lang: str = CANONICAL) -> str:
    """A deal file's text with every key and value in the form of `lang` (the canonical form
    for English): only those words change, so comments, layout and line numbers stay."""
    root, _ = compose(text, "")
    if not isinstance(root, Mapping):
        return text
    schema = schema_for(playbook)
    spelling = normalise(root, schema, playbook)
    originals = {id(scalar): was for scalar, was in spelling.rewritten}
    edits = [(scalar, scalar.value) for scalar, _ in spelling.rewritten]
    if lang != CANONICAL:
        edits = []
        _to_form(root, schema, (), Labels(playbook), lang, edits)
    lines = text.splitlines(keepends=True)
    for scalar, word in sorted(edits, key=lambda e: (e[0].line, e[0].column), reverse=True):
        was = originals.get(id(scalar), scalar.value)
        line = lines[scalar.line - 1]
        start = scalar.column - 1
        start += 1 if line[start : start + 1] in ("'", '"') else 0
        if line.startswith(was, start):
            lines[scalar.line - 1] = line[:start] + word + line[start + len(was) :]
    return "".join(lines)


def form_of(text: str, playbook: Playbook) -> str | None:
    """The language of the other form a deal file's text uses, or None (English form)."""
    root, _ = compose(text, "")
    return normalise(root, schema_for(playbook), playbook).form if root is not None else None


def carried(text: str, canonical: str, changed: str, playbook: Playbook, lang: str) -> str:
    """`changed` (an edit of `canonical`, the canonical form of `text`) as the file writes it:
    the lines the edit kept exactly as `text` has them, the new lines in the form of `lang`."""
    before = canonical.splitlines(keepends=True)
    after = changed.splitlines(keepends=True)
    shown = rewrite(changed, playbook, lang).splitlines(keepends=True)
    original = text.splitlines(keepends=True)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        out += original[a0:a1] if op == "equal" else shown[b0:b1]
    return "".join(out)


def _to_form(
    node: Node,
    field: Field,
    parent: SchemaPath,
    labels: Labels,
    lang: str,
    edits: list[tuple[Scalar, str]],
) -> None:
    """Note the edits that write a canonical node tree in the form of `lang`."""
    if isinstance(node, Sequence) and isinstance(field, ListOf):
        for item in node.items:
            _to_form(item, field.item, parent, labels, lang, edits)
    elif isinstance(node, Mapping) and isinstance(field, MapOf):
        for _, value in node.pairs:
            _to_form(value, field.value, parent, labels, lang, edits)
    elif isinstance(node, Mapping) and isinstance(field, Struct | Money):
        fields = fields_of(field)
        for key, child in node.pairs:
            if key.value in fields:
                word = labels.key(parent, key.value, lang)
                if word:
                    edits.append((key, word))
                _to_form(child, fields[key.value], (*parent, key.value), labels, lang, edits)
    elif isinstance(node, Scalar) and isinstance(field, Enum | Bool):
        written = node.value.strip()
        word = labels.value(field, written, lang) if written in values_of(field) else None
        if word:
            edits.append((node, word))
