"""Timing whole commands: fresh processes, interleaved runs, medians."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence


def run_once(command: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def compare(commands: dict[str, Sequence[str]], runs: int) -> dict[str, list[float]]:
    """Run every command `runs` times, interleaved, after one warm-up run each."""
    for command in commands.values():
        run_once(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run_once(command))
    return times


def describe(samples: list[float]) -> str:
    ms = sorted(t * 1000 for t in samples)
    return (
        f"median {statistics.median(ms):7.1f} ms   "
        f"min {ms[0]:7.1f}   max {ms[-1]:7.1f}   (n={len(ms)})"
    )
