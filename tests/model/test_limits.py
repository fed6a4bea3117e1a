"""Size limits no real deal reaches: a file over one is invalid, with a message that names
the list, its size and the limit; a deal at every limit is valid."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewkit.cli import app
from reviewkit.model.dealformat import LIMITS
from tests.conftest import MINIMAL, ROOT


def check(path: Path):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["check", str(path), "--today", "2026-12-01"])
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize(
    ("key", "entry"),
    [
        ("decision_chain", "  - {name: P%d}\n"),
        ("partners", "  - {name: I%d}\n"),
        ("competitors", "  - {name: R%d}\n"),
        ("dynamics", "  - {event: E%d}\n"),
        ("actions", "  - {what: A%d}\n"),
        ("history", "  - {to: discovery, from: x%d}\n"),
    ],
)
def test_a_list_over_its_limit_is_refused_by_name(tmp_path: Path, key: str, entry: str) -> None:
    count = LIMITS[key] + 1
    deal = tmp_path / "deal.yaml"
    deal.write_text(MINIMAL + f"{key}:\n" + "".join(entry % i for i in range(count)))
    result = check(deal)
    assert result.exit_code == 2
    assert "deal.yaml:" in result.output
    assert f"{key} has {count:,} entries; reviewkit accepts up to {LIMITS[key]:,}" in result.output


def test_a_text_over_its_limit_is_refused(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(MINIMAL + "dynamics:\n  - event: " + "x" * (LIMITS["text"] + 1) + "\n")
    result = check(deal)
    assert result.exit_code == 2
    assert f"dynamics[0].event is {LIMITS['text'] + 1:,} characters long" in result.output


def test_a_deal_at_every_limit_is_valid(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from limits import deal_at_limits  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "bench"))
    deal = tmp_path / "deal.yaml"
    deal.write_text(deal_at_limits(), encoding="utf-8")
    result = check(deal)
    assert result.exit_code in (0, 1), result.output
    assert "invalid" not in result.output
