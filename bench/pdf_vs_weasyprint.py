"""Cold `reviewkit render --format pdf` against a bare WeasyPrint render of the same HTML.

    .venv/bin/python bench/pdf_vs_weasyprint.py [--runs N] [--large-runs N]

Each run is a fresh process, as a rep pays it. The bare render is WeasyPrint alone on the
HTML that `reviewkit render --format html` writes for the same deal, so the difference is
what reviewkit adds (reading and checking the deal, building the pack, the font check) and
what it saves (finding WeasyPrint's libraries without helper processes, keeping the garbage
collector out of the render and the exit, importing WeasyPrint in a child process on the
other core while the pack is built). English and Chinese samples run interleaved in one
loop; peak memory (maximum resident set size, of the command and the child it waited for)
is reported for every command. The English 9-page pack also runs pinned to one core, where
nothing overlaps: what the child costs when there is no second core. Then deals with 60 and
200 people on the decision chain, whose map spans several pages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import BIN, ROOT, Runs, compare, compile_package, verdict

BARE = "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])"
SAMPLES = {  # name: (deal, language); the page counts are printed, read from the PDFs
    "en-northfield": (ROOT / "samples/northfield-core-network.yaml", "en"),
    "en-metro": (ROOT / "samples/metro-transit-wifi.yaml", "en"),
    "zh-huadong": (ROOT / "samples/huadong-grid-dispatch.yaml", "zh"),
}
TODAY = ["--today", "2026-12-01"]
ATTITUDES = ("supporter", "ally", "acknowledger", "opposer", "non-supporter", "sympathizer")


def chain_deal(count: int) -> str:
    """A deal whose decision chain has `count` people, each with a full card."""
    people = []
    for i in range(count):
        people.append(
            f"""\
  - name: Person {i:03d}
    title: {("Head of", "Director,", "Engineer,")[i % 3]} {("Network", "Operations", "IT", "Finance")[i % 4]} {i}
    roles: [{("technical", "user", "advisor", "decision-maker", "procurement")[i % 5]}]
    influence: {("high", "medium", "low")[i % 3]}
    attitude: {ATTITUDES[0] if i % 3 else ATTITUDES[i // 3 % 6]}
    mindshare: {("high", "low")[i % 2]}
    heartshare: {("low", "high")[i % 3 % 2]}
    coach: {"true" if i % 25 == 0 else "false"}
    speaks_for_us: {"true" if i % 10 == 0 else "false"}
    profile: |
      Analytical and careful; reads every document before a meeting and asks for
      references from comparable projects.
    needs:
      personal: Wants the migration done without an outage in the busy season
      immediate: Needs a costed plan for the second phase by the end of the quarter
    notes: Met at the planning workshop; asked for the reference site visit in March.
"""
        )
    return (
        "reviewkit: 1\ndeal:\n  name: Regional network renewal\n  customer: Large Utility\n"
        "  stage: relationship\n  language: en\ndecision_chain:\n" + "".join(people)
    )


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def show(runs: Runs, name: str, pages: int) -> None:
    times = runs.times[name]
    print(
        f"  {name:29} median {runs.median(name):6.2f} s   min {min(times):6.2f}   "
        f"max {max(times):6.2f}   CPU {runs.median_cpu(name):6.2f} s   "
        f"peak {runs.memory[name]:4d} MB   {pages} pages"
    )


def render_command(deal: Path, pdf: Path) -> list[str]:
    return [str(BIN / "reviewkit"), "render", str(deal), "--format", "pdf", "-o", str(pdf), *TODAY]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--large-runs", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    work = Path(tempfile.mkdtemp(prefix="rk-bench-"))
    commands: dict[str, list[str]] = {}
    outputs: dict[str, Path] = {}
    for name, (deal, _) in SAMPLES.items():
        html = work / f"{name}.html"
        subprocess.run(
            [
                str(BIN / "reviewkit"),
                "render",
                str(deal),
                "--format",
                "html",
                "-o",
                str(html),
                *TODAY,
            ],
            check=True,
            capture_output=True,
        )
        outputs[f"reviewkit {name}"] = work / f"{name}.pdf"
        outputs[f"weasyprint {name}"] = work / f"{name}-bare.pdf"
        commands[f"reviewkit {name}"] = render_command(deal, outputs[f"reviewkit {name}"])
        commands[f"weasyprint {name}"] = [
            sys.executable,
            "-c",
            BARE,
            str(html),
            str(outputs[f"weasyprint {name}"]),
        ]
    if shutil.which("taskset"):  # util-linux; the one-core pair is left out without it
        one_core = ["taskset", "--cpu-list", "0"]
        commands["reviewkit en-metro 1 core"] = one_core + commands["reviewkit en-metro"]
        commands["weasyprint en-metro 1 core"] = one_core + commands["weasyprint en-metro"]
        outputs["reviewkit en-metro 1 core"] = outputs["reviewkit en-metro"]
        outputs["weasyprint en-metro 1 core"] = outputs["weasyprint en-metro"]
    load = os.getloadavg()[0]
    runs = compare(commands, args.runs)
    print(f"{args.runs} runs each, interleaved; fresh process per run; wall and CPU time")
    # The child that imports WeasyPrint overlaps its parent only on a free core: say how busy
    # the machine was (1-minute load average, before and after; os.cpu_count() cores).
    print(f"  load average {load:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name in runs.times:
        show(runs, name, pages(outputs[name]))
    for name in SAMPLES:
        ratio = runs.median(f"reviewkit {name}") / runs.median(f"weasyprint {name}")
        cpu = runs.median_cpu(f"reviewkit {name}") / runs.median_cpu(f"weasyprint {name}")
        print(
            f"  reviewkit / bare WeasyPrint ({name}) = {ratio:.2f} wall, {cpu:.2f} CPU  "
            f"{verdict(ratio, 0.75, 'at most 0.75')}"
        )
    if "reviewkit en-metro 1 core" in runs.times:
        ratio = runs.median("reviewkit en-metro 1 core") / runs.median("weasyprint en-metro 1 core")
        cpu = runs.median_cpu("reviewkit en-metro 1 core") / runs.median_cpu(
            "weasyprint en-metro 1 core"
        )
        print(
            f"  reviewkit / bare WeasyPrint (en-metro, one core) = {ratio:.2f} wall, {cpu:.2f} CPU"
        )
    per_page = {
        n: runs.median(f"reviewkit {n}") / pages(outputs[f"reviewkit {n}"]) for n in SAMPLES
    }
    ratio = runs.median("reviewkit zh-huadong") / runs.median("reviewkit en-northfield")
    print(
        f"  Chinese / English pack = {ratio:.2f} whole, "
        f"{per_page['zh-huadong'] / per_page['en-northfield']:.2f} per page  {verdict(ratio, 1.5, 'at most 1.5')}"
    )
    typical = [n for n in SAMPLES if 5 <= pages(outputs[f"reviewkit {n}"]) <= 10]
    slowest = max(runs.median(f"reviewkit {n}") for n in typical)
    print(
        f"  slowest 5-10 page pack ({', '.join(typical)}) {slowest:.2f} s  "
        f"{verdict(slowest, 1.3, 'at most 1.3 s')}"
    )
    peak = max(runs.memory[f"reviewkit {n}"] for n, (_, lang) in SAMPLES.items() if lang == "en")
    print(f"  reviewkit peak memory, English {peak} MB  {verdict(peak, 100, 'at most 100 MB')}")
    peak = max(runs.memory[f"reviewkit {n}"] for n, (_, lang) in SAMPLES.items() if lang == "zh")
    print(f"  reviewkit peak memory, Chinese {peak} MB")

    large: dict[str, list[str]] = {}
    for count in (60, 200):
        deal = work / f"chain-{count}.yaml"
        deal.write_text(chain_deal(count), encoding="utf-8")
        outputs[f"{count} people"] = work / f"chain-{count}.pdf"
        large[f"{count} people"] = render_command(deal, outputs[f"{count} people"])
    runs = compare(large, args.large_runs, warm_up=False)
    print(f"Large decision chains: {args.large_runs} runs each, interleaved")
    for name in runs.times:
        show(runs, name, pages(outputs[name]))
    slowest = runs.median("200 people")
    print(f"  200 people {slowest:.2f} s  {verdict(slowest, 8.0, 'under 8 s')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
