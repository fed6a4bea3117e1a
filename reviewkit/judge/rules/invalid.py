"""The file is not valid YAML or not a valid deal file.

Reported by the engine itself, for a file `check` cannot load: YAML syntax errors, unknown
keys, values of the wrong type, values outside an enumeration, dates that are not dates, a
stage or checklist item the playbook does not know. The message names the allowed values or
the closest known key. An invalid file makes `check` exit 2, and cannot be suppressed.

Why: every other rule reads the deal data; a file that cannot be read cannot be checked,
and a misspelt key would silently be no data at all.

Fix: correct the file at the place given; `reviewkit schema` writes a JSON Schema that lets
an editor check deal files as they are typed.

PASS:

    reviewkit: 1
    deal: {name: Example, stage: relationship}

FAIL:

    reviewkit: 1
    deal: {name: Example, stage: relationship, stauts: won}
"""

from __future__ import annotations

SLUG = "invalid"
SEVERITY = "error"
