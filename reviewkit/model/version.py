"""The format version at the top of a deal, playbook or config file: which ones this reviewkit reads."""

from __future__ import annotations

from reviewkit.model.schema import Context, Integer
from reviewkit.model.yamlread import Mapping, Node


def version_node(root: Mapping, key: str) -> Node | None:
    """The value of the top-level version key (`reviewkit`, `reviewkit-playbook`), if given."""
    return next((v for k, v in root.pairs if k.value == key), None)


def read_version(root: Mapping, key: str, ctx: Context) -> tuple[Node | None, int | None]:
    """The version key's node and its number (None when absent, empty or not a number)."""
    node = version_node(root, key)
    return node, Integer().load(node, ctx, (key,)) if node is not None else None


def check_version(
    at: Node | tuple[int, int] | None,
    found: int | None,
    ctx: Context,
    *,
    supported: int,
    too_new: str,
    too_old: str = "bad-version",
) -> bool:
    """Report a version this reviewkit does not read: newer than `supported`, or below 1.

    Returns whether it is newer: then the rest of the file cannot be trusted to mean what it says.
    """
    if found is None:
        return False
    assert at is not None
    if found > supported:
        ctx.report(at, too_new, found=found, supported=supported)
        return True
    if found < 1:
        ctx.report(at, too_old, found=found, value=found)
    return False
