"""`reviewkit new`: a commented deal file that teaches the methodology and loads cleanly."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

from reviewkit.errors import RefusedOverwrite
from reviewkit.model.files import write_file
from reviewkit.model.playbook import Playbook, load_playbook, tr
from reviewkit.text.catalogue import languages, say, texts
from reviewkit.text.errors import error


def slug(name: str) -> str:
    """A file name for a deal name: lower-case words joined by '-', any script kept."""
    text = re.sub(r"[^\w]+", "-", name.strip().lower()).strip("-_")
    return text or "deal"


def scaffold(
    name: str,
    *,
    stage: str | None = None,
    lang: str = "en",
    customer: str = "",
    owner: str = "",
    playbook: Playbook | None = None,
    file_name: str = "deal.yaml",
    schema: str = "",
) -> str:
    """The text of a new deal file; `schema` is what its editor modeline points at."""
    from reviewkit.present.render import scaffold_environment

    playbook = playbook or load_playbook()
    stage = stage or playbook.stages[0].key
    playbook.require_stage(stage)
    shown = shlex.quote(file_name) if file_name.isprintable() else repr(file_name)
    fields = {
        "file": shown,
        "stages": " → ".join(s.key for s in playbook.stages),
        "languages": " | ".join(languages()),
        "rule": "{rule}",  # filled per item by the template
    }
    comments = {key: say(lang, f"scaffold.{key}", **fields) for key in texts(lang, "scaffold.")}
    stages = []
    for s in playbook.stages[: playbook.index[stage] + 1]:
        items = [
            {
                "key": item.key,
                "question": tr(item.question, lang),
                "rule": item.rule.describe(lang) if item.rule else None,
            }
            for item in s.items
        ]
        stages.append({"key": s.key, "label": tr(s.label, lang), "entries": items})
    template = scaffold_environment().get_template("deal.yaml.j2")
    return template.render(
        name=name,
        customer=customer,
        owner=owner,
        stage=stage,
        lang=lang,
        c=comments,
        stages=stages,
        from_data=comments["from_data"],
        coach_profile=say(lang, "coach.profile"),
        schema=schema or schema_reference(Path(file_name)),
    )


SCHEMA_NAME = "deal.schema.json"


def schema_reference(deal_path: Path) -> str:
    """Where a new deal file's editor modeline points: the nearest deal.schema.json in its
    folder or above (a team writes one with `reviewkit schema`), else the shipped schema."""
    from reviewkit.model.jsonschema import SHIPPED

    folder = deal_path.absolute().parent
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_NAME).is_file():
            return os.path.relpath(candidate / SCHEMA_NAME, folder).replace(os.sep, "/")
    return SHIPPED.as_uri()


def write_new_deal(path: Path, text: str, *, force: bool) -> None:
    """Write a new deal file; refuse to replace an existing one unless `force`."""
    if path.exists() and not force:
        raise error("deal-exists", kind=RefusedOverwrite, path=path)
    if path.is_dir():
        raise error("is-folder", path=path)
    write_file(path, text)
