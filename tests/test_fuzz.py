"""Fuzzing every command with mutated deal files: no traceback, exit 0/1/2 only, a location on
every exit-2 message, and the floor in no output. A short seeded run here; `make fuzz` runs
a long one (FUZZ_INPUTS, FUZZ_SEED) and prints its figures."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from tests.fuzzing import Tally, mutate, run_one, seeds

INPUTS = int(os.environ.get("FUZZ_INPUTS", "60"))
SEED = int(os.environ.get("FUZZ_SEED", "20261202"))


def test_mutated_deal_files_keep_every_promise(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    bases = seeds()
    tally = Tally()
    start = time.perf_counter()
    for index in range(INPUTS):
        folder = tmp_path / f"i{index}"
        folder.mkdir()
        base = rng.choice(bases)
        (folder / "base.yaml").write_text(base, encoding="utf-8")
        text = mutate(base, rng)
        run_one(text, folder, tally, index)
        if tally.failures:
            (tmp_path / "failing.yaml").write_text(text, encoding="utf-8")
            break
    seconds = time.perf_counter() - start
    exits = ", ".join(f"exit {code}: {n}" for code, n in sorted(tally.exits.items()))
    print(
        f"\nfuzz: seed {SEED}, {tally.inputs} inputs, {tally.runs} runs ({exits}), {seconds:.1f} s"
    )
    assert tally.failures == [], (tally.failures[:5], text)
