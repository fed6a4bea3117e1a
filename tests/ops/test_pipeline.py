"""pipeline's operation: which format goes where, and no PDF to the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.errors import ReviewkitError
from reviewkit.ops.pipeline import pipeline_command, pipeline_target
from tests.conftest import SAMPLES, TODAY


def run(format: str, output: str | None):  # type: ignore[no-untyped-def]
    return pipeline_command(
        [SAMPLES],
        format=format,
        output=output,
        lang=None,
        today=TODAY,
        playbook=None,
        config=None,
        jobs=1,
    )


def test_markdown_goes_to_stdout_and_html_and_pdf_to_files_by_default() -> None:
    assert pipeline_target("md", None) == "-"
    assert pipeline_target("html", None) == "pipeline.html"
    assert pipeline_target("pdf", None) == "pipeline.pdf"
    assert pipeline_target("pdf", "team/view.pdf") == "team/view.pdf"


def test_markdown_view_is_printed() -> None:
    outcome = run("md", None)
    assert outcome.code == 0 and outcome.err == ()
    assert outcome.out.startswith("#")


def test_a_file_is_written_and_named(tmp_path: Path) -> None:
    target = tmp_path / "view.html"
    outcome = run("html", str(target))
    assert outcome.out == "" and outcome.err == (f"Wrote {target}",)
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_a_pdf_is_refused_to_the_terminal() -> None:
    with pytest.raises(ReviewkitError, match="a PDF cannot be written to the terminal"):
        run("pdf", "-")
