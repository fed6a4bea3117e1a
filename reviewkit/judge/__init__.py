"""A deal's facts and findings: the shared queries, the rule engine and its rules."""
