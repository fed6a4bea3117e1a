"""How deal fields are named to a reader: by label, never by key path."""

from __future__ import annotations

from collections.abc import Sequence

from reviewkit.model.conditions import _all_paths
from reviewkit.model.dealformat import BASE, entry_name
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
    assert field_label(("outcome", "margin"), "zh") == "outcome.margin"


def test_a_flag_reads_as_a_phrase() -> None:
    assert field_flag(("decision_chain", "coach"), True, "zh") == "是我方教练"
    assert field_flag(("decision_chain", "speaks_for_us"), False, "en") == "does not speak for us"
    assert field_flag(("history", "forced"), True, "zh") == "强制推进为是"


def test_a_place_in_a_list_names_the_entry_by_what_the_user_wrote() -> None:
    data = {
        "decision_chain": [{"name": "Wang"}, {"name": "Liu"}, {"name": "王总", "notes": "x"}],
        "assessment": {"problems": ["Late", "价格" * 30]},
        "actions": [{"what": "Book the CIO"}],
        "competitors": [{"name": "Acme", "strengths": ["cheap"]}],
        "suppress": [{"rule": "gate", "reason": "agreed"}],
    }

    def names(path: Sequence[str | int]) -> str | None:
        return entry_name(data, path)

    assert field_place(("decision_chain", 2, "notes"), "zh", names) == "决策链“王总”的备注"
    assert field_place(("assessment", "problems", 0), "en", names) == "problems “Late”"
    assert (
        field_place(("actions", 0, "checkpoint"), "zh", names) == "行动计划“Book the CIO”的监控点"
    )
    assert (
        field_place(("competitors", 0, "strengths", 0), "zh", names)
        == "竞争对手“Acme”的优势“cheap”"
    )
    long = field_place(("assessment", "problems", 1), "zh", names)
    assert long == "问题“" + "价格" * 19 + "价…”"  # shortened
    assert field_place(("strategy", "commercial", "approach"), "zh") == "商务思路与谈判策略"


def test_an_entry_without_words_of_its_own_is_named_by_its_index_from_0() -> None:
    data = {"suppress": [{"rule": "gate", "reason": "agreed"}], "history": [{"to": "bidding"}]}

    def names(path: Sequence[str | int]) -> str | None:
        return entry_name(data, path)

    assert entry_name(data, ("suppress", 0)) is None and entry_name(data, ("history", 0)) is None
    assert (
        field_place(("suppress", 0, "reason"), "zh", names)
        == "屏蔽的检查规则（序号 0，从 0 起）的原因"
    )
    assert (
        field_place(("history", 0, "reason"), "en", names)
        == "the reason of stage history (index 0, counted from 0)"
    )
    assert field_place(("decision_chain", 2, "notes"), "en") == (
        "the notes of decision chain (index 2, counted from 0)"
    )


def test_a_list_is_counted_in_its_own_words() -> None:
    assert entries(("decision_chain",), 3, "zh") == "3 人"
    assert entries(("decision_chain",), 1, "en") == "1 person in the decision chain"
    assert entries(("competitors",), 2, "en") == "2 competitors"
    assert entries(("outcome", "reasons"), 2, "en") == "2 entries"
