"""The floor figure is written into a text field.

Checks every text of the deal file for the amount of `strategy.commercial.floor`, in the
forms people write it: 10900000, 10,900,000, 10900000.00, 1090万, 1,090 万, 10.9M,
10.9 million. Figures below 1000 are not searched.

Why: the floor is withheld from packs, but a note that quotes it would carry it into every
pack, diff and message. "Before the bid only one person knows the final price."

Fix: take the figure out of the text; say "the floor" instead. (Messages and packs show the
figure as "[floor withheld]" meanwhile.)

PASS:

    reviewkit: 1
    deal: {name: Example, stage: bidding, confidential: true}
    strategy:
      commercial:
        approach: Hold the price; concede on services
        floor: {amount: 10900000, currency: CNY}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: bidding, confidential: true}
    strategy:
      commercial:
        approach: We could go down to 1090万 if pressed
        floor: {amount: 10900000, currency: CNY}
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.findings import Finding, Review
from reviewkit.judge.floor import mentions
from reviewkit.text.fields import field_place

SLUG = "floor-in-text"
SEVERITY = "error"


def check(review: Review) -> Iterator[Finding]:
    for path in mentions(review.deal.data):
        yield review.finding(path, "floor-in-text", where=field_place(path, review.lang))
