"""The YAML slips people make by hand are named for what they are, at the line they were made,
in the reader's language, through `reviewkit check` (exit 2, file:line:column)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.errors import InvalidFile
from reviewkit.model.deal import parse_deal
from reviewkit.model.slips import ParseError, lines_of, syntax_slip
from reviewkit.model.yamlread import compose

HEAD = """\
reviewkit: 1
deal:
  name: Hospital data centre
  stage: relationship
  language: {lang}
"""


@dataclass(frozen=True)
class Case:
    body: str  # the deal after HEAD, with the slip in it
    line: int
    column: int
    en: str
    zh: str


CASES = {
    "comma in { }": Case(
        """\
        checklist:
          discovery:
            needs-confirmed: {status: yes, evidence: met CIO, and calls weekly}
        """,
        8,
        55,
        "this text contains ',' inside { }: put the text in quotes or write the mapping in block style",
        "这段文字在 { } 里含有 ','：请给文字加引号，或者去掉 { }、每个键单独写一行",
    ),
    "commas in needs: { }": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            needs: {personal: promotion, a seat on the board, immediate: uptime, audits, certain: SA}
        """,
        8,
        34,
        "this text contains ',' inside { }",
        "这段文字在 { } 里含有 ','",
    ),
    "# in { }": Case(
        """\
        checklist:
          discovery:
            needs-confirmed: {status: yes, evidence: met CIO #2 on Monday}
        """,
        8,
        54,
        "this text contains '#' inside { }: YAML reads ' #' as the start of a comment",
        "这段文字在 { } 里含有 '#'：YAML 会把 ' #' 当作注释的开始",
    ),
    "': ' in a list item": Case(
        """\
        assessment:
          weaknesses:
            - Late to the deal
            - Operations team is small: must be manageable by 6 people
        """,
        9,
        31,
        "this text contains ': ' — put it in quotes",
        "这段文字含有 ': ' —— 请加引号",
    ),
    "': ' in a value": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            title: CTO: head of IT
        """,
        8,
        15,
        "this text contains ': ' — put it in quotes",
        "这段文字含有 ': ' —— 请加引号",
    ),
    "forgotten ':'": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            title CTO, head of IT
            influence: high
        """,
        8,
        5,
        "line 8 has no ':' after the key",
        "第 8 行的键后面缺少 ':'",
    ),
    "forgotten ':' on the last line": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            title CTO, head of IT
        """,
        8,
        5,
        "line 8 has no ':' after the key",
        "第 8 行的键后面缺少 ':'",
    ),
    "full-width '：'": Case(
        """\
        decision_chain:
          - name: 王强
            title：采购部主任
            influence: high
        """,
        8,
        10,
        "full-width '：' — use ':'",
        "全角冒号 '：' —— 请改用半角 ':'",
    ),
    "full-width '：' starting a list item": Case(
        """\
        decision_chain:
          - name：王强
            title：采购部主任
        """,
        7,
        9,
        "full-width '：' — use ':'",
        "全角冒号 '：' —— 请改用半角 ':'",
    ),
    "full-width '：' at the top": Case(
        """\
        competitors：[]
        """,
        6,
        12,
        "full-width '：' — use ':'",
        "全角冒号 '：' —— 请改用半角 ':'",
    ),
    "full-width '：' in { }": Case(
        """\
        checklist:
          discovery:
            needs-confirmed: {status：yes, evidence: met}
        """,
        8,
        29,
        "full-width '：' — use ':'",
        "全角冒号 '：' —— 请改用半角 ':'",
    ),
    "full-width '，' in [ ]": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            roles: [user，technical]
        """,
        8,
        17,
        "full-width '，' between the items of [ ] — use ','",
        "[ ] 中各项之间用了全角 '，' —— 请改用半角 ','",
    ),
    "full-width '，' in { }": Case(
        """\
        checklist:
          discovery:
            needs-confirmed: {status: yes，evidence: met}
        """,
        8,
        34,
        "full-width '，' between the items of { } — use ','",
        "{ } 中各项之间用了全角 '，' —— 请改用半角 ','",
    ),
    "full-width brackets": Case(
        """\
        decision_chain:
          - name: 王强
            roles: ［user, technical］
        """,
        8,
        12,
        "full-width '［ ］' — use '[ ]'",
        "全角括号 '［ ］' —— 请改用半角 '[ ]'",
    ),
    "full-width space as indentation": Case(
        "decision_chain:\n  - name: 王强\n\u3000\u3000title: CTO\n",
        8,
        1,
        "full-width space '\u3000' — YAML needs ordinary spaces",
        "全角空格 '\u3000' —— YAML 只认半角空格",
    ),
    "full-width space after ':'": Case(
        """\
        decision_chain:
          - name: 王强
            title:\u3000CTO
            influence: high
        """,
        8,
        11,
        "full-width space '\u3000' — YAML needs ordinary spaces",
        "全角空格 '\u3000' —— YAML 只认半角空格",
    ),
    "no space after '-'": Case(
        """\
        decision_chain:
          -name: 王强
        """,
        7,
        4,
        "a list item needs a space after '-'",
        "列表项的 '-' 后面缺少空格",
    ),
    "curly quotes": Case(
        """\
        decision_chain:
          - name: 王强
            title: “CTO: head of IT”
        """,
        8,
        12,
        "'“' is not a quote to YAML — use '\"'",
        "YAML 不把 '“' 当作引号 —— 请用半角 '\"'",
    ),
    "no space after ':'": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            influence:high
            title: CTO
        """,
        8,
        15,
        "line 8 has no space after ':'",
        "第 8 行的 ':' 后面缺少空格",
    ),
    "tab": Case(
        "decision_chain:\n  - name: Wang Qiang\n\ttitle: CTO\n",
        8,
        1,
        "a tab character; YAML indents with spaces only",
        "出现了制表符（Tab）；YAML 只能用空格缩进",
    ),
    "tab after spaces": Case(
        "decision_chain:\n  - name: Wang Qiang\n    title: CTO\n  \tinfluence: high\n",
        9,
        3,
        "a tab character; YAML indents with spaces only",
        "出现了制表符（Tab）；YAML 只能用空格缩进",
    ),
    "quote left open": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            title: "CTO
            influence: high
            attitude: "supporter"
            coach: false
        """,
        8,
        12,
        "this quote is not closed on its line: YAML read everything up to line 10 as one value",
        "这个引号在本行没有闭合：YAML 把直到第 10 行的内容都读成了一个值",
    ),
    "quote never closed": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            title: "CTO
            influence: high
        """,
        8,
        12,
        "the quote opened here is never closed",
        "这里开始的引号一直没有闭合",
    ),
    "[ ] never closed": Case(
        """\
        decision_chain:
          - name: Wang Qiang
            roles: [user, technical
            influence: high
        """,
        8,
        12,
        "the '[' opened here is never closed",
        "这里开始的 '[' 没有闭合",
    ),
}


def deal_text(case: Case, lang: str) -> str:
    return HEAD.format(lang=lang) + textwrap.dedent(case.body)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(CASES))
def test_slip_is_named_at_its_line(name: str, lang: str, tmp_path: Path) -> None:
    case = CASES[name]
    path = tmp_path / "deal.yaml"
    path.write_text(deal_text(case, lang), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:{case.line}:{case.column}: "), result.output
    assert (case.en if lang == "en" else case.zh) in first
    assert "Traceback" not in result.output
    if lang == "zh":  # no parser English inside a Chinese message
        message = first.split(" invalid ", 1)[-1]
        assert not any(w in message for w in ("expected", "found", "scanning", "mapping"))


def test_one_problem_per_piece_of_text_and_no_duplicate_keys() -> None:
    text = deal_text(CASES["commas in needs: { }"], "en")
    with pytest.raises(InvalidFile) as caught:
        parse_deal(text, Path("d.yaml"))
    kinds = [(p.kind, p.line, p.column) for p in caught.value.problems]
    line = text.splitlines()[7]
    pieces = [line.index("a seat") + 1, line.index("audits") + 1]
    assert kinds == [("yaml-flow-comma", 8, column) for column in pieces]


def test_language_from_the_config_when_the_file_cannot_say(tmp_path: Path) -> None:
    (tmp_path / "reviewkit.yaml").write_text("reviewkit-config: 1\nlanguage: zh\n")
    path = tmp_path / "deal.yaml"
    path.write_text("reviewkit: 1\ndeal:\n  name：医院\n  stage: discovery\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"{path}:3:7: " in result.output
    assert "全角冒号 '：' —— 请改用半角 ':'" in result.output


def test_text_that_only_looks_like_a_slip_stays_valid() -> None:
    text = HEAD.format(lang="zh") + textwrap.dedent(
        """\
        assessment:
          weaknesses:
            - "Operations team is small: must be manageable by 6 people"
            - 价格：偏高，交期：偏长
            - see http://example.invalid/a#b
        checklist:
          discovery:
            needs-confirmed: {status: yes, evidence: "met CIO, #2 on Monday"}
        """
    )
    deal = parse_deal(text, Path("d.yaml"))
    assert deal.data["assessment"]["weaknesses"][1] == "价格：偏高，交期：偏长"


# -- the slip detector never raises and never hangs, whatever it is given ----------------

_YAMLISH = st.text(alphabet=st.sampled_from([*"ab :：，,#{}[]-\"'\t\n\r|>", "\u2028"]))


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_YAMLISH,
    problem=st.sampled_from(
        [
            "could not find expected ':'",
            "did not find expected ',' or '}'",
            "mapping values are not allowed here",
            "found a tab character that violates indentation",
            "did not find expected key",
            "",
        ]
    ),
    context=st.sampled_from(["while scanning a simple key", "while parsing a flow mapping", ""]),
    line=st.integers(-2, 30),
    column=st.integers(-2, 60),
    quoted=st.none() | st.tuples(st.integers(-2, 30), st.integers(-2, 60), st.integers(-2, 30)),
)
def test_slip_detector_never_raises(
    text: str,
    problem: str,
    context: str,
    line: int,
    column: int,
    quoted: tuple[int, int, int] | None,
) -> None:
    error = ParseError(
        problem, context, (line, column), (line, column) if context else None, quoted
    )
    slip = syntax_slip(lines_of(text), error)
    assert slip is None or slip.line >= 1


@settings(max_examples=300, deadline=2000)
@given(text=_YAMLISH)
def test_reading_any_text_names_a_place(text: str) -> None:
    _, problems = compose(text, "d.yaml", "zh")
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message


def test_a_huge_unclosed_flow_collection_is_searched_in_bounded_time() -> None:
    text = "a: {b: " + "x, " * 200_000 + "x\n"
    _, problems = compose(text, "d.yaml")
    assert [(p.kind, p.line, p.column) for p in problems] == [("yaml-flow-unclosed", 1, 4)]


def test_a_mapping_under_a_text_key_is_still_a_wrong_type() -> None:
    text = HEAD.format(lang="en") + "decision_chain:\n  - name: W\n    title:\n      name: x\n"
    with pytest.raises(InvalidFile) as caught:
        parse_deal(text, Path("d.yaml"))
    [problem] = caught.value.problems
    assert (problem.kind, problem.line, problem.column) == ("wrong-type", 9, 7)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a:\n  - 备注：无\n b: 1\n", ("yaml-indent", 3, 2)),  # the text above is not to blame
        ("a:\n  - 备注：无\n    other: x\n", ("yaml-fullwidth-colon", 2, 7)),  # it runs on
    ],
)
def test_the_line_above_is_blamed_only_when_the_error_continues_it(
    text: str, found: tuple[str, int, int]
) -> None:
    _, problems = compose(text, "d.yaml")
    assert [(p.kind, p.line, p.column) for p in problems] == [found]


@pytest.mark.parametrize("end", ["y", "y：", "y:\u3000z", "y: z: w"])
def test_a_long_line_is_searched_in_linear_time(end: str) -> None:
    import time

    text = "a:\n  b: 1\n  x" + " " * 900_000 + end + "\nc: 1\n"
    start = time.perf_counter()
    _, problems = compose(text, "d.yaml")
    assert problems and time.perf_counter() - start < 2


def test_render_says_it_in_the_language_of_lang_when_the_file_cannot(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text("reviewkit: 1\ndeal:\n  name: X\n  stage: discovery\n  owner：李\n")
    runner = CliRunner()
    result = runner.invoke(app, ["render", str(path), "--lang", "zh", "-o", "-"])
    assert result.exit_code == 2
    assert f"{path}:5:8: 全角冒号 '：' —— 请改用半角 ':'" in result.output
    result = runner.invoke(app, ["render", str(path), "-o", "-"])
    assert f"{path}:5:8: full-width '：' — use ':'" in result.output


def test_a_full_width_colon_after_language_still_names_the_language(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text("reviewkit: 1\ndeal:\n  name: 医院\n  language：zh\n  stage: discovery\n")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert f"{path}:4:11: " in result.output
    assert "全角冒号 '：' —— 请改用半角 ':'" in result.output


@pytest.mark.parametrize("item", ['"": x', "'': x", "“x”: y", ": x"])
def test_odd_keys_in_a_text_list_are_named_without_a_traceback(item: str) -> None:
    text = HEAD.format(lang="en") + f"assessment:\n  strengths:\n    - {item}\n"
    with pytest.raises(InvalidFile) as caught:
        parse_deal(text, Path("d.yaml"))
    assert caught.value.problems[0].line == 8


@pytest.mark.parametrize("name", list(CASES))
def test_windows_line_endings_name_the_same_place(name: str) -> None:
    case = CASES[name]
    text = deal_text(case, "en").replace("\n", "\r\n")
    with pytest.raises(InvalidFile) as caught:
        parse_deal(text, Path("d.yaml"))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (case.line, case.column)
    assert case.en in problem.message
