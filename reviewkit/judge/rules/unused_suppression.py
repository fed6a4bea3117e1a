"""A suppression in the deal file that matches no finding.

Reported by the engine itself, for each entry under `suppress:` that removed no finding: its
`rule` (with its `stage` and `item`, where given) reported nothing in this deal.

Why: a suppression hides a rule's findings, with a reason, for one deal. Once the gap is
closed, the entry only hides the next gap of the same kind: it should go.

Fix: delete the entry (or correct its `stage` or `item` if it was meant for another place).

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    decision_chain:
      - {name: Luo Jianhua, influence: high}
    suppress:
      - {rule: attitude-unknown, reason: New in post; we meet him next week}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship}
    suppress:
      - {rule: floor-in-text, reason: Old habit}
"""

from __future__ import annotations

SLUG = "unused-suppression"
SEVERITY = "info"
