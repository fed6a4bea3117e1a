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
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import BIN, ROOT, compare, compile_package, verdict

BARE = "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])"
SAMPLES = {
    "en": ROOT / "samples/northfield-core-network.yaml",
    "zh": ROOT / "samples/huadong-grid-dispatch.yaml",
}
TODAY = ["--today", "2026-12-01"]


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_package()
    work = Path(tempfile.mkdtemp(prefix="rk-bench-"))
    reviewkit = str(BIN / "reviewkit")
    commands: dict[str, list[str]] = {}
    for lang, deal in SAMPLES.items():
        html = work / f"{lang}.html"
        subprocess.run(
            [reviewkit, "render", str(deal), "--format", "html", "-o", str(html), *TODAY],
            check=True,
            capture_output=True,
        )
        pdf = str(work / f"{lang}.pdf")
        commands[f"reviewkit {lang}"] = [
            reviewkit,
            "render",
            str(deal),
            "--format",
            "pdf",
            "-o",
            pdf,
            *TODAY,
        ]
        commands[f"weasyprint {lang}"] = [
            sys.executable,
            "-c",
            BARE,
            str(html),
            str(work / f"{lang}-bare.pdf"),
        ]
    runs = compare(commands, args.runs)
    print(f"{args.runs} runs each, interleaved; fresh process per run")
    for name, times in runs.times.items():
        lang = name.split()[-1]
        pdf_file = work / (f"{lang}.pdf" if name.startswith("reviewkit") else f"{lang}-bare.pdf")
        print(
            f"  {name:15} median {runs.median(name):6.2f} s   min {min(times):6.2f}   "
            f"max {max(times):6.2f}   peak {runs.memory[name]:4d} MB   {pages(pdf_file)} pages"
        )
    for lang in SAMPLES:
        ratio = runs.median(f"reviewkit {lang}") / runs.median(f"weasyprint {lang}")
        print(
            f"  reviewkit / bare WeasyPrint ({lang}) = {ratio:.2f}  {verdict(ratio, 1.15, 'at most 1.15')}"
        )
    per_page = {
        lang: runs.median(f"reviewkit {lang}") / pages(work / f"{lang}.pdf") for lang in SAMPLES
    }
    ratio = runs.median("reviewkit zh") / runs.median("reviewkit en")
    print(
        f"  Chinese / English pack = {ratio:.2f} whole, {per_page['zh'] / per_page['en']:.2f} per page"
        f"  {verdict(ratio, 1.5, 'at most 1.5')}"
    )
    peak = max(runs.memory[f"reviewkit {lang}"] for lang in SAMPLES)
    print(f"  reviewkit peak memory {peak} MB  {verdict(peak, 299, 'under 300 MB')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
