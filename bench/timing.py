"""Timing whole commands: fresh processes, interleaved runs, medians, peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def compile_package() -> None:
    """An installed package has its bytecode compiled; make sure this checkout does too."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reviewkit")], check=True)


def generate_deals(folder: Path, count: int) -> Path:
    """`count` realistic deal files in `folder`, made by generate_deals.py."""
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate_deals.py"),
            str(folder),
            "--count",
            str(count),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return folder


def measure(command: Sequence[str]) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of one fresh process (and what it waited for)."""
    seconds, _, mb = measure_usage(command)
    return seconds, mb


def measure_usage(command: Sequence[str]) -> tuple[float, float, int]:
    """Wall time and CPU time (user + system, with the helper processes it waited for) in
    seconds, and peak memory in MB, of one fresh process. CPU time is the steadier figure
    on a machine that others share."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


@dataclass
class Runs:
    """Every run's wall time and CPU time, and the largest peak memory, of each command."""

    times: dict[str, list[float]] = field(default_factory=dict)
    memory: dict[str, int] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])

    def median_cpu(self, name: str) -> float:
        return statistics.median(self.cpu[name])


def compare(commands: dict[str, Sequence[str]], runs: int, warm_up: bool = True) -> Runs:
    """Run every command `runs` times, interleaved so that machine noise hits all alike,
    after one warm-up run each (disk cache, fontconfig's cache)."""
    if warm_up:
        for command in commands.values():
            measure(command)
    result = Runs(
        {name: [] for name in commands}, dict.fromkeys(commands, 0), {name: [] for name in commands}
    )
    for _ in range(runs):
        for name, command in commands.items():
            seconds, cpu, mb = measure_usage(command)
            result.times[name].append(seconds)
            result.cpu[name].append(cpu)
            result.memory[name] = max(result.memory[name], mb)
    return result


def describe(samples: list[float]) -> str:
    ms = sorted(t * 1000 for t in samples)
    return (
        f"median {statistics.median(ms):7.1f} ms   "
        f"min {ms[0]:7.1f}   max {ms[-1]:7.1f}   (n={len(ms)})"
    )


def verdict(value: float, limit: float, what: str) -> str:
    return f"({'meets' if value <= limit else 'MISSES'} the target: {what})"
