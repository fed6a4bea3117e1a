"""`reviewkit check` on one deal file against `yamllint` on the same file, whole processes.

.venv/bin/python bench/check_vs_yamllint.py [--runs N] [FILE]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import BIN, ROOT, compare, compile_package, describe, verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "file", nargs="?", default=str(ROOT / "samples/northfield-core-network.yaml")
    )
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    commands = {
        "reviewkit check": [str(BIN / "reviewkit"), "check", args.file, "--today", "2026-12-01"],
        "yamllint": [str(BIN / "yamllint"), args.file],
    }
    compile_package()
    runs = compare(commands, args.runs)
    size = Path(args.file).stat().st_size
    print(f"file: {args.file} ({size:,} bytes); {args.runs} runs each, interleaved")
    for name, samples in runs.times.items():
        print(f"  {name:16} {describe(samples)}")
    ratio = runs.median("reviewkit check") / runs.median("yamllint")
    print(f"  reviewkit / yamllint = {ratio:.2f}  {verdict(ratio, 1.0, 'at most 1.00')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
