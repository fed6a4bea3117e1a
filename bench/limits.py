"""A deal at every size limit of the deal format, rendered as a PDF: time and peak memory.

    .venv/bin/python bench/limits.py [--runs 1] [--scale 1.0]

The deal has the most people, partners, competitors, dynamics, visits, product problems,
actions (each aimed at the most people), history entries and list items the format accepts (model/dealformat.py LIMITS), each text as long as a
real note gets. Target: `render --format pdf` under 10 s and 500 MB. `--scale 0.5` builds
a deal at half the limits (to see how the cost grows).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import BIN, ROOT, compile_package, measure, verdict

sys.path.insert(0, str(ROOT))

from reviewkit.model.dealformat import LIMITS

NOTE = (
    "Met the department head twice; she wants the migration done before the audit in "
    "spring and asked for references from two other provincial operators. "
)


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def deal_at_limits(scale: float = 1.0) -> str:
    """The text of a valid deal file with every list at its limit (times `scale`)."""

    def n(key: str) -> int:
        return max(1, int(LIMITS[key] * scale))

    note = quoted(NOTE)
    lines = [
        "reviewkit: 1",
        "deal:",
        "  name: Provincial core network upgrade",
        "  customer: Provincial Mobile",
        "  stage: bidding",
        "  confidential: true",
        "  value: {amount: 12000000, currency: CNY}",
        "background:",
        "  project:",
        f"    summary: {note}",
        f"    needs: [{', '.join(quoted(f'need {i}') for i in range(n('list')))}]",
        "decision_chain:",
    ]
    roles = ["decision-maker", "technical", "user", "gatekeeper", "advisor"]
    attitudes = ["opposer", "non-supporter", "acknowledger", "supporter", "ally"]
    for i in range(n("decision_chain")):
        lines += [
            f"  - name: Person {i:04d}",
            f"    title: Deputy director of division {i % 17}",
            f"    roles: [{roles[i % 5]}]",
            f"    influence: {['high', 'medium', 'low'][i % 3]}",
            f"    attitude: {attitudes[i % 5]}",
            f"    profile: {note}",
        ]
    lines.append("partners:")
    for i in range(n("partners")):
        lines += [f"  - name: Integrator {i}", "    role: integrator", f"    background: {note}"]
    lines.append("competitors:")
    for i in range(n("competitors")):
        lines += [
            f"  - name: Rival {i}",
            "    strengths: [incumbent, price]",
            "    weaknesses: [slow spares]",
            f"    sales_rep: {{name: Rep {i}}}",
        ]
    lines.append("dynamics:")
    for i in range(n("dynamics")):
        lines += [
            f"  - date: 2026-{1 + i % 11:02d}-{1 + i % 27:02d}",
            "    party: competitor",
            f"    event: {note}",
        ]
    lines.append("visits:")
    for i in range(n("visits")):
        lines += [
            f"  - date: 2026-{1 + i % 11:02d}-{1 + i % 27:02d}",
            f"    host: {'us' if i % 2 else f'Rival {i % 20}'}",
            f"    site: {note}",
            f"    attendees: [{', '.join(f'Person {j:04d}' for j in range(i % 7))}]",
            f"    accompanied: {'true' if i % 3 else 'false'}",
        ]
    lines.append("product_problems:")
    for i in range(n("product_problems")):
        lines += [f"  - whose: {'us' if i % 2 else 'Rival 1'}", f"    problem: {note}"]
    lines.append("actions:")
    people = n("decision_chain")
    for i in range(n("actions")):
        aimed = ", ".join(f"Person {j % people:04d}" for j in range(i, i + n("list")))
        lines += [
            f"  - what: {note}",
            f"    owner: Owner {i % 9}",
            f"    due: 2026-{1 + i % 11:02d}-{1 + i % 27:02d}",
            f"    with: [{aimed}]",
        ]
    lines.append("history:")
    for i in range(n("history")):
        lines.append(
            f"  - {{date: 2026-01-{1 + i % 27:02d}, from: discovery, to: qualification,"
            " forced: false}"
        )
    lines += [
        "strategy:",
        "  commercial:",
        "    floor: {amount: 10900000, currency: CNY}",
        f"    approach: {quoted('x ' * (LIMITS['text'] // 2 - 1))}",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    compile_package()
    work = Path(tempfile.mkdtemp(prefix="rk-limits-"))
    deal = work / "limits.yaml"
    deal.write_text(deal_at_limits(args.scale), encoding="utf-8")
    print(f"deal at {args.scale:g} x the limits: {deal.stat().st_size:,} bytes")
    print("limits: " + ", ".join(f"{k} {v:,}" for k, v in LIMITS.items()))
    reviewkit = str(BIN / "reviewkit")
    check = [reviewkit, "check", str(deal), "--today", "2026-12-01"]
    render = [reviewkit, "render", str(deal), "-f", "pdf", "-o", str(work / "p.pdf")]
    seconds, mb = measure(check)
    print(f"check:               {seconds:6.2f} s  {mb:5d} MB peak")
    worst_time, worst_mb = 0.0, 0
    for _ in range(args.runs):
        seconds, mb = measure([*render, "--today", "2026-12-01"])
        worst_time, worst_mb = max(worst_time, seconds), max(worst_mb, mb)
    ok = (work / "p.pdf").exists()
    if not ok:
        print("the deal at the limits did not render")
    print(f"render --format pdf: {worst_time:6.2f} s  {worst_mb:5d} MB peak (worst of {args.runs})")
    print(verdict(worst_time, 10, "under 10 s"), verdict(worst_mb, 500, "under 500 MB"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
