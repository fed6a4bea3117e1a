"""`reviewkit new`: a commented deal file that loads cleanly and that `check` answers with the
open checklist items of its stage (design/cli.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reviewkit.cli import app
from reviewkit.judge.facts import tie_state
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import Playbook
from reviewkit.present.scaffold import scaffold, slug

TODAY = "2026-12-01"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the CLI inside an empty temporary folder."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def _run(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return _run


def checklist_of(run: Callable[..., Result], path: Path) -> tuple[int, list[dict[str, object]]]:
    result = run("check", path, "--format", "json", "--today", TODAY)
    return result.exit_code, json.loads(result.stdout)["findings"]


def items_until(playbook: Playbook, stage: str) -> dict[tuple[str, str], str]:
    """(stage, item) -> expected severity for every item up to `stage`."""
    current = playbook.index[stage]
    return {
        (s.key, i.key): "warning" if s.index == current else "error"
        for s in playbook.stages[: current + 1]
        for i in s.items
    }


# -- the default file ----------------------------------------------------------------


def test_new_writes_a_deal_that_loads(
    run: Callable[..., Result], tmp_path: Path, playbook: Playbook
) -> None:
    result = run("new", "Provincial core upgrade")
    assert result.exit_code == 0, result.output
    path = tmp_path / "provincial-core-upgrade.yaml"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert "provincial-core-upgrade.yaml" in result.output
    assert "reviewkit check" in result.output
    deal = load_deal(path, playbook)
    assert deal.name == "Provincial core upgrade"
    assert deal.stage == playbook.stages[0].key == "discovery"
    assert deal.status == "open"
    assert deal.language == "en"
    assert deal.id == "provincial-core-upgrade"
    assert not deal.confidential


def test_new_file_teaches_the_methodology(run: Callable[..., Result], tmp_path: Path) -> None:
    run("new", "Core")
    text = (tmp_path / "core.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert text.splitlines()[1].startswith("# Deal file for reviewkit")
    assert "reviewkit check core.yaml" in text
    assert "decision chain" in text.lower()
    assert "coach" in text
    assert "PIC" in text
    assert "floor price is secret" in text
    assert "discovery → qualification → relationship" in text
    # Every question of the stage is there as a comment to answer.
    assert "Have we drawn out the customer's needs" in text


def test_new_then_check_lists_the_open_items_of_the_first_stage(
    run: Callable[..., Result], tmp_path: Path, playbook: Playbook
) -> None:
    run("new", "Core")
    code, findings = checklist_of(run, tmp_path / "core.yaml")
    assert code == 0  # warnings only: work to do, nothing forgotten
    assert {f["rule"] for f in findings} == {"checklist"}
    got = {(f["stage"], f["item"]): f["severity"] for f in findings}
    assert got == items_until(playbook, "discovery")
    assert len(findings) == len(got)


@pytest.mark.parametrize("stage", ["qualification", "relationship", "partner", "bidding"])
def test_new_at_a_stage_then_check(
    run: Callable[..., Result], tmp_path: Path, playbook: Playbook, stage: str
) -> None:
    result = run("new", "Core", "--stage", stage)
    assert result.exit_code == 0
    path = tmp_path / "core.yaml"
    assert load_deal(path, playbook).stage == stage
    code, findings = checklist_of(run, path)
    assert code == 1  # earlier stages' items are errors
    got = {(f["stage"], f["item"]): f["severity"] for f in findings if f["rule"] == "checklist"}
    assert got == items_until(playbook, stage)
    unexpected = {
        f["rule"]
        for f in findings
        if f["rule"]
        not in (
            "checklist",
            "gate",
            "no-decision-maker",
            "single-threaded",
            "meeting-trigger",
            "price-holders",  # from the bid on, the empty price_holders asks for one name
        )
    }
    assert unexpected == set()


def test_new_at_bidding_calls_the_pre_bid_meeting(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    run("new", "Core", "--stage", "bidding")
    _, findings = checklist_of(run, tmp_path / "core.yaml")
    triggers = [f for f in findings if f["rule"] == "meeting-trigger"]
    assert len(triggers) == 1
    assert "before the bid" in str(triggers[0]["message"])
    gates = [f for f in findings if f["rule"] == "gate"]
    assert [(g["stage"], g["severity"]) for g in gates] == [("relationship", "error")]


def test_new_checklist_answers_manual_items_only(
    run: Callable[..., Result], tmp_path: Path, playbook: Playbook
) -> None:
    run("new", "Core", "--stage", "relationship")
    deal = load_deal(tmp_path / "core.yaml", playbook)
    for stage in playbook.stages[:3]:
        answers = {k: v for k, v in deal.data["checklist"][stage.key].items() if v is not None}
        manual = {i.key for i in stage.items if i.rule is None}
        assert set(answers) == manual
        assert all(a == {"status": "unknown", "evidence": ""} for a in answers.values())
    later = playbook.stages[3:]
    assert all(v is None for s in later for v in deal.data["checklist"][s.key].values())


# -- language ------------------------------------------------------------------------


def test_new_in_chinese(run: Callable[..., Result], tmp_path: Path, playbook: Playbook) -> None:
    result = run("new", "华东调度数据中心", "--lang", "zh", "--stage", "relationship")
    assert result.exit_code == 0
    path = tmp_path / "华东调度数据中心.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("# reviewkit 项目文件")
    assert "决策链" in text
    assert "教练" in text
    assert "是否在客户的中基层培养出了信息提供者（教练）？" in text
    assert "Deal file for reviewkit" not in text
    deal = load_deal(path, playbook)
    assert deal.language == "zh"
    assert deal.name == "华东调度数据中心"
    _, findings = checklist_of(run, path)
    assert findings
    assert all("not met" not in str(f["message"]) for f in findings)
    assert any("关系切入发展" in str(f["message"]) for f in findings)


def test_new_rejects_an_unknown_language(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("new", "Core", "--lang", "fr")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


# -- values round-trip ----------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        'Northfield "provincial" branch',
        "Li Wei: account manager",
        "Team #1 # not a comment",
        "line one\nline two",
        "江淮省电力公司：调度中心",
        "O'Neil & Sons, {Ltd}",
        "- starts like a list",
        "* starts like an alias",
        "yes",
        "null",
        "12000000",
        "2026-12-01",
        "  padded  ",
        "tab\there",
        "back\\slash \\n not a newline",
        "{{ jinja }} {% raw %}",
        "😀 emoji",
        "",
        pytest.param(
            "DEL\x7fchar",
        ),
        pytest.param(
            "NEL\x85char",
        ),
    ],
)
def test_customer_and_owner_round_trip(
    run: Callable[..., Result], tmp_path: Path, playbook: Playbook, value: str
) -> None:
    result = run("new", "Core", "--customer", value, "--owner", value)
    assert result.exit_code == 0
    deal = load_deal(tmp_path / "core.yaml", playbook)
    assert deal.data["deal"]["customer"] == value
    assert deal.data["deal"]["owner"] == value


@pytest.mark.parametrize("name", ['Say "hi": #1', "多行\n名称", "null", "- x"])
def test_name_round_trips(
    run: Callable[..., Result], tmp_path: Path, playbook: Playbook, name: str
) -> None:
    result = run("new", "-o", "deal.yaml", "--", name)
    assert result.exit_code == 0
    assert load_deal(tmp_path / "deal.yaml", playbook).name == name


def test_scaffold_text_loads_for_every_stage_and_language(
    tmp_path: Path, playbook: Playbook
) -> None:
    for stage in playbook.stages:
        for lang in ("en", "zh"):
            path = tmp_path / f"{stage.key}-{lang}.yaml"
            path.write_text(
                scaffold("Deal", stage=stage.key, lang=lang, playbook=playbook), encoding="utf-8"
            )
            deal = load_deal(path, playbook)
            assert (deal.stage, deal.language) == (stage.key, lang)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("visits:", "product_problems:", "price_holders:", "with:", "A good coach:")),
        ("zh", ("客户考察:", "产品问题:", "最终价格知情人:", "行动对象:", "好教练：")),
    ],
)
def test_new_shows_the_lessons_fields_and_their_examples_load(
    tmp_path: Path, playbook: Playbook, lang: str, words: tuple[str, ...]
) -> None:
    """Visits, product problems, price holders and an action's people come from the schema,
    in the file's form, with examples that load as written; the good coach's profile
    follows the decision chain."""
    text = scaffold("Deal", stage="bidding", lang=lang, playbook=playbook)
    assert all(word in text for word in words)
    assert text.index(words[-1]) < text.index("合作伙伴:" if lang == "zh" else "partners:")
    path = tmp_path / "live.yaml"
    path.write_text(
        scaffold("Deal", stage="bidding", lang=lang, playbook=playbook, live_examples=True),
        encoding="utf-8",
    )
    data = load_deal(path, playbook).data
    [visit], [problem], [action] = data["visits"], data["product_problems"], data["actions"]
    person = data["decision_chain"][0]["name"]
    assert (visit["attendees"], visit["accompanied"], action["with"]) == ([person], False, [person])
    assert (problem["whose"], problem["status"]) == ("我方" if lang == "zh" else "us", "open")


# -- refusing, forcing, bad usage -----------------------------------------------------


def test_new_refuses_to_overwrite(run: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "core.yaml"
    path.write_bytes(b"my precious notes\n")
    result = run("new", "Core")
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert "--force" in result.output
    assert path.read_bytes() == b"my precious notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["core.yaml"]


def test_new_refuses_to_overwrite_with_o(run: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_bytes(b"reviewkit: 1\n")
    result = run("new", "Other", "-o", path)
    assert result.exit_code == 2
    assert path.read_bytes() == b"reviewkit: 1\n"


def test_new_force_replaces(run: Callable[..., Result], tmp_path: Path, playbook: Playbook) -> None:
    path = tmp_path / "core.yaml"
    path.write_bytes(b"old\n")
    result = run("new", "Core", "--force", "--owner", "Li Wei")
    assert result.exit_code == 0
    assert load_deal(path, playbook).data["deal"]["owner"] == "Li Wei"


def test_new_unknown_stage(run: Callable[..., Result], tmp_path: Path, playbook: Playbook) -> None:
    result = run("new", "Core", "--stage", "negotiation")
    assert result.exit_code == 2
    assert "negotiation" in result.output
    for stage in playbook.stages:
        assert stage.key in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_new_into_a_missing_folder(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("new", "Core", "-o", tmp_path / "no" / "such" / "core.yaml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "cannot write" in result.output
    assert list(tmp_path.iterdir()) == []


def test_new_onto_a_folder(run: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "deals").mkdir()
    for extra in ([], ["--force"]):
        result = run("new", "Core", "-o", "deals", *extra)
        assert result.exit_code == 2
        assert "Traceback" not in result.output
    assert list((tmp_path / "deals").iterdir()) == []


def test_new_into_a_named_folder(
    run: Callable[..., Result], tmp_path: Path, playbook: Playbook
) -> None:
    (tmp_path / "deals").mkdir()
    result = run("new", "Core", "-o", Path("deals") / "core.yaml")
    assert result.exit_code == 0
    assert load_deal(tmp_path / "deals" / "core.yaml", playbook).name == "Core"


def test_new_without_a_name(run: Callable[..., Result]) -> None:
    result = run("new")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# -- the default file name ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("Provincial core upgrade", "provincial-core-upgrade.yaml"),
        ("  Northfield: Core / Edge (2027)!  ", "northfield-core-edge-2027.yaml"),
        ("华东 调度 数据中心", "华东-调度-数据中心.yaml"),
        ("../../etc/passwd", "etc-passwd.yaml"),
        ("???", "deal.yaml"),
    ],
)
def test_default_file_name_is_the_slug(
    run: Callable[..., Result], tmp_path: Path, name: str, file: str
) -> None:
    assert slug(name) + ".yaml" == file
    result = run("new", name)
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [file]


@pytest.mark.parametrize(("lang", "name"), [("en", "Core"), ("zh", "华东调度")])
def test_new_shows_the_words_read_as_no_tie_and_unknown(
    run: Callable[..., Result], tmp_path: Path, lang: str, name: str
) -> None:
    run("new", name, "--lang", lang)
    text = next(tmp_path.glob("*.yaml")).read_text(encoding="utf-8")
    key = {"en": "competitor_ties:", "zh": "与对手关系："}[lang]
    line = next(x for x in text.splitlines() if x.startswith("#") and key in x)
    rest = text[text.index(line) :].split("\n", 2)
    words = re.findall(r"“([^”]+)”", rest[0] + rest[1])
    states = [tie_state(w) for w in words]
    assert "none" in states and "unknown" in states
    assert "tie" not in states and None not in states
