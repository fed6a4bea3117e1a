"""check as a team tool: the JSON Schema for editors, SARIF and GitHub output, playbook show."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.model.jsonschema import SHIPPED, deal_json_schema, dumps
from reviewkit.model.playbook import load_playbook
from tests.conftest import MINIMAL, ROOT, SAMPLES

REFRESH = "reviewkit schema -o reviewkit/schemas/deal.schema.json"
BIN = Path(sys.executable).parent


def invoke(*args: object, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, [str(a) for a in args], env=env)
    assert "Traceback" not in result.output
    return result


# -- the JSON Schema ---------------------------------------------------------------------


def test_the_shipped_schema_is_not_stale() -> None:
    expected = dumps(deal_json_schema(load_playbook()))
    assert SHIPPED.read_text(encoding="utf-8") == expected, f"the schema is stale; run: {REFRESH}"


def test_schema_command_writes_the_same_schema(tmp_path: Path) -> None:
    out = tmp_path / "deal.schema.json"
    assert invoke("schema", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8")
    assert json.loads(invoke("schema").stdout)["$id"] == "urn:reviewkit:deal:1"


def resolved(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every `$ref` to its `$defs` replaced by what it refers to."""
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(value) for value in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            body = defs[node["$ref"].removeprefix("#/$defs/")]
            return walk({**body, **{k: v for k, v in node.items() if k != "$ref"}})
        return {key: walk(value) for key, value in node.items() if key != "$defs"}

    return walk(schema)  # type: ignore[no-any-return]


def test_schema_follows_the_playbook() -> None:
    schema = resolved(
        json.loads(invoke("schema", "--playbook", SAMPLES / "playbooks/meddpicc.yaml").stdout)
    )
    stages = schema["properties"]["deal"]["properties"]["stage"]["enum"]
    assert stages[:6] == ["qualify", "discover", "validate", "propose", "negotiate", "close"]
    assert "champion" in schema["properties"]["checklist"]["properties"]["validate"]["properties"]


def test_schema_describes_the_format() -> None:
    schema = resolved(json.loads(SHIPPED.read_text(encoding="utf-8")))
    deal = schema["properties"]["deal"]
    # Required keys may be written in either form (`name` or `名称`), not in both.
    assert deal["allOf"][:2] == [
        {"anyOf": [{"required": ["name"]}, {"required": ["名称"]}]},
        {"anyOf": [{"required": ["stage"]}, {"required": ["阶段"]}]},
    ]
    assert {"not": {"type": "object", "required": ["stage", "阶段"]}} in deal["allOf"]
    assert deal["additionalProperties"] is False
    person = schema["properties"]["decision_chain"]["items"]
    assert "ally" in person["properties"]["attitude"]["enum"]
    assert person["properties"]["coach"]["enum"] == [True, False, "是", "否", None]
    money = deal["properties"]["value"]
    assert money["allOf"][:2] == [
        {"anyOf": [{"required": ["amount"]}, {"required": ["金额"]}]},
        {"anyOf": [{"required": ["currency"]}, {"required": ["币种"]}]},
    ]
    assert "CNY" in money["properties"]["currency"]["enum"]
    answer = schema["properties"]["checklist"]["properties"]["relationship"]["properties"][
        "coach-developed"
    ]
    assert answer["properties"]["status"]["enum"][:4] == ["yes", "partial", "no", "unknown"]
    assert "coach" in answer["description"]


def test_schema_writes_each_shared_shape_once() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    schema = json.loads(text)
    assert {"answer", "money", "currency", "date", "level"} <= set(schema["$defs"])
    assert text.count('"XOF"') == 1  # the currency list
    assert text.count('"partial"') == 1  # the answer's statuses
    # A section written under two names (`checklist`, `检查清单`) is written once too.
    defs = schema["$defs"]
    assert schema["properties"]["checklist"]["$ref"] == "#/$defs/checklist"
    assert defs["checklist"]["properties"]["relationship"]["$ref"] == (
        "#/$defs/checklist.relationship"
    )
    answer = defs["checklist.relationship"]["properties"]["coach-developed"]
    assert answer["$ref"] == "#/$defs/answer" and "coach" in answer["description"]
    floor = defs["strategy.commercial"]["properties"]["floor"]
    assert floor["$ref"] == "#/$defs/money" and floor["description"].startswith("Secret")


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_sample_validates_against_the_schema(tmp_path: Path) -> None:
    defaults = sorted(SAMPLES.glob("*-*.yaml"))
    assert len(defaults) >= 5
    result = check_jsonschema(SHIPPED, *defaults)
    assert result.returncode == 0, result.stdout + result.stderr
    team = tmp_path / "team.schema.json"
    invoke("schema", "--playbook", SAMPLES / "playbooks/meddpicc.yaml", "-o", team)
    result = check_jsonschema(team, *sorted((SAMPLES / "team-meddpicc").glob("*-*.yaml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_catches_what_check_catches(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        MINIMAL + "  confidentail: true\ndecision_chain:\n  - {name: A, influence: huge}\n"
    )
    result = check_jsonschema(SHIPPED, bad)
    assert result.returncode == 1
    assert "confidentail" in result.stdout and "huge" in result.stdout


def test_new_points_its_modeline_at_the_nearest_schema(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "First deal")
    first = (tmp_path / "first-deal.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=deal.schema.json"
    assert result.stdout.endswith("with: reviewkit schema -o deal.schema.json\n")
    invoke("schema", "-o", tmp_path / "deal.schema.json")
    (tmp_path / "deals").mkdir()
    invoke("new", "Second deal", "-o", tmp_path / "deals" / "second.yaml")
    first = (tmp_path / "deals" / "second.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../deal.schema.json"


# -- output formats ----------------------------------------------------------------------

OVERDUE = MINIMAL + "actions:\n  - {what: Call, owner: Li, due: 2026-11-01}\n"


def test_sarif_output_shape(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(OVERDUE)
    result = invoke("check", deal, "--format", "sarif", "--today", "2026-12-01")
    assert result.exit_code == 1  # the minimal deal skipped earlier stages: errors
    document = json.loads(result.stdout)
    assert document["version"] == "2.1.0"
    [run] = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "reviewkit"
    ids = [r["id"] for r in driver["rules"]]
    [overdue] = [r for r in run["results"] if r["ruleId"] == "action-overdue"]
    assert overdue["level"] == "warning"
    assert ids[overdue["ruleIndex"]] == "action-overdue"
    location = overdue["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("deal.yaml")
    assert location["region"] == {"startLine": 6, "startColumn": 29}
    gate = next(r for r in run["results"] if r["ruleId"] == "gate")
    assert gate["properties"] == {"stage": "relationship", "item": "gate"}
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}


def test_github_format_is_chosen_inside_github_actions(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(OVERDUE)
    inside = invoke("check", deal, "--today", "2026-12-01", env={"GITHUB_ACTIONS": "true"})
    assert inside.stdout.startswith("::")
    assert "::warning file=" in inside.stdout
    outside = invoke("check", deal, "--today", "2026-12-01", env={"GITHUB_ACTIONS": ""})
    assert outside.stdout.startswith(str(deal))
    chosen = invoke(
        "check", deal, "--today", "2026-12-01", "--format", "text", env={"GITHUB_ACTIONS": "true"}
    )
    assert chosen.stdout.startswith(str(deal))


# -- playbook show -----------------------------------------------------------------------


def test_playbook_show_lists_stages_items_and_gates() -> None:
    result = invoke("playbook", "show")
    assert result.exit_code == 0
    text = result.stdout
    for key in ("discovery", "relationship", "bidding", "implementation", "coach-developed"):
        assert key in text
    assert "→ needs at least 1 person in the decision chain: is our coach" in text
    assert "gate" in text and "influence is high, speaks for us" in text
    assert "answered in the deal file" in text


def test_playbook_show_another_playbook_in_chinese() -> None:
    result = invoke(
        "playbook", "show", "--playbook", SAMPLES / "playbooks/meddpicc.yaml", "--lang", "zh"
    )
    assert result.exit_code == 0
    assert "1. 商机资格确认（权重 0.10）" in result.stdout
    assert (
        "· 关口：" in result.stdout
        and "需要决策链中至少 1 人：为我方说话、影响力为高" in result.stdout
    )
    assert "qualify" not in result.stdout and "champion" not in result.stdout


def test_playbook_show_reports_a_broken_playbook(tmp_path: Path) -> None:
    broken = tmp_path / "p.yaml"
    broken.write_text(
        "reviewkit-playbook: 1\nname: {en: X}\nstages:\n  - key: a\n    labl: {en: A}\n"
    )
    result = invoke("playbook", "show", "--playbook", broken)
    assert result.exit_code == 2
    assert f"{broken}:5:5:" in result.output and "did you mean 'label'" in result.output


@pytest.mark.parametrize("command", ["new", "check", "render", "schema", "playbook"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout or command == "playbook"


def test_the_repository_root_is_a_checkout() -> None:
    assert (ROOT / "pyproject.toml").is_file()


# -- many files -------------------------------------------------------------------------


def test_parallel_check_gives_the_same_findings_as_one_process(tmp_path: Path) -> None:
    import datetime as dt

    from reviewkit.model.config import Settings
    from reviewkit.ops.check import PARALLEL_FROM, check_paths

    samples = sorted(SAMPLES.glob("*-*.yaml"))
    for index in range(PARALLEL_FROM + 12):
        source = samples[index % len(samples)]
        (tmp_path / f"deal-{index:03d}.yaml").write_text(source.read_text(encoding="utf-8"))
    (tmp_path / "deal-bad.yaml").write_text("reviewkit: 1\ndeal: {name: x, stage: nowhere}\n")
    today = dt.date(2026, 12, 1)
    one = check_paths([tmp_path], Settings(), today, jobs=1)
    two = check_paths([tmp_path], Settings(), today, jobs=2)
    assert one == two
    assert one.files == PARALLEL_FROM + 13 and one.invalid == 1
    assert {Path(f.path).name for f in one.findings} >= {"deal-000.yaml", "deal-bad.yaml"}


def test_outputs_never_replace_a_yaml_file_and_fail_clearly(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(MINIMAL)
    for args in (("schema", "-o", deal), ("pipeline", tmp_path, "-f", "html", "-o", deal)):
        result = invoke(*args)
        assert result.exit_code == 2 and "refusing to write over a YAML file" in result.output
        assert deal.read_text() == MINIMAL
    made = invoke("schema", "-o", tmp_path / "no" / "such" / "x.json")
    assert made.exit_code == 0 and (tmp_path / "no" / "such" / "x.json").is_file()
    missing = invoke("schema", "-o", deal / "x.json")
    assert missing.exit_code == 2 and "cannot write" in missing.output


def test_control_characters_cannot_reach_the_terminal(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        MINIMAL + 'actions:\n  - {what: "call \\e]0;pwned\\a\\e[2J", due: 2026-01-01}\n'
    )
    out = invoke("check", deal, "--today", "2026-12-01").stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "call \ufffd]0;pwned\ufffd\ufffd[2J" in out


def test_a_git_revision_cannot_be_an_option(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(MINIMAL)
    result = invoke("diff", "--output=zz", deal)
    assert result.exit_code == 2
    result = invoke("diff", "--", "--output=zz", deal)
    assert result.exit_code == 2 and "is not a revision" in result.output
    assert not (tmp_path / "zz").exists()


def test_the_second_playbook_drives_new_check_and_render(tmp_path: Path, monkeypatch) -> None:
    import shutil

    shutil.copytree(SAMPLES / "playbooks", tmp_path / "playbooks")
    team = tmp_path / "team"
    team.mkdir()
    (team / "reviewkit.yaml").write_text("playbook: ../playbooks/meddpicc.yaml\n")
    monkeypatch.chdir(team)
    assert invoke("new", "Harbour WMS", "--stage", "validate").exit_code == 0
    text = (team / "harbour-wms.yaml").read_text(encoding="utf-8")
    assert "stage: validate" in text and "qualify → discover → validate" in text
    assert "    champion-tested:\n      status: unknown\n" in text
    checked = invoke(
        "check", team / "harbour-wms.yaml", "--format", "json", "--today", "2026-12-01"
    )
    findings = json.loads(checked.stdout)["findings"]
    assert {f["stage"] for f in findings if f["rule"] == "checklist"} == {
        "qualify",
        "discover",
        "validate",
    }
    assert any(f["rule"] == "gate" and f["stage"] == "validate" for f in findings)
    pack = invoke("render", team / "harbour-wms.yaml", "-o", "-", "--today", "2026-12-01").stdout
    assert "### 3. Validate value and the champion · current stage" in pack
    assert invoke("playbook", "show").stdout.startswith("MEDDPICC")
