"""`reviewkit new`: write a new deal file, commented to teach the methodology."""

from __future__ import annotations

from pathlib import Path

from reviewkit.model.config import Settings
from reviewkit.ops.outcome import Outcome
from reviewkit.ops.render import gitignore_note
from reviewkit.present.scaffold import scaffold, schema_file, slug, write_new_deal
from reviewkit.text.catalogue import FALLBACK, say


def new_command(
    name: str,
    *,
    stage: str | None,
    lang: str | None,
    customer: str,
    owner: str,
    output: Path | None,
    force: bool,
    playbook: Path | None,
    config: Path | None,
) -> Outcome:
    """Write the deal file (by default named after the deal) and say what to do next."""
    path = output or Path(f"{slug(name)}.yaml")
    settings = Settings(config, playbook).for_file(path.absolute())
    lang = lang or settings.language or FALLBACK
    text = scaffold(
        name,
        stage=stage,
        lang=lang,
        customer=customer,
        owner=owner,
        playbook=settings.playbook,
        file_name=str(path),
    )
    write_new_deal(path, text, force=force)
    out = say(lang, "cli.new-deal", path=path) + "\n"
    schema, exists = schema_file(path)
    if not exists:
        out += say(lang, "cli.new-schema", command=_schema_command(schema)) + "\n"
    note = gitignore_note(path.with_name(f"{path.stem}.review.pdf"), lang)
    return Outcome(out, err=(note,) if note else ())


def _schema_command(schema: Path) -> str:
    """`reviewkit schema -o PATH`, with PATH as short as it can be from here."""
    import os
    import shlex

    try:
        shown = os.path.relpath(schema)
    except ValueError:  # another drive
        shown = str(schema)
    shown = str(schema) if shown.startswith(f"..{os.sep}..") else shown
    return f"reviewkit schema -o {shlex.quote(shown)}"
