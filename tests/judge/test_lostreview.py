"""The lost-deal review: outcome, the gaps when the deal was lost and when each opened (from
git history, else from `advance`'s history), and the lessons."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.judge.lostreview import MAX_PLAYBOOK_LESSONS, MAX_VERSIONS, Gap, lessons, told
from reviewkit.model.git import versions
from reviewkit.model.playbook import Lesson, load_playbook
from tests.conftest import COMPLETE_DISCOVERY, SAMPLES, git, load_sample

DAY = "2026-12-01"

REL = "Build relationships into the decision chain"
PARTNER = "Develop and settle the partner"
GATE = "**Gate**: A high-influence customer person speaks up for us"


def invoke(*args: object) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def pack_of(path: Path, *args: object) -> str:
    result = invoke("render", path, "-o", "-", "--today", DAY, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def lost_section(pack: str) -> str:
    start = pack.index("## Lost-deal review\n")
    return pack[start : pack.index("\n## ", start + 1)]


def gap_rows(pack: str) -> list[list[str]]:
    section = lost_section(pack)
    table = section[section.index("| Stage | Item | Status | Open since |") :].split("\n\n")[0]
    return [[c.strip() for c in row.strip("|").split("|")] for row in table.splitlines()[2:]]


def lesson_lines(section: str) -> list[str]:
    return [line[3:] for line in section.splitlines() if line.startswith("1. ")]


@pytest.fixture
def lost_sample(tmp_path: Path) -> Path:
    """The lost sample, outside any git repository (so no history is read)."""
    path = tmp_path / "coastal-port-lost.yaml"
    shutil.copy(SAMPLES / "coastal-port-lost.yaml", path)
    return path


# --- the lost sample ------------------------------------------------------------------------

SAMPLE_GAPS = [
    ("Understand needs, collect information", "Competitor intelligence", "partial"),
    ("Understand needs, collect information", "Needs confirmed", "partial"),
    ("Evaluate the opportunity", "Go/no-go and resources settled", "partial"),
    (REL, "Decision-chain profiles", "partial"),
    (REL, "Acceptance of us", "not met"),
    (REL, "Attitudes to integrators", "partial"),
    (REL, "Competitors' relationships", "not met"),
    (REL, "Coach developed", "partial"),
    (REL, "PR strategy tied to promotion", "not met"),
    (REL, "PR plan timely and feasible", "not met"),
    (REL, "Key customer guiding us", "not met"),
    (REL, "Decision maker's stance", "partial"),
    (REL, GATE, "not met"),
    (PARTNER, "Integrator background and influence", "not met"),
    (PARTNER, "Integrator's informants", "partial"),
    (PARTNER, "Integrator strategy aligned", "partial"),
    (PARTNER, "Decision maker on the integrator", "unknown"),
    ("Settle the solution", "Solution confirmed by customer", "partial"),
    ("Settle the solution", "Tender spec favours us", "partial"),
    ("Settle the solution", "Competition analysed", "not met"),
    ("Settle the solution", "Differentiation strategy", "partial"),
    ("Bid and commercial negotiation", "Inside source on competitors", "not met"),
    ("Bid and commercial negotiation", "Evaluation rules in our favour", "not met"),
    ("Bid and commercial negotiation", "Evaluation committee known", "partial"),
    ("Bid and commercial negotiation", "Advocate in the decision chain", "not met"),
    ("Bid and commercial negotiation", "Decision-chain obstacles planned", "not met"),
    ("Bid and commercial negotiation", "Closing plan", "not met"),
]


def test_lost_sample_pack_opens_as_a_lost_deal_review(lost_sample: Path) -> None:
    pack = pack_of(lost_sample)
    assert pack.startswith("# Lost-deal review: Greywater Bay terminal automation network\n")
    assert pack.count("## Lost-deal review") == 1
    # The review comes before the six sections, and replaces the plain outcome section.
    assert pack.index("## Lost-deal review") < pack.index("## 1. Background")
    assert "## Outcome" not in pack


def test_lost_sample_outcome(lost_sample: Path) -> None:
    section = lost_section(pack_of(lost_sample))
    assert "| Status | lost |\n| Date | 2026-10-28 |\n| Winner | Tideway Systems |" in section
    reasons = section[section.index("**Reasons**") : section.index("**What did not hold")]
    assert [line[2:] for line in reasons.splitlines() if line.startswith("- ")] == [
        "Person A (Hale) gained whichever vendor won and picked the safe option, the "
        "incumbent OT vendor",
        "Person C (Cho) was Tideway's rep's classmate; his \"we are all friends\" was "
        "evasion, not support",
        "Nobody from our side accompanied the Ravensholm inspection; the 2025 crane-link "
        "firmware fault reached Petersen unexplained",
        "Group entertaining won nobody; no one in the committee spoke for us",
        "We ignored Tideway and relied on price",
    ]


def test_lost_sample_gap_table(lost_sample: Path) -> None:
    pack = pack_of(lost_sample)
    assert "**What did not hold when the deal was lost**" in pack
    rows = gap_rows(pack)
    # Without any history, each gap is dated from its own stage.
    assert [tuple(row[:3]) for row in rows] == SAMPLE_GAPS
    assert all(row[3] == row[0] for row in rows)
    assert [REL, GATE, "not met", REL] in rows
    # Items that held are not gaps.
    assert not any(row[1] in ("Floor and target set", "Customer background") for row in rows)


PLAYBOOK = load_playbook()


def course(key: str, lang: str, stage: str = "relationship") -> str:
    """The default playbook's lesson for an item (or "gate"), as the pack quotes it."""
    lesson = PLAYBOOK.lesson(stage, key)
    assert lesson is not None, key
    return told(lesson, lang)


def test_lost_sample_lessons_rep_first_then_the_playbooks(lost_sample: Path) -> None:
    deal, _ = load_sample(lost_sample)
    own = deal.data["outcome"]["lessons"]
    assert len(own) == 6
    found = lesson_lines(lost_section(pack_of(lost_sample)))
    assert found[: len(own)] == own
    taught = found[len(own) :]
    assert len(taught) == MAX_PLAYBOOK_LESSONS
    # Gates first, then items not met, then partly met ones; each says whose lesson it is.
    assert taught == [
        course("gate", "en"),
        course("competitor-relationships-known", "en"),
        course("pr-strategy-aligned", "en"),
        course("pr-plan-feasible", "en"),
        course("key-customer-guiding", "en"),
        course("competition-analysed", "en", "solution"),
    ]
    assert taught[0] == (
        "Choosing the right people often matters more than saying the right words."
        " (the course's case)"
    )
    assert taught[4].endswith(" (reviewkit's own)")


def test_lost_sample_lessons_in_chinese_on_request(lost_sample: Path) -> None:
    pack = pack_of(lost_sample, "--lang", "zh")
    assert pack.startswith("# 丢单分析：Greywater Bay terminal automation network\n")
    assert "## 丢单分析" in pack
    found = lesson_lines(pack[pack.index("## 丢单分析") :])
    assert found[6] == "选对人，往往比说对话更加重要。（课程案例）"
    assert len(found) == 6 + MAX_PLAYBOOK_LESSONS


# --- lessons() on its own ------------------------------------------------------------------


def gap(item: str, state: str, stage: str = "relationship") -> Gap:
    return Gap(stage, item, item, state, stage, "")


def test_lessons_order_and_cap(lost_sample: Path) -> None:
    deal, _ = load_sample(lost_sample)
    own = deal.data["outcome"]["lessons"]
    gaps = [
        gap("coach-developed", "partial"),
        gap("needs-confirmed", "unmet", "discovery"),
        gap("acceptance-known", "unmet"),  # no lesson of its own
        gap("gate", "unmet"),
        gap("decision-maker-stance", "unknown"),
        gap("evaluation-rules-shaped", "unanswered", "bidding"),
    ]
    found = lessons(own, gaps, PLAYBOOK, "en")
    assert found[: len(own)] == own
    assert found[len(own) :] == [
        course("gate", "en"),
        course("needs-confirmed", "en", "discovery"),
        course("evaluation-rules-shaped", "en", "bidding"),
        course("decision-maker-stance", "en"),
        course("coach-developed", "en"),
    ]
    many = [
        gap(item.key, "unmet", stage.key)
        for stage in PLAYBOOK.stages
        for item in stage.items
        if item.lesson
    ]
    assert len(many) > MAX_PLAYBOOK_LESSONS
    assert len(lessons(own, many, PLAYBOOK, "en")) == len(own) + MAX_PLAYBOOK_LESSONS
    assert lessons(own, [], PLAYBOOK, "zh") == own
    assert lessons(own, [gap("coach-developed", "unmet")], PLAYBOOK, "zh")[-1] == (
        "堡垒最容易从内部攻破：面对客户，第一个需要建立的关系就是“教练”。（课程案例）"
    )


def test_a_lesson_says_whose_it_is() -> None:
    text = {"en": "Meet the buyer.", "zh": "见到买方。"}
    assert told(Lesson(text, "course"), "en") == "Meet the buyer. (the course's case)"
    assert told(Lesson(text, "reviewkit"), "zh") == "见到买方。（reviewkit 经验）"
    assert told(Lesson(text, None), "zh") == "见到买方。"


def test_the_course_lessons_quote_the_course() -> None:
    """Every lesson marked as the course's is in the course's own words (methodology.md's
    case lessons, from the seed); reviewkit's own are marked as such."""
    marked = {
        (stage.key, item.key): item.lesson.source
        for stage in PLAYBOOK.stages
        for item in stage.items
        if item.lesson
    }
    assert marked[("relationship", "coach-developed")] == "course"
    assert marked[("bidding", "floor-and-target-set")] == "course"
    assert marked[("bidding", "evaluation-rules-shaped")] == "reviewkit"
    floor = PLAYBOOK.lesson("bidding", "floor-and-target-set")
    assert floor is not None and "投标前应该只有自己一个人知道最终价格" in floor.text["zh"]
    assert set(marked.values()) == {"course", "reviewkit"}


# --- a Chinese lost deal -------------------------------------------------------------------

ZH_LOST = """\
reviewkit: 1
deal:
  name: 东港码头网络项目
  owner: 王强
  stage: relationship
  status: lost
  language: zh
decision_chain:
  - name: 李明
    roles: [decision-maker]
    influence: high
    attitude: acknowledger
  - name: 张华
    roles: [user]
    influence: low
    attitude: supporter
outcome:
  date: 2026-11-20
  winner: 蓝海网络
  reasons: [关键时刻没有人为我们说话]
  lessons: [先找教练，再谈方案]
"""


def test_chinese_lost_deal_gets_chinese_review_and_lessons(tmp_path: Path) -> None:
    path = tmp_path / "zh-lost.yaml"
    path.write_text(ZH_LOST, encoding="utf-8")
    pack = pack_of(path)
    assert pack.startswith("# 丢单分析：东港码头网络项目\n")
    start = pack.index("## 丢单分析\n")
    section = pack[start : pack.index("\n## ", start + 1)]
    assert "| 赢单方 | 蓝海网络 |" in section and "| 日期 | 2026-11-20 |" in section
    assert "- 关键时刻没有人为我们说话" in section
    assert "**丢单时未满足的检查项与关口**" in section
    assert "| 阶段 | 检查项 | 状态 | 自何时起 |" in section
    assert "| 关系切入发展 | 培养出教练 | 未满足 | 关系切入发展 |" in section
    assert (
        "| 关系切入发展 | **关口**：至少一位关键客户敢于为我司说话 | 未满足 | 关系切入发展 |"
        in section
    )
    found = lesson_lines(section)
    assert found[0] == "先找教练，再谈方案"
    taught = found[1:]
    assert taught[0] == course("gate", "zh")
    assert course("coach-developed", "zh") in taught
    assert 1 <= len(taught) <= MAX_PLAYBOOK_LESSONS
    assert "Lost-deal review" not in pack and "Find the coach" not in pack


# --- when each gap opened: git history ---------------------------------------------------

V1 = """\
reviewkit: 1
deal:
  name: Harbour cranes
  id: harbour-cranes
  owner: Tom Reilly
  stage: relationship
  language: en
decision_chain:
  - name: Ann Lee
    roles: [decision-maker]
    influence: high
    attitude: acknowledger
  - name: Bob Ray
    roles: [user]
    influence: low
    attitude: supporter
    coach: true
"""
V2 = V1.replace("  stage: relationship", "  stage: partner").replace(
    "    coach: true", "    coach: false"
)
OUTCOME = """\
outcome:
  date: 2026-11-20
  winner: Tideway Systems
  reasons: [Nobody inside spoke for us]
  lessons: [Find the coach before the tender]
"""
V3 = V2.replace("  language: en", "  language: en\n  status: lost") + OUTCOME


def test_gap_opening_is_read_from_git_history(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    deal = repo / "harbour.yaml"
    for number, (text, date) in enumerate(
        ((V1, "2026-09-01"), (V2, "2026-10-05"), (V3, "2026-11-21")), start=1
    ):
        deal.write_text(text, encoding="utf-8")
        git(repo, "add", deal.name)
        git(repo, "commit", "-q", "-m", f"v{number}", date=date)
    dates = git(repo, "log", "--format=%cs", "--", deal.name).split()
    assert len(dates) == 3
    v2_date = dates[1]  # newest first
    assert [c[0] for c in versions(deal, MAX_VERSIONS)] == dates[::-1]  # oldest first

    rows = {(row[0], row[1]): row for row in gap_rows(pack_of(deal))}
    # The coach was there in v1, gone in v2 (at the partner stage): the gap opened then.
    assert rows[(REL, "Coach developed")] == [
        REL,
        "Coach developed",
        "not met",
        f"{PARTNER} ({v2_date})",
    ]
    # Partner-stage items were first checked in v2.
    assert rows[(PARTNER, "Integrator strategy aligned")][3] == f"{PARTNER} ({v2_date})"
    # Open in the oldest version: when it opened is unknown, so the item's own stage.
    assert rows[(REL, "PR strategy tied to promotion")][3] == REL
    assert rows[(REL, GATE)][3] == REL
    assert rows[("Understand needs, collect information", "Needs confirmed")][3] == (
        "Understand needs, collect information"
    )


def test_a_gap_closed_and_reopened_opens_at_the_reopening(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    deal = repo / "harbour.yaml"
    v3 = V2.replace("    coach: false", "    coach: true")
    v4 = V3.replace("  stage: partner", "  stage: solution")
    history = ((V1, "2026-09-01"), (V2, "2026-09-15"), (v3, "2026-10-01"), (v4, "2026-11-21"))
    for number, (text, date) in enumerate(history, start=1):
        deal.write_text(text, encoding="utf-8")
        git(repo, "add", deal.name)
        git(repo, "commit", "-q", "-m", f"v{number}", date=date)
    newest = git(repo, "log", "-1", "--format=%cs", "--", deal.name).strip()
    rows = {(row[0], row[1]): row for row in gap_rows(pack_of(deal))}
    assert rows[(REL, "Coach developed")][3] == f"Settle the solution ({newest})"


def test_an_uncommitted_lost_version_still_uses_the_history(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    deal = repo / "harbour.yaml"
    for number, (text, date) in enumerate(((V1, "2026-09-01"), (V2, "2026-10-05")), start=1):
        deal.write_text(text, encoding="utf-8")
        git(repo, "add", deal.name)
        git(repo, "commit", "-q", "-m", f"v{number}", date=date)
    v2_date = git(repo, "log", "-1", "--format=%cs").strip()
    deal.write_text(V3, encoding="utf-8")  # lost, not committed yet
    rows = {(row[0], row[1]): row for row in gap_rows(pack_of(deal))}
    assert rows[(REL, "Coach developed")][3] == f"{PARTNER} ({v2_date})"


# --- when each gap opened: advance's history, without git --------------------------------


def test_gap_opening_is_read_from_advance_history(tmp_path: Path) -> None:
    deal = tmp_path / "harbour.yaml"
    deal.write_text(V2.replace("  stage: partner", "  stage: relationship"), encoding="utf-8")
    assert versions(deal, MAX_VERSIONS) == []  # not in a git repository
    moved = invoke(
        "advance",
        deal,
        "--to",
        "partner",
        "--force",
        "--reason",
        "Tender brought forward",
        "--today",
        "2026-10-10",
    )
    assert moved.exit_code == 0, moved.output
    text = deal.read_text(encoding="utf-8")
    assert "    from: relationship\n" in text
    assert "      - relationship/coach-developed\n" in text
    moved = invoke(
        "advance",
        deal,
        "--to",
        "solution",
        "--force",
        "--reason",
        "Pushed",
        "--today",
        "2026-11-02",
    )
    assert moved.exit_code == 0, moved.output
    lost = text = deal.read_text(encoding="utf-8")
    lost = lost.replace("  language: en\n", "  language: en\n  status: lost\n") + OUTCOME
    deal.write_text(lost, encoding="utf-8")

    rows = {(row[0], row[1]): row for row in gap_rows(pack_of(deal))}
    # Listed open when leaving relationship on 2026-10-10 (and again later: the first wins).
    assert rows[(REL, "Coach developed")][3] == f"{REL} (2026-10-10)"
    assert rows[(REL, GATE)][3] == f"{REL} (2026-10-10)"
    # Open when leaving partner on 2026-11-02.
    assert rows[(PARTNER, "Integrator strategy aligned")][3] == f"{PARTNER} (2026-11-02)"
    # Solution items were never listed by advance: their own stage, no date.
    assert rows[("Settle the solution", "Competition analysed")][3] == "Settle the solution"


def test_history_entries_for_items_that_held_at_the_end_are_ignored(tmp_path: Path) -> None:
    text = V3 + textwrap.dedent(
        """\
        history:
          - date: 2026-10-10
            from: relationship
            to: partner
            forced: true
            reason: x
            open: [relationship/coach-developed, relationship/pr-plan-feasible]
        """
    )
    text = text.replace("    coach: false", "    coach: true")
    deal = tmp_path / "harbour.yaml"
    deal.write_text(text, encoding="utf-8")
    rows = {(row[0], row[1]): row for row in gap_rows(pack_of(deal))}
    assert (REL, "Coach developed") not in rows
    assert rows[(REL, "PR plan timely and feasible")][3] == f"{REL} (2026-10-10)"


# --- not lost: no lost-deal review --------------------------------------------------------


def test_an_open_deal_has_no_lost_deal_review(tmp_path: Path) -> None:
    path = tmp_path / "northfield.yaml"
    shutil.copy(SAMPLES / "northfield-core-network.yaml", path)
    pack = pack_of(path)
    assert pack.startswith("# Deal review: Northfield provincial core network upgrade\n")
    for words in ("Lost-deal review", "What did not hold", "Open since", "**Lessons**"):
        assert words not in pack


def test_a_won_deal_has_its_outcome_but_no_lost_deal_review(tmp_path: Path) -> None:
    path = tmp_path / "won.yaml"
    won = V3.replace("status: lost", "status: won").replace("Tideway Systems", "Us")
    path.write_text(won, encoding="utf-8")
    pack = pack_of(path)
    assert pack.startswith("# Deal review: Harbour cranes\n")
    assert "## Outcome" in pack and "| Winner | Us |" in pack
    assert "Lost-deal review" not in pack and "What did not hold" not in pack


#: A discovery-stage deal where every item holds.
ALL_MET = (
    COMPLETE_DISCOVERY.replace("  stage: discovery\n", "  stage: discovery\n  status: lost\n")
    + """\
outcome:
  date: 2026-11-20
  winner: Rivalnet
  reasons: [Budget cut]
"""
)


def test_a_lost_deal_where_everything_held(tmp_path: Path) -> None:
    path = tmp_path / "clean.yaml"
    path.write_text(ALL_MET, encoding="utf-8")
    section = lost_section(pack_of(path))
    assert "Every item and gate held: look at the reasons." in section
    assert "| Stage | Item |" not in section
    assert "**Lessons**" not in section  # none of our own, no gap to recall one
