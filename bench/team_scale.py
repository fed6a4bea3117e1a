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
import tempfile
from pathlib import Path

from timing import BIN, compare, compile_package, generate_deals, measure, verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    deals = str(generate_deals(Path(tempfile.mkdtemp(prefix="rk-deals-")), args.count))
    check = [str(BIN / "reviewkit"), "check", deals, "--today", "2026-12-01"]
    commands = {
        "reviewkit check": check,
        "reviewkit check -j1": [*check, "-j", "1"],
        "yamllint": [str(BIN / "yamllint"), deals],
    }
    runs = compare(commands, args.runs, warm_up=False)
    print(
        f"{args.count} generated deals; {args.runs} runs each, interleaved; {os.cpu_count()} cores"
    )
    for name, times in runs.times.items():
        print(
            f"  {name:20} median {runs.median(name):7.2f} s   min {min(times):7.2f}   "
            f"max {max(times):7.2f}   peak {runs.memory[name]:4d} MB"
        )
    ratio = runs.median("reviewkit check") / runs.median("yamllint")
    print(f"  reviewkit / yamllint = {ratio:.3f}  {verdict(ratio, 0.5, 'at most 0.5')}")
    print(
        f"  one core / all cores = {runs.median('reviewkit check -j1') / runs.median('reviewkit check'):.2f}"
    )
    peak = max(runs.memory["reviewkit check"], runs.memory["reviewkit check -j1"])
    print(f"  reviewkit peak memory {peak} MB  {verdict(peak, 199, 'under 200 MB')}")
    help_median = statistics.median(
        measure([str(BIN / "reviewkit"), "--help"])[0] for _ in range(15)
    )
    print(
        f"  reviewkit --help median {help_median * 1000:.0f} ms over 15 runs  "
        f"{verdict(help_median, 0.15, 'under 150 ms')}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
