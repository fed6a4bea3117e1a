"""yamlread.compose: node positions, the narrow YAML subset it accepts, and its syntax errors."""

from __future__ import annotations

import itertools
import textwrap
import time

import pytest

from reviewkit.errors import Problem
from reviewkit.model.schema import is_null as schema_is_null
from reviewkit.model.yamlread import MAX_DEPTH, Mapping, Node, Scalar, Sequence, compose


def parse(text: str, lang: str = "en") -> tuple[Node | None, list[Problem]]:
    return compose(textwrap.dedent(text), "f.yaml", lang)


def refused(text: str, lang: str = "en") -> Problem:
    """The one problem that stops `text` from parsing."""
    root, problems = compose(text, "f.yaml", lang)
    assert root is None
    assert len(problems) == 1, problems
    assert problems[0].path == "f.yaml"
    return problems[0]


def value_of(node: Node | None, *keys: str) -> Node:
    for key in keys:
        assert isinstance(node, Mapping)
        node = next(v for k, v in node.pairs if k.value == key)
    assert node is not None
    return node


# -- positions and node shapes ------------------------------------------------------------


def test_positions_of_mappings_sequences_and_scalars_are_one_based() -> None:
    root, problems = parse(
        """\
        deal:
          name: Test
          team: [Li, "Chen"]
        actions:
          - what: call
            due: 2026-12-01
        """
    )
    assert problems == []
    assert isinstance(root, Mapping)
    assert (root.line, root.column) == (1, 1)
    key, deal = root.pairs[0]
    assert (key.line, key.column, key.value, key.plain) == (1, 1, "deal", True)
    assert isinstance(deal, Mapping) and (deal.line, deal.column) == (2, 3)

    name = value_of(root, "deal", "name")
    assert name == Scalar(2, 9, "Test", True)

    team = value_of(root, "deal", "team")
    assert isinstance(team, Sequence) and (team.line, team.column) == (3, 9)
    assert team.items == [Scalar(3, 10, "Li", True), Scalar(3, 14, "Chen", False)]

    actions = value_of(root, "actions")
    assert isinstance(actions, Sequence) and (actions.line, actions.column) == (5, 3)
    entry = actions.items[0]
    assert isinstance(entry, Mapping) and (entry.line, entry.column) == (5, 5)
    assert entry.pairs[0][0] == Scalar(5, 5, "what", True)
    assert entry.pairs[0][1] == Scalar(5, 11, "call", True)
    # Values stay text: schema decides that this is a date.
    assert entry.pairs[1][1] == Scalar(6, 10, "2026-12-01", True)


def test_flow_mapping_inside_flow_sequence_has_its_own_position() -> None:
    root, _ = parse("a: [x, {b: c}]\n")
    seq = value_of(root, "a")
    assert isinstance(seq, Sequence)
    inner = seq.items[1]
    assert isinstance(inner, Mapping) and (inner.line, inner.column) == (1, 8)
    assert inner.pairs == [(Scalar(1, 9, "b", True), Scalar(1, 12, "c", True))]


def test_columns_count_characters_not_bytes() -> None:
    root, problems = parse("名字: 中文\nb: [中, x]\n")
    assert problems == []
    assert value_of(root, "名字") == Scalar(1, 5, "中文", True)
    seq = value_of(root, "b")
    assert isinstance(seq, Sequence)
    assert seq.items == [Scalar(2, 5, "中", True), Scalar(2, 8, "x", True)]


@pytest.mark.parametrize(
    ("text", "value", "plain", "is_null", "column"),
    [
        pytest.param("a: x\n", "x", True, False, 4, id="plain"),
        pytest.param("a: 'x'\n", "x", False, False, 4, id="single-quoted"),
        pytest.param('a: "x"\n', "x", False, False, 4, id="double-quoted"),
        pytest.param("a: |\n  x\n", "x\n", False, False, 4, id="literal-block"),
        pytest.param("a: >\n  x\n  y\n", "x y\n", False, False, 4, id="folded-block"),
        pytest.param("a:\n", "", True, True, 3, id="empty"),
        pytest.param("a: ~\n", "~", True, True, 4, id="tilde"),
        pytest.param("a: null\n", "null", True, True, 4, id="null"),
        pytest.param("a: 'null'\n", "null", False, False, 4, id="quoted-null-is-text"),
        pytest.param("a: ''\n", "", False, False, 4, id="quoted-empty-is-text"),
        pytest.param("a: 1.50\n", "1.50", True, False, 4, id="number-stays-text"),
        pytest.param("a: yes\n", "yes", True, False, 4, id="yes-stays-text"),
    ],
)
def test_plain_and_quoted_scalars(
    text: str, value: str, plain: bool, is_null: bool, column: int
) -> None:
    root, problems = parse(text)
    assert problems == []
    node = value_of(root, "a")
    assert isinstance(node, Scalar)
    assert (node.value, node.plain, schema_is_null(node)) == (value, plain, is_null)
    assert (node.line, node.column) == (1, column)


def test_a_lone_scalar_document_is_a_scalar_root() -> None:
    root, problems = parse("hello\n")
    assert problems == []
    assert root == Scalar(1, 1, "hello", True)


@pytest.mark.parametrize(
    "text", ["", "# only a comment\n", "\n\n"], ids=["empty", "comment", "blank"]
)
def test_an_empty_document_has_no_root_and_no_problem(text: str) -> None:
    assert compose(text, "f.yaml") == (None, [])


def test_a_leading_document_marker_and_an_end_marker_are_accepted() -> None:
    root, problems = parse("---\na: 1\n...\n")
    assert problems == []
    assert isinstance(root, Mapping) and (root.line, root.column) == (2, 1)


# -- duplicate keys -----------------------------------------------------------------------


def test_duplicate_keys_are_all_reported_at_the_second_occurrence() -> None:
    root, problems = parse(
        """\
        a: 1
        b: 2
        a: 3
        b:
          c: 1
        """
    )
    assert [(p.line, p.column, p.kind) for p in problems] == [
        (3, 1, "duplicate-key"),
        (4, 1, "duplicate-key"),
    ]
    assert "'a'" in problems[0].message and "line 1" in problems[0].message
    assert "'b'" in problems[1].message and "line 2" in problems[1].message
    assert "replace" in problems[0].message
    assert "keep one" in problems[0].hint
    # The first value of each key is kept; the tree is still returned.
    assert isinstance(root, Mapping)
    assert [(k.value, v) for k, v in root.pairs] == [
        ("a", Scalar(1, 4, "1", True)),
        ("b", Scalar(2, 4, "2", True)),
    ]


def test_a_key_repeated_three_times_is_reported_twice_naming_the_first_line() -> None:
    _, problems = parse("a: 1\na: 2\na: 3\n")
    assert [(p.line, p.column) for p in problems] == [(2, 1), (3, 1)]
    assert all("line 1" in p.message for p in problems)


def test_duplicate_keys_in_nested_and_flow_mappings() -> None:
    _, problems = parse(
        """\
        deal:
          name: x
          name: y
        team: {a: 1, a: 2}
        """
    )
    assert [(p.line, p.column, p.kind) for p in problems] == [
        (3, 3, "duplicate-key"),
        (4, 14, "duplicate-key"),
    ]
    assert "line 2" in problems[0].message
    assert "line 4" in problems[1].message


def test_a_quoted_key_duplicates_the_plain_one() -> None:
    _, problems = parse("name: 1\n'name': 2\n")
    assert [(p.line, p.column, p.kind) for p in problems] == [(2, 1, "duplicate-key")]


def test_the_same_key_in_different_list_entries_is_not_a_duplicate() -> None:
    _, problems = parse("- name: a\n- name: b\n")
    assert problems == []


# -- refused YAML features -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        pytest.param("a: &x 1\nb: 2\n", 1, 4, id="anchor-on-scalar"),
        pytest.param("a: 1\nb: *x\n", 2, 4, id="alias"),
        pytest.param("a: &x\n  b: 1\n", 1, 4, id="anchor-on-mapping"),
        pytest.param("a: &x [1, 2]\n", 1, 4, id="anchor-on-sequence"),
        pytest.param("base: &b {x: 1}\nother:\n  <<: *b\n", 1, 7, id="merge-key"),
    ],
)
def test_anchors_and_aliases_are_refused(text: str, line: int, column: int) -> None:
    problem = refused(text)
    assert (problem.line, problem.column, problem.kind) == (line, column, "alias")
    assert "anchors and aliases" in problem.message
    assert "in full" in problem.hint


def test_billion_laughs_is_refused_fast() -> None:
    names = [f"l{i}" for i in range(10)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * 9)}]"]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    start = time.perf_counter()
    problem = refused("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 0.5
    assert (problem.line, problem.column, problem.kind) == (1, 5, "alias")


@pytest.mark.parametrize(
    ("text", "column", "shown"),
    [
        pytest.param("a: !!str 1\n", 4, "tag:yaml.org,2002:str", id="core-tag"),
        pytest.param("a: !custom x\n", 4, "!custom", id="local-tag"),
        pytest.param("a: !!python/object:os.system x\n", 4, "python/object", id="python-tag"),
        pytest.param("a: ! x\n", 4, "'!'", id="non-specific"),
        pytest.param("a: !!seq [1]\n", 4, "tag:yaml.org,2002:seq", id="on-sequence"),
        pytest.param("a: !!map {b: 1}\n", 4, "tag:yaml.org,2002:map", id="on-mapping"),
    ],
)
def test_explicit_tags_are_refused(text: str, column: int, shown: str) -> None:
    problem = refused(text)
    assert (problem.line, problem.column, problem.kind) == (1, column, "explicit-tag")
    assert shown in problem.message
    assert "remove the tag" in problem.hint


def test_nesting_up_to_max_depth_is_accepted() -> None:
    root, problems = compose("[" * MAX_DEPTH + "]" * MAX_DEPTH, "f.yaml")
    assert problems == []
    assert isinstance(root, Sequence)


def test_deep_flow_nesting_is_refused_fast() -> None:
    start = time.perf_counter()
    problem = refused("[" * 10000 + "]" * 10000)
    assert time.perf_counter() - start < 0.5
    assert (problem.line, problem.column, problem.kind) == (1, MAX_DEPTH + 1, "too-deep")
    assert f"deeper than {MAX_DEPTH} levels" in problem.message
    assert "flatten" in problem.hint


def test_deep_block_mapping_is_refused_fast() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(2000)) + "  " * 2000 + "v: 1\n"
    start = time.perf_counter()
    problem = refused(text)
    assert time.perf_counter() - start < 0.5
    # The mapping that is one level too deep starts at key k{MAX_DEPTH}.
    assert (problem.line, problem.column, problem.kind) == (
        MAX_DEPTH + 1,
        2 * MAX_DEPTH + 1,
        "too-deep",
    )


def test_a_second_document_is_refused() -> None:
    problem = refused("a: 1\n---\nb: 2\n")
    assert (problem.line, problem.column, problem.kind) == (2, 1, "multiple-documents")
    assert "second YAML document" in problem.message
    assert "remove the '---' line" in problem.hint


def test_a_complex_key_is_refused() -> None:
    problem = refused("? [a, b]\n: 1\n")
    assert (problem.line, problem.column, problem.kind) == (1, 3, "complex-key")
    assert "plain word" in problem.message


# -- syntax errors ------------------------------------------------------------------------

SYNTAX_ERRORS = [
    pytest.param("deal:\n\tname: x\n", 2, 1, "yaml-tab", "tab character", "spaces", id="tab"),
    pytest.param("a:\n-\tb\n", 2, 2, "yaml-tab", "tab character", "spaces", id="tab-after-dash"),
    pytest.param(
        "deal:\n  name: x\n stage: y\n", 3, 2, "yaml-indent", "indentation", "same", id="indent"
    ),
    pytest.param(
        "名字:\n  b: 1\n c: 2\n", 3, 2, "yaml-indent", "indentation", "same", id="indent-cjk"
    ),
    pytest.param(
        "deal:\n  name: a: b\n", 2, 10, "yaml-text-colon", "contains ': '", "quotes", id="colon"
    ),
    pytest.param(
        "名字: 中文: c\n", 1, 7, "yaml-text-colon", "contains ': '", "quotes", id="colon-cjk"
    ),
    pytest.param("a: b\x07c\n", 1, 5, "yaml-control", "#x0007", "delete it", id="control-bel"),
    pytest.param(
        "a: 1\nb: 2\nc: x\x1by\n", 3, 5, "yaml-control", "#x001b", "delete", id="control-esc"
    ),
    pytest.param("a: x\x00\n", 1, 5, "yaml-control", "#x0000", "delete", id="control-nul"),
    pytest.param("owner: @liwei\n", 1, 8, "yaml-reserved", "'@' cannot start", "quotes", id="at"),
    pytest.param(
        "owner: `li`\n", 1, 8, "yaml-reserved", "'`' cannot start", "quotes", id="backtick"
    ),
    pytest.param("名字: @x\n", 1, 5, "yaml-reserved", "'@' cannot start", "quotes", id="at-cjk"),
]


@pytest.mark.parametrize(("text", "line", "column", "kind", "words", "hint"), SYNTAX_ERRORS)
def test_syntax_errors_have_a_kind_and_a_position(
    text: str, line: int, column: int, kind: str, words: str, hint: str
) -> None:
    problem = refused(text)
    assert (problem.line, problem.column, problem.kind) == (line, column, kind)
    assert words in problem.message
    assert hint in problem.hint


@pytest.mark.parametrize("quote", ["'", '"'], ids=["single", "double"])
def test_an_unclosed_quote_is_reported_as_such(quote: str) -> None:
    problem = refused(f"a: {quote}abc\nb: 1\n")
    assert problem.kind == "yaml-quote-open"
    assert "quote opened here is never closed" in problem.message
    assert "closing quote" in problem.hint


def test_an_unclosed_quote_points_at_the_opening_quote() -> None:
    text = "deal:\n  name: 'Provincial core\n  stage: relationship\nreview:\n  date: 2026-12-03\n"
    problem = refused(text)
    assert (problem.line, problem.column, problem.kind) == (2, 9, "yaml-quote-open")


def test_control_character_after_chinese_text_has_its_character_position() -> None:
    problem = refused("a: 1\n名字: 中文\x07\n")
    assert (problem.line, problem.column, problem.kind) == (2, 7, "yaml-control")


# -- Chinese messages ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "message", "hint"),
    [
        pytest.param(
            "a: 1\na: 2\n",
            "duplicate-key",
            "重复的键 'a'（第 1 行已定义）",
            "只保留一个",
            id="duplicate",
        ),
        pytest.param("a:\n\tb: 1\n", "yaml-tab", "制表符", "空格", id="tab"),
        pytest.param("a: &x 1\n", "alias", "锚点和别名", "完整的值", id="alias"),
        pytest.param("a: !!str 1\n", "explicit-tag", "YAML 标签", "删除标签", id="tag"),
        pytest.param(
            "[" * 30 + "]" * 30, "too-deep", f"嵌套超过 {MAX_DEPTH} 层", "缩进", id="deep"
        ),
        pytest.param(
            "a: 1\n---\nb: 1\n", "multiple-documents", "第二个 YAML 文档", "'---'", id="documents"
        ),
        pytest.param("a: b: c\n", "yaml-text-colon", "含有 ': '", "引号", id="colon"),
        pytest.param("a: @x\n", "yaml-reserved", "不能以 '@' 开头", "引号", id="reserved"),
    ],
)
def test_messages_in_chinese(text: str, kind: str, message: str, hint: str) -> None:
    _, problems = compose(text, "f.yaml", "zh")
    assert [p.kind for p in problems] == [kind]
    assert message in problems[0].message
    assert hint in problems[0].hint
