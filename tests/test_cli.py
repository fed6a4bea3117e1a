"""The command line as users and CI scripts rely on it (design/cli.md): help, exit codes,
output formats, file discovery, `render` outputs, and no traceback for any bad input."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from reviewkit import __version__
from reviewkit.cli import app
from tests.conftest import COMPLETE_DISCOVERY, MINIMAL, SAMPLE_DEALS, SAMPLES

Write = Callable[..., Path]
TODAY = "2026-12-01"

#: A discovery-stage deal that satisfies every rule: `check` has nothing to say about it.
CLEAN = COMPLETE_DISCOVERY

#: Stage discovery with nothing filled in: warnings only.
WARNINGS_ONLY = "reviewkit: 1\ndeal:\n  name: Stub\n  stage: discovery\n"

OVERDUE = MINIMAL + textwrap.dedent(
    """\
    actions:
      - what: Dinner with the procurement head
        owner: Li Wei
        due: 2026-11-27
    """
)


@pytest.fixture
def run() -> Callable[..., Result]:
    runner = CliRunner()

    def _run(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return _run


def prefixed(path: Path | str) -> re.Pattern[str]:
    """`path:line:column: ` at the start of a line."""
    return re.compile(rf"^{re.escape(str(path))}:\d+:\d+: ", re.MULTILINE)


# -- help and version ---------------------------------------------------------------


def test_help(run: Callable[..., Result]) -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("new", "check", "render"):
        assert command in result.output


def test_no_arguments_shows_help(run: Callable[..., Result]) -> None:
    result = run()
    assert result.exit_code in (0, 2)
    assert "check" in result.output
    assert "Traceback" not in result.output


def test_help_shows_an_example(run: Callable[..., Result]) -> None:
    assert "Example" in run("--help").output


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("new", 'reviewkit new "Provincial core upgrade"'),
        ("check", "reviewkit check deals/"),
        ("render", "reviewkit render deals/prov-core.yaml"),
    ],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_command_help_shows_an_example(
    run: Callable[..., Result], command: str, example: str, flag: str
) -> None:
    result = run(command, flag)
    assert result.exit_code == 0
    assert "Example" in result.output
    assert example in " ".join(result.output.split())


def _command_paths() -> list[tuple[str, ...]]:
    """Every command of the app, sub-commands included, read from the Typer app itself."""
    import typer.main

    from reviewkit.cli import app

    paths: list[tuple[str, ...]] = []

    def walk(group: object, prefix: tuple[str, ...]) -> None:
        for name, command in sorted(getattr(group, "commands", {}).items()):
            if hasattr(command, "commands"):
                walk(command, (*prefix, name))
            else:
                paths.append((*prefix, name))

    walk(typer.main.get_command(app), ())
    return paths


def test_every_command_is_found() -> None:
    names = {" ".join(path) for path in _command_paths()}
    assert {"new", "check", "render", "diff", "pipeline", "advance", "schema", "rule"} <= names
    assert "playbook show" in names


@pytest.mark.parametrize("command", _command_paths(), ids=" ".join)
def test_every_command_has_help_with_an_example(
    run: Callable[..., Result], command: tuple[str, ...]
) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example: reviewkit " + " ".join(command) in " ".join(result.output.split())


def test_version(run: Callable[..., Result]) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"reviewkit {__version__}"


def test_unknown_command_is_usage_error(run: Callable[..., Result]) -> None:
    result = run("frobnicate")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# -- check: exit codes --------------------------------------------------------------


def test_check_clean_deal(run: Callable[..., Result], write: Write) -> None:
    result = run("check", write(CLEAN), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.output == "1 file checked: 0 errors, 0 warnings, 0 infos\n"


def test_check_errors_exit_1(run: Callable[..., Result], write: Write) -> None:
    path = write(MINIMAL)
    result = run("check", path, "--today", TODAY)
    assert result.exit_code == 1
    assert re.search(rf"^{re.escape(str(path))}:\d+:\d+: error checklist ", result.output, re.M)


def test_check_warnings_only(run: Callable[..., Result], write: Write) -> None:
    path = write(WARNINGS_ONLY)
    result = run("check", path, "--today", TODAY)
    assert result.exit_code == 0
    assert " warning " in result.output
    assert " error " not in result.output
    strict = run("check", path, "--today", TODAY, "--strict")
    assert strict.exit_code == 1
    assert strict.output == result.output


def test_check_invalid_file_exits_2_and_reports_the_others(
    run: Callable[..., Result], write: Write
) -> None:
    good = write(OVERDUE, "a-good.yaml")
    bad = write(MINIMAL + "  stagee: x\n", "b-bad.yaml")
    result = run("check", good, bad, "--today", TODAY)
    assert result.exit_code == 2
    assert re.search(
        rf"^{re.escape(str(good))}:\d+:\d+: warning action-overdue ", result.output, re.M
    )
    assert re.search(
        rf"^{re.escape(str(bad))}:5:3: error invalid unknown key 'stagee' .*did you mean 'stage'",
        result.output,
        re.M,
    )
    assert result.output.splitlines()[-1].startswith("2 files checked: 1 invalid, ")


def test_check_invalid_file_alone(run: Callable[..., Result], write: Write) -> None:
    bad = write(MINIMAL.replace("relationship", "relation"))
    result = run("check", bad)
    assert result.exit_code == 2
    assert "did you mean 'relationship'" in result.output
    assert "discovery, qualification, relationship" in result.output


def test_check_missing_path(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("check", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml: no such file or folder" in result.output
    assert "Traceback" not in result.output


def test_check_empty_folder(run: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "deals").mkdir()
    (tmp_path / "deals" / "notes.txt").write_text("not a deal")
    result = run("check", tmp_path / "deals")
    assert result.exit_code == 2
    assert "no deal files" in result.output


@pytest.mark.parametrize("today", ["2026-13-01", "tomorrow", "01/12/2026", ""])
def test_check_bad_today(run: Callable[..., Result], write: Write, today: str) -> None:
    result = run("check", write(MINIMAL), "--today", today)
    assert result.exit_code == 2
    assert "--today" in result.output
    assert "Traceback" not in result.output


def test_check_bad_format(run: Callable[..., Result], write: Write) -> None:
    result = run("check", write(MINIMAL), "--format", "xml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_check_today_decides_overdue(run: Callable[..., Result], write: Write) -> None:
    path = write(OVERDUE)
    assert "action-overdue" in run("check", path, "--today", TODAY).output
    assert "action-overdue" not in run("check", path, "--today", "2026-11-27").output


# -- check: which files -------------------------------------------------------------


def test_check_folder_recursively(run: Callable[..., Result], write: Write, tmp_path: Path) -> None:
    write(MINIMAL, "deals/a.yaml")
    write(MINIMAL, "deals/east/b.yml")
    write(MINIMAL, "deals/east/deep/c.yaml")
    write("not: [valid", "deals/.git/d.yaml")
    write("not: [valid", "deals/.archive/e.yaml")
    write("not: [valid", "deals/notes.txt")
    write("not: [valid", "deals/README.md")
    result = run("check", tmp_path / "deals", "--format", "json", "--today", TODAY)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == 3
    assert document["summary"]["invalid"] == 0
    paths = {Path(f["path"]).name for f in document["findings"]}
    assert paths == {"a.yaml", "b.yml", "c.yaml"}


def test_check_file_named_twice_is_checked_once(run: Callable[..., Result], write: Write) -> None:
    path = write(MINIMAL)
    result = run("check", path, path, path.parent, "--format", "json")
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_check_samples_folder(run: Callable[..., Result]) -> None:
    result = run("check", SAMPLES, "--today", TODAY, "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == len(SAMPLE_DEALS) >= 6
    assert document["summary"]["invalid"] == 0


# -- check: formats -----------------------------------------------------------------


def test_check_text_format(run: Callable[..., Result], write: Write) -> None:
    path = write(OVERDUE)
    result = run("check", path, "--today", TODAY)
    *lines, summary = result.output.splitlines()
    assert lines
    line_format = re.compile(
        rf"^{re.escape(str(path))}:\d+:\d+: (error|warning|info) [a-z-]+ \S.*$"
    )
    assert all(line_format.match(line) for line in lines), lines
    assert re.fullmatch(r"1 file checked: \d+ errors?, \d+ warnings?, \d+ infos?", summary)
    assert "\x1b" not in result.output  # not a terminal: no colour


def test_check_json_format(run: Callable[..., Result], write: Write) -> None:
    good = write(OVERDUE, "good.yaml")
    bad = write("reviewkit: 1\ndeal: [oops]\n", "bad.yaml")
    result = run("check", good, bad, "--format", "json", "--today", TODAY)
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["summary"]["invalid"] == 1
    assert document["summary"]["files"] == 2
    assert document["summary"]["errors"] == sum(
        1 for f in document["findings"] if f["severity"] == "error"
    )
    invalid = [f for f in document["findings"] if f["rule"] == "invalid"]
    assert [(f["path"], f["line"], f["column"]) for f in invalid] == [(str(bad), 2, 7)]
    overdue = [f for f in document["findings"] if f["rule"] == "action-overdue"]
    assert overdue and overdue[0]["path"] == str(good)
    checklist = [f for f in document["findings"] if f["rule"] == "checklist"]
    assert all(f["stage"] and f["item"] for f in checklist)


def test_check_json_chinese(run: Callable[..., Result]) -> None:
    path = SAMPLES / "xinan-hospital-stub.yaml"
    result = run("check", path, "--format", "json", "--today", TODAY)
    assert "竞争对手情报" in result.stdout  # not escaped as \\uXXXX
    assert any("未满足" in f["message"] for f in json.loads(result.stdout)["findings"])


def test_check_github_format(run: Callable[..., Result], write: Write) -> None:
    path = write(OVERDUE)
    result = run("check", path, "--format", "github", "--today", TODAY)
    assert result.exit_code == 1
    *lines, summary = result.output.splitlines()
    annotation = re.compile(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::\S.*$"
    )
    assert all(annotation.match(line) for line in lines), lines
    assert any(line.startswith("::notice ") for line in lines)  # the plan-slip trigger
    assert any(line.startswith("::error ") for line in lines)
    assert "files checked" in summary or "file checked" in summary


def test_check_text_is_one_line_per_finding(run: Callable[..., Result], write: Write) -> None:
    path = write(MINIMAL + '  status: "won\\nfake.yaml:1:1: error x"\n')
    result = run("check", path)
    *lines, _ = result.output.splitlines()
    assert all(prefixed(path).match(line) for line in lines), lines


# -- no traceback for bad input ------------------------------------------------------

HEAD = "reviewkit: 1\ndeal:\n  name: T\n  stage: relationship\n"

HOSTILE: dict[str, bytes] = {
    "binary-junk": bytes(range(256)) * 8,
    "nul-bytes": (HEAD + "  customer: a\x00b\n").encode(),
    "tab-indent": b"reviewkit: 1\ndeal:\n\tname: T\n\tstage: relationship\n",
    "tab-after-key": (HEAD + "\tcustomer: x\n").encode(),
    "anchors-aliases": (HEAD + "review:\n  attendees: &a [Li]\n  triggers: *a\n").encode(),
    "billion-laughs": (
        b'reviewkit: 1\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    ),
    "open-brackets": b"[" * 100_000,
    "two-megabytes": (
        HEAD + "background:\n  customer:\n    business: |\n" + ("      " + "x" * 94 + "\n") * 21_000
    ).encode(),
    "invalid-utf8": (HEAD + "  customer: ").encode() + b"\xff\xfe\xc3(\n",
    "only-dashes": b"---\n",
    "empty": b"",
    "list-at-top": b"- reviewkit: 1\n- deal: x\n",
    "scalar-at-top": b"just some words\n",
    "format-99": b"reviewkit: 99\ndeal:\n  name: T\n  stage: relationship\n",
    "format-text": b"reviewkit: one\ndeal:\n  name: T\n  stage: relationship\n",
    "huge-integer": ("reviewkit: " + "9" * 5000 + "\n" + HEAD[13:]).encode(),
    "number-for-mapping": b"reviewkit: 1\ndeal: 42\n",
    "deep-nesting": (HEAD + "review: " + "{a: " * 500 + "1" + "}" * 500 + "\n").encode(),
    "deep-block-nesting": (HEAD + "".join("  " * i + f"k{i}:\n" for i in range(60))).encode(),
    "python-tag": (HEAD + "  customer: !!python/object/apply:os.system ['echo hi']\n").encode(),
    "python-tag-top": b"!!python/object/apply:os.system ['echo hi']\n",
    "duplicate-key": (HEAD + "  name: U\n").encode(),
    "two-documents": (HEAD + "---\n" + HEAD).encode(),
    "unclosed-quote": (HEAD + '  customer: "abc\n').encode(),
    "bad-date": (HEAD + "  expected_close: 2026-02-30\n").encode(),
    "complex-key": (HEAD + "? [a, b]\n: c\n").encode(),
    "list-item-scalar": (HEAD + "decision_chain:\n  - bob\n").encode(),
    "missing-deal": b"reviewkit: 1\n",
}


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("command", ["check", "render"])
def test_bad_input_is_reported_without_traceback(
    run: Callable[..., Result], tmp_path: Path, name: str, command: str
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(HOSTILE[name])
    result = run(command, path, "--today", TODAY)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "internal error" not in result.output
    assert prefixed(path).search(result.output), result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no pack written


@pytest.mark.parametrize("language", ["zh", "en"])
def test_invalid_file_message_in_the_file_language(
    run: Callable[..., Result], write: Write, language: str
) -> None:
    path = write(MINIMAL + f"  language: {language}\n  status: gone\n")
    result = run("check", path)
    assert result.exit_code == 2
    expected = "不是允许的取值" if language == "zh" else "is not one of the allowed values"
    assert expected in result.output


@pytest.mark.parametrize(
    "amount",
    [
        pytest.param("12000000", id="normal"),
        pytest.param(
            "1e40",
            id="1e40",
        ),
    ],
)
def test_huge_amount_in_a_chinese_pack(
    run: Callable[..., Result], write: Write, amount: str
) -> None:
    path = write(MINIMAL + f"  language: zh\n  value: {{amount: {amount}, currency: CNY}}\n")
    result = run("render", path, "-o", "-")
    assert "internal error" not in result.output
    assert result.exit_code == 0 or (result.exit_code == 2 and prefixed(path).search(result.output))


@pytest.mark.parametrize(
    "amount",
    [
        pytest.param("10900000", id="normal"),
        pytest.param(
            "1e40",
            id="1e40",
        ),
    ],
)
def test_huge_floor_amount(run: Callable[..., Result], write: Write, amount: str) -> None:
    path = write(
        MINIMAL + "  confidential: true\n"
        f"strategy:\n  commercial:\n    floor: {{amount: {amount}, currency: CNY}}\n"
    )
    result = run("check", path, "--today", TODAY)
    assert "internal error" not in result.output
    assert result.exit_code in (0, 1) or prefixed(path).search(result.output)


def test_internal_error_is_one_line(
    run: Callable[..., Result], write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("reviewkit.judge.engine.check_deal", explode)
    result = run("check", write(MINIMAL))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    [line] = result.output.splitlines()
    assert "internal error" in line
    assert "bug" in line
    assert "RuntimeError: boom" in line


def test_internal_error_in_render_is_one_line(
    run: Callable[..., Result], write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("reviewkit.ops.render.build_pack", explode)
    path = write(MINIMAL)
    result = run("render", path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.output.splitlines()) == 1
    assert "internal error" in result.output
    assert not (path.parent / "deal.review.md").exists()


def test_bad_playbook_is_reported(run: Callable[..., Result], write: Write) -> None:
    playbook = write("reviewkit-playbook: 1\nname: {en: X}\nstages: 5\n", "book.yaml")
    result = run("check", write(MINIMAL), "--playbook", playbook)
    assert result.exit_code == 2
    assert prefixed(playbook).search(result.output)
    assert "Traceback" not in result.output


def test_missing_playbook_is_reported(run: Callable[..., Result], write: Write) -> None:
    result = run("check", write(MINIMAL), "--playbook", write(MINIMAL).parent / "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml" in result.output
    assert "Traceback" not in result.output


# -- render -------------------------------------------------------------------------


def test_render_beside_the_deal_named_after_its_id(
    run: Callable[..., Result], write: Write
) -> None:
    path = write(MINIMAL + "  id: prov-core-upgrade\n", "deals/some-file.yaml")
    result = run("render", path, "--today", TODAY)
    assert result.exit_code == 0, result.output
    pack = path.parent / "prov-core-upgrade.review.md"
    assert pack.is_file()
    assert pack.read_text(encoding="utf-8").startswith("# Deal review: Test deal")
    assert str(pack) in result.output


def test_render_default_id_is_the_file_name(run: Callable[..., Result], write: Write) -> None:
    path = write(MINIMAL, "deals/northfield.yml")
    assert run("render", path).exit_code == 0
    assert (path.parent / "northfield.review.md").is_file()


def test_render_to_stdout(run: Callable[..., Result], write: Write) -> None:
    path = write(MINIMAL)
    result = run("render", path, "-o", "-", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout.startswith("# Deal review: Test deal\n")
    assert "## 6. Next actions" in result.stdout
    assert sorted(p.name for p in path.parent.iterdir()) == ["deal.yaml"]


def test_render_to_a_named_file(run: Callable[..., Result], write: Write, tmp_path: Path) -> None:
    path = write(MINIMAL)
    out = tmp_path / "packs" / "pack.md"
    out.parent.mkdir()
    assert run("render", path, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Deal review")


@pytest.mark.parametrize(
    "name",
    [
        "x.yaml",
        "x.yml",
        pytest.param(
            "NOTES.YAML",
        ),
    ],
)
def test_render_refuses_yaml_output(
    run: Callable[..., Result], write: Write, tmp_path: Path, name: str
) -> None:
    path = write(MINIMAL)
    target = tmp_path / name
    target.write_text("keep: me\n")
    result = run("render", path, "-o", target)
    assert result.exit_code == 2
    assert target.read_text() == "keep: me\n"
    assert "Traceback" not in result.output


def test_render_refuses_new_yaml_output(run: Callable[..., Result], write: Write) -> None:
    path = write(MINIMAL)
    result = run("render", path, "-o", path.parent / "x.yaml")
    assert result.exit_code == 2
    assert not (path.parent / "x.yaml").exists()


def test_render_refuses_to_write_over_the_deal(
    run: Callable[..., Result], write: Write, tmp_path: Path
) -> None:
    path = write(MINIMAL, "deal.md")  # a deal file that does not end in .yaml
    before = path.read_bytes()
    for target in (path, tmp_path / "sub" / ".." / "deal.md"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        result = run("render", path, "-o", target)
        assert result.exit_code == 2
        assert path.read_bytes() == before
    result = run("render", path, "-o", path.with_suffix(".yaml"))
    assert result.exit_code == 2


def test_render_into_a_folder(run: Callable[..., Result], write: Write, tmp_path: Path) -> None:
    out = tmp_path / "packs"
    out.mkdir()
    result = run("render", write(MINIMAL), "-o", out)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["deal.review.md"]


def test_render_into_a_missing_folder(
    run: Callable[..., Result], write: Write, tmp_path: Path
) -> None:
    made = run("render", write(MINIMAL), "-o", tmp_path / "new" / "pack.md")
    assert made.exit_code == 0, made.output
    assert (tmp_path / "new" / "pack.md").read_text(encoding="utf-8").startswith("# ")
    (tmp_path / "file").write_text("keep", encoding="utf-8")
    result = run("render", write(MINIMAL), "-o", tmp_path / "file" / "pack.md")
    assert result.exit_code == 2
    assert "cannot write: Not a directory" in result.output
    assert "Traceback" not in result.output


def test_render_missing_deal(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("render", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "no such file" in result.output


@pytest.mark.parametrize("default", [True, False])
def test_failed_render_leaves_the_old_pack(
    run: Callable[..., Result], write: Write, default: bool
) -> None:
    path = write(MINIMAL)
    pack = path.parent / ("deal.review.md" if default else "old.md")
    assert run("render", path, *([] if default else ["-o", pack])).exit_code == 0
    before = pack.read_bytes()
    path.write_text(MINIMAL + "  stage: twice\n", encoding="utf-8")
    result = run("render", path, *([] if default else ["-o", pack]))
    assert result.exit_code == 2
    assert prefixed(path).search(result.output)
    assert pack.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(["deal.yaml", pack.name])


def test_render_lang_switches_headings(run: Callable[..., Result], write: Write) -> None:
    path = write(MINIMAL)
    english = run("render", path, "-o", "-").stdout
    chinese = run("render", path, "-o", "-", "--lang", "zh").stdout
    assert "## 1. Background" in english
    assert chinese.startswith("# 项目分析会：Test deal")
    assert "## 1. 项目背景" in chinese
    assert "## 6. 下一步行动计划" in chinese
    assert "## 1. Background" not in chinese


def test_render_lang_overrides_deal_language(run: Callable[..., Result]) -> None:
    path = SAMPLES / "xinan-hospital-stub.yaml"
    assert "## 1. 项目背景" in run("render", path, "-o", "-").stdout
    assert "## 1. Background" in run("render", path, "-o", "-", "--lang", "en").stdout


def test_render_today_marks_overdue_actions(run: Callable[..., Result], write: Write) -> None:
    path = write(OVERDUE)
    late = run("render", path, "-o", "-", "--today", TODAY).stdout
    early = run("render", path, "-o", "-", "--today", "2026-11-20").stdout
    assert "OVERDUE 4 d" in late
    assert "OVERDUE" not in early
    assert "Dinner with the procurement head" in early


def test_render_bad_today(run: Callable[..., Result], write: Write) -> None:
    result = run("render", write(MINIMAL), "--today", "2026-02-30")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_render_withholds_the_floor_unless_asked(run: Callable[..., Result], write: Write) -> None:
    path = write(
        MINIMAL + "  confidential: true\n"
        "strategy:\n  commercial:\n    approach: 'walk away below 10,900,000'\n"
        "    floor: {amount: 10900000, currency: CNY}\n"
    )
    hidden = run("render", path, "-o", "-").stdout
    assert "10,900,000" not in hidden
    assert "10900000" not in hidden
    shown = run("render", path, "-o", "-", "--reveal-floor").stdout
    assert "10,900,000" in shown
    first_page = shown.split("## 1.")[0]
    assert "Floor price revealed" in first_page


def test_render_default_pack_stays_beside_the_deal(
    run: Callable[..., Result], write: Write, tmp_path: Path
) -> None:
    path = write(MINIMAL + "  id: ../escaped\n", "deals/deal.yaml")
    result = run("render", path)
    assert "Traceback" not in result.output
    assert not (tmp_path / "escaped.review.md").exists()


@pytest.mark.parametrize("sample", SAMPLE_DEALS, ids=lambda p: p.stem)
def test_render_every_sample(run: Callable[..., Result], sample: Path) -> None:
    result = run("render", sample, "-o", "-", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(("# Deal review", "# Lost-deal review", "# 项目分析会", "> **"))
