"""schema's operation: the JSON Schema on stdout, or in a file it names."""

from __future__ import annotations

import json
from pathlib import Path

from reviewkit.model.jsonschema import SHIPPED
from reviewkit.ops.schema import schema_command


def test_the_schema_goes_to_stdout_or_to_a_file(tmp_path: Path) -> None:
    printed = schema_command(None, None, None)
    assert printed.err == () and json.loads(printed.out)["$id"] == "urn:reviewkit:deal:1"
    target = tmp_path / "deal.schema.json"
    written = schema_command(target, None, None)
    assert written.out == "" and written.err == (f"Wrote {target}",)
    assert target.read_text(encoding="utf-8") == printed.out == SHIPPED.read_text(encoding="utf-8")
