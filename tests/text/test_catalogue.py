"""The text catalogues: one complete file per language, and a new language is one more file."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from reviewkit.errors import ReviewkitError
from reviewkit.present.pack import PackOptions, build_pack
from reviewkit.present.render import render_html, render_markdown
from reviewkit.present.report import Summary
from reviewkit.text.catalogue import (
    FOLDERS_VARIABLE,
    SHIPPED,
    has,
    languages,
    plural,
    say,
    texts,
)
from reviewkit.text.labels import label
from reviewkit.text.messages import msg
from reviewkit.text.packtext import pack_text
from tests.conftest import SAMPLES, TODAY, load_sample
from tests.test_startup import modules_after


def shipped(lang: str) -> dict[str, str]:
    text = (SHIPPED / f"{lang}.json").read_text(encoding="utf-8")
    data: dict[str, str] = json.loads(text)
    return data


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


#: Every language shipped, English (the fallback) first.
SHIPPED_LANGUAGES = sorted((p.stem for p in SHIPPED.glob("*.json")), key=lambda c: c != "en")
OTHERS = SHIPPED_LANGUAGES[1:]


def test_the_languages_are_the_catalogue_files() -> None:
    assert SHIPPED_LANGUAGES[0] == "en" and "zh" in OTHERS
    assert languages() == tuple(sorted(SHIPPED_LANGUAGES))


@pytest.mark.parametrize("lang", OTHERS)
def test_every_key_of_a_language_is_an_english_key_and_back(lang: str) -> None:
    en, other = shipped("en"), shipped(lang)
    assert sorted(set(other) - set(en)) == []
    assert sorted(set(en) - set(other)) == []


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_keys_are_namespaced_sorted_and_no_text_is_empty(lang: str) -> None:
    text = (SHIPPED / f"{lang}.json").read_text(encoding="utf-8")
    catalogue = shipped(lang)
    assert list(catalogue) == sorted(catalogue)
    assert text == json.dumps(catalogue, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert [k for k in catalogue if not re.fullmatch(r"[a-z]+\.\S.*", k)] == []
    assert [k for k, v in catalogue.items() if not v.strip()] == []


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_the_lookup_reads_each_catalogue_as_json_does(lang: str) -> None:
    assert texts(lang, "") == shipped(lang)


#: Texts whose Chinese leaves out fields the English shows: the keys of the deal file and the
#: playbook (`discovery`, `needs-confirmed`), which a Chinese reader is shown by their labels.
KEYS_LEFT_OUT = {
    ("zh", "playbook.item"): {"key"},
    ("zh", "playbook.stage"): {"key"},
    ("zh", "playbook.line"): {"blank"},
    ("zh", "advance.gap"): {"stage", "item", "state"},
    ("zh", "cli.moved"): {"before", "after"},
    ("zh", "cli.stays"): {"stage", "target"},
}
#: Texts whose Chinese shows a field the English leaves out: the labels of those keys, and the
#: list counted (`决策链中至少 3 人`, where the English count word says `3 people in the decision
#: chain`).
FIELDS_ADDED = {
    ("zh", "condition.count"): {"name"},
    ("zh", "advance.gap"): {"stage_label", "state_label"},
    ("zh", "cli.moved"): {"stage_label", "target_label"},
    ("zh", "cli.stays"): {"stage_label", "target_label"},
}


@pytest.mark.parametrize("lang", OTHERS)
def test_the_fields_of_each_text_agree_with_english(lang: str) -> None:
    en, other = shipped("en"), shipped(lang)
    differ = {
        k: (fields(en[k]), fields(v))
        for k, v in other.items()
        if fields(en[k]) - KEYS_LEFT_OUT.get((lang, k), set()) | FIELDS_ADDED.get((lang, k), set())
        != fields(v)
    }
    assert differ == {}


def test_a_key_reads_in_the_language_and_fills_its_fields() -> None:
    assert say("en", "message.too-deep", limit=5).startswith("nesting deeper than 5 levels")
    assert say("zh", "message.too-deep", limit=5).startswith("嵌套超过 5 层")
    assert say("en", "scaffold.from_data", rule="x") == "from the data: x"
    assert msg("en", "did-you-mean", name="x") == ("; did you mean 'x'?", "")
    assert label("attitude", "ally", "zh") == "同盟者"
    assert label("attitude", "not-a-value", "zh") == "not-a-value"
    assert label("attitude", None, "en") == ""
    assert plural("en", "summary.errors", 1) == "1 error"
    assert plural("en", "summary.errors", 2) == "2 errors"


def test_a_language_without_a_catalogue_reads_english() -> None:
    assert say("xx", "pack.title") == say("en", "pack.title") == "Deal review"
    assert has("xx", "pack.title") and not has("en", "hint.did-you-mean")
    assert pack_text("xx") == pack_text("en")


def test_the_check_summary_line_reads_in_each_language() -> None:
    summary = Summary(files=3, invalid=1, errors=2, warnings=0, infos=1)
    assert summary.line() == "3 files checked: 1 invalid, 2 errors, 0 warnings, 1 info"
    assert summary.line("zh") == "已检查 3 个文件：1 个无效、2 个错误、0 个警告、1 条提示"


FRENCH = {
    "html.lang": "fr",
    "pack.title": "Revue d'affaire",
    "pack.s_chain": "2. Analyse de la chaîne de décision",
    "pack.customer": "Client",
    "label.attitude.ally": "allié",
    "label.level.high": "haute",
    "punct.colon": " : ",
}


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A third catalogue, in a folder named by REVIEWKIT_CATALOGUES."""
    (tmp_path / "fr.json").write_text(json.dumps(FRENCH, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(FOLDERS_VARIABLE, str(tmp_path))
    return tmp_path


@pytest.mark.usefixtures("french")
def test_a_new_language_is_one_more_catalogue_file() -> None:
    assert languages() == ("en", "fr", "zh")
    deal, _ = load_sample(SAMPLES / "northfield-core-network.yaml")
    pack = build_pack(deal, PackOptions(today=TODAY, lang="fr"))

    markdown = render_markdown(pack)
    assert markdown.startswith("# Revue d'affaire : Northfield provincial core network upgrade")
    assert "## 2. Analyse de la chaîne de décision" in markdown
    assert "allié" in markdown and "haute" in markdown
    assert "| Client |" in markdown
    # English fills every key the French catalogue lacks.
    assert "## 6. Next actions" in markdown
    assert "Decision-chain analysis" not in markdown

    html = render_html(pack)
    assert '<html lang="fr">' in html
    assert "Revue d&#39;affaire" in html or "Revue d'affaire" in html
    assert "2. Analyse de la chaîne de décision" in html
    assert "6. Next actions" in html


def test_an_added_folder_overrides_single_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "zh.json").write_text('{"pack.title": "项目复盘会"}', encoding="utf-8")
    monkeypatch.setenv(FOLDERS_VARIABLE, str(tmp_path))
    assert languages() == ("en", "zh")
    assert say("zh", "pack.title") == "项目复盘会"
    assert say("zh", "pack.customer") == "客户"


@pytest.mark.parametrize(
    "text",
    ['["not", "texts"]', '{"pack.title": 1}', '{"pack.title": "a"} {}', "{'pack.title': 'a'}", ""],
)
def test_a_broken_catalogue_is_an_error_that_names_the_file(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "de.json").write_text(text, encoding="utf-8")
    monkeypatch.setenv(FOLDERS_VARIABLE, str(tmp_path))
    with pytest.raises(ReviewkitError, match=r"de\.json"):
        say("de", "pack.title")


def test_a_catalogue_may_be_laid_out_freely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "de.json").write_text(
        '\n  {"pack.title" :\n"Gesch\\u00e4ft"}\n\n', encoding="utf-8"
    )
    monkeypatch.setenv(FOLDERS_VARIABLE, str(tmp_path))
    assert say("de", "pack.title") == "Geschäft"


def test_help_reads_no_catalogue() -> None:
    assert not any(name.startswith("reviewkit.text") for name in modules_after("--help"))


def test_the_command_line_speaks_a_language_added_as_one_file(french: Path, tmp_path: Path) -> None:
    # `--lang` offers the languages the catalogues hold: a new file is all `--lang fr` needs.
    import os
    import subprocess
    import sys

    reviewkit = Path(sys.executable).parent / "reviewkit"
    env = {**os.environ, FOLDERS_VARIABLE: str(french)}
    out = tmp_path / "pack.md"
    done = subprocess.run(
        [reviewkit, "render", SAMPLES / "northfield-core-network.yaml", "--lang", "fr",
         "-o", out, "--today", TODAY.isoformat()],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Revue d'affaire : Northfield")
    shipped = {k: v for k, v in os.environ.items() if k != FOLDERS_VARIABLE}
    refused = subprocess.run(
        [reviewkit, "render", SAMPLES / "northfield-core-network.yaml", "--lang", "fr",
         "-o", out],
        capture_output=True, text=True, env=shipped, check=False,
    )  # fmt: skip
    assert refused.returncode == 2
    assert "'fr' is not a language reviewkit speaks; the languages are: en, zh" in refused.stderr
