"""Start-up stays light: --help and check never import WeasyPrint; the C YAML parser is used."""

from __future__ import annotations

import json
import subprocess
import sys

from reviewkit.model import yamlread
from tests.conftest import SAMPLES

PROBE = """
import json, sys
from reviewkit.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_after(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_help_does_not_import_heavy_modules() -> None:
    loaded = modules_after("--help")
    assert "weasyprint" not in loaded
    assert "jinja2" not in loaded
    assert "reviewkit.model.deal" not in loaded
    assert not {"docx", "openpyxl", "cairosvg"} & loaded


def test_check_does_not_import_weasyprint_or_jinja() -> None:
    loaded = modules_after("check", str(SAMPLES / "northfield-core-network.yaml"))
    assert "reviewkit.judge.engine" in loaded  # the check really ran
    assert "weasyprint" not in loaded
    assert "jinja2" not in loaded
    assert not {"docx", "openpyxl", "cairosvg"} & loaded


def test_the_c_parser_of_ruamel_yaml_is_used() -> None:
    import _ruamel_yaml

    assert yamlread.PARSER is _ruamel_yaml.CParser
    assert _ruamel_yaml.__file__.endswith((".so", ".pyd"))
    root, problems = yamlread.compose("a: [1, 2]\n", "x.yaml")
    assert problems == [] and root is not None
