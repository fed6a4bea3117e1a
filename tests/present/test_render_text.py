"""The Markdown and HTML packs: golden files for the samples, the floor price, hostile deal text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewkit.judge.engine import check_deal
from reviewkit.model.deal import load_deal
from reviewkit.ops.render import render_pack
from reviewkit.present.pack import Pack, PackOptions, build_pack
from reviewkit.present.render import md_escape, render_html, render_markdown
from tests.conftest import (
    COMPLETE_DISCOVERY,
    GOLDEN,
    MINIMAL,
    SAMPLE_DEALS,
    SAMPLES,
    TODAY,
    load_sample,
)

SAMPLE_FILES = SAMPLE_DEALS
REFRESH = "make golden   (then review the diff with git diff tests/golden)"


def sample_pack(path: Path, **options: object) -> Pack:
    """The pack of a deal as `render` builds it: with the settings of the deal's folder."""
    deal, config = load_sample(path)
    return build_pack(deal, PackOptions(today=TODAY, **options), check_deal(deal, TODAY, config))  # type: ignore[arg-type]


def pack_text(path: Path, **options: object) -> str:
    return render_markdown(sample_pack(path, **options))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_pack_matches_golden(sample: Path, update_golden: bool) -> None:
    golden = GOLDEN / f"{sample.stem}.review.md"
    text = pack_text(sample)
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file for {sample.name}; create it with: {REFRESH}"
    assert text == golden.read_text(encoding="utf-8"), f"pack changed; if intended: {REFRESH}"


def without_stylesheet(html: str) -> str:
    """The pack's HTML with its (shared, inline) stylesheet left out: goldens hold content."""
    start, end = html.index("<style>") + len("<style>"), html.index("</style>")
    assert "@page" in html[start:end]  # the print stylesheet is inline
    return html[:start] + "\n[pack.css]\n" + html[end:]


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_html_pack_matches_golden(sample: Path, update_golden: bool) -> None:
    golden = GOLDEN / f"{sample.stem}.review.html"
    text = without_stylesheet(render_html(sample_pack(sample)))
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file for {sample.name}; create it with: {REFRESH}"
    assert text == golden.read_text(encoding="utf-8"), f"pack changed; if intended: {REFRESH}"


def test_every_sample_has_a_golden_file_and_no_stale_ones() -> None:
    for suffix in ("md", "html"):
        expected = {f"{p.stem}.review.{suffix}" for p in SAMPLE_FILES}
        assert {p.name for p in GOLDEN.glob(f"*.review.{suffix}")} == expected


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_pack_has_every_section_and_person(sample: Path) -> None:
    deal, _ = load_sample(sample)
    text = pack_text(sample)
    zh = deal.language == "zh"
    headings = (
        [
            "1. 项目背景",
            "2. 决策链分析",
            "3. 客户、竞争对手与渠道动态",
            "4. 自身优劣势分析",
            "5. 策略",
            "6. 下一步行动计划",
            "附录：阶段检查清单",
        ]
        if zh
        else [
            "1. Background",
            "2. Decision-chain analysis",
            "3. Dynamics",
            "4. Strengths and weaknesses",
            "5. Strategies",
            "6. Next actions",
            "Appendix: stage checklist",
        ]
    )
    for heading in headings:
        assert f"## {heading}" in text
    for person in deal.data["decision_chain"]:
        assert f"**{md_escape(person['name'])}**" in text
    assert text.count("```mermaid") == (1 if deal.data["decision_chain"] else 0)


def test_output_is_deterministic() -> None:
    sample = SAMPLES / "huadong-grid-dispatch.yaml"
    assert pack_text(sample) == pack_text(sample)


def test_appendix_covers_every_stage_up_to_the_current_one_with_its_gate() -> None:
    text = pack_text(SAMPLES / "northfield-core-network.yaml")
    appendix = text[text.index("## Appendix") :]
    stages = re.findall(r"^### (\d)\. ", appendix, re.MULTILINE)
    assert stages == ["1", "2", "3"]
    assert (
        "**Gate**: A high-influence customer person speaks up for us — **not passed**" in appendix
    )


def test_overdue_action_and_reversal_are_marked() -> None:
    text = pack_text(SAMPLES / "northfield-core-network.yaml")
    assert "| **2026-11-27** |" in text and "**OVERDUE 4 d**" in text
    assert "**⟲ REVERSAL**" in text


def test_lost_deal_pack_is_a_lost_deal_review() -> None:
    text = pack_text(SAMPLES / "coastal-port-lost.yaml")
    assert text.startswith("# Lost-deal review: Greywater Bay terminal automation network")
    review = text[text.index("## Lost-deal review") : text.index("## 1. Background")]
    assert "| Winner | Tideway Systems |" in review
    assert "## Outcome" not in text  # shown once, in the review
    assert "| Build relationships into the decision chain | Coach developed | partial |" in review
    assert "**Gate**: A high-influence customer person speaks up for us | not met" in review
    lessons = review[review.index("**Lessons**") :]
    assert "1. Check every decision-chain member's ties to competitors" in lessons  # the rep's own
    assert (
        "Choosing the right people often matters more than saying the right words."
        " (the course's case)"
    ) in lessons


# -- the floor price -------------------------------------------------------------------

FLOOR_DEAL = (
    MINIMAL.replace("stage: relationship", "stage: bidding\n  confidential: true")
    + """\
strategy:
  commercial:
    approach: We can go down to 10,900,000 if pushed; floor 1090万.
    quote: {amount: 11800000, currency: CNY}
    target: {amount: 11500000, currency: CNY}
    floor: {amount: 10900000, currency: CNY}
"""
)


def _floor_forms(text: str) -> list[str]:
    return [f for f in ("10,900,000", "10900000", "1090万", "1,090 万") if f in text]


def test_floor_absent_from_the_pack_unless_revealed(write) -> None:
    path = write(FLOOR_DEAL)
    hidden = pack_text(path)
    assert _floor_forms(hidden) == []
    assert "withheld (shown only with --reveal-floor)" in hidden
    assert "\\[floor withheld\\]" in hidden  # the figure typed into a note is redacted too
    assert "Floor price revealed" not in hidden
    shown = pack_text(path, reveal_floor=True)
    assert "CNY 10,900,000" in shown
    assert shown.startswith("> **⚠ Floor price revealed")


def test_floor_absent_in_every_sample_pack() -> None:
    for sample in SAMPLE_FILES:
        deal, _ = load_sample(sample)
        floor = deal.data["strategy"]["commercial"]["floor"]
        if floor is None:
            continue
        text = pack_text(sample)
        assert f"{floor['amount']:,}" not in text and str(floor["amount"]) not in text


def test_reveal_floor_through_the_cli(write, tmp_path: Path) -> None:
    path = write(FLOOR_DEAL)
    out = render_pack(path, today=TODAY)
    assert out is not None and "10,900,000" not in out.read_text(encoding="utf-8")
    out = render_pack(path, today=TODAY, reveal_floor=True, output=str(tmp_path / "open.md"))
    assert out is not None and "10,900,000" in out.read_text(encoding="utf-8")


# -- deal text is data, never markup ----------------------------------------------------

HOSTILE = (
    MINIMAL
    + """\
background:
  customer:
    business: |
      Pipes | break | tables
      {{ 7*7 }} and {% raw %}x{% endraw %}
      <script>alert(1)</script> <img src="file:///etc/passwd">
      # not a heading
      - not a list
      [link](http://example.invalid) ![img](http://example.invalid/x.png)
decision_chain:
  - name: "A | B <b>bold</b>"
    title: "{{ config }}"
    competitor_ties: "line one\\nline two | with pipe"
actions:
  - what: "`code` **strong** _em_"
    owner: "x|y"
    due: 2026-12-20
"""
)


def test_hostile_text_is_rendered_literally(write) -> None:
    text = pack_text(write(HOSTILE))
    assert "{{ 7\\*7 }}" in text and "49" not in text
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<img" not in text and "<b>" not in text
    assert "\\# not a heading" in text and "\\- not a list" in text
    assert "\\[link\\](http://example.invalid)" in text
    assert "\\`code\\` \\*\\*strong\\*\\* \\_em\\_" in text
    # Every table row keeps its column count: escaped pipes do not split cells.
    for line in text.splitlines():
        if line.startswith("| **A \\|"):
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) == 12, line
    assert "A \\| B &lt;b&gt;bold&lt;/b&gt;" in text
    assert "line one line two \\| with pipe" in text  # a wrapped line is re-joined


def test_mermaid_labels_cannot_break_out_of_the_diagram(write) -> None:
    text = pack_text(write(HOSTILE))
    block = text[text.index("```mermaid") : text.index("```", text.index("```mermaid") + 3)]
    assert '"A #124; B #60;b#62;bold#60;/b#62;' in block
    assert "{{" not in block and "<b>" not in block


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a|b", "a\\|b"),
        ("1. first", "1\\. first"),
        ("x.\ny", "x.<br>y"),
        ("- one\n- two", "\\- one<br>\\- two"),
        ("wrapped line that goes\non", "wrapped line that goes on"),
        ("第一行没有结束\n第二行", "第一行没有结束第二行"),
        ("para one.\n\npara two", "para one.<br><br>para two"),
        ("A & B", "A &amp; B"),
    ],
)
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_chinese_pack_language_override(write) -> None:
    text = pack_text(write(MINIMAL), lang="zh")
    assert "## 2. 决策链分析" in text
    assert "决策链尚未填写。" in text


def test_hostile_text_is_inert_in_html(write) -> None:
    html = render_html(build_pack(load_deal(write(HOSTILE)), PackOptions(today=TODAY)))
    body = html[html.index("<body>") :]
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "<img" not in body and "<b>bold" not in body
    assert "{{ 7*7 }}" in body and ">49<" not in body
    assert "A | B &lt;b&gt;bold&lt;/b&gt;" in body


def test_rendering_works_without_a_writable_cache(tmp_path: Path) -> None:
    import subprocess
    import sys

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(blocked)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewkit",
            "render",
            str(SAMPLES / "metro-transit-wifi.yaml"),
            "-o",
            "-",
            "--today",
            "2026-12-01",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Deal review: Lindhaven Metro")


def test_declared_triggers_read_cleanly_in_the_other_language() -> None:
    text = pack_text(SAMPLES / "huadong-grid-dispatch.yaml", lang="en")
    why = next(line for line in text.splitlines() if line.startswith("| Why we meet |"))
    assert "review.triggers" not in why and "已列在" not in why
    assert "**before the bid**" in why


STUB = """\
reviewkit: 1
deal:
  name: Stub deal
  stage: qualification
"""


def _open_points(text: str, heading: str, end: str) -> str:
    """The first page's list of open points: from its heading to the next section."""
    start = text.index(heading)
    return text[start : text.index(end, start + len(heading))]


def test_first_page_counts_unmet_checklist_items_per_stage(write) -> None:
    pack = build_pack(load_deal(write(STUB)), PackOptions(today=TODAY))
    expected = [
        "Understand needs, collect information: 6 of 6 items not met yet (see the appendix)",
        "Evaluate the opportunity: 2 of 2 items not met yet (see the appendix)",
    ]
    assert pack.open_items == expected
    md = _open_points(render_markdown(pack), "**Open points found by reviewkit check**", "\n## ")
    html = _open_points(render_html(pack), 'class="open-points"', "</div>")
    for text in (md, html):
        assert "Nothing found." not in text
        assert all(line in text for line in expected)
    zh = build_pack(load_deal(write(STUB)), PackOptions(today=TODAY, lang="zh"))
    assert zh.open_items == [
        "需求了解与信息收集：6 项中有 6 项尚未满足（见附录）",
        "机会评估：2 项中有 2 项尚未满足（见附录）",
    ]
    assert "未发现问题。" not in render_markdown(zh)


def test_first_page_says_nothing_found_only_when_the_checklist_is_met(write) -> None:
    pack = build_pack(load_deal(write(COMPLETE_DISCOVERY)), PackOptions(today=TODAY))
    assert pack.open_items == []
    assert pack.findings == []
    assert "Nothing found." in render_markdown(pack)
