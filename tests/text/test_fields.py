"""How deal fields are named to a reader: by label, never by key path."""

from __future__ import annotations

from reviewkit.model.conditions import _all_paths
from reviewkit.model.dealformat import BASE
from reviewkit.text.catalogue import has
from reviewkit.text.fields import entries, field_flag, field_label, field_place


def test_every_field_of_deal_format_1_has_a_label_in_each_language() -> None:
    missing = [
        (lang, path)
        for lang in ("en", "zh")
        for path in _all_paths(BASE)
        if not has(lang, f"field.{path}")
    ]
    assert missing == []


def test_a_field_reads_as_its_label() -> None:
    assert field_label(("decision_chain", "speaks_for_us"), "zh") == "为我方说话"
    assert (
        field_label(("background", "customer", "it_landscape"), "en") == "customer's IT landscape"
    )
    assert field_label(("decision_chain", 2, "influence"), "zh") == "影响力"  # indexes skipped


def test_a_field_without_a_label_reads_as_its_path() -> None:
    assert field_label(("visits", "host"), "zh") == "visits.host"


def test_a_flag_reads_as_a_phrase() -> None:
    assert field_flag(("decision_chain", "coach"), True, "zh") == "是我方教练"
    assert field_flag(("decision_chain", "speaks_for_us"), False, "en") == "does not speak for us"
    assert field_flag(("history", "forced"), True, "zh") == "强制推进为是"


def test_a_place_in_a_list_names_the_entry() -> None:
    assert field_place(("decision_chain", 2, "notes"), "zh") == "决策链第 3 项的备注"
    assert field_place(("assessment", "problems", 0), "en") == "problems (entry 1)"
    assert field_place(("strategy", "commercial", "approach"), "zh") == "商务思路与谈判策略"


def test_a_list_is_counted_in_its_own_words() -> None:
    assert entries(("decision_chain",), 3, "zh") == "3 人"
    assert entries(("decision_chain",), 1, "en") == "1 person in the decision chain"
    assert entries(("competitors",), 2, "en") == "2 competitors"
    assert entries(("outcome", "reasons"), 2, "en") == "2 entries"
