"""Make the README's pictures from the samples: a pack's first page, a decision-chain map, the
pipeline page over samples/ and portfolio/, and the lessons of the portfolio's lost deals.

    make pictures        (needs pdftoppm, from poppler-utils)

Every picture is rendered by reviewkit itself from a file in samples/; nothing is drawn
by hand, so the pictures show what users get.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from reviewkit.model.deal import load_deal
from reviewkit.ops.render import render_pack
from reviewkit.present.figures import chain_map
from reviewkit.present.pack import PackOptions, build_pack
from reviewkit.present.pdf import html_to_pdf

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TODAY = dt.date(2026, 12, 1)
PAGES = {  # sample: (picture name, page numbers)
    "northfield-core-network": ("pack-en", [1, 3]),
    "huadong-grid-dispatch": ("pack-zh", [1]),
}
MAP_PAGE = """<html><head><style>
@page {{ size: {width}px {height}px; margin: 0 }}
body {{ margin: 0 }} svg {{ display: block }}
</style></head><body>{svg}</body></html>"""


def png(pdf: Path, page: int, target: Path, resolution: int) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-singlefile",
            "-r",
            str(resolution),
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    print(f"wrote {target.relative_to(ROOT)}")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="rk-pictures-"))
    for sample, (name, pages) in PAGES.items():
        pdf = work / f"{sample}.pdf"
        render_pack(ROOT / "samples" / f"{sample}.yaml", format="pdf", output=str(pdf), today=TODAY)
        for page in pages:
            png(pdf, page, DOCS / f"{name}-page{page}.png", 80)
    deal = load_deal(ROOT / "samples" / "northfield-core-network.yaml")
    svg = chain_map(build_pack(deal, PackOptions(today=TODAY)))
    width, height = (int(v) for v in svg.split('viewBox="0 0 ')[1].split('"')[0].split())
    data, _ = html_to_pdf(MAP_PAGE.format(width=width, height=height, svg=svg))
    (work / "map.pdf").write_bytes(data)
    png(work / "map.pdf", 1, DOCS / "chain-map.png", 150)
    views = [
        (["pipeline", "samples", "portfolio"], "pipeline.png"),
        (["lessons", "portfolio"], "lessons.png"),
    ]
    for command, name in views:
        pdf = work / f"{command[0]}.pdf"
        reviewkit = [str(Path(sys.executable).parent / "reviewkit")]
        options = ["--format", "pdf", "-o", str(pdf)]
        dated = ["--today", TODAY.isoformat()] if command[0] == "pipeline" else []
        subprocess.run([*reviewkit, *command, *options, *dated], check=True, cwd=ROOT)
        png(pdf, 1, DOCS / name, 80)


if __name__ == "__main__":
    main()
