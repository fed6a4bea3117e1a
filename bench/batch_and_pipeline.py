"""Batch rendering, the pipeline view and the lost-deal lessons at team scale.

    .venv/bin/python bench/batch_and_pipeline.py [--packs 50] [--deals 1000] [--runs 3]

1. `reviewkit render DIR --format pdf` over 50 generated deals in one call, against 50
   separate `reviewkit render FILE --format pdf` calls (their total wall time); `--packs 0`
   leaves this part out.
2. `reviewkit pipeline` (Markdown, and the Excel workbook) and `reviewkit lessons` over
   1,000 generated deals against `reviewkit check` over the same, in the same run.
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

    if args.packs:
        render_packs(work, reviewkit, args.packs, args.runs)
    deals_vs_check(work, reviewkit, args.deals, args.runs)
    return 0


def render_packs(work: Path, reviewkit: str, count: int, runs: int) -> None:
    packs = generate_deals(work / "packs", count)
    files = sorted(packs.glob("*.yaml"))
    (work / "one-call").mkdir()
    (work / "separate").mkdir()

    def render(source: Path, out: Path) -> float:
        return measure(
            [reviewkit, "render", str(source), "--format", "pdf", "-o", str(out), *TODAY]
        )[0]

    render(files[0], work / "warm.pdf")
    batch, separate = [], []
    for _ in range(runs):
        batch.append(render(packs, work / "one-call"))
        separate.append(sum(render(f, work / "separate" / f"{f.stem}.pdf") for f in files))
    written = len(list((work / "one-call").glob("*.pdf")))
    print(f"{count} PDF packs ({written} written by the batch); {runs} runs each")
    for name, values in (("one call", batch), ("separate calls", separate)):
        each = ", ".join(f"{t:.1f}" for t in values)
        print(f"  {name:14} median {statistics.median(values):7.2f} s   ({each})")
    ratio = statistics.median(batch) / statistics.median(separate)
    print(f"  batch / separate = {ratio:.2f}  {verdict(ratio, 0.4, 'at most 0.4')}")


def deals_vs_check(work: Path, reviewkit: str, count: int, runs: int) -> None:
    deals = str(generate_deals(work / "deals", count))
    timed = compare(
        {
            "check": [reviewkit, "check", deals, *TODAY],
            "pipeline": [reviewkit, "pipeline", deals, *TODAY],
            "pipeline-xlsx": [
                reviewkit,
                "pipeline",
                deals,
                "-f",
                "xlsx",
                "-o",
                str(work / "p.xlsx"),
                *TODAY,
            ],
            "lessons": [reviewkit, "lessons", deals],
        },
        runs,
    )
    print(f"{count} generated deals; {runs} runs each, interleaved")
    for name, values in timed.times.items():
        print(
            f"  {name:13} median {timed.median(name):6.2f} s   min {min(values):6.2f}   max {max(values):6.2f}"
        )
    for name in ("pipeline", "pipeline-xlsx", "lessons"):
        ratio = timed.median(name) / timed.median("check")
        print(f"  {name} / check = {ratio:.2f}  {verdict(ratio, 1.3, 'at most 1.3')}")


if __name__ == "__main__":
    raise SystemExit(main())
