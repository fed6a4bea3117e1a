"""The JSON Schema accepts a deal file in either form, as the loader does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from reviewkit.model.formtext import rewrite
from reviewkit.model.jsonschema import SHIPPED, deal_json_schema
from reviewkit.model.playbook import Playbook
from reviewkit.present.scaffold import scaffold
from tests.conftest import SAMPLES

CHINESE_SAMPLE = SAMPLES / "xinan-hospital-stub.yaml"


def data(text: str) -> Any:
    """A YAML text as JSON-like data (dates as text, as editors see them)."""
    yaml = YAML(typ="safe")
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    )
    return yaml.load(text)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    import json

    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def errors(validator: jsonschema.protocols.Validator, text: str) -> list[str]:
    return sorted(e.message for e in validator.iter_errors(data(text)))


def test_the_shipped_schema_is_the_default_playbooks(playbook: Playbook) -> None:
    import json

    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == json.loads(
        json.dumps(deal_json_schema(playbook), ensure_ascii=False)
    )


def test_a_chinese_form_file_and_its_english_twin_both_validate(
    validator: jsonschema.protocols.Validator, playbook: Playbook
) -> None:
    text = CHINESE_SAMPLE.read_text(encoding="utf-8")
    assert "决策链:" in text
    assert errors(validator, text) == []
    english = rewrite(text, playbook)
    assert "decision_chain:" in english
    assert errors(validator, english) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_new_files_validate_with_their_examples_filled_in(
    validator: jsonschema.protocols.Validator, playbook: Playbook, lang: str
) -> None:
    for live in (False, True):
        text = scaffold("Deal", stage="bidding", lang=lang, playbook=playbook, live_examples=live)
        assert errors(validator, text) == []


def test_the_schema_rejects_what_the_loader_rejects_in_the_chinese_form(
    validator: jsonschema.protocols.Validator,
) -> None:
    text = (
        "reviewkit: 1\n项目:\n  名称: x\n  阶段: 机会评估\n决策链:\n  - 姓名: a\n    影响力: 很高\n"
    )
    assert errors(validator, text) == [
        "'很高' is not one of ['low', 'medium', 'high', '低', '中', '高', None]"
    ]
    both = text.replace("  阶段: 机会评估\n", "  阶段: 机会评估\n  stage: qualification\n")
    assert any("should not be valid" in e for e in errors(validator, both))
    nameless = text.replace("  名称: x\n", "")
    assert errors(validator, nameless) != errors(validator, text)


def test_editors_are_offered_both_words_described_in_their_language(
    validator: jsonschema.protocols.Validator,
) -> None:
    schema: dict[str, Any] = validator.schema  # type: ignore[assignment]
    defs = schema["$defs"]
    chain = schema["properties"]["决策链"]
    assert chain == {"$ref": "#/$defs/decision_chain", "description": "决策链（decision_chain）"}
    person = defs["decision_chain"]["items"]["properties"]
    assert person["影响力"] == {"$ref": "#/$defs/level", "description": "影响力（influence）"}
    assert person["influence"] == {"$ref": "#/$defs/level"}
    assert "同盟者" in defs["attitude"]["enum"] and "ally" in defs["attitude"]["enum"]
    assert defs["boolean"]["enum"] == [True, False, "是", "否", None]
    checklist = defs["checklist"]["properties"]
    assert checklist["关系切入发展"] == {
        "$ref": "#/$defs/checklist.relationship",
        "description": "关系切入发展（relationship）",
    }
    items = defs["checklist.relationship"]["properties"]
    assert items["培养出教练"]["description"] == "是否在客户的中基层培养出了信息提供者（教练）？"
    assert "coach" in items["coach-developed"]["description"]


def test_a_file_in_the_chinese_form_validates_with_check_jsonschema(tmp_path: Path) -> None:
    """The same check editors and pre-commit run, on a new Chinese file."""
    import subprocess

    from tests.conftest import ROOT

    path = tmp_path / "deal.yaml"
    path.write_text(scaffold("华东调度", lang="zh", stage="bidding"), encoding="utf-8")
    result = subprocess.run(
        [str(ROOT / ".venv/bin/check-jsonschema"), "--schemafile", str(SHIPPED), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
