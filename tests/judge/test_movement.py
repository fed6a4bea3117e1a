"""Relationship movement: each person's attitude over the deal file's versions, shown in the
pack's people section and by `diff`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.judge.movement import Track, attitude_tracks
from reviewkit.model.deal import load_deal
from tests.conftest import ROOT, git

DAY = "2026-12-01"
SOURCE = ROOT / "portfolio" / "dongcheng-parking-open.yaml"


def invoke(*args: object) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    return result


def move(path: Path, person_line: str, before: str, after: str) -> None:
    """Change the attitude of the person whose `name:` line is `person_line`."""
    text = path.read_text(encoding="utf-8")
    start = text.index(person_line)
    at = text.index(f"attitude: {before}", start)
    path.write_text(text[:at] + f"attitude: {after}" + text[at + len(before) + 10 :], "utf-8")


def history(tmp_path: Path) -> Path:
    """The deal committed three times: 高峰 moves from acknowledger to supporter to ally,
    赵刚 stays a non-supporter; then an uncommitted move of 李娟."""
    repo = tmp_path / "repo"
    repo.mkdir()
    path = repo / "deal.yaml"
    shutil.copy(SOURCE, path)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first review", date="2026-10-23")
    move(path, "name: 高峰", "acknowledger", "supporter")
    git(repo, "commit", "-q", "-am", "second review", date="2026-11-06")
    move(path, "name: 高峰", "supporter", "ally")
    git(repo, "commit", "-q", "-am", "third review", date="2026-11-20")
    move(path, "name: 李娟", "supporter", "sympathizer")
    return path


def test_tracks_follow_the_committed_versions_and_the_file_now(tmp_path: Path) -> None:
    path = history(tmp_path)
    tracks = attitude_tracks(load_deal(path))
    assert tracks == [
        Track(
            "高峰",
            (("2026-10-23", "acknowledger"), ("2026-11-06", "supporter"), ("2026-11-20", "ally")),
        ),
        # Not committed yet: dated by the file's own review date.
        Track("李娟", (("2026-10-23", "supporter"), ("2026-11-20", "sympathizer"))),
    ]


def test_outside_git_there_is_no_track(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    shutil.copy(SOURCE, path)
    assert attitude_tracks(load_deal(path)) == []


def test_the_pack_shows_each_persons_timeline(tmp_path: Path) -> None:
    path = history(tmp_path)
    md = invoke("render", path, "-o", "-", "--today", DAY).stdout
    person = md[md.index("#### 高峰") :]
    person = person[: person.index("\n#### ")]
    assert (
        "- **态度变化**：认可者 (2026-10-23) → 支持者 (2026-11-06) → 同盟者 (2026-11-20)" in person
    )
    assert md.count("**态度变化**") == 2  # 赵刚 never moved
    html = tmp_path / "pack.html"
    invoke("render", path, "-f", "html", "-o", html, "--today", DAY)
    page = html.read_text(encoding="utf-8")
    assert (
        '<tr><th>态度变化</th><td class="attitude-steps"><span class="att-acknowledger">认可者</span>'
        in page
    )
    english = invoke("render", path, "-o", "-", "--today", DAY, "--lang", "en").stdout
    assert (
        "- **Attitude over time**: acknowledger (2026-10-23) → supporter (2026-11-06) → ally "
        "(2026-11-20)"
    ) in english


def test_diff_shows_the_movement_as_text_and_json(tmp_path: Path) -> None:
    path = history(tmp_path)
    text = invoke("diff", "HEAD~1", path, "--today", DAY).stdout
    assert text.endswith(
        "态度变化：\n"
        "  高峰：认可者 (2026-10-23) → 支持者 (2026-11-06) → 同盟者 (2026-11-20)\n"
        "  李娟：支持者 (2026-10-23) → 同情者 (2026-11-20)\n"
    )
    document = json.loads(invoke("diff", "HEAD~1", path, "-f", "json", "--today", DAY).stdout)
    assert document["attitudes"][0] == {
        "name": "高峰",
        "steps": [
            {"date": "2026-10-23", "attitude": "acknowledger"},
            {"date": "2026-11-06", "attitude": "supporter"},
            {"date": "2026-11-20", "attitude": "ally"},
        ],
    }
