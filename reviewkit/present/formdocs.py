"""The Chinese form in docs/deal-format.md: tables generated from the one table of synonyms."""

from __future__ import annotations

from reviewkit.model.aliases import forms, synonym_rows
from reviewkit.model.deal import schema_for
from reviewkit.model.playbook import Playbook, tr

START = "<!-- synonym tables: generated from reviewkit/model/aliases.py by `make readme` -->"
END = "<!-- end of synonym tables -->"


def synonym_tables(playbook: Playbook) -> str:
    """Markdown tables: every key's and every value's words in each other language, and the
    playbook's stage and item keys."""
    langs = forms()
    keys, values = synonym_rows(schema_for(playbook), playbook)
    head = "| " + " | ".join(langs) + " |"
    rule = "|---" * (len(langs) + 2) + "|"
    places: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for path, key, words in keys:
        if path.startswith("checklist.") and path.count(".") < 3:
            continue  # stage and item keys: the playbook's table below
        parent = path.rpartition(".")[0]
        if path.startswith("checklist."):
            parent = "checklist.STAGE.ITEM"
        shown = tuple(words.get(lang, "") for lang in langs)
        places.setdefault((key, shown), [])
        if parent not in places[(key, shown)]:
            places[(key, shown)].append(parent)
    several = {key for key, _ in places if sum(1 for k, _ in places if k == key) > 1}
    lines = ["### Keys", "", f"| key {head} where |", rule]
    for (key, shown), parents in places.items():
        where = ", ".join(f"`{p}`" if p else "top" for p in parents) if key in several else ""
        lines.append(f"| `{key}` | " + " | ".join(shown) + f" | {where} |")
    lines += ["", "### Values", "", f"| field type | value {head}", "|---" * (len(langs) + 2) + "|"]
    for enum, value, words in values:
        if enum in ("stage", "item"):
            continue
        lines.append(
            f"| {enum} | `{value}` | " + " | ".join(words.get(lang, "") for lang in langs) + " |"
        )
    lines += [
        "",
        f"### Stages and checklist items of the default playbook ({tr(playbook.name, 'en')})",
        "",
        f"| stage or item key {head}",
        "|---" * (len(langs) + 1) + "|",
    ]
    for stage in playbook.stages:
        lines.append(f"| `{stage.key}` | " + " | ".join(tr(stage.label, l) for l in langs) + " |")
        for item in stage.items:
            words = " | ".join(tr(item.label, l) for l in langs)
            lines.append(f"| &nbsp;&nbsp;`{item.key}` | {words} |")
    return "\n".join(lines) + "\n"


def with_synonym_tables(doc: str, playbook: Playbook) -> str:
    """The document's text with the tables between their markers replaced by current ones."""
    head, start, rest = doc.partition(START + "\n")
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the document lacks the markers {START!r} and {END!r}")
    return head + start + "\n" + synonym_tables(playbook) + "\n" + end + tail
