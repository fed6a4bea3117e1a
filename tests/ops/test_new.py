"""new's operation: a deal file named after the deal, and what to do next."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.ops.new import new_command


def test_the_file_is_named_after_the_deal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = new_command(
        "Provincial core upgrade",
        stage=None,
        lang=None,
        customer="",
        owner="",
        output=None,
        force=False,
        playbook=None,
        config=None,
    )
    path = "provincial-core-upgrade.yaml"
    assert outcome.out.startswith(
        f"Wrote {path}. Next: fill it in, then run `reviewkit check {path}`.\n"
    )
    assert "stage: discovery" in (tmp_path / path).read_text(encoding="utf-8")


# -- the editor modeline: a path that works for every teammate ------------------------------


def new(path: Path, lang: str | None = None) -> str:
    outcome = new_command(
        "Hospital",
        stage=None,
        lang=lang,
        customer="",
        owner="",
        output=path,
        force=False,
        playbook=None,
        config=None,
    )
    return outcome.out


def modeline(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    return first.removeprefix(prefix)


def test_in_a_work_tree_without_a_schema_the_modeline_points_at_its_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    deals = tmp_path / "repo" / "deals" / "east"
    deals.mkdir(parents=True)
    (tmp_path / "deal.schema.json").write_text("{}")  # outside the work tree: not for the team
    monkeypatch.chdir(deals)
    out = new(deals / "hospital.yaml")
    assert modeline(deals / "hospital.yaml") == "../../deal.schema.json"
    schema = tmp_path / "repo" / "deal.schema.json"
    assert out.splitlines()[1].endswith(f"with: reviewkit schema -o {schema}")


def test_the_printed_command_writes_the_file_the_modeline_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from reviewkit.cli import app

    (tmp_path / ".git").write_text("gitdir: ../elsewhere\n")  # a linked work tree
    (tmp_path / "deals").mkdir()
    monkeypatch.chdir(tmp_path)
    out = new(Path("deals/hospital.yaml"), lang="zh")
    command = out.splitlines()[1].split("：")[-1]
    assert command == "reviewkit schema -o deal.schema.json"
    assert "请运行以下命令生成并提交到仓库" in out
    result = CliRunner().invoke(app, command.split()[1:])
    assert result.exit_code == 0
    named = (tmp_path / "deals" / modeline(tmp_path / "deals" / "hospital.yaml")).resolve()
    assert named == (tmp_path / "deal.schema.json").resolve() and named.is_file()
    again = new(Path("deals/second.yaml"))
    assert len(again.splitlines()) == 1  # the schema exists: nothing more to say
    assert modeline(tmp_path / "deals" / "second.yaml") == "../deal.schema.json"


def test_the_modeline_is_never_a_machine_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for path in (tmp_path / "a.yaml", tmp_path / "x" / "y" / "b.yaml"):
        path.parent.mkdir(parents=True, exist_ok=True)
        new(path)
        line = modeline(path)
        assert not line.startswith(("/", "file:")) and "site-packages" not in line
        assert line == "deal.schema.json"
