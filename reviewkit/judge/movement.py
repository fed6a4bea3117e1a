"""How each decision-chain person's attitude to us moved over the reviews: read from the deal
file's committed versions (git), and the file as it is now."""

from __future__ import annotations

from dataclasses import dataclass

from reviewkit.errors import InvalidFile
from reviewkit.model import git
from reviewkit.model.deal import Deal, parse_deal

#: How many past versions of a file are read, newest first: a year of weekly reviews. Each
#: costs a parse (about 3 ms), paid on every render of a file kept in git.
MAX_VERSIONS = 60


@dataclass(frozen=True)
class Track:
    """One person's attitude over the versions: (date, attitude key) at each change, oldest
    first; the first step is the attitude first recorded."""

    name: str
    steps: tuple[tuple[str, str], ...]


def attitude_tracks(deal: Deal) -> list[Track]:
    """Every person whose attitude changed across the file's versions, in the order of the
    decision chain now (people no longer on it last). Empty outside git."""
    versions = git.versions(deal.path, MAX_VERSIONS) if deal.path.exists() else []
    if not versions:
        return []
    dated: list[tuple[str, Deal]] = []
    for date, text in versions:
        try:
            dated.append((date, parse_deal(text, deal.path, deal.playbook, language=deal.language)))
        except InvalidFile:
            continue
    now = deal.path.read_text(encoding="utf-8-sig")
    if now != versions[-1][1]:  # changes not committed yet: the file as it is now
        when = deal.data["review"]["date"]
        dated.append((when.isoformat() if when else "", deal))
    order = [p["name"] for p in deal.data["decision_chain"] if p["name"]]
    steps: dict[str, list[tuple[str, str]]] = {}
    for date, version in dated:
        for person in version.data["decision_chain"]:
            name = (person["name"] or "").strip()
            if not name:
                continue
            attitude = person["attitude"] or "unknown"
            track = steps.setdefault(name, [])
            if not track or track[-1][1] != attitude:
                track.append((date, attitude))
    names = order + [n for n in steps if n not in order]
    return [Track(n, tuple(steps[n])) for n in names if len(steps.get(n, ())) > 1]
