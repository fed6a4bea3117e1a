"""`reviewkit new`: a commented deal file that teaches the methodology and loads cleanly."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

from reviewkit.errors import RefusedOverwrite
from reviewkit.model.deal import stage_names
from reviewkit.model.files import write_file
from reviewkit.model.formtext import rewrite as rewrite_form
from reviewkit.model.playbook import Playbook, load_playbook
from reviewkit.model.schema import Enum
from reviewkit.present.blockwriter import Form, Writer
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
    live_examples: bool = False,
) -> str:
    """The text of a new deal file; `schema` is what its editor modeline points at.

    A Chinese deal file (`lang` zh) is written in the Chinese form (`model.aliases`). Every
    key of the format is there: sections as block mappings with empty values, lists with one
    commented example entry (`live_examples` writes them uncommented, for tests and docs).
    """
    from reviewkit.present.render import scaffold_environment

    playbook = playbook or load_playbook()
    stage = stage or playbook.stages[0].key
    playbook.require_stage(stage)
    shown = shlex.quote(file_name) if file_name.isprintable() else repr(file_name)
    form = Form(lang, playbook)
    stages = Enum("stage", tuple(s.key for s in playbook.stages), labels=stage_names(playbook))
    fields = {
        "file": shown,
        "stages": " → ".join(form.value(stages, s.key) for s in playbook.stages),
        "languages": " | ".join(form.value(Enum("language"), code) for code in languages()),
        "rule": "{rule}",  # filled per item below
    }
    comments = {
        key: say(lang, f"scaffold.{key}", **fields)
        for key in texts(lang, "scaffold.")
        if not key.startswith("example.") and key != "list_of"
    }
    comments["coach_profile"] = say(lang, "coach.profile")
    writer = Writer(form, comments, live_examples)
    writer.deal(playbook, {"name": name, "customer": customer, "owner": owner}, stage)
    template = scaffold_environment().get_template("deal.yaml.j2")
    return template.render(
        c=comments, body="\n".join(writer.lines), schema=schema or schema_reference(Path(file_name))
    )


def stage_questions(playbook: Playbook, stage: str, lang: str) -> list[str] | None:
    """The lines `new` writes under `checklist:` for `stage` (its label, each question as a
    comment, an answer stub for each item without a rule), cut from the scaffold itself so
    that `advance` adds a stage's questions exactly as `new` writes them. In the canonical
    form (keys and values in English, comments in `lang`): `advance` edits that form and
    writes a Chinese-form file's new lines back in its own form. Indented as in the
    scaffold: two spaces for the stage key. None if the scaffold holds no such block."""
    text = scaffold("x", stage=stage, lang=lang, playbook=playbook)
    lines = rewrite_form(text, playbook).splitlines()
    keys = [i for i, line in enumerate(lines) if line == f"  {stage}:"]
    if not keys:
        return None
    key = keys[-1]
    first = key - 1 if lines[key - 1].startswith("  # ") else key
    stop = next(
        (i for i in range(key + 1, len(lines)) if not lines[i].startswith("    ")), len(lines)
    )
    return lines[first:stop]


SCHEMA_NAME = "deal.schema.json"


def schema_file(deal_path: Path) -> tuple[Path, bool]:
    """The deal.schema.json a deal file's editor modeline points at, and whether it exists.

    The nearest one in the file's folder or above, within its git work tree (a team writes
    it with `reviewkit schema -o`); else the one to write at the top of the work tree, or
    beside the file outside git. Never the installed package's copy: its absolute path
    differs on every machine and breaks the modeline for teammates once committed.
    """
    from reviewkit.model.git import work_tree_root

    folder = deal_path.absolute().parent
    root = work_tree_root(folder)
    above = [folder, *folder.parents]
    for candidate in above[: above.index(root) + 1] if root else above:
        if (candidate / SCHEMA_NAME).is_file():
            return candidate / SCHEMA_NAME, True
    return (root or folder) / SCHEMA_NAME, False


def schema_reference(deal_path: Path) -> str:
    """The modeline's schema, relative to the deal file's folder (see `schema_file`)."""
    folder = deal_path.absolute().parent
    return os.path.relpath(schema_file(deal_path)[0], folder).replace(os.sep, "/")


def write_new_deal(path: Path, text: str, *, force: bool) -> None:
    """Write a new deal file; refuse to replace an existing one unless `force`."""
    if path.exists() and not force:
        raise error("deal-exists", kind=RefusedOverwrite, path=path)
    if path.is_dir():
        raise error("is-folder", path=path)
    write_file(path, text)
