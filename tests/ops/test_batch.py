"""`reviewkit render` over many deals: good packs written past bad files, where they go,
refusals, clashing deal ids, PDFs in parallel, and no progress line outside a terminal."""

from __future__ import annotations

import io
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.ops import batch
from reviewkit.ops.batch import Progress, render_many
from reviewkit.ops.render import PackRequest
from tests.conftest import MINIMAL, SAMPLES

DAY = "2026-12-01"

BAD = "reviewkit: 1\ndeal:\n  name: Broken deal\n  stage: relationshp\n"
BAD_MESSAGE = (
    "4:10: deal.stage: 'relationshp' is not a stage of the playbook; did you mean 'relationship'?"
)

#: Where each sample's pack goes when rendered beside it (named after the deal id).
PACKS = [
    "coastal-port-lost.review.md",
    "huadong-grid-dispatch.review.md",
    "metro-transit-wifi.review.md",
    "northfield-core-network.review.md",
    "team-meddpicc/orbit-logistics-wms.review.md",
    "xinan-hospital-stub.review.md",
]


def invoke(*args: object) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


@pytest.fixture
def deals(tmp_path: Path) -> Path:
    """A copy of samples/ with an invalid deal sorted into the middle of it."""
    folder = tmp_path / "deals"
    shutil.copytree(SAMPLES, folder)
    (folder / "m-bad.yaml").write_text(BAD, encoding="utf-8")
    return folder


def packs_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.review.*"))


def test_render_a_folder_writes_the_good_packs_beside_each_deal(deals: Path) -> None:
    result = invoke("render", deals, "--today", DAY)
    assert result.exit_code == 2
    assert packs_under(deals) == PACKS
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Wrote 6 pack(s).",
        "1 deal(s) failed:",
        f"  {deals / 'm-bad.yaml'}:{BAD_MESSAGE} — the playbook's stages are: discovery, "
        "qualification, relationship, partner, solution, bidding, implementation",
    ]
    northfield = (deals / "northfield-core-network.review.md").read_text(encoding="utf-8")
    assert northfield.startswith("# Deal review: Northfield provincial core network upgrade")
    orbit = (deals / "team-meddpicc" / "orbit-logistics-wms.review.md").read_text("utf-8")
    assert "Validate value and the champion" in orbit  # its folder's config and playbook


def test_the_batch_pack_is_the_single_file_pack(deals: Path, tmp_path: Path) -> None:
    invoke("render", deals, "--today", DAY)
    alone = invoke("render", deals / "metro-transit-wifi.yaml", "-o", "-", "--today", DAY)
    assert alone.exit_code == 0
    assert (deals / "metro-transit-wifi.review.md").read_text(encoding="utf-8") == alone.stdout


def test_excluded_playbook_and_config_files_are_not_rendered(deals: Path) -> None:
    result = invoke("render", deals, "--today", DAY)
    assert "meddpicc" not in result.stderr and "reviewkit.yaml" not in result.stderr
    assert not (deals / "playbooks" / "meddpicc.review.md").exists()
    assert not list((deals / "playbooks").glob("*.review.*"))
    # Named among several files, the excluded playbook is skipped too.
    named = invoke(
        "render",
        deals / "playbooks" / "meddpicc.yaml",
        deals / "metro-transit-wifi.yaml",
        deals / "reviewkit.yaml",
        "--today",
        DAY,
    )
    assert named.exit_code == 0, named.output
    assert named.stderr == "Wrote 1 pack(s).\n"


def test_several_files_into_a_folder(deals: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = invoke(
        "render",
        deals / "northfield-core-network.yaml",
        deals / "m-bad.yaml",
        deals / "team-meddpicc" / "orbit-logistics-wms.yaml",
        "-o",
        out,
        "--today",
        DAY,
    )
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == [
        "northfield-core-network.review.md",
        "orbit-logistics-wms.review.md",
    ]
    assert packs_under(deals) == []  # nothing beside the deals
    assert "Wrote 2 pack(s)." in result.stderr
    assert f"  {deals / 'm-bad.yaml'}:{BAD_MESSAGE}" in result.stderr


def test_a_folder_into_a_folder_in_html(deals: Path, tmp_path: Path) -> None:
    out = tmp_path / "html"
    out.mkdir()
    result = invoke("render", deals, "-o", out, "-f", "html", "--today", DAY)
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(
        Path(p).name.replace(".md", ".html") for p in PACKS
    )
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in out.iterdir())


def test_output_must_be_a_folder_for_several_deals(deals: Path, tmp_path: Path) -> None:
    two = (deals / "northfield-core-network.yaml", deals / "metro-transit-wifi.yaml")
    result = invoke("render", *two, "-o", tmp_path / "pack.md", "--today", DAY)
    assert result.exit_code == 2
    assert result.stderr == (
        f"reviewkit: {tmp_path / 'pack.md'}: -o must name a folder when rendering "
        "several deals — name a folder (it is made when missing), e.g. -o packs/\n"
    )
    assert not (tmp_path / "pack.md").exists()
    existing = tmp_path / "existing.md"
    existing.write_text("keep", encoding="utf-8")
    again = invoke("render", deals, "-o", existing, "--today", DAY)
    assert again.exit_code == 2 and "-o must name a folder" in again.stderr
    assert existing.read_text(encoding="utf-8") == "keep"
    assert packs_under(deals) == []


def test_several_deals_cannot_go_to_stdout(deals: Path) -> None:
    two = (deals / "northfield-core-network.yaml", deals / "metro-transit-wifi.yaml")
    for paths in (two, (deals,)):
        result = invoke("render", *paths, "-o", "-", "--today", DAY)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == (
            "reviewkit: several packs cannot go to stdout — give a folder with -o\n"
        )
    assert packs_under(deals) == []


def test_two_deals_with_the_same_id_into_one_folder(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    first = deals / "a-first.yaml"
    second = deals / "b-second.yaml"
    first.write_text(MINIMAL.replace("Test deal", "First deal") + "  id: same-id\n", "utf-8")
    second.write_text(MINIMAL.replace("Test deal", "Second deal") + "  id: same-id\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("render", first, second, "-o", out, "--today", DAY)
    assert result.exit_code == 2
    assert [p.name for p in out.iterdir()] == ["same-id.review.md"]
    assert (out / "same-id.review.md").read_text("utf-8").startswith("# Deal review: First deal")
    assert result.stderr.splitlines() == [
        "Wrote 1 pack(s).",
        "1 deal(s) failed:",
        f"  {second}: its pack {out / 'same-id.review.md'} would replace the pack of "
        f"{first} (same deal id)",
    ]
    # Beside the deals (same folder, same id) the clash is caught the same way.
    beside = invoke("render", deals, "--today", DAY, "--jobs", "2")
    assert beside.exit_code == 2
    assert "(same deal id)" in beside.stderr
    assert (deals / "same-id.review.md").read_text("utf-8").startswith("# Deal review: First")


def test_pdf_batch_of_three_samples(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    names = ["coastal-port-lost", "metro-transit-wifi", "northfield-core-network"]
    for name in names:
        shutil.copy(SAMPLES / f"{name}.yaml", deals)
    result = invoke("render", deals, "--format", "pdf", "--today", DAY)
    assert result.exit_code == 0, result.output
    assert result.stderr == "Wrote 3 pack(s).\n"
    pdfs = sorted(deals.glob("*.pdf"))
    assert [p.name for p in pdfs] == [f"{n}.review.pdf" for n in names]
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("format", ["md", "html"])
def test_one_process_and_several_give_the_same_packs(
    deals: Path, tmp_path: Path, format: str
) -> None:
    outputs = {}
    for jobs in ("1", "2", None):
        out = tmp_path / f"out-{jobs}"
        out.mkdir()
        extra = ("--jobs", jobs) if jobs else ()
        result = invoke("render", deals, "-o", out, "-f", format, "--today", DAY, *extra)
        assert result.exit_code == 2  # the bad file
        outputs[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(outputs["1"]) == 6
    assert outputs["1"] == outputs["2"] == outputs[None]


def test_no_progress_line_when_stderr_is_not_a_terminal(deals: Path) -> None:
    result = invoke("render", deals, "--today", DAY, "--jobs", "1")
    assert "rendering" not in result.stderr
    assert "\r" not in result.stderr and "\\r" not in result.stderr
    assert result.stderr.startswith("Wrote 6 pack(s).\n")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_in_ci_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("CI", "true")
    progress = Progress(2)
    progress.step(Path("a.yaml"))
    progress.close()
    assert screen.getvalue() == ""
    assert progress.done == 1


def test_progress_rewrites_one_terminal_line(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.delenv("CI", raising=False)
    progress = Progress(2)
    progress.step(Path("a.yaml"))
    progress.step(Path("b.yaml"))
    progress.close()
    text = screen.getvalue()
    assert "\\" not in text
    assert text.startswith("\rrendering 1/2  a.yaml")
    assert "\rrendering 2/2  b.yaml" in text
    assert text.endswith("\r" + " " * 72 + "\r")


def test_render_many_reports_failures_and_writes_the_rest(deals: Path) -> None:
    result = render_many(
        [deals / "m-bad.yaml", deals / "metro-transit-wifi.yaml"],
        PackRequest(today=None),
        jobs=1,
    )
    assert result.written == [deals / "metro-transit-wifi.review.md"]
    assert [(path, lines[0].split(": ")[0]) for path, lines in result.failures] == [
        (deals / "m-bad.yaml", f"{deals / 'm-bad.yaml'}:4:10")
    ]


def test_an_internal_error_in_one_deal_does_not_stop_the_others(
    deals: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch.make_pack

    def flaky(path: Path, request: PackRequest, output: str | None = None):  # type: ignore[no-untyped-def]
        if path.name == "metro-transit-wifi.yaml":
            raise KeyError("boom")
        return real(path, request, output)

    monkeypatch.setattr(batch, "make_pack", flaky)
    result = invoke("render", deals, "--today", DAY, "--jobs", "1")
    assert result.exit_code == 2
    assert "Wrote 5 pack(s)." in result.stderr
    assert "  internal error (KeyError: 'boom'); please report it" in result.stderr
    assert not (deals / "metro-transit-wifi.review.md").exists()


def test_a_folder_without_deals_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("render", empty, "--today", DAY)
    assert result.exit_code == 2
    assert f"reviewkit: {empty}: no deal files (*.yaml, *.yml) in this folder" in result.stderr


def test_batch_since_a_revision_fails_only_the_deal_that_did_not_exist(tmp_path: Path) -> None:
    import subprocess

    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    git += ["-c", "commit.gpgsign=false", "-C", str(repo)]
    old = repo / "old.yaml"
    old.write_text(MINIMAL + "  id: old-deal\n", encoding="utf-8")
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "v1"], check=True)
    old.write_text(MINIMAL + "  id: old-deal\n  value: {amount: 5, currency: EUR}\n", "utf-8")
    new = repo / "new.yaml"
    new.write_text(MINIMAL + "  id: new-deal\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "v2"], check=True)
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("render", repo, "--since", "HEAD~1", "-o", out, "--today", DAY, "-j", "1")
    assert result.exit_code == 2
    assert [p.name for p in out.iterdir()] == ["old-deal.review.md"]
    pack = (out / "old-deal.review.md").read_text(encoding="utf-8")
    assert "- Value: — → EUR 5" in pack
    assert "  reviewkit: " not in result.stderr
    assert f"  {new}: cannot read it at 'HEAD~1': " in result.stderr


def test_render_command_renders_one_file_alone_and_a_folder_as_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "deals"
    folder.mkdir()
    deal = folder / "one.yaml"
    deal.write_text(MINIMAL, encoding="utf-8")
    request = PackRequest(today=date(2026, 12, 1))
    outcome = batch.render_command([deal], request, None, 1)
    assert outcome.err == (f"Wrote {folder / 'one.review.md'}",) and outcome.code == 0
    (folder / "bad.yaml").write_text(BAD, encoding="utf-8")
    outcome = batch.render_command([folder], request, None, 1)
    assert outcome.err[:2] == ("Wrote 1 pack(s).", "1 deal(s) failed:")
    assert outcome.err[2].startswith("  ") and BAD_MESSAGE in outcome.err[2]
    assert outcome.code == 2
