"""`reviewkit check` over 1,000 generated deals against `yamllint` on the same files; --help.

    .venv/bin/python bench/team_scale.py [--count 1000] [--runs 3]

Whole processes, interleaved, fresh each run. Also reports reviewkit on one core
(--jobs 1) to show what the second core buys, peak memory of each process, and the
median time of `reviewkit --help`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def measure(command: list[str]) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reviewkit")], check=True)
    deals = Path(tempfile.mkdtemp(prefix="rk-deals-"))
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate_deals.py"),
            str(deals),
            "--count",
            str(args.count),
        ],
        check=True,
    )
    commands = {
        "reviewkit check": [str(BIN / "reviewkit"), "check", str(deals), "--today", "2026-12-01"],
        "reviewkit check -j1": [
            str(BIN / "reviewkit"),
            "check",
            str(deals),
            "--today",
            "2026-12-01",
            "-j",
            "1",
        ],
        "yamllint": [str(BIN / "yamllint"), str(deals)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(args.runs):
        for name, command in commands.items():
            seconds, mb = measure(command)
            times[name].append(seconds)
            memory[name] = max(memory[name], mb)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"{args.count} generated deals; {args.runs} runs each, interleaved; {os.cpu_count()} cores"
    )
    for name in commands:
        print(
            f"  {name:20} median {median[name]:7.2f} s   min {min(times[name]):7.2f}   "
            f"max {max(times[name]):7.2f}   peak {memory[name]:4d} MB"
        )
    ratio = median["reviewkit check"] / median["yamllint"]
    print(
        f"  reviewkit / yamllint = {ratio:.3f}  ({'meets' if ratio <= 0.5 else 'MISSES'} the target: at most 0.5)"
    )
    print(
        f"  one core / all cores = {median['reviewkit check -j1'] / median['reviewkit check']:.2f}"
    )
    peak = max(memory["reviewkit check"], memory["reviewkit check -j1"])
    print(
        f"  reviewkit peak memory {peak} MB  ({'meets' if peak < 200 else 'MISSES'} the target: under 200 MB)"
    )
    helps = sorted(measure([str(BIN / "reviewkit"), "--help"])[0] for _ in range(15))
    help_median = statistics.median(helps)
    print(
        f"  reviewkit --help median {help_median * 1000:.0f} ms over 15 runs  "
        f"({'meets' if help_median < 0.15 else 'MISSES'} the target: under 150 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
