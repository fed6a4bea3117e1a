"""`reviewkit schema`: the JSON Schema of deal files for the playbook in use, for editors."""

from __future__ import annotations

from pathlib import Path

from reviewkit.model.config import Settings
from reviewkit.model.jsonschema import deal_json_schema, dumps
from reviewkit.ops.outcome import Outcome
from reviewkit.ops.render import write_pack
from reviewkit.text.catalogue import FALLBACK, say


def schema_command(output: Path | None, playbook: Path | None, config: Path | None) -> Outcome:
    """The schema on stdout, or written to `output` (with the playbook of that folder)."""
    folder = output.absolute().parent if output else Path.cwd()
    settings = Settings(config, playbook).for_folder(folder)
    text = dumps(deal_json_schema(settings.playbook))
    if output is None:
        return Outcome(text)
    write_pack(output, text)
    return Outcome(err=(say(settings.language or FALLBACK, "cli.wrote", path=output),))
