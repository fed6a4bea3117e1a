"""The course's own case (cases 2-8) as deal-file pieces the rules' tests share."""

from __future__ import annotations

#: A, the decision maker who gains whichever vendor wins, so will take no risk for us.
PERSON_A = """\
  - name: A
    roles: [decision-maker]
    influence: high
    attitude: acknowledger
"""

#: C, hands-on (具体操办): "we are all friends, as long as the equipment is good" - and the
#: competitor's classmate.
PERSON_C = """\
  - name: C
    roles: [technical]
    influence: medium
    attitude: supporter
    competitor_ties: classmate of Kestrel's account manager
"""
