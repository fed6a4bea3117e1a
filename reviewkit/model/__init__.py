"""Bytes to YAML nodes to `Deal`, `Playbook` and `Config`: the formats, their schema, the loaders."""
