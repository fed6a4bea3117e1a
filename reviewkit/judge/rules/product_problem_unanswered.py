"""An open problem with our product at the customer, with no response.

Checks every entry under `product_problems:` of an open deal whose `whose` names us ("us", "我方", ...) and
whose `status` is open (or not given): it needs a `response`.

Why: the course's lesson on a product problem at the customer: know the competitor's
problems, explain our own, guarantee after-sales service, show good reference cases. A
problem of ours left unanswered is the competitor's best argument.

Fix: write our `response` (the explanation, the after-sales guarantee, the reference case),
or mark the problem `status: resolved`.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: solution}
    product_problems:
      - whose: us
        problem: Two controller reboots at the customer's Jinan branch
        response: Firmware fix installed; 24x7 on-site engineer through acceptance

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: solution}
    product_problems:
      - whose: us
        problem: Two controller reboots at the customer's Jinan branch
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewkit.judge.facts import is_unanswered_problem
from reviewkit.judge.findings import Finding, Review, clip

SLUG = "product-problem-unanswered"
SEVERITY = "warning"


def check(review: Review) -> Iterator[Finding]:
    if not review.deal.is_open:
        return
    for index, problem in enumerate(review.deal.data["product_problems"]):
        if is_unanswered_problem(problem):
            yield review.finding(
                ("product_problems", index),
                "product-problem-unanswered",
                problem=clip(problem["problem"], 120),
            )
