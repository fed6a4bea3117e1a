"""Amounts of money as a person reads them in each language."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any


def money(value: Mapping[str, Any] | None, lang: str) -> str:
    """`CNY 12,000,000`, with the 万 reading added in Chinese packs."""
    if not value or value.get("amount") is None:
        return ""
    amount: Decimal = value["amount"]
    text = f"{value.get('currency') or ''} {format(amount.normalize(), ',f')}".strip()
    if lang == "zh" and amount >= 10_000:
        wan = (amount / 10_000).quantize(Decimal("0.01")).normalize()
        text += f"（{format(wan, ',f')} 万）"
    return text
