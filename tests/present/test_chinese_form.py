"""New deal files in block style and in the file's form; Chinese-form files check and render as
their English-form twins do."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.judge.engine import check_deal
from reviewkit.model.aliases import CANONICAL, Labels
from reviewkit.model.conditions import Rule
from reviewkit.model.deal import load_deal, schema_for
from reviewkit.model.formtext import rewrite
from reviewkit.model.playbook import Playbook, load_playbook
from reviewkit.model.yamlread import Mapping, Node, Sequence, compose
from reviewkit.present.pack import PackOptions, build_pack
from reviewkit.present.render import render_html, render_markdown
from reviewkit.present.scaffold import scaffold
from tests.conftest import SAMPLES, TODAY

LANGS = ("en", "zh")
SAMPLE = SAMPLES / "xinan-hospital-stub.yaml"


def stages() -> list[str]:
    return [s.key for s in load_playbook().stages]


def keys_of(node: Node | None) -> set[str]:
    """Every mapping key in a node tree."""
    if isinstance(node, Mapping):
        return {k.value for k, _ in node.pairs} | {key for _, v in node.pairs for key in keys_of(v)}
    if isinstance(node, Sequence):
        return {key for item in node.items for key in keys_of(item)}
    return set()


def at(node: Node | None, keys: tuple[str, ...]) -> Node | None:
    """The node at written keys, taking the first item of each list on the way."""
    for key in keys:
        while isinstance(node, Sequence) and node.items:
            node = node.items[0]
        if not isinstance(node, Mapping):
            return None
        node = next((v for k, v in node.pairs if k.value == key), None)
    return node


# -- block style -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("live", [False, True])
def test_the_scaffold_has_no_flow_mappings_or_lists(
    playbook: Playbook, lang: str, live: bool
) -> None:
    for stage in stages():
        text = scaffold("Deal", stage=stage, lang=lang, playbook=playbook, live_examples=live)
        flow = [line for line in text.splitlines() if re.search(r":\s+[\[{]", line)]
        assert flow == [], (stage, lang)


#: What a rep types into a value: commas, colons, '#', quotes, Chinese punctuation.
SENTENCES = [
    "Operations team is small: must be manageable by 6 people, at most",
    "Met the CTO # twice, and the CFO once",
    "He said 'fine' and left: no date, no budget",
    "采购部主任：李娜，说“预算没问题”，但要等#2号文件；下周再谈。",
    "title: CTO, head of IT",
    "- starts like a list item",
    "100% sure? yes: {not a mapping} [not a list]",
]
TEXT = st.text(
    alphabet=st.sampled_from(list("abc XYZ,:#'!?-%&*{}[]|>@`，。：；“”、（）——")), min_size=1
).filter(lambda s: s.strip() == s and not s.startswith(("- ", "#")))


def with_sentences(text: str, sentences: list[str]) -> tuple[str, list[str]]:
    """`text` with every double-quoted value replaced by the next sentence, in turn."""
    used: list[str] = []

    def replace(match: re.Match[str]) -> str:
        sentence = sentences[len(used) % len(sentences)]
        used.append(sentence)
        return f'{match.group(1)}"{sentence}"'

    return re.sub(r'^([^#\n]*?(?: |- ))"[^"\n]*"', replace, text, flags=re.MULTILINE), used


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_typed_into_every_value_keep_the_file_valid(
    tmp_path: Path, playbook: Playbook, lang: str
) -> None:
    for stage in stages():
        text = scaffold("Deal", stage=stage, lang=lang, playbook=playbook, live_examples=True)
        filled, used = with_sentences(text, SENTENCES)
        assert len(used) > 40  # every example text, every empty text field
        path = tmp_path / f"{stage}-{lang}.yaml"
        path.write_text(filled, encoding="utf-8")
        deal = load_deal(path, playbook)
        person = deal.data["decision_chain"][0]
        assert person["name"] == used[used.index(person["name"])]
        assert deal.data["background"]["customer"]["business"] in SENTENCES
        assert deal.data["competitors"][0]["strengths"][0] in SENTENCES


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sentences=st.lists(TEXT, min_size=1, max_size=5))
def test_any_sentence_in_the_quotes_keeps_the_chinese_file_valid(
    tmp_path: Path, playbook: Playbook, sentences: list[str]
) -> None:
    text = scaffold("Deal", stage="bidding", lang="zh", playbook=playbook, live_examples=True)
    filled, used = with_sentences(text, sentences)
    path = tmp_path / "deal.yaml"
    path.write_text(filled, encoding="utf-8")
    deal = load_deal(path, playbook)
    assert deal.data["strategy"]["relationship"] in used


def test_the_commented_examples_are_the_live_ones_commented_out(playbook: Playbook) -> None:
    for lang in LANGS:
        commented = scaffold("Deal", lang=lang, playbook=playbook).splitlines()
        live = scaffold("Deal", lang=lang, playbook=playbook, live_examples=True).splitlines()
        uncommented = [re.sub(r"^(\s*)# ", r"\1", line) for line in commented]
        data = [line for line in live if not line.lstrip().startswith("#")]
        assert [line for line in data if line not in uncommented] == []
        assert len(data) > len([x for x in commented if not x.lstrip().startswith("#")]) + 40


# -- every key the checklist asks for ------------------------------------------------------------


def condition_paths(rule: Rule) -> list[tuple[str, ...]]:
    """The deal paths a playbook rule reads, list entries' fields as (list, *field)."""
    out = list(rule.paths)
    out += [(*rule.paths[0], *test.field) for test in rule.where]
    for inner_rule in rule.rules:
        out += condition_paths(inner_rule)
    return out


def asked_for(playbook: Playbook) -> set[tuple[str, ...]]:
    rules = [i.rule for s in playbook.stages for i in s.items if i.rule]
    rules += [s.gate.rule for s in playbook.stages if s.gate]
    return {path for rule in rules for path in condition_paths(rule)}


def written(playbook: Playbook, path: tuple[str, ...], lang: str) -> tuple[str, ...]:
    labels = Labels(playbook)
    out = []
    for index, key in enumerate(path):
        word = labels.key(path[:index], key, lang) if lang != CANONICAL else None
        out.append(word or key)
    return tuple(out)


@pytest.mark.parametrize("lang", LANGS)
def test_the_scaffold_shows_every_key_the_checklist_asks_for(playbook: Playbook, lang: str) -> None:
    paths = asked_for(playbook)
    assert ("partners", "info_providers") in paths
    assert ("decision_chain", "integrator_attitudes") in paths
    for stage in stages():
        text = scaffold("Deal", stage=stage, lang=lang, playbook=playbook, live_examples=True)
        root, problems = compose(text, "x")
        assert problems == []
        missing = [p for p in paths if at(root, written(playbook, p, lang)) is None]
        assert missing == [], (stage, lang)


def test_the_team_playbook_scaffold_shows_every_key_it_asks_for(tmp_path: Path) -> None:
    from reviewkit.model.playbook import load_playbook as load

    team = load(SAMPLES / "playbooks" / "meddpicc.yaml")
    for lang in LANGS:
        text = scaffold("Deal", lang=lang, playbook=team, live_examples=True)
        root, _ = compose(text, "x")
        assert [p for p in asked_for(team) if at(root, written(team, p, lang)) is None] == []


# -- `new --lang zh`: the Chinese form -----------------------------------------------------------


def english_keys(playbook: Playbook) -> set[str]:
    from tests.model.test_aliases import walk

    return {key for _, key, _ in walk(schema_for(playbook))} - {"reviewkit"}


@pytest.mark.parametrize("stage", ["discovery", "bidding"])
def test_a_chinese_file_is_written_in_the_chinese_form(playbook: Playbook, stage: str) -> None:
    text = scaffold("华东调度", stage=stage, lang="zh", playbook=playbook, live_examples=True)
    root, _ = compose(text, "x")
    assert keys_of(root) & english_keys(playbook) == set()
    assert "影响力: 高" in text and "态度: 认可者" in text and "状态: 未知" in text
    assert "教练: 否" in text and "语言: 中文" in text
    assert re.search(r"^  阶段: \S+", text, re.MULTILINE)
    english = scaffold("Deal", stage=stage, lang="en", playbook=playbook)
    assert "influence:" in english and "影响力" not in english


def check_json(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        app, ["check", str(path), "--format", "json", "--today", str(TODAY)], catch_exceptions=False
    )
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return [{k: v for k, v in f.items() if k != "path"} for f in findings]


@pytest.mark.parametrize("stage", stages())
def test_check_finds_the_same_in_both_forms_of_a_new_file(
    tmp_path: Path, playbook: Playbook, stage: str
) -> None:
    for live in (False, True):
        chinese = scaffold(
            "华东调度", stage=stage, lang="zh", playbook=playbook, live_examples=live
        )
        english = rewrite(chinese, playbook)
        assert english != chinese and "\n决策链:" not in english
        (tmp_path / "zh.yaml").write_text(chinese, encoding="utf-8")
        (tmp_path / "en.yaml").write_text(english, encoding="utf-8")
        zh, en = check_json(tmp_path / "zh.yaml"), check_json(tmp_path / "en.yaml")
        assert zh and zh == en  # same rules, lines, columns, stages, items and words


def test_new_lang_zh_writes_a_chinese_form_file_that_loads(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["new", "华东调度", "--lang", "zh", "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert '\n项目:\n  名称: "华东调度"\n' in text and "\n决策链:\n" in text
    assert load_deal(tmp_path / "d.yaml").language == "zh"


# -- the Chinese-form sample ---------------------------------------------------------------------


def pack_of(path: Path) -> tuple[str, str]:
    deal = load_deal(path)
    pack = build_pack(deal, PackOptions(today=TODAY), check_deal(deal, TODAY))  # type: ignore[arg-type]
    return render_markdown(pack), render_html(pack)


def test_the_chinese_form_sample_renders_the_pack_of_its_english_twin(
    tmp_path: Path, playbook: Playbook
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert rewrite(text, playbook, "zh") == text  # it is written in the Chinese form
    twin = tmp_path / SAMPLE.name
    twin.write_text(rewrite(text, playbook), encoding="utf-8")
    assert "decision_chain:" in twin.read_text(encoding="utf-8")
    markdown, html = pack_of(SAMPLE)
    assert (markdown, html) == pack_of(twin)
    assert "罗建华" in markdown and "支持者" in markdown
    assert check_json(SAMPLE) == check_json(twin)


@pytest.mark.parametrize("lang", LANGS)
def test_the_scaffold_shows_every_key_of_the_format(playbook: Playbook, lang: str) -> None:
    """Walked from the schema: a new field appears in new files with no change to the writer."""
    from tests.model.test_aliases import walk

    text = scaffold(
        "Deal", stage="implementation", lang=lang, playbook=playbook, live_examples=True
    )
    root, _ = compose(text, "x")
    left_out = {"reviewkit", "suppress", "history", "checklist", "deal.id"}
    paths = [(*parent, key) for parent, key, _ in walk(schema_for(playbook))]
    paths = [p for p in paths if not ({p[0], ".".join(p[:2])} & left_out)]
    assert len(paths) > 100
    assert [p for p in paths if at(root, written(playbook, p, lang)) is None] == []
