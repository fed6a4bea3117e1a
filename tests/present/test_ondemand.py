"""fontTools' subsetter and instancer: not loaded by a render, loaded and real when used."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import SAMPLES

PROBE = """
import json, sys
from pathlib import Path
loaded = lambda: sorted(m for m in ("fontTools.subset", "fontTools.varLib.instancer")
                        if m in sys.modules)
import reviewkit.present.pdf
after_import = loaded()
from reviewkit.ops.render import render_pack
render_pack(Path(sys.argv[1]), format="pdf", output=sys.argv[2])
after_render = loaded()
import fontTools.subset
from weasyprint.pdf import fonts
real = fonts.subset.Subsetter is fontTools.subset.Subsetter
try:
    fonts.instantiateVariableFont(None, {})
except Exception as exc:
    raised = type(exc).__name__
import fontTools.varLib.instancer as instancer
print(json.dumps({
    "after_import": after_import,
    "after_render": after_render,
    "real": real,
    "raised": raised,
    "instancer_is_real": type(instancer).__name__ == "module",
}))
"""


def test_a_render_never_loads_them_and_weasyprint_gets_the_real_ones(tmp_path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            str(SAMPLES / "huadong-grid-dispatch.yaml"),
            str(tmp_path / "p.pdf"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["after_import"] == []
    assert probe["after_render"] == []  # static fonts, HarfBuzz's own subsetter
    assert probe["real"]  # used, the stand-in is the real module
    assert probe["raised"] == "TypeError"  # the real instancer ran (on a bad argument)
    assert probe["instancer_is_real"]
