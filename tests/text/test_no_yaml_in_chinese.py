"""A Chinese reader never meets the deal file's machinery: every command, on every sample made
Chinese, says nothing with a YAML path, an English enum value, a stage key, a rule slug or an
English word in it, except the words the user wrote in the deal file (or the team playbook).

Each sample is copied with `language: zh`; then `check`, `render` (md, html, the PDF's text,
and the text of the Word and Excel packs as python-docx and openpyxl read it), `advance`, `diff`, `pipeline`, `playbook show --lang zh`, `rule NAME --lang zh` and
`new --lang zh` run on it, and every line a person reads is scanned.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from ruamel.yaml import YAML
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.model.playbook import load_playbook
from reviewkit.model.rulenames import RULE_SLUGS
from reviewkit.text.labels import ENUMS
from tests.conftest import ROOT, SAMPLE_DEALS, SAMPLES

TODAY = "2026-12-01"
DEFAULT_PLAYBOOK = ROOT / "reviewkit" / "playbooks" / "default.yaml"
TEAM_PLAYBOOK = SAMPLES / "playbooks" / "meddpicc.yaml"

#: An ASCII identifier with a dot or an underscore: a YAML path or key (`decision_chain`).
IDENTIFIER = re.compile(r"(?<![\w./-])[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z][A-Za-z0-9]*)+(?![\w])")
#: A word of English (hyphens inside, as in `pre-bid`).
WORD = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z]+(?:-[A-Za-z]+)*(?![A-Za-z0-9_])")
#: The words a Chinese page may carry: the course's own abbreviations and loan words, the
#: program's name, currency codes, units.
ALLOWED = {
    "reviewkit",
    "PIC",
    "UCV",
    "PDP",
    "IT",
    "mindshare",
    "heartshare",
    "PDF",
    "CNY",
    "USD",
    "EUR",
    "KPI",
    # the course's case names its people by letter (A the decision maker, C the competitor's
    # classmate), and the playbook's lessons quote it
    "A",
    "B",
    "C",
}
#: The prefix of a `check` line, the linters' convention editors read: `path:line:col: severity rule`.
CHECK_PREFIX = re.compile(r"^\S+:\d+:\d+: (?:错误|警告|提示) [a-z-]+ ", re.MULTILINE)
#: A file's path, as the commands name the files they read and write.
FILE_PATH = re.compile(r"[\w./\\-]*[\w-]+\.(?:ya?ml|md|html|pdf)\b")  # Markdown escapes `_`


def forbidden_words() -> set[str]:
    """Enum values, booleans, stage and item keys of both playbooks, and rule slugs."""
    words = {value for name, values in ENUMS.items() if name != "language" for value in values}
    words |= {"true", "false", "null"}
    words |= set(RULE_SLUGS)
    for path in (DEFAULT_PLAYBOOK, TEAM_PLAYBOOK):
        playbook = load_playbook(path)
        for stage in playbook.stages:
            words.add(stage.key)
            words.update(item.key for item in stage.items)
    return words


FORBIDDEN = forbidden_words()


def user_text(*files: Path) -> str:
    """Every text value written in `files` (not the keys, not enum values): what the user wrote."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and node not in FORBIDDEN:
            found.append(node)

    for file in files:
        walk(YAML(typ="safe").load(file.read_text(encoding="utf-8")))
    return "\n".join(found)


def slips(text: str, written: str) -> list[str]:
    """What in `text` a Chinese reader should not meet, less the words the user wrote."""

    @functools.cache
    def written_here(token: str, cut: bool = False) -> bool:
        """Whether the user wrote `token` (or, for a word cut short by `…`, began it)."""
        end = "" if cut else "(?![A-Za-z0-9])"
        return re.search(rf"(?<![A-Za-z0-9]){re.escape(token)}{end}", written) is not None

    text = FILE_PATH.sub(" ", text)
    found = []
    for match in IDENTIFIER.finditer(text):
        if not written_here(match.group()):
            found.append(match.group())
    for match in WORD.finditer(IDENTIFIER.sub(" ", text)):
        word = match.group()
        cut = match.string.startswith("…", match.end())
        if word in ALLOWED or written_here(word, cut):
            continue
        found.append(word)
    return sorted(set(found))


def page_text(markup: str) -> str:
    """The words an HTML page shows: no style sheet, no tags, entities read."""
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.DOTALL)
    body = re.sub(r"<[^>]+>", " ", body)
    return html.unescape(body)


def pack_text(markdown: str) -> str:
    """The words a Markdown pack shows: a Mermaid diagram shows only its labels, and HTML
    inside Markdown (`<br>`, `&amp;`) reads as it displays."""

    def labels(block: re.Match[str]) -> str:
        shown = re.findall(r'"([^"]*)"|\|([^|]*)\|', block.group())
        return " ".join(" ".join(pair) for pair in shown).replace("<br/>", " ")

    return page_text(re.sub(r"```mermaid\n.*?```", labels, markdown, flags=re.DOTALL))


@pytest.fixture(scope="module")
def chinese(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples folder, every deal in it written in Chinese."""
    folder = tmp_path_factory.mktemp("zh") / "samples"
    shutil.copytree(SAMPLES, folder)
    for deal in deals(folder):
        text = deal.read_text(encoding="utf-8")
        deal.write_text(re.sub(r"(?m)^  language: en$", "  language: zh", text), encoding="utf-8")
    config = folder / "team-meddpicc" / "reviewkit.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: zh"))
    return folder


def deals(folder: Path) -> list[Path]:
    return [folder / p.relative_to(SAMPLES) for p in SAMPLE_DEALS]


def written_in(deal: Path) -> str:
    """The user's own words for a deal: its file's, and its team playbook's."""
    team = deal.parent / "reviewkit.yaml"
    files = [deal, TEAM_PLAYBOOK] if team.exists() else [deal]
    return user_text(*files)


Run = Callable[..., str]


@pytest.fixture(scope="module")
def run() -> Run:
    runner = CliRunner()

    def _run(*args: str | Path) -> str:
        result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code in (0, 1, 2), result.output
        return result.output

    return _run


SAMPLE_NAMES = [p.relative_to(SAMPLES).as_posix() for p in SAMPLE_DEALS]


def assert_chinese(text: str, written: str, what: str) -> None:
    found = slips(text, written)
    assert not found, f"{what} shows a Chinese reader: {found}"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_check(chinese: Path, run: Run, name: str) -> None:
    deal = chinese / name
    out = run("check", deal, "--today", TODAY)
    assert_chinese(CHECK_PREFIX.sub("", out), written_in(deal), f"check {name}")


@pytest.mark.parametrize("name", SAMPLE_NAMES)
@pytest.mark.parametrize("format", ["md", "html"])
def test_render(chinese: Path, run: Run, name: str, format: str, tmp_path: Path) -> None:
    deal = chinese / name
    out = tmp_path / f"pack.{format}"
    before = tmp_path / "before.yaml"  # the pack's "changes since the last meeting" too
    before.write_text(earlier(deal.read_text(encoding="utf-8")), encoding="utf-8")
    run("render", deal, "--today", TODAY, "--format", format, "--since", before, "-o", out)
    text = out.read_text(encoding="utf-8")
    shown = page_text(text) if format == "html" else pack_text(text)
    assert_chinese(shown, written_in(deal), name)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_render_pdf(chinese: Path, run: Run, name: str, tmp_path: Path) -> None:
    deal = chinese / name
    out = tmp_path / "pack.pdf"
    run("render", deal, "--today", TODAY, "--format", "pdf", "-o", out)
    text = subprocess.run(
        ["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert_chinese(text, written_in(deal), f"{name} (PDF)")


def word_text(path: Path) -> str:
    """Every line a Word pack shows: each paragraph (in tables too), the headers and footers,
    and the figures' alternative text."""
    document = docx.Document(str(path))
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    shown = (qn("w:t"), qn("w:br"), qn("w:cr"), qn("w:tab"))  # a break reads as a space
    lines = [
        "".join(e.text or "" if e.tag == shown[0] else " " for e in p.iter(*shown))
        for part in parts
        for p in part.iter(qn("w:p"))
    ]
    lines += [e.get("descr", "") for e in document.element.body.iter(qn("wp:docPr"))]
    return "\n".join(lines)


def excel_text(path: Path) -> str:
    """Every sheet name and text cell of an Excel pack."""
    book = openpyxl.load_workbook(path)
    cells = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]
    return "\n".join(book.sheetnames + cells)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
@pytest.mark.parametrize("format", ["docx", "xlsx"])
def test_render_office(chinese: Path, run: Run, name: str, format: str, tmp_path: Path) -> None:
    deal = chinese / name
    out = tmp_path / f"pack.{format}"
    before = tmp_path / "before.yaml"
    before.write_text(earlier(deal.read_text(encoding="utf-8")), encoding="utf-8")
    run("render", deal, "--today", TODAY, "--format", format, "--since", before, "-o", out)
    shown = word_text(out) if format == "docx" else excel_text(out)
    assert "决策链" in shown  # the scan reads the pack's own words
    assert_chinese(shown, written_in(deal), f"{name} ({format})")


def later_stages(deal: Path) -> Iterator[str]:
    from reviewkit.model.config import Settings
    from reviewkit.model.deal import load_deal

    config = Settings(None, None).for_folder(deal.parent)
    loaded = load_deal(deal, config.playbook, language=config.language)
    for stage in loaded.playbook.stages[loaded.stage_index + 1 :]:
        yield stage.key


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_advance(chinese: Path, run: Run, name: str, tmp_path: Path) -> None:
    deal = tmp_path / Path(name).name
    shutil.copy(chinese / name, deal)
    if (chinese / name).parent != chinese:
        shutil.copy((chinese / name).parent / "reviewkit.yaml", tmp_path / "reviewkit.yaml")
        shutil.copytree(chinese / "playbooks", tmp_path.parent / "playbooks", dirs_exist_ok=True)
    later = list(later_stages(deal))
    if not later:
        pytest.skip("the deal is at its last stage")
    written = written_in(chinese / name)
    refused = run("advance", deal, "--to", later[-1], "--today", TODAY)
    assert_chinese(CHECK_PREFIX.sub("", refused), written, f"advance {name}")
    forced = run(
        "advance", deal, "--to", later[0], "--force", "--reason", "客户催促", "--today", TODAY
    )
    assert_chinese(CHECK_PREFIX.sub("", forced), written, f"advance --force {name}")


def earlier(text: str) -> str:
    """A plausible earlier version of a deal file: people cooler, answers less sure."""
    for old, new in (
        ("influence: high", "influence: medium"),
        ("speaks_for_us: true", "speaks_for_us: false"),
        ("coach: true", "coach: false"),
        ("status: yes", "status: no"),
        ("attitude: supporter", "attitude: unknown"),
        ("attitude: ally", "attitude: acknowledger"),
    ):
        text = text.replace(old, new, 1)
    return text


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_diff(chinese: Path, run: Run, name: str, tmp_path: Path) -> None:
    deal = chinese / name
    old = tmp_path / "old.yaml"
    old.write_text(earlier(deal.read_text(encoding="utf-8")), encoding="utf-8")
    out = run("diff", old, deal, "--today", TODAY)
    assert_chinese(out, written_in(deal), f"diff {name}")


@pytest.mark.parametrize("format", ["md", "html"])
def test_pipeline(chinese: Path, run: Run, format: str, tmp_path: Path) -> None:
    out = tmp_path / f"pipeline.{format}"
    run("pipeline", chinese, "--lang", "zh", "--today", TODAY, "--format", format, "-o", out)
    text = out.read_text(encoding="utf-8")
    written = "\n".join(written_in(deal) for deal in deals(chinese))
    assert_chinese(page_text(text) if format == "html" else pack_text(text), written, "pipeline")


@pytest.mark.parametrize("playbook", [DEFAULT_PLAYBOOK, TEAM_PLAYBOOK], ids=["default", "team"])
def test_playbook_show(run: Run, playbook: Path) -> None:
    chosen = ["--playbook", playbook] if playbook == TEAM_PLAYBOOK else []
    out = run("playbook", "show", *chosen, "--lang", "zh")
    written = user_text(playbook) if playbook == TEAM_PLAYBOOK else ""
    assert_chinese(out, written, f"playbook show {playbook.name}")


@pytest.mark.parametrize("slug", RULE_SLUGS)
def test_rule(run: Run, slug: str) -> None:
    out = run("rule", slug, "--lang", "zh")
    assert_chinese(out, "", f"rule {slug}")


def deal_format_words() -> str:
    """The words a deal file is written in: its keys, enum values, stage and item keys."""
    from reviewkit.model.conditions import _all_paths
    from reviewkit.model.dealformat import BASE

    keys = {part for path in _all_paths(BASE) for part in path.split(".")}
    keys |= {"amount", "currency", "status", "evidence", *ENUMS["language"]}  # money, answers
    return "\n".join(sorted(keys | FORBIDDEN))


def test_new(run: Run, tmp_path: Path) -> None:
    """The new file's comments: its keys and values are the file's own words (a Chinese
    deal file is written with them), the commands to run are commands; the rest is Chinese."""
    out = tmp_path / "deal.yaml"
    run("new", "省网核心升级", "--lang", "zh", "-o", out)
    comments = "\n".join(
        line.split("#", 1)[1]
        for line in out.read_text(encoding="utf-8").splitlines()
        if "#" in line and "reviewkit " not in line and "yaml-language-server" not in line
    )
    assert_chinese(comments, deal_format_words(), "new --lang zh")


def test_the_scan_sees_what_it_should() -> None:
    """The scan itself: paths, enum words, stage keys and slugs are caught; the user's own
    words and the course's abbreviations are not."""
    text = (
        "需要填写：background.customer.business；decision_chain 中 influence: high；pre-bid；gate"
    )
    assert slips(text, "") == sorted(
        {"background.customer.business", "decision_chain", "influence", "high", "pre-bid", "gate"}
    )
    assert slips("王强（PIC：high-speed rail）", "high-speed rail") == []
