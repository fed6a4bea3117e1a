"""The Chinese form in docs/deal-format.md: tables generated from the one table of synonyms."""

from __future__ import annotations

from reviewkit.model.aliases import Row, forms, synonym_rows
from reviewkit.model.deal import schema_for
from reviewkit.model.playbook import Playbook, tr

START = "<!-- synonym tables: generated from reviewkit/model/aliases.py by `make readme` -->"
END = "<!-- end of synonym tables -->"


def synonym_tables(playbook: Playbook) -> str:
    """Markdown tables: every key's and every value's words in each other language, and the
    playbook's stage and item keys."""
    keys, values = synonym_rows(schema_for(playbook), playbook)
    return (
        "\n".join([*_key_table(keys), "", *_value_table(values), "", *_playbook_table(playbook)])
        + "\n"
    )


def _columns(count: int) -> str:
    return "|---" * count + "|"


def _key_table(keys: list[Row]) -> list[str]:
    """One row per key and word; where a key has several words, the places of each."""
    langs = forms()
    places: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for path, key, words in keys:
        if path.startswith("checklist.") and path.count(".") < 3:
            continue  # stage and item keys: the playbook's table
        parent = (
            "checklist.STAGE.ITEM" if path.startswith("checklist.") else path.rpartition(".")[0]
        )
        found = places.setdefault((key, tuple(words.get(lang, "") for lang in langs)), [])
        if parent not in found:
            found.append(parent)
    several = {key for key, _ in places if sum(1 for k, _ in places if k == key) > 1}
    lines = [
        "### Keys",
        "",
        "| key | " + " | ".join(langs) + " | where |",
        _columns(len(langs) + 2),
    ]
    for (key, shown), parents in places.items():
        where = ", ".join(f"`{p}`" if p else "top" for p in parents) if key in several else ""
        lines.append(f"| `{key}` | " + " | ".join(shown) + f" | {where} |")
    return lines


def _value_table(values: list[Row]) -> list[str]:
    langs = forms()
    lines = ["### Values", "", "| field type | value | " + " | ".join(langs) + " |"]
    lines.append(_columns(len(langs) + 2))
    for enum, value, words in values:
        if enum not in ("stage", "item"):  # the playbook's table
            shown = " | ".join(words.get(lang, "") for lang in langs)
            lines.append(f"| {enum} | `{value}` | {shown} |")
    return lines


def _playbook_table(playbook: Playbook) -> list[str]:
    langs = forms()
    lines = [
        f"### Stages and checklist items of the default playbook ({tr(playbook.name, 'en')})",
        "",
        "| stage or item key | " + " | ".join(langs) + " |",
        _columns(len(langs) + 1),
    ]
    for stage in playbook.stages:
        lines.append(f"| `{stage.key}` | " + " | ".join(tr(stage.label, x) for x in langs) + " |")
        for item in stage.items:
            shown = " | ".join(tr(item.label, x) for x in langs)
            lines.append(f"| &nbsp;&nbsp;`{item.key}` | {shown} |")
    return lines


def with_synonym_tables(doc: str, playbook: Playbook) -> str:
    """The document's text with the tables between their markers replaced by current ones."""
    head, start, rest = doc.partition(START + "\n")
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the document lacks the markers {START!r} and {END!r}")
    return head + start + "\n" + synonym_tables(playbook) + "\n" + end + tail
