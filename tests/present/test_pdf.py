"""The printable pack: real PDFs made by WeasyPrint, read back with pypdf."""

from __future__ import annotations

import gc
import html as html_lib
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdf
import pytest

from reviewkit.errors import ReviewkitError
from reviewkit.model.deal import load_deal
from reviewkit.ops.render import render_pack
from reviewkit.present import pdf as pdf_module
from reviewkit.present.pdf import AssetsOnlyFetcher, html_to_pdf
from tests.conftest import MINIMAL, SAMPLES, TODAY

EN_HEADINGS = [
    "1. Background",
    "2. Decision-chain analysis",
    "3. Dynamics: customer, competitors, channel",
    "4. Strengths and weaknesses",
    "5. Strategies",
    "6. Next actions",
    "Appendix: stage checklist",
]
ZH_HEADINGS = [
    "1. 项目背景",
    "2. 决策链分析",
    "3. 客户、竞争对手与渠道动态",
    "4. 自身优劣势分析",
    "5. 策略",
    "6. 下一步行动计划",
    "附录：阶段检查清单",
]


def render_pdf(path: Path, out: Path, **options: object) -> pypdf.PdfReader:
    written = render_pack(path, format="pdf", output=str(out), today=TODAY, **options)  # type: ignore[arg-type]
    assert written == out
    return pypdf.PdfReader(io.BytesIO(out.read_bytes()))


def text_of(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text without the line breaks and spaces that layout inserts."""
    return "".join(text.split())


def outline_titles(items: list[object]) -> list[str]:
    titles: list[str] = []
    for item in items:
        if isinstance(item, list):
            titles.extend(outline_titles(item))
        else:
            titles.append(item.title)  # type: ignore[attr-defined]
    return titles


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pypdf.PdfReader]:
    out = tmp_path_factory.mktemp("pdf")
    names = ["northfield-core-network", "huadong-grid-dispatch"]
    return {name: render_pdf(SAMPLES / f"{name}.yaml", out / f"{name}.pdf") for name in names}


@pytest.mark.parametrize(
    ("name", "headings"),
    [("northfield-core-network", EN_HEADINGS), ("huadong-grid-dispatch", ZH_HEADINGS)],
)
def test_pdf_has_every_heading_and_person(sample_pdfs, name: str, headings: list[str]) -> None:
    reader = sample_pdfs[name]
    text = flat(text_of(reader))
    for heading in headings:
        assert flat(heading) in text, heading
    for person in load_deal(SAMPLES / f"{name}.yaml").data["decision_chain"]:
        assert flat(person["name"]) in text, person["name"]
    assert len(reader.pages) >= 4


@pytest.mark.parametrize(
    ("name", "headings", "lang"),
    [
        ("northfield-core-network", EN_HEADINGS, "en"),
        ("huadong-grid-dispatch", ZH_HEADINGS, "zh-Hans"),
    ],
)
def test_pdf_metadata_bookmarks_and_language(sample_pdfs, name, headings, lang) -> None:
    reader = sample_pdfs[name]
    deal = load_deal(SAMPLES / f"{name}.yaml")
    meta = reader.metadata
    assert meta is not None
    assert deal.name in meta.title
    assert meta.author == deal.data["deal"]["owner"]
    assert meta.subject and deal.data["deal"]["customer"] in meta.subject
    assert meta.get("/Keywords")
    assert reader.trailer["/Root"]["/Lang"] == lang
    titles = outline_titles(reader.outline)
    for heading in headings:
        assert heading in titles


def fonts_of(reader: pypdf.PdfReader) -> set[str]:
    """The embedded fonts' names, without the subset tag (ABCDEF+Noto-Sans -> Noto-Sans)."""
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return fonts


def test_chinese_pack_embeds_a_cjk_font(sample_pdfs) -> None:
    fonts = fonts_of(sample_pdfs["huadong-grid-dispatch"])
    assert "Noto-Sans-CJK-SC" in fonts and "Noto-Sans-CJK-SC-Bold" in fonts, fonts


def test_english_pack_is_drawn_in_a_latin_face(sample_pdfs) -> None:
    """No 19 MB CJK font for Latin text: small subsets, a small PDF."""
    if not Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf").exists():
        pytest.fail("Noto Sans is missing: run `make setup` (it installs fonts-noto-core)")
    fonts = fonts_of(sample_pdfs["northfield-core-network"])
    assert {"Noto-Sans", "Noto-Sans-Bold"} <= fonts, fonts
    assert not [f for f in fonts if "CJK" in f], fonts


@pytest.mark.parametrize("name", ["northfield-core-network", "huadong-grid-dispatch"])
def test_no_synthesised_oblique_face(sample_pdfs, name: str) -> None:
    """CJK fonts have no italic: emphasis in Chinese stays upright instead of a slanted copy."""
    fonts = fonts_of(sample_pdfs[name])
    assert not [f for f in fonts if "Oblique" in f or ("CJK" in f and "Italic" in f)], fonts


def test_running_header_and_footer(sample_pdfs) -> None:
    reader = sample_pdfs["northfield-core-network"]
    total = len(reader.pages)
    second = reader.pages[1].extract_text()
    assert "Northfield provincial core network upgrade" in second
    assert "CONFIDENTIAL" in second.upper()
    assert f"Page 2 of {total}" in second
    assert "Review date: 2026-12-03" in second
    zh = sample_pdfs["huadong-grid-dispatch"].pages[1].extract_text()
    assert "机密" in zh and "第 2 页" in zh


def test_table_headers_repeat_on_every_page(write, tmp_path: Path) -> None:
    actions = "".join(
        f"  - what: Follow-up visit number {i} with the customer's engineering team\n"
        f"    owner: Li Wei\n    due: 2027-01-{i % 28 + 1:02d}\n"
        f"    checkpoint: minutes sent within a day\n"
        for i in range(60)
    )
    reader = render_pdf(write(MINIMAL + "actions:\n" + actions), tmp_path / "long.pdf")
    pages = [p.extract_text() for p in reader.pages]
    with_actions = [p for p in pages if "Follow-up visit number" in p]
    assert len(with_actions) >= 2
    assert all("Checkpoint" in p for p in with_actions)
    # No row is split across pages: each action's text appears whole on one page.
    for i in range(60):
        assert sum(f"Follow-up visit number {i} with" in p for p in pages) == 1


FLOOR = (
    MINIMAL.replace("stage: relationship", "stage: bidding\n  confidential: true")
    + """\
strategy:
  commercial:
    quote: {amount: 11800000, currency: CNY}
    floor: {amount: 10900000, currency: CNY}
"""
)


def test_floor_absent_from_pdf_unless_revealed(write, tmp_path: Path) -> None:
    path = write(FLOOR)
    hidden = flat(text_of(render_pdf(path, tmp_path / "hidden.pdf")))
    assert "10,900,000" not in hidden and "10900000" not in hidden
    assert "withheld" in hidden
    shown = flat(text_of(render_pdf(path, tmp_path / "shown.pdf", reveal_floor=True)))
    assert "CNY10,900,000" in shown
    assert "Floorpricerevealed" in shown


def test_floor_absent_from_html_unless_revealed(write, tmp_path: Path) -> None:
    path = write(FLOOR)
    out = render_pack(path, format="html", output=str(tmp_path / "p.html"), today=TODAY)
    assert out is not None and "10,900,000" not in out.read_text(encoding="utf-8")


# -- safe rendering ----------------------------------------------------------------------


@pytest.fixture
def listener():
    """A TCP port on the loopback that records any connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.setblocking(False)
    yield server
    server.close()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    attempts: list[object] = []
    original = socket.socket.connect

    def connect(self, address):  # type: ignore[no-untyped-def]
        attempts.append(address)
        return original(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts


def hostile_deal(port: int) -> str:
    return (
        MINIMAL
        + f"""\
background:
  customer:
    business: |
      <img src="file:///etc/passwd">
      <link rel="attachment" href="file:///etc/hostname">
      <style>@import url(file:///etc/os-release);</style>
      @import url(file:///etc/os-release);
      <img src="http://127.0.0.1:9/x.png"> <img src="http://127.0.0.1:{port}/y.png">
decision_chain:
  - name: '<a rel="attachment" href="file:///etc/hostname">x</a>'
    notes: http://127.0.0.1:{port}/z.png
"""
    )


def secrets() -> list[str]:
    found = []
    for name in ("/etc/passwd", "/etc/hostname", "/etc/os-release"):
        text = Path(name).read_text(encoding="utf-8", errors="replace")
        found.extend(line.strip() for line in text.splitlines() if len(line.strip()) > 6)
    return found


def assert_safe(data: bytes, listener: socket.socket, attempts: list[object]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert not any("/FileAttachment" in str(p.get("/Annots", "")) for p in reader.pages)
    text = flat(text_of(reader))
    raw = data.decode("latin-1")
    for line in secrets():
        assert flat(line) not in text and line not in raw
    assert attempts == []
    with pytest.raises(BlockingIOError):
        listener.accept()


def test_hostile_deal_text_fetches_nothing(write, tmp_path: Path, listener, no_network) -> None:
    port = listener.getsockname()[1]
    path = write(hostile_deal(port))
    out = tmp_path / "hostile.pdf"
    render_pack(path, format="pdf", output=str(out), today=TODAY)
    assert_safe(out.read_bytes(), listener, no_network)
    # The text is shown, as text.
    assert 'src="file:///etc/passwd"' in text_of(pypdf.PdfReader(out))


def test_fetcher_refuses_everything_but_reviewkit_assets(listener, no_network) -> None:
    """Even markup that reached WeasyPrint unescaped could fetch nothing."""
    port = listener.getsockname()[1]
    html = f"""<html><head>
      <link rel="stylesheet" href="file:///etc/os-release">
      <link rel="attachment" href="file:///etc/hostname">
      <style>@import url(file:///etc/passwd); body {{ background: url(http://127.0.0.1:{port}/b.png) }}</style>
      </head><body><p>safe</p>
      <img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">
      <img src="http://127.0.0.1:{port}/y.png"><a rel="attachment" href="file:///etc/hostname">a</a>
      <object data="file:///etc/passwd"></object><embed src="file:///etc/hostname">
      </body></html>"""
    data, refused = html_to_pdf(html)
    assert_safe(data, listener, no_network)
    assert any("passwd" in url for url in refused)
    assert any(f":{port}/" in url for url in refused)


def test_fetcher_serves_files_inside_the_package_only(tmp_path: Path) -> None:
    import urllib.request

    fetcher = AssetsOnlyFetcher()
    # Not WeasyPrint's urllib opener: no HTTP, FTP or proxy handler to reach anything with.
    assert not isinstance(fetcher, urllib.request.OpenerDirector)
    assert not hasattr(fetcher, "handlers") and not hasattr(fetcher, "open")
    css = fetcher.root / "pack.css"
    assert fetcher.fetch(css.as_uri()).read().startswith(b"/*")
    outside = tmp_path / "x.css"
    outside.write_text("x")
    for url in (
        outside.as_uri(),
        (fetcher.root / ".." / "pyproject.toml").as_uri(),
        "http://127.0.0.1:9/",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_html_is_self_contained(tmp_path: Path) -> None:
    out = render_pack(
        SAMPLES / "northfield-core-network.yaml",
        format="html",
        output=str(tmp_path / "p.html"),
        today=TODAY,
    )
    assert out is not None
    html = out.read_text(encoding="utf-8")
    assert "<style>" in html and "<svg" in html
    assert "<link" not in html and "src=" not in html and "url(" not in html


# -- fonts and nothing lost -------------------------------------------------------------

LATIN_ONLY = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def test_no_cjk_font_exits_2_naming_the_package(tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.exists():  # the Makefile installs fonts-dejavu-core
        pytest.fail(f"{dejavu} is missing: run `make setup`")
    (fonts / dejavu.name).symlink_to(dejavu)
    conf = tmp_path / "fonts.conf"
    conf.write_text(LATIN_ONLY.format(fonts=fonts, cache=tmp_path / "cache"))
    out = tmp_path / "pack.pdf"
    earlier = b"%PDF-1.7 an earlier pack"
    out.write_bytes(earlier)
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewkit",
            "render",
            str(SAMPLES / "huadong-grid-dispatch.yaml"),
            "--format",
            "pdf",
            "-o",
            str(out),
            "--today",
            "2026-12-01",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "fonts-noto-cjk" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes() == earlier
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pack.pdf")]
    # The same machine renders an English pack without complaint.
    english = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewkit",
            "render",
            str(SAMPLES / "metro-transit-wifi.yaml"),
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "en.pdf"),
            "--today",
            "2026-12-01",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert english.returncode == 0, english.stderr


def test_failed_render_leaves_the_earlier_pack_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pack.pdf"
    render_pack(SAMPLES / "metro-transit-wifi.yaml", format="pdf", output=str(out), today=TODAY)
    before = out.read_bytes()

    def broken(html: str) -> tuple[bytes, list[str]]:
        raise ReviewkitError("disk on fire")

    monkeypatch.setattr("reviewkit.present.pdf.html_to_pdf", broken)
    with pytest.raises(ReviewkitError):
        render_pack(SAMPLES / "metro-transit-wifi.yaml", format="pdf", output=str(out), today=TODAY)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


# -- the garbage collector ----------------------------------------------------------------


def pack_html(tmp_path: Path, sample: str) -> str:
    out = render_pack(SAMPLES / sample, format="html", output=str(tmp_path / "p.html"), today=TODAY)
    assert out is not None
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", ["northfield-core-network.yaml", "huadong-grid-dispatch.yaml"])
def test_keeping_the_collector_out_changes_no_byte_of_the_pdf(tmp_path: Path, sample: str) -> None:
    html = pack_html(tmp_path, sample)
    quiet, _ = html_to_pdf(html)
    plain, _ = html_to_pdf(html, quiet_collector=False)
    assert quiet == plain


def test_no_collection_runs_during_a_render_and_its_leftovers_wait(tmp_path: Path) -> None:
    html = pack_html(tmp_path, "metro-transit-wifi.yaml")
    collections: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(record)
    try:
        html_to_pdf(html, quiet_collector=False)
        assert collections  # WeasyPrint alone sets the collector off many times
        collections.clear()
        parked = pdf_module._parked  # an earlier render's leftovers, collected first
        html_to_pdf(html)
        html_to_pdf(html)
    finally:
        gc.callbacks.remove(record)
    # Each render collected the previous one's leftovers before it began; nothing else ran.
    assert collections == [2] * (1 + parked)
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # the last render's leftovers, out of every collection's way


def test_what_the_import_of_weasyprint_creates_is_out_of_the_collectors_way() -> None:
    # Frozen before the collector is back on: its first pass does not scan all of it.
    probe = (
        "import gc, json\nimport reviewkit.present.pdf\n"
        "print(json.dumps([gc.isenabled(), gc.get_freeze_count(), len(gc.get_objects())]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    enabled, frozen, scanned = json.loads(result.stdout)
    assert enabled
    assert frozen > 50_000 and scanned < frozen / 10


# -- a long decision chain ------------------------------------------------------------------

A4_HEIGHT = 841.89  # pt
TOP_MARGIN, BOTTOM_MARGIN = 36.85, 34.02  # 13 mm and 12 mm (pack.css @page)
ATTITUDES = ("supporter", "ally", "opposer", "acknowledger", "non-supporter", "sympathizer")


def chain_deal(count: int) -> str:
    """A deal with `count` people, most of them high-influence supporters: one tall column."""
    people = "".join(
        f"  - name: Lin Q{i:03d}\n"
        f"    title: Engineer, site {i}\n"
        f"    roles: [{('technical', 'user', 'advisor')[i % 3]}]\n"
        f"    influence: {('high', 'high', 'medium', 'low')[i % 4]}\n"
        f"    attitude: {ATTITUDES[0] if i % 4 else ATTITUDES[i // 4 % 6]}\n"
        f"    notes: Met at the network planning workshop.\n"
        f"    needs: {{personal: a seat on the planning board}}\n"
        for i in range(count)
    )
    # One workshop aimed at everyone, so that no finding names one of them a fourth time.
    names = ", ".join(f"Lin Q{i:03d}" for i in range(count))
    plan = f"actions:\n  - {{what: Workshop, owner: Li Wei, due: 2026-12-20, with: [{names}]}}\n"
    return MINIMAL + "decision_chain:\n" + people + plan


def pdf_words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Every word poppler reads on the page: (page, x0, y0, x1, y1 in pt from the top, text)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page,
        ):
            x0, y0, x1, y1 = (float(v) for v in match.groups()[:4])
            words.append((number, x0, y0, x1, y1, html_lib.unescape(match.group(5))))
    return words


def ink_below(pdf: Path, page: int, top: float, dpi: int = 36) -> list[tuple[float, float]]:
    """Points (x, y in pt) of anything drawn on `page` lower than `top` pt from the top."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "p"
        pages = ["-f", str(page), "-l", str(page)]
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(dpi), *pages, str(pdf), str(prefix)], check=True
        )
        data = next(Path(folder).glob("p*.pgm")).read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header is not None
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end() :]
    scale = 72 / dpi
    first = int(top / scale) + 1
    return [
        (x * scale, y * scale)
        for y in range(first, height)
        for x in range(width)
        if pixels[y * width + x] < 250  # the map's palest tint is 245
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make setup)")
def test_a_sixty_person_map_shows_everyone_and_stays_off_the_footer(write, tmp_path: Path) -> None:
    count = 60
    out = tmp_path / "chain.pdf"
    render_pdf(write(chain_deal(count)), out)
    words = pdf_words(out)
    content_bottom = A4_HEIGHT - BOTTOM_MARGIN
    # Every person appears three times, each inside a page's content area: on the org chart,
    # on the map and on their card. A figure that ran off its page would lose some.
    for i in range(count):
        seen = [w for w in words if w[5] == f"Q{i:03d}"]
        assert len(seen) == 3, (i, seen)
        assert all(w[2] >= TOP_MARGIN and w[4] <= content_bottom for w in seen), seen
    # Only the running footer is written in the bottom margin, and nothing else is drawn there.
    footer = [w for w in words if w[2] >= content_bottom]
    assert {w[5] for w in footer} <= {"Review", "date:", "2026-12-01", "Page", "of"} | {
        str(n) for n in range(1, 100)
    }, footer
    pages = max(w[0] for w in words)
    for page in range(1, pages + 1):
        boxes = [w for w in footer if w[0] == page]
        stray = [
            (x, y)
            for x, y in ink_below(out, page, content_bottom + 2)
            if not any(b[1] - 3 <= x <= b[3] + 3 and b[2] - 3 <= y <= b[4] + 3 for b in boxes)
        ]
        assert not stray, (page, stray[:5])


def test_the_command_leaves_at_once_after_a_pdf_with_everything_written(tmp_path: Path) -> None:
    # `reviewkit` skips the interpreter's teardown after a PDF: the pack, the message and the
    # exit code must all be there all the same, for one pack and for a batch.
    reviewkit = Path(sys.executable).parent / "reviewkit"
    one = subprocess.run(
        [reviewkit, "render", SAMPLES / "northfield-core-network.yaml", "--format", "pdf",
         "-o", tmp_path / "one.pdf", "--today", TODAY.isoformat()],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (one.returncode, one.stderr) == (0, f"Wrote {tmp_path / 'one.pdf'}\n")
    assert len(pypdf.PdfReader(tmp_path / "one.pdf").pages) > 3
    (tmp_path / "packs").mkdir()
    many = subprocess.run(
        [reviewkit, "render", SAMPLES, "--format", "pdf", "-o", tmp_path / "packs",
         "--today", TODAY.isoformat(), "--jobs", "2"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert many.returncode == 0, many.stderr
    assert many.stderr.startswith("Wrote ")
    for pack in (tmp_path / "packs").glob("*.pdf"):
        assert pypdf.PdfReader(pack).pages
    assert not list((tmp_path / "packs").glob(".*.tmp"))
