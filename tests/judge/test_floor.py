"""The floor price never leaves the deal file unless asked for: not in any pack, check message,
diff, pipeline or since-review, in whatever form a note writes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.judge.floor import mentions, patterns
from reviewkit.model.formtext import rewrite
from reviewkit.model.playbook import load_playbook
from tests.conftest import MINIMAL, SAMPLES, git

FORMS = ("10,900,000", "10900000", "1090万", "10.9M", "1,090万")

#: A lost deal that quotes its floor everywhere a rep might: a person's ties, an action,
#: evidence, a lesson, a dynamic, and an integrator's name.
LEAKY = (
    MINIMAL.replace("stage: relationship", "stage: bidding\n  confidential: true\n  status: lost")
    + """\
decision_chain:
  - name: Li Na
    influence: high
    attitude: acknowledger
    competitor_ties: Told Rivalnet we would not go below 10,900,000
    integrator_attitudes: {"Eastbridge (bids 10.9M)": positive}
actions:
  - what: Hold the line at 1090万 in the clarification
    owner: Zhao
    due: 2026-11-01
dynamics:
  - date: 2026-11-20
    party: competitor
    event: Rivalnet heard our floor of 10900000
    reversal: true
strategy:
  commercial:
    floor: {amount: 10900000, currency: CNY}
checklist:
  bidding:
    closing-plan: {status: partial, evidence: "Close at 10,900,000 if pushed"}
outcome:
  date: 2026-11-28
  winner: Rivalnet
  reasons: [Price]
  lessons: ["Never say 10.9M aloud"]
"""
)


def run(*args: object):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def leaked(text: str) -> list[str]:
    return [form for form in FORMS if form in text]


@pytest.fixture
def deal(tmp_path: Path) -> Path:
    path = tmp_path / "deal.yaml"
    path.write_text(LEAKY, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_pack_format_carries_the_floor(deal: Path, tmp_path: Path, lang: str) -> None:
    for fmt in ("md", "html"):
        text = run(
            "render", deal, "-f", fmt, "-o", "-", "--lang", lang, "--today", "2026-12-01"
        ).stdout
        assert leaked(text) == [], fmt
        assert ("floor withheld" if lang == "en" else "底线已隐去") in text
    shown = run("render", deal, "-o", "-", "--reveal-floor", "--today", "2026-12-01").stdout
    assert set(leaked(shown)) >= {"10,900,000", "1090万", "10.9M"}


def test_check_messages_do_not_carry_the_floor(deal: Path) -> None:
    for fmt in ("text", "json", "github", "sarif"):
        out = run("check", deal, "--format", fmt, "--today", "2026-12-01").stdout
        assert leaked(out) == [], fmt
    out = run("check", deal, "--today", "2026-12-01").stdout
    assert "floor-in-text" in out  # and check says where the figure was written


def test_floor_in_text_finds_every_form_and_names(deal: Path) -> None:
    from reviewkit.model.deal import load_deal

    where = {".".join(map(str, p)) for p in mentions(load_deal(deal).data)}
    assert {
        "decision_chain.0.competitor_ties",
        "decision_chain.0.integrator_attitudes",
        "actions.0.what",
        "dynamics.0.event",
        "checklist.bidding.closing-plan.evidence",
        "outcome.lessons.0",
    } <= where


def test_a_small_floor_is_not_searched_for() -> None:
    from decimal import Decimal

    assert patterns(Decimal(0)) == [] and patterns(Decimal(250)) == []
    assert patterns(Decimal(1000))


def test_diff_and_since_do_not_carry_either_floor(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    deal = repo / "deal.yaml"
    before = LEAKY.replace("amount: 10900000", "amount: 11200000").replace(
        "    event: Rivalnet heard our floor of 10900000",
        "    event: Old floor 11,200,000 was discussed",
    )
    deal.write_text(before, encoding="utf-8")
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "v1"]):
        git(repo, *command)
    deal.write_text(LEAKY, encoding="utf-8")
    for args in (("diff", "HEAD", deal), ("diff", "HEAD", deal, "--format", "json")):
        out = run(*args, "--today", "2026-12-01").stdout
        assert leaked(out) == [] and "11,200,000" not in out
        assert "Rivalnet heard our floor" in out
    pack = run("render", deal, "--since", "HEAD", "-o", "-", "--today", "2026-12-01").stdout
    assert leaked(pack) == [] and "11,200,000" not in pack and "## Since the last review" in pack
    revealed = run("diff", "HEAD", deal, "--reveal-floor", "--today", "2026-12-01").stdout
    assert "10900000" in revealed


def test_pipeline_does_not_carry_the_floor(deal: Path, tmp_path: Path) -> None:
    open_deal = tmp_path / "open.yaml"
    open_deal.write_text(LEAKY.replace("  status: lost\n", ""), encoding="utf-8")
    for fmt in ("md", "html"):
        out = run("pipeline", tmp_path, "-f", fmt, "-o", "-", "--today", "2026-12-01").stdout
        assert leaked(out) == [], fmt
        assert (
            "Hold the line at \\[floor withheld\\]" in out
            or "Hold the line at [floor withheld]" in out
        )


def test_the_samples_floors_stay_out_of_their_packs(tmp_path: Path) -> None:
    samples = SAMPLES
    shutil.copytree(samples, tmp_path / "s")
    result = run("render", tmp_path / "s", "-o", tmp_path, "-f", "html", "--today", "2026-12-01")
    assert result.exit_code == 0
    for pack in tmp_path.glob("*.review.html"):
        text = pack.read_text(encoding="utf-8")
        assert "10,900,000" not in text
    huadong = (tmp_path / "huadong-grid-dispatch.review.html").read_text(encoding="utf-8")
    assert "已隐去" in huadong


#: A deal that does not load: the floor is quoted (not a number) and written into a bad value.
BROKEN = MINIMAL.replace("  stage: relationship", "  stage: relationship\n  confidential: true") + (
    """\
decision_chain:
  - name: Li Na
    attitude: supporter, knows our 7.73M floor
strategy:
  commercial:
    floor: {amount: "7730000", currency: CNY}
"""
)
BROKEN_FORMS = ("7730000", "7.73M", "7,730,000", "773万")
#: The same deal with its keys and values written in Chinese.
BROKEN_ZH = rewrite(BROKEN, load_playbook(), "zh")


def unseen(text: str) -> list[str]:
    return [form for form in BROKEN_FORMS if form in text]


@pytest.mark.parametrize(
    "text",
    [
        BROKEN,
        BROKEN.replace("    attitude: supporter, knows our 7.73M floor\n", "")
        + "  bad: [unclosed 7,730,000\n",  # not even YAML: the raw text is searched
        BROKEN.replace('{amount: "7730000", currency: CNY}', "773万 CNY"),
        BROKEN_ZH,
        BROKEN_ZH.replace("    态度: supporter, knows our 7.73M floor\n", "")
        + "  bad: [unclosed 7,730,000\n",
    ],
    ids=["invalid", "not-yaml", "floor-as-text", "chinese-form", "chinese-form-not-yaml"],
)
def test_invalid_files_do_not_echo_the_floor(tmp_path: Path, text: str) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(text, encoding="utf-8")
    for fmt in ("text", "json", "github", "sarif"):
        result = run("check", deal, "--format", fmt, "--today", "2026-12-01")
        assert result.exit_code == 2 and unseen(result.output) == [], (fmt, result.output)
    if text == BROKEN:
        assert "floor withheld" in run("check", deal).output
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    for args in (
        ("render", deal, "-o", "-"),
        ("diff", good, deal),
        ("diff", deal, good),
        ("render", good, "--since", deal, "-o", "-"),
        ("pipeline", tmp_path, "-o", "-"),
        ("pipeline", tmp_path, "-f", "html", "-o", "-"),
    ):
        result = run(*args, "--today", "2026-12-01")
        assert unseen(result.output) == [], (args, result.output)


def test_the_lost_review_does_not_carry_the_floor_in_history(deal: Path) -> None:
    text = deal.read_text(encoding="utf-8") + (
        "history:\n"
        "  - {date: 2026-10-01, from: 'qualification (floor 10,900,000 agreed)', to: bidding,"
        " forced: true, reason: go, open: [qualification/opportunity-rated]}\n"
    )
    deal.write_text(text, encoding="utf-8")
    for fmt in ("md", "html"):
        out = run("render", deal, "-f", fmt, "-o", "-", "--today", "2026-12-01").stdout
        assert "qualification (floor" in out and leaked(out) == [], fmt


def test_a_value_equal_to_the_floor_is_shown_as_itself_everywhere(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    deal = repo / "deal.yaml"
    text = MINIMAL.replace("  stage: relationship", "  stage: relationship\n  confidential: true")
    base = text + "strategy:\n  commercial:\n    floor: {amount: 7730000, currency: CNY}\n"
    deal.write_text(
        base.replace("  confidential", "  value: {amount: 9000000, currency: CNY}\n  confidential"),
        encoding="utf-8",
    )
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "v1"]):
        git(repo, *command)
    deal.write_text(
        base.replace("  confidential", "  value: {amount: 7730000, currency: CNY}\n  confidential"),
        encoding="utf-8",
    )
    pack = run("render", deal, "--since", "HEAD", "-o", "-", "--today", "2026-12-01").stdout
    diff = run("diff", "HEAD", deal, "--today", "2026-12-01").stdout
    view = run("pipeline", repo, "-o", "-", "--today", "2026-12-01").stdout
    assert "CNY 9,000,000 → CNY 7,730,000" in pack and "CNY 9,000,000 → CNY 7,730,000" in diff
    assert "7,730,000" in view or "7.73" in view
    assert "withheld" not in diff
