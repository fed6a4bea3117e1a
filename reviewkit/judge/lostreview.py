"""The lost-deal review: what was unmet when the deal was lost, when each gap opened, what to learn.

"Project management is lost-deal management." For a deal with `status: lost` the pack
adds the outcome, the checklist items and gates that did not hold at the end, the stage at
which each gap opened — read from the file's git history where there is one, else from
the `history` that `advance` records, else the item's own stage — and lessons: the rep's
own, then the lessons the playbook attaches to each gap (`lesson:`), marked as the course's
case or reviewkit's own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reviewkit.errors import InvalidFile
from reviewkit.judge.facts import open_work
from reviewkit.judge.findings import Review
from reviewkit.model import git
from reviewkit.model.config import Config
from reviewkit.model.deal import Deal, parse_deal
from reviewkit.model.playbook import Lesson, Playbook, tr
from reviewkit.text.catalogue import say

#: How many past versions of a file are read, newest first.
MAX_VERSIONS = 200


@dataclass(frozen=True)
class Gap:
    stage: str
    item: str  # item key, or "gate"
    label: str
    state: str
    opened: str  # the stage at which the gap opened, in words
    since: str  # when (a date), or ""


def open_at_close(deal: Deal, config: Config) -> dict[tuple[str, str], str]:
    """(stage, item) → state of every item and gate (as 'gate') up to the deal's stage that
    did not hold when it closed (judged on the outcome's date; a version's own stage)."""
    review = Review(deal, deal.data["outcome"]["date"] or dt.date.today(), config)
    stages = deal.playbook.stages[: deal.stage_index + 1]
    return {
        (stage.key, item.key if item else "gate"): state
        for stage, item, state in open_work(review, stages)
    }


def gaps_at_loss(deal: Deal, config: Config, lang: str) -> list[Gap]:
    """The gaps of a lost deal, each with the stage (and date) at which it opened."""
    final = open_at_close(deal, config)
    opened = _opened_in_git(deal, config, final)
    _add_opened_in_history(deal, final, opened)
    gaps = []
    for (stage_key, item_key), state in final.items():
        where, when = opened.get((stage_key, item_key), (stage_key, ""))
        where_label = (
            tr(deal.playbook.stage(where).label, lang) if where in deal.playbook.index else where
        )
        name = _gap_label(deal, stage_key, item_key, lang)
        gaps.append(Gap(stage_key, item_key, name, state, where_label, when))
    return gaps


def _opened_in_git(
    deal: Deal, config: Config, final: dict[tuple[str, str], str]
) -> dict[tuple[str, str], tuple[str, str]]:
    """(stage, item) → (stage, date) at which each final gap opened, as git's versions show."""
    opened: dict[tuple[str, str], tuple[str, str]] = {}
    history = git.versions(deal.path, MAX_VERSIONS) if deal.path.exists() else []
    if history:
        # Walk from the newest version back while a gap stays open: its opening is the
        # oldest version of that unbroken run.
        parsed: list[tuple[str, Deal]] = []
        for date, text in history:
            try:
                parsed.append(
                    (date, parse_deal(text, deal.path, deal.playbook, language=deal.language))
                )
            except InvalidFile:
                continue
        states = [(date, version, open_at_close(version, config)) for date, version in parsed]
        for key in final:
            run_start = None
            for index in range(len(states) - 1, -1, -1):
                if key not in states[index][2]:
                    break
                run_start = index
            # Open in the oldest version we have: when it opened is not known from git.
            if run_start is not None and run_start > 0:
                date, version, _ = states[run_start]
                opened[key] = (version.stage, date)
    return opened


def _add_opened_in_history(
    deal: Deal, final: dict[tuple[str, str], str], opened: dict[tuple[str, str], tuple[str, str]]
) -> None:
    """Add the openings the deal's own `history:` records for gaps git did not date."""
    for entry in deal.data["history"]:
        for name in entry["open"]:
            stage, _, item = name.partition("/")
            if (stage, item) in final and (stage, item) not in opened and entry["from"]:
                opened[(stage, item)] = (
                    entry["from"],
                    entry["date"].isoformat() if entry["date"] else "",
                )


def _gap_label(deal: Deal, stage_key: str, item_key: str, lang: str) -> str:
    """The name of a gap: its item's label, or its stage's gate's."""
    stage = deal.playbook.stage(stage_key)
    if item_key == "gate":
        assert stage.gate is not None
        return tr(stage.gate.label, lang)
    return next(tr(i.label, lang) for i in stage.items if i.key == item_key)


#: At most this many of the playbook's lessons are added: the ones that weigh most.
MAX_PLAYBOOK_LESSONS = 6


def told(lesson: Lesson, lang: str) -> str:
    """A playbook lesson in `lang`, saying whose it is: the course's case, reviewkit's own,
    or (no mark) the playbook author's."""
    text = tr(lesson.text, lang)
    return say(lang, f"lesson.from.{lesson.source}", lesson=text) if lesson.source else text


def lessons(own: list[str], gaps: list[Gap], playbook: Playbook, lang: str) -> list[str]:
    """The rep's own lessons first, then those the playbook attaches to the gaps: gates
    first, then items not met at all, then partly met ones (each once)."""
    rank = {"unmet": 0, "unanswered": 0, "unknown": 1, "partial": 2}
    ordered = [g for g in gaps if g.item == "gate"] + sorted(
        (g for g in gaps if g.item != "gate"), key=lambda g: rank.get(g.state, 3)
    )
    found = [playbook.lesson(g.stage, g.item) for g in ordered]
    taught = list(dict.fromkeys(told(x, lang) for x in found if x is not None))
    return list(own) + taught[:MAX_PLAYBOOK_LESSONS]
