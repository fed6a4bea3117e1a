"""`reviewkit diff`: what changed in a deal between two versions, as text or as JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from reviewkit.judge.changes import Change, changes_between, load_version, report
from reviewkit.judge.movement import Track, attitude_tracks
from reviewkit.model.config import Settings
from reviewkit.model.deal import Deal, load_deal
from reviewkit.ops.outcome import Outcome
from reviewkit.present.colour import changes as coloured_changes
from reviewkit.present.colour import wanted
from reviewkit.text.labels import label
from reviewkit.text.packtext import pack_text


def diff_command(
    old: str,
    new: Path,
    *,
    format: str,
    reveal_floor: bool,
    today: dt.date,
    playbook: Path | None,
    config: Path | None,
    colour: str = "auto",
) -> Outcome:
    """The changes from `old` (a file, or a git revision of `new`) to `new`."""
    settings = Settings(config, playbook).for_file(new)
    after = load_deal(new, settings.playbook, language=settings.language)
    before = load_version(new, old, settings)
    changes = changes_between(before, after, today, settings, reveal_floor)
    tracks = attitude_tracks(after)
    if format == "json":
        document = diff_document(before, after, changes)
        document["attitudes"] = [
            {"name": t.name, "steps": [{"date": d, "attitude": a} for d, a in t.steps]}
            for t in tracks
        ]
        return Outcome(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    text = report(changes, after.language, f"{before.display} → {after.display}")
    reversal = pack_text(after.language)["reversal"]
    text += tracks_text(tracks, after.language)
    return Outcome(coloured_changes(text, reversal, wanted(colour, sys.stdout)))


def tracks_text(tracks: list[Track], lang: str) -> str:
    """Each person's attitude over the file's versions, one line each ("" when none moved)."""
    if not tracks:
        return ""
    t = pack_text(lang)
    lines = [f"{t['attitude_over_time']}{t['colon'].rstrip()}"]
    for track in tracks:
        steps = " → ".join(
            label("attitude", key, lang) + (f" ({date})" if date else "")
            for date, key in track.steps
        )
        lines.append(f"  {track.name}{t['colon']}{steps}")
    return "\n".join(lines) + "\n"


def diff_document(before: Deal, after: Deal, changes: list[Change]) -> dict[str, Any]:
    """The JSON document of `diff --format json`: both versions named, then each change."""
    return {
        "old": before.display,
        "new": after.display,
        "changes": [
            {
                "kind": c.kind,
                "subject": c.subject,
                "before": c.before,
                "after": c.after,
                "line": c.line,
                "column": c.column,
                "reversal": c.reversal,
                "text": c.text(after.language),
            }
            for c in changes
        ],
    }
