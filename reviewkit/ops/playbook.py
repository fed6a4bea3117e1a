"""`reviewkit playbook show`: the playbook in use, its stages, items, rules and gates."""

from __future__ import annotations

from pathlib import Path

from reviewkit.model.config import Settings
from reviewkit.model.playbook import describe
from reviewkit.ops.outcome import Outcome


def playbook_show_command(playbook: Path | None, config: Path | None, lang: str | None) -> Outcome:
    """The playbook of the current folder, described in `lang` (default: the config's, else en)."""
    settings = Settings(config, playbook).for_folder(Path.cwd())
    return Outcome(describe(settings.playbook, lang or settings.language or "en"))
