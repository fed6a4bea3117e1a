"""The rules `check` applies, one concern per module."""
