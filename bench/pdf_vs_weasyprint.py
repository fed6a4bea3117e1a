"""Cold `reviewkit render --format pdf` against a bare WeasyPrint render of the same HTML.

    .venv/bin/python bench/pdf_vs_weasyprint.py [--runs N]

Each run is a fresh process, as a rep pays it. The bare render is WeasyPrint alone on the
HTML that `reviewkit render --format html` writes for the same deal, so the difference is
what reviewkit adds: reading and checking the deal, building the pack, the font check.
Also compares a Chinese pack with an English pack of about the same length, and reports
peak memory (maximum resident set size) of every process.
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
BARE = "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])"
SAMPLES = {
    "en": ROOT / "samples/northfield-core-network.yaml",
    "zh": ROOT / "samples/huadong-grid-dispatch.yaml",
}


def measure(command: list[str]) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss // 1024


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reviewkit")], check=True)
    work = Path(tempfile.mkdtemp(prefix="rk-bench-"))
    commands: dict[str, list[str]] = {}
    for lang, deal in SAMPLES.items():
        html = work / f"{lang}.html"
        subprocess.run(
            [
                str(BIN / "reviewkit"),
                "render",
                str(deal),
                "--format",
                "html",
                "-o",
                str(html),
                "--today",
                "2026-12-01",
            ],
            check=True,
            capture_output=True,
        )
        commands[f"reviewkit {lang}"] = [
            str(BIN / "reviewkit"),
            "render",
            str(deal),
            "--format",
            "pdf",
            "-o",
            str(work / f"{lang}.pdf"),
            "--today",
            "2026-12-01",
        ]
        commands[f"weasyprint {lang}"] = [
            sys.executable,
            "-c",
            BARE,
            str(html),
            str(work / f"{lang}-bare.pdf"),
        ]
    for command in commands.values():  # warm the disk cache and fontconfig's cache
        measure(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(args.runs):
        for name, command in commands.items():
            seconds, mb = measure(command)
            times[name].append(seconds)
            memory[name] = max(memory[name], mb)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{args.runs} runs each, interleaved; fresh process per run")
    for name in commands:
        lang = name.split()[-1]
        pdf = work / (f"{lang}.pdf" if name.startswith("reviewkit") else f"{lang}-bare.pdf")
        print(
            f"  {name:15} median {median[name]:6.2f} s   min {min(times[name]):6.2f}   "
            f"max {max(times[name]):6.2f}   peak {memory[name]:4d} MB   {pages(pdf)} pages"
        )
    for lang in SAMPLES:
        ratio = median[f"reviewkit {lang}"] / median[f"weasyprint {lang}"]
        verdict = "meets" if ratio <= 1.15 else "MISSES"
        print(
            f"  reviewkit / bare WeasyPrint ({lang}) = {ratio:.2f}  ({verdict} the target: at most 1.15)"
        )
    per_page = {lang: median[f"reviewkit {lang}"] / pages(work / f"{lang}.pdf") for lang in SAMPLES}
    ratio = median["reviewkit zh"] / median["reviewkit en"]
    print(
        f"  Chinese / English pack = {ratio:.2f} whole, {per_page['zh'] / per_page['en']:.2f} per page"
        f"  ({'meets' if ratio <= 1.5 else 'MISSES'} the target: at most 1.5)"
    )
    peak = max(memory[f"reviewkit {lang}"] for lang in SAMPLES)
    print(
        f"  reviewkit peak memory {peak} MB  ({'meets' if peak < 300 else 'MISSES'} the target: under 300 MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
