"""The output formats of `check` (text, JSON, GitHub annotations) and its exit-code policy."""

from __future__ import annotations

import json
import re

import pytest

from reviewkit import exitcodes
from reviewkit.judge.findings import Finding
from reviewkit.present import report

ERROR = Finding(
    "deals/a.yaml",
    12,
    5,
    "error",
    "checklist",
    "Build relationships › Coach developed: not met",
    "relationship",
    "coach-developed",
)
WARNING = Finding("deals/a.yaml", 30, 7, "warning", "action-overdue", "action “Dinner” is late")
INFO = Finding("deals/b.yaml", 3, 14, "info", "meeting-trigger", "应召开项目分析会：投标前")
FINDINGS = [ERROR, WARNING, INFO]
SUMMARY = report.Summary.of(FINDINGS, files=3, invalid=0)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


# -- Summary ------------------------------------------------------------------------


def test_summary_counts_by_severity() -> None:
    summary = report.Summary.of([*FINDINGS, WARNING], files=2, invalid=1)
    assert summary == report.Summary(files=2, invalid=1, errors=1, warnings=2, infos=1)


@pytest.mark.parametrize(
    ("summary", "line"),
    [
        (report.Summary(1, 0, 0, 0, 0), "1 file checked: 0 errors, 0 warnings, 0 infos"),
        (report.Summary(3, 0, 1, 1, 1), "3 files checked: 1 error, 1 warning, 1 info"),
        (
            report.Summary(2, 1, 4, 7, 2),
            "2 files checked: 1 invalid, 4 errors, 7 warnings, 2 infos",
        ),
    ],
)
def test_summary_line(summary: report.Summary, line: str) -> None:
    assert summary.line() == line


# -- text ---------------------------------------------------------------------------


def test_text_format() -> None:
    out = report.text(FINDINGS, SUMMARY)
    assert out.splitlines() == [
        "deals/a.yaml:12:5: error checklist Build relationships › Coach developed: not met",
        "deals/a.yaml:30:7: warning action-overdue action “Dinner” is late",
        "deals/b.yaml:3:14: info meeting-trigger 应召开项目分析会：投标前",
        "3 files checked: 1 error, 1 warning, 1 info",
    ]
    assert out.endswith("\n")
    assert "\x1b" not in out


def test_text_without_findings_is_the_summary() -> None:
    out = report.text([], report.Summary.of([], 1, 0))
    assert out == "1 file checked: 0 errors, 0 warnings, 0 infos\n"


def test_text_in_colour() -> None:
    out = report.text(FINDINGS, SUMMARY, colour=True)
    assert "\x1b[31merror" in out
    assert "\x1b[33mwarning" in out
    assert "\x1b[36minfo" in out
    # Without the escapes it is the plain format, line for line.
    assert ANSI.sub("", out) == report.text(FINDINGS, SUMMARY)


# -- JSON ---------------------------------------------------------------------------


def test_json_shape() -> None:
    document = json.loads(report.as_json(FINDINGS, SUMMARY))
    assert set(document) == {"findings", "summary"}
    assert document["summary"] == {
        "files": 3,
        "invalid": 0,
        "errors": 1,
        "warnings": 1,
        "infos": 1,
    }
    assert document["findings"][0] == {
        "path": "deals/a.yaml",
        "line": 12,
        "column": 5,
        "severity": "error",
        "rule": "checklist",
        "stage": "relationship",
        "item": "coach-developed",
        "message": "Build relationships › Coach developed: not met",
    }
    for finding in document["findings"]:
        assert list(finding) == [
            "path",
            "line",
            "column",
            "severity",
            "rule",
            "stage",
            "item",
            "message",
        ]
        assert isinstance(finding["line"], int)
        assert isinstance(finding["column"], int)
    assert document["findings"][1]["stage"] is None
    assert document["findings"][1]["item"] is None


def test_json_keeps_chinese_readable() -> None:
    out = report.as_json(FINDINGS, SUMMARY)
    assert "应召开项目分析会" in out
    assert "\\u" not in out
    assert json.loads(out)["findings"][2]["message"] == "应召开项目分析会：投标前"


def test_json_of_nothing() -> None:
    document = json.loads(report.as_json([], report.Summary.of([], 0, 0)))
    assert document == {
        "findings": [],
        "summary": {"files": 0, "invalid": 0, "errors": 0, "warnings": 0, "infos": 0},
    }


def test_json_escapes_what_json_must() -> None:
    tricky = Finding("a\\b.yaml", 1, 1, "error", "invalid", 'quote " newline \n tab \t')
    document = json.loads(report.as_json([tricky], report.Summary.of([tricky], 1, 1)))
    assert document["findings"][0]["message"] == 'quote " newline \n tab \t'
    assert document["findings"][0]["path"] == "a\\b.yaml"


# -- GitHub -------------------------------------------------------------------------


def test_github_annotations() -> None:
    lines = report.github(FINDINGS, SUMMARY).splitlines()
    assert lines[0] == (
        "::error file=deals/a.yaml,line=12,col=5,title=checklist::"
        "Build relationships › Coach developed: not met"
    )
    assert lines[1].startswith("::warning file=deals/a.yaml,line=30,col=7,title=action-overdue::")
    assert lines[2].startswith("::notice file=deals/b.yaml,line=3,col=14,title=meeting-trigger::")
    assert lines[2].endswith("::应召开项目分析会：投标前")
    assert len(lines) == 4


def test_github_escapes_data_and_properties() -> None:
    finding = Finding("deals/a,b:c%.yaml", 2, 3, "warning", "checklist", "50% done\nnext: x, y\r")
    [line, _] = report.github([finding], report.Summary.of([finding], 1, 0)).splitlines()
    assert line == (
        "::warning file=deals/a%2Cb%3Ac%25.yaml,line=2,col=3,title=checklist::"
        "50%25 done%0Anext: x, y%0D"
    )


def test_github_no_annotation_spans_lines() -> None:
    finding = Finding("a.yaml", 1, 1, "error", "invalid", "one\ntwo\nthree")
    out = report.github([finding], report.Summary.of([finding], 1, 1))
    assert len(out.splitlines()) == 2


# -- exit codes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("invalid", "errors", "warnings", "strict", "code"),
    [
        (0, 0, 0, False, 0),
        (0, 0, 0, True, 0),
        (0, 0, 3, False, 0),
        (0, 0, 3, True, 1),
        (0, 1, 0, False, 1),
        (0, 1, 0, True, 1),
        (0, 2, 5, False, 1),
        (1, 0, 0, False, 2),
        (1, 0, 0, True, 2),
        (1, 4, 2, False, 2),
        (2, 4, 2, True, 2),
    ],
)
def test_exit_code_for_check(
    invalid: int, errors: int, warnings: int, strict: bool, code: int
) -> None:
    assert (
        exitcodes.for_check(invalid=invalid, errors=errors, warnings=warnings, strict=strict)
        == code
    )


def test_exit_code_constants() -> None:
    assert (exitcodes.OK, exitcodes.FINDINGS, exitcodes.FAILURE) == (0, 1, 2)
