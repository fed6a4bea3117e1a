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
import tempfile
from pathlib import Path

from timing import BIN, compare, compile_package, generate_deals, measure, verdict

TODAY = ["--today", "2026-12-01"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--packs", type=int, default=50)
    parser.add_argument("--deals", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    work = Path(tempfile.mkdtemp(prefix="rk-batch-"))
    reviewkit = str(BIN / "reviewkit")

    packs = generate_deals(work / "packs", args.packs)
    files = sorted(packs.glob("*.yaml"))
    (work / "one-call").mkdir()
    (work / "separate").mkdir()

    def render(source: Path, out: Path) -> float:
        return measure(
            [reviewkit, "render", str(source), "--format", "pdf", "-o", str(out), *TODAY]
        )[0]

    render(files[0], work / "warm.pdf")
    batch, separate = [], []
    for _ in range(args.runs):
        batch.append(render(packs, work / "one-call"))
        separate.append(sum(render(f, work / "separate" / f"{f.stem}.pdf") for f in files))
    written = len(list((work / "one-call").glob("*.pdf")))
    print(f"{args.packs} PDF packs ({written} written by the batch); {args.runs} runs each")
    for name, values in (("one call", batch), ("separate calls", separate)):
        each = ", ".join(f"{t:.1f}" for t in values)
        print(f"  {name:14} median {statistics.median(values):7.2f} s   ({each})")
    ratio = statistics.median(batch) / statistics.median(separate)
    print(f"  batch / separate = {ratio:.2f}  {verdict(ratio, 0.4, 'at most 0.4')}")

    deals = str(generate_deals(work / "deals", args.deals))
    runs = compare(
        {
            "pipeline": [reviewkit, "pipeline", deals, *TODAY],
            "check": [reviewkit, "check", deals, *TODAY],
        },
        args.runs,
    )
    print(f"{args.deals} generated deals; {args.runs} runs each, interleaved")
    for name, values in runs.times.items():
        print(
            f"  {name:9} median {runs.median(name):6.2f} s   min {min(values):6.2f}   max {max(values):6.2f}"
        )
    ratio = runs.median("pipeline") / runs.median("check")
    print(f"  pipeline / check = {ratio:.2f}  {verdict(ratio, 1.3, 'at most 1.3')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
