"""The Chinese form of a deal file: keys and values written as their labels read as the English ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewkit.errors import InvalidFile, Problem
from reviewkit.model.aliases import (
    FIXED_KEYS,
    Labels,
    fields_of,
    forms,
    inner,
    key_synonyms,
    value_synonyms,
)
from reviewkit.model.deal import load_deal, schema_for
from reviewkit.model.formtext import rewrite
from reviewkit.model.playbook import Playbook
from reviewkit.model.schema import Bool, Enum, Field, MapOf, Struct
from reviewkit.model.yamlread import Mapping, Scalar, compose
from tests.conftest import MINIMAL, SAMPLE_DEALS, SAMPLES, load_sample

#: A Chinese deal written in the Chinese form: keys, enumeration values and flags.
CHINESE = """\
reviewkit: 1
项目:
  名称: 华东调度
  阶段: 关系切入发展
  状态: 进行中
  语言: 中文
  机密: 否
决策链:
  - 姓名: 王强
    职务: 首席技术官
    角色: [决策者, 技术把关]
    影响力: 高
    态度: 认可者
    理性认同: 高
    教练: 是
    对集成商态度:
      东桥系统: 正面
    需求:
      个人: 年内升任副总
行动:
  - 工作内容: 单独约见采购部负责人
    负责人: 李伟
    完成时间: 2026-12-10
    状态: 已完成
检查清单:
  需求了解与信息收集:
    需求已确认:
      状态: 部分
      依据: 复述过一次，客户说“基本如此”
"""


def write(tmp_path: Path, text: str, name: str = "deal.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, playbook: Playbook) -> list[Problem]:
    with pytest.raises(InvalidFile) as info:
        load_deal(path, playbook)
    return info.value.problems


def walk(field: Field, parent: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str, Field]]:
    """Every (mapping path, key, field) of a schema, list items looked through."""
    out = []
    for key, sub in fields_of(inner(field)).items():
        out.append((parent, key, sub))
        out += walk(sub, (*parent, key))
    return out


# -- the table -------------------------------------------------------------------------------


def test_every_key_of_the_format_has_a_label_in_every_other_language(playbook: Playbook) -> None:
    """A new field needs only its `key.<name>` label in the catalogues to have a synonym."""
    labels = Labels(playbook)
    missing = [
        (".".join((*parent, key)), lang)
        for parent, key, _ in walk(schema_for(playbook))
        for lang in forms()
        if key not in FIXED_KEYS and labels.key(parent, key, lang) is None
    ]
    assert missing == []


def test_each_mapping_reads_each_synonym_as_one_key(playbook: Playbook) -> None:
    labels = Labels(playbook)
    for parent, key, field in [((), "", schema_for(playbook)), *walk(schema_for(playbook))]:
        keys = tuple(fields_of(inner(field)))
        if not keys:
            continue
        here = (*parent, key) if key else parent
        words = [labels.key(here, k, lang) for k in keys for lang in forms()]
        words = [w for w in words if w]
        assert len(words) == len(set(words)), here  # no label names two keys of one mapping
        assert not set(words) & set(keys), here
        assert len(key_synonyms(labels, here, keys)) == len(words)


def test_each_enumeration_reads_each_synonym_as_one_value(playbook: Playbook) -> None:
    labels = Labels(playbook)
    leaves = {id(f): f for _, _, f in walk(schema_for(playbook))}
    fields = [inner(f) for f in leaves.values()]
    for field in [f for f in fields if isinstance(f, Enum | Bool)]:
        values = ("true", "false") if isinstance(field, Bool) else field.values
        words = [labels.value(field, v, "zh") for v in values]
        named = [w for w in words if w]
        assert len(named) == len(set(named)), getattr(field, "name", "bool")
        assert set(value_synonyms(labels, field)) == set(named) - set(values)
    attitudes = value_synonyms(labels, Enum("attitude"))
    assert [
        attitudes[w][0] for w in ("反对者", "不支持者", "认可者", "支持者", "同情者", "同盟者")
    ] == [
        "opposer",
        "non-supporter",
        "acknowledger",
        "supporter",
        "sympathizer",
        "ally",
    ]


# -- reading the Chinese form ------------------------------------------------------------------


def test_a_chinese_form_file_reads_as_the_english_form(tmp_path: Path, playbook: Playbook) -> None:
    deal = load_deal(write(tmp_path, CHINESE), playbook)
    assert (deal.stage, deal.status, deal.language, deal.confidential) == (
        "relationship",
        "open",
        "zh",
        False,
    )
    person = deal.data["decision_chain"][0]
    assert person["roles"] == ["decision-maker", "technical"]
    assert (person["influence"], person["attitude"], person["mindshare"]) == (
        "high",
        "acknowledger",
        "high",
    )
    assert person["coach"] is True
    assert person["integrator_attitudes"] == {"东桥系统": "positive"}
    assert person["needs"]["personal"] == "年内升任副总"
    assert deal.data["actions"][0]["status"] == "done"
    answer = deal.data["checklist"]["discovery"]["needs-confirmed"]
    assert answer == {"status": "partial", "evidence": "复述过一次，客户说“基本如此”"}
    # Positions are the rep's lines, under the canonical path.
    assert deal.where("decision_chain", 0, "attitude") == (13, 5)
    assert deal.where("checklist", "discovery", "needs-confirmed") == (27, 5)


@pytest.mark.parametrize("sample", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_every_sample_reads_the_same_in_either_form(
    tmp_path: Path, playbook: Playbook, sample: Path
) -> None:
    english, _ = load_sample(sample)
    book = english.playbook
    text = sample.read_text(encoding="utf-8")
    chinese, canonical = rewrite(text, book, "zh"), rewrite(text, book)
    assert chinese != canonical
    assert rewrite(chinese, book) == canonical  # and back, word for word
    if canonical == text:
        assert rewrite(canonical, book, "zh") == chinese
    deal = load_deal(write(tmp_path, chinese, sample.name), book)
    assert deal.data == english.data
    # The same lines (a column moves where a shorter word came earlier on the line).
    assert {k: v[0] for k, v in deal.positions.items()} == {
        k: v[0] for k, v in english.positions.items()
    }


def test_english_keys_may_hold_chinese_keys_and_the_other_way(
    tmp_path: Path, playbook: Playbook
) -> None:
    text = MINIMAL + "decision_chain:\n  - 姓名: 王强\n    influence: 高\n决策链_notes: x\n"
    problems = problems_of(write(tmp_path, text), playbook)
    assert [(p.kind, p.line) for p in problems] == [("unknown-key", 8)]  # the mix itself is fine
    deal = load_deal(
        write(tmp_path, MINIMAL + "决策链:\n  - name: 王强\n    影响力: high\n"), playbook
    )
    assert deal.data["decision_chain"][0]["influence"] == "high"


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        ("影响力: 高", "influence: high", ("influence", "影响力")),
        ("influence: high", "影响力: 低", ("影响力", "influence")),
    ],
)
def test_one_key_in_both_forms_is_an_error_at_the_second(
    tmp_path: Path, playbook: Playbook, first: str, second: str, shown: tuple[str, str]
) -> None:
    text = MINIMAL + f"decision_chain:\n  - name: A\n    {first}\n    {second}\n"
    problems = problems_of(write(tmp_path, text), playbook)
    assert [(p.kind, p.line, p.column) for p in problems] == [("mixed-forms", 8, 5)]
    assert f"'{shown[0]}' and '{shown[1]}' (line 7) are the same key" in problems[0].message
    assert problems[0].hint.startswith("keep one of them")


def test_messages_name_keys_and_values_in_the_form_the_file_uses(
    tmp_path: Path, playbook: Playbook
) -> None:
    text = CHINESE.replace("    影响力: 高\n", "    影响力: 很高\n").replace(
        "  - 姓名: 王强\n", "  - 职务: 处长\n  - 姓名: 王强\n"
    )
    problems = problems_of(write(tmp_path, text), playbook)
    assert [(p.kind, p.line) for p in problems] == [("missing-key", 9), ("bad-enum", 13)]
    missing, enum = problems
    assert "缺少必填的 '姓名'" in missing.message
    assert enum.message.startswith("决策链[1].影响力：'很高' 不是允许的取值")
    assert enum.hint == "允许的取值：低、中、高"


def test_an_unknown_key_in_a_chinese_form_file_suggests_the_chinese_key(
    tmp_path: Path, playbook: Playbook
) -> None:
    problems = problems_of(write(tmp_path, CHINESE.replace("影响力", "影响里")), playbook)
    assert [p.kind for p in problems] == ["unknown-key"]
    assert "'影响力'" in problems[0].message
    assert "姓名, 职务, 角色, 影响力" in problems[0].hint


def test_free_names_and_text_keep_what_was_written(tmp_path: Path, playbook: Playbook) -> None:
    """An integrator called 高 and a note saying 是 stay as written: only keys and the values
    of enumerations and flags have synonyms."""
    text = (
        MINIMAL
        + "decision_chain:\n  - name: 高\n    notes: 是\n    integrator_attitudes: {高: 正面}\n"
    )
    person = load_deal(write(tmp_path, text), playbook).data["decision_chain"][0]
    assert (person["name"], person["notes"], person["integrator_attitudes"]) == (
        "高",
        "是",
        {"高": "positive"},
    )


def test_the_format_marker_has_one_form(playbook: Playbook) -> None:
    root, _ = compose(rewrite(CHINESE, playbook, "zh"), "x")
    assert isinstance(root, Mapping)
    first = root.pairs[0][0]
    assert isinstance(first, Scalar) and first.value == "reviewkit"
    assert isinstance(schema_for(playbook).fields["deal"], Struct)
    assert not isinstance(schema_for(playbook).fields["decision_chain"], MapOf)


def test_the_shipped_chinese_form_sample_is_in_the_chinese_form(playbook: Playbook) -> None:
    text = (SAMPLES / "xinan-hospital-stub.yaml").read_text(encoding="utf-8")
    assert text == rewrite(text, playbook, "zh")


def test_a_wrong_value_under_a_chinese_key_is_answered_in_chinese_words(
    tmp_path: Path, playbook: Playbook
) -> None:
    text = (
        "reviewkit: 1\n项目:\n  名称: x\n  阶段: 关系发展\n  语言: 中文\n"
        "决策链:\n  - 姓名: a\n    教练: 对\n    角色: [决策人]\n"
    )
    problems = problems_of(write(tmp_path, text), playbook)
    assert [(p.line, p.column, p.kind) for p in problems] == [
        (4, 7, "unknown-stage"),
        (8, 9, "bad-enum"),
        (9, 10, "bad-enum"),
    ]
    stage, coach, role = problems
    assert "是不是 '关系切入发展'？" in stage.message
    assert stage.hint == "可用的阶段：" + "、".join(
        [
            "需求了解与信息收集",
            "机会评估",
            "关系切入发展",
            "合作伙伴发展确定",
            "方案确定",
            "投标和商务谈判",
            "项目实施",
        ]
    )
    assert (
        coach.message == "决策链[0].教练：'对' 不是允许的取值"
        and coach.hint == "允许的取值：是、否"
    )
    assert "是不是 '决策者'？" in role.message and role.hint.startswith("允许的取值：决策者、参谋")
    # The same slips under English keys are answered in the English words.
    english = problems_of(
        write(tmp_path, MINIMAL + "decision_chain:\n  - name: a\n    coach: 对\n"), playbook
    )
    assert [p.kind for p in english] == ["wrong-type"] and "coach: true" in english[0].hint


def test_an_unknown_stage_or_item_in_the_chinese_form_suggests_the_playbooks_names(
    tmp_path: Path, playbook: Playbook
) -> None:
    text = (
        "reviewkit: 1\n项目:\n  名称: x\n  阶段: 关系切入发展\n  语言: 中文\n检查清单:\n"
        "  关系切入发展:\n    培养教练:\n      状态: 是\n  方案确认:\n    客户确认方案:\n      状态: 是\n"
    )
    item, stage = problems_of(write(tmp_path, text), playbook)
    assert (item.line, item.kind, stage.line, stage.kind) == (8, "unknown-item", 10, "unknown-key")
    assert item.message == "'培养教练' 不是阶段 '关系切入发展' 的检查项；是不是 '培养出教练'？"
    assert "培养出教练, 公关策略衔接" in item.hint
    assert "是不是 '方案确定'？" in stage.message
    assert stage.hint == "此处可用的键：" + ", ".join(s.label["zh"] for s in playbook.stages)


def test_every_word_of_the_table_is_written_without_quotes(playbook: Playbook) -> None:
    """`new` writes the words bare: each must read back as itself, not as a number, a flag,
    a list or a comment."""
    schema = schema_for(playbook)
    labels = Labels(playbook)
    mappings = [((), schema), *(((*parent, key), field) for parent, key, field in walk(schema))]
    words = {
        word
        for path, field in mappings
        for key in fields_of(inner(field))
        for lang in forms()
        if (word := labels.key(path, key, lang))
    }
    leaves = [inner(f) for _, _, f in walk(schema)]
    words |= {w for f in leaves if isinstance(f, Enum | Bool) for w in value_synonyms(labels, f)}
    assert len(words) > 150
    for word in sorted(words):
        root, problems = compose(f"{word}: {word}\n", "x")
        assert problems == [] and isinstance(root, Mapping), word
        key, value = root.pairs[0]
        assert (key.value, key.plain) == (word, True), word
        assert isinstance(value, Scalar) and (value.value, value.plain) == (word, True), word


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_mix_of_forms_line_by_line_reads_the_same(
    tmp_path: Path, playbook: Playbook, data: st.DataObject
) -> None:
    """Different keys in different forms are fine: each line of a sample from either form."""
    sample = SAMPLES / "huadong-grid-dispatch.yaml"
    english, _ = load_sample(sample)
    text = sample.read_text(encoding="utf-8")
    chinese = rewrite(text, playbook, "zh").splitlines(True)
    lines = list(zip(text.splitlines(True), chinese, strict=True))
    picks = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    mixed = "".join(zh if pick else en for (en, zh), pick in zip(lines, picks, strict=True))
    assert load_deal(write(tmp_path, mixed, sample.name), playbook).data == english.data
