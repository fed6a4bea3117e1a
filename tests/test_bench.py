"""bench/generate_deals.py writes deal files reviewkit reads: valid, in every stage, in both languages."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path

from reviewkit.model.config import Settings
from reviewkit.model.deal import load_deal
from reviewkit.model.playbook import load_playbook
from reviewkit.ops.check import check_paths
from tests.conftest import ROOT

GENERATOR = ROOT / "bench" / "generate_deals.py"
TODAY = dt.date(2026, 12, 1)  # the generator's "today"


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    subprocess.run(
        [sys.executable, str(GENERATOR), str(folder), "--count", str(count), "--seed", str(seed)],
        check=True,
        capture_output=True,
    )
    return sorted(folder.glob("deal-*.yaml"))


def test_generated_deals_are_valid_and_spread_over_the_stages(tmp_path: Path) -> None:
    files = generate(tmp_path, 40)
    assert len(files) == 40
    run = check_paths(files, Settings(None, None), TODAY, jobs=1)
    assert (run.files, run.invalid) == (40, 0)
    deals = [load_deal(path) for path in files]
    stages = Counter(deal.stage for deal in deals)
    keys = [stage.key for stage in load_playbook().stages]
    assert set(stages) == set(keys)  # every stage of the default playbook
    assert sum(stages[k] for k in keys[:3]) > 2 * sum(stages[k] for k in keys[-3:])
    assert {deal.language for deal in deals} == {"en", "zh"}
    statuses = Counter(deal.data["deal"]["status"] for deal in deals)
    assert statuses["open"] > len(deals) / 2 and set(statuses) - {"open"}


def test_generated_deals_answer_only_their_stages_items(tmp_path: Path) -> None:
    playbook = load_playbook()
    for deal in map(load_deal, generate(tmp_path, 12)):
        reached = {stage.key for stage in playbook.stages[: deal.stage_index + 1]}
        answered = {
            stage: {item for item, answer in answers.items() if answer is not None}
            for stage, answers in deal.data["checklist"].items()
        }
        assert {stage for stage, items in answered.items() if items} <= reached
        assert answered[deal.stage]  # the current stage's questions are being worked on


def test_the_output_depends_only_on_the_seed(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 3, seed=11)
    second = generate(tmp_path / "b", 3, seed=11)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
