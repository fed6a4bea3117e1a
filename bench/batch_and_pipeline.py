"""Batch rendering and the pipeline view at team scale.

    .venv/bin/python bench/batch_and_pipeline.py [--packs 50] [--deals 1000] [--runs 3]

1. `reviewkit render DIR --format pdf` over 50 generated deals in one call, against 50
   separate `reviewkit render FILE --format pdf` calls (their total wall time).
2. `reviewkit pipeline` over 1,000 generated deals against `reviewkit check` over the same.
Whole processes, fresh each run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TODAY = ["--today", "2026-12-01"]


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def generate(folder: Path, count: int) -> Path:
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--packs", type=int, default=50)
    parser.add_argument("--deals", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reviewkit")], check=True)
    work = Path(tempfile.mkdtemp(prefix="rk-batch-"))
    reviewkit = str(BIN / "reviewkit")

    packs = generate(work / "packs", args.packs)
    files = sorted(packs.glob("*.yaml"))
    (work / "one-call").mkdir()
    (work / "separate").mkdir()
    wall(
        [
            reviewkit,
            "render",
            str(files[0]),
            "--format",
            "pdf",
            "-o",
            str(work / "warm.pdf"),
            *TODAY,
        ]
    )
    batch, separate = [], []
    for _ in range(args.runs):
        batch.append(
            wall(
                [
                    reviewkit,
                    "render",
                    str(packs),
                    "--format",
                    "pdf",
                    "-o",
                    str(work / "one-call"),
                    *TODAY,
                ]
            )
        )
        separate.append(
            sum(
                wall(
                    [
                        reviewkit,
                        "render",
                        str(f),
                        "--format",
                        "pdf",
                        "-o",
                        str(work / "separate" / f"{f.stem}.pdf"),
                        *TODAY,
                    ]
                )
                for f in files
            )
        )
    written = len(list((work / "one-call").glob("*.pdf")))
    print(f"{args.packs} PDF packs ({written} written by the batch); {args.runs} runs each")
    print(
        f"  one call       median {statistics.median(batch):7.2f} s   ({', '.join(f'{t:.1f}' for t in batch)})"
    )
    print(
        f"  separate calls median {statistics.median(separate):7.2f} s   ({', '.join(f'{t:.1f}' for t in separate)})"
    )
    ratio = statistics.median(batch) / statistics.median(separate)
    print(
        f"  batch / separate = {ratio:.2f}  ({'meets' if ratio <= 0.4 else 'MISSES'} the target: at most 0.4)"
    )

    deals = generate(work / "deals", args.deals)
    commands = {
        "pipeline": [reviewkit, "pipeline", str(deals), *TODAY],
        "check": [reviewkit, "check", str(deals), *TODAY],
    }
    for command in commands.values():
        wall(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(wall(command))
    print(f"{args.deals} generated deals; {args.runs} runs each, interleaved")
    for name, values in times.items():
        print(
            f"  {name:9} median {statistics.median(values):6.2f} s   min {min(values):6.2f}   max {max(values):6.2f}"
        )
    ratio = statistics.median(times["pipeline"]) / statistics.median(times["check"])
    print(
        f"  pipeline / check = {ratio:.2f}  ({'meets' if ratio <= 1.3 else 'MISSES'} the target: at most 1.3)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
