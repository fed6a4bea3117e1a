"""reviewkit: deal files, stage checklists and review-meeting packs for B2B project sales."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Deal",
    "Finding",
    "InvalidFile",
    "Playbook",
    "ReviewkitError",
    "__version__",
    "build_pack",
    "check_deal",
    "load_deal",
    "load_playbook",
    "render_pack",
]


def __getattr__(name: str) -> object:
    """Import the public API on first use, so `reviewkit --help` stays fast."""
    if name in ("Deal", "load_deal"):
        from reviewkit.model import deal

        return getattr(deal, name)
    if name == "Finding":
        from reviewkit.judge.findings import Finding

        return Finding
    if name in ("InvalidFile", "ReviewkitError"):
        from reviewkit import errors

        return getattr(errors, name)
    if name in ("Playbook", "load_playbook"):
        from reviewkit.model import playbook

        return getattr(playbook, name)
    if name == "check_deal":
        from reviewkit.judge.engine import check_deal

        return check_deal
    if name == "build_pack":
        from reviewkit.present.pack import build_pack

        return build_pack
    if name == "render_pack":
        from reviewkit.ops.render import render_pack

        return render_pack
    raise AttributeError(f"module 'reviewkit' has no attribute {name!r}")
