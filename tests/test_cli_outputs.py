"""Where `render` and `pipeline` write and in which format: the format from the `-o`
extension, mismatches and unknown extensions refused, missing output folders made."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import LessonsFormat, PipelineFormat, RenderFormat, app
from reviewkit.ops.render import EXTENSIONS, LESSONS_EXTENSIONS, PIPELINE_EXTENSIONS, SUFFIX
from tests.conftest import SAMPLES

DAY = "2026-12-01"
DEAL = SAMPLES / "northfield-core-network.yaml"


def invoke(*args: object) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.mark.parametrize(
    ("name", "start"),
    [("pack.pdf", b"%PDF-"), ("pack.html", b"<!DOCTYPE html>"), ("pack.md", b"# ")],
)
def test_render_takes_the_format_from_the_extension(
    tmp_path: Path, name: str, start: bytes
) -> None:
    out = tmp_path / name
    result = invoke("render", DEAL, "-o", out, "--today", DAY)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(start)
    assert result.stderr == f"Wrote {out}\n"


@pytest.mark.parametrize(
    ("name", "part"), [("pack.docx", "word/document.xml"), ("pack.xlsx", "xl/workbook.xml")]
)
def test_render_writes_word_and_excel_from_the_extension(
    tmp_path: Path, name: str, part: str
) -> None:
    out = tmp_path / name
    result = invoke("render", DEAL, "-o", out, "--today", DAY)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as package:
        assert part in package.namelist()
    assert result.stderr == f"Wrote {out}\n"


@pytest.mark.parametrize(("name", "start"), [("p.pdf", b"%PDF-"), ("p.html", b"<!DOCTYPE")])
def test_pipeline_takes_the_format_from_the_extension(
    tmp_path: Path, name: str, start: bytes
) -> None:
    out = tmp_path / name
    result = invoke("pipeline", SAMPLES, "-o", out, "--today", DAY)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(start)


def test_pipeline_writes_excel_from_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "pipeline.xlsx"
    result = invoke("pipeline", SAMPLES, "-o", out, "--today", DAY)
    assert result.exit_code == 0, result.output
    sheets = openpyxl.load_workbook(out, read_only=True)
    cells = [str(c) for sheet in sheets for row in sheet.iter_rows(values_only=True) for c in row]
    assert "Northfield provincial core network upgrade" in cells


def test_the_format_choices_and_the_extensions_agree() -> None:
    """`--format`'s choices are the formats some extension names: one list of formats."""
    assert set(RenderFormat) == set(EXTENSIONS.values()) == set(SUFFIX)
    assert set(PipelineFormat) == set(PIPELINE_EXTENSIONS.values())
    assert set(LessonsFormat) == set(LESSONS_EXTENSIONS.values())


@pytest.mark.parametrize("command", ["render", "pipeline"])
def test_a_format_that_contradicts_the_extension_is_refused(command: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    path = DEAL if command == "render" else SAMPLES
    result = invoke(command, path, "--format", "md", "-o", out, "--today", DAY)
    assert result.exit_code == 2
    assert result.stderr == (
        f"reviewkit: {out} is named as pdf, but --format is md"
        " — drop --format, or name the file to match it\n"
    )
    assert not out.exists()


def test_an_unknown_extension_names_the_known_ones(tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    result = invoke("render", DEAL, "-o", out, "--today", DAY)
    assert result.exit_code == 2
    assert result.stderr == (
        f"reviewkit: {out}: cannot tell the format from the file name — end the name with one "
        "of .md, .markdown, .html, .htm, .pdf, .docx, .xlsx, or pass --format"
        " (for a folder, end it with /)\n"
    )
    assert not out.exists()
    forced = invoke("render", DEAL, "-o", out, "--format", "md", "--today", DAY)
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# ")


def test_render_many_makes_the_output_folder_and_its_parents(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    shutil.copytree(SAMPLES, deals)
    for out in (tmp_path / "a" / "b" / "packs/", tmp_path / "plain"):
        result = invoke("render", deals, "--format", "html", "-o", out, "--today", DAY)
        assert result.exit_code == 0, result.output
        assert len(list(out.glob("*.review.html"))) == 6


def test_render_one_into_a_new_folder(tmp_path: Path) -> None:
    result = invoke("render", DEAL, "-o", f"{tmp_path / 'packs'}/", "--today", DAY)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "packs" / "northfield-core-network.review.md").is_file()


def test_many_deals_into_an_existing_file_is_refused(tmp_path: Path) -> None:
    existing = tmp_path / "packs"
    existing.write_text("keep", encoding="utf-8")
    result = invoke("render", SAMPLES, "-o", existing, "--today", DAY)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"reviewkit: {existing}: -o must name a folder")
    assert existing.read_text(encoding="utf-8") == "keep"
