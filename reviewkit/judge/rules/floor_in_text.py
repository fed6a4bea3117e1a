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

from collections.abc import Iterator, Sequence

from reviewkit.judge.findings import Finding, Review
from reviewkit.judge.floor import Redactor, floor_amount, mentions, redacted
from reviewkit.model.dealformat import entry_name
from reviewkit.text.fields import field_place

SLUG = "floor-in-text"
SEVERITY = "error"


def check(review: Review) -> Iterator[Finding]:
    data = review.deal.data
    hide = Redactor([floor_amount(data)], redacted(review.lang)).text

    def names(path: Sequence[str | int]) -> str | None:
        # The entry is named by its own words, the figure taken out before they are shortened.
        name = entry_name(data, path)
        return None if name is None else hide(name)

    for path in mentions(data):
        yield review.finding(path, "floor-in-text", where=field_place(path, review.lang, names))
