"""`reviewkit.yaml`: a team's settings, found from a deal's folder upward (or named with --config).

    playbook: playbooks/meddpicc.yaml   # relative to this file
    language: zh                        # for deals that do not set deal.language
    select: [checklist, gate, action-overdue]   # only these rules (default: all)
    ignore: [single-threaded]           # never these
    severity: {action-incomplete: error, attitude-unknown: info}
    thresholds: {stale_review_days: 21, min_decision_chain: 3}
    exclude: ["playbooks/*", "archive/**"]      # files under this folder that are not deals

The nearest file wins; settings are not merged across folders.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
from dataclasses import dataclass, field
from pathlib import Path

from reviewkit.errors import InvalidFile, ReviewkitError
from reviewkit.model.playbook import Playbook, load_playbook
from reviewkit.model.rulenames import RULE_SLUGS, SEVERITIES
from reviewkit.model.schema import Context, Enum, Integer, ListOf, Struct, Text
from reviewkit.model.version import check_version
from reviewkit.model.yamlread import read_mapping
from reviewkit.text.errors import error

CONFIG_NAME = "reviewkit.yaml"
CONFIG_VERSION = 1
RULE = Enum("rule", RULE_SLUGS)
SCHEMA = Struct(
    {
        "reviewkit-config": Integer(),
        "playbook": Text(),
        "language": Enum("language"),
        "select": ListOf(RULE),
        "ignore": ListOf(RULE),
        "severity": Struct({slug: Enum("severity", SEVERITIES) for slug in RULE_SLUGS}),
        "thresholds": Struct({"stale_review_days": Integer(), "min_decision_chain": Integer()}),
        "exclude": ListOf(Text()),
    }
)


@dataclass(frozen=True)
class Thresholds:
    stale_review_days: int = 30
    min_decision_chain: int = 2


@dataclass(frozen=True, eq=False)
class Config:
    """Settings for the deals under one folder; `Config()` is reviewkit's defaults."""

    path: Path | None = None
    playbook_path: Path | None = None
    language: str | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    thresholds: Thresholds = Thresholds()
    exclude: tuple[str, ...] = ()

    @functools.cached_property
    def playbook(self) -> Playbook:
        return load_playbook(self.playbook_path)

    def applies(self, rule: str) -> bool:
        if rule == "invalid":
            return True
        return rule not in self.ignore and (self.select is None or rule in self.select)

    def excludes(self, path: Path) -> bool:
        """Whether `path` is one of this config's excluded files (or the config itself)."""
        if path.name == CONFIG_NAME:
            return True
        if self.path is None or not self.exclude:
            return False
        try:
            relative = path.resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            return False
        return any(
            fnmatch.fnmatch(relative, pattern)
            or fnmatch.fnmatch(relative, pattern.rstrip("/") + "/*")
            for pattern in self.exclude
        )


DEFAULT = Config()


@functools.lru_cache(maxsize=256)
def find_config(folder: Path) -> Path | None:
    """The nearest reviewkit.yaml in `folder` or above it."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


@functools.lru_cache(maxsize=64)
def load_config(path: Path) -> Config:
    """Read and validate a config file; raise InvalidFile with every problem found."""
    display = str(path)
    root = read_mapping(path, display, what="not-mapping-config", empty_ok=True)
    if root is None:
        return Config(path=path)  # an empty config: all defaults
    ctx = Context(display)
    data = SCHEMA.load_document(root, ctx)
    version = data["reviewkit-config"]
    if version is not None:
        at = ctx.positions[("reviewkit-config",)]
        kind = "config-version"
        check_version(at, version, ctx, supported=CONFIG_VERSION, too_new=kind, too_old=kind)
    for name in ("stale_review_days", "min_decision_chain"):
        value = data["thresholds"][name]
        if value is not None and value < 1:
            ctx.report(ctx.positions[("thresholds", name)], "bad-threshold", key=name, value=value)
    playbook_path = None
    if data["playbook"]:
        playbook_path = (path.parent / data["playbook"]).resolve()
        if not playbook_path.is_file():
            ctx.report(
                ctx.positions[("playbook",)],
                "missing-playbook",
                value=data["playbook"],
                where=str(playbook_path),
            )
    if ctx.problems:
        raise InvalidFile(display, sorted(ctx.problems, key=lambda p: (p.line, p.column)))
    defaults = Thresholds()
    config = Config(
        path=path,
        playbook_path=playbook_path,
        language=data["language"],
        select=frozenset(data["select"]) if data["select"] else None,
        ignore=frozenset(data["ignore"]),
        severity={rule: level for rule, level in data["severity"].items() if level},
        thresholds=Thresholds(
            data["thresholds"]["stale_review_days"] or defaults.stale_review_days,
            data["thresholds"]["min_decision_chain"] or defaults.min_decision_chain,
        ),
        exclude=tuple(data["exclude"]),
    )
    try:
        config.playbook  # noqa: B018 - load it now, so its problems surface with the config
    except InvalidFile:
        raise
    except ReviewkitError as exc:
        raise error(
            "config-playbook", display=display, message=exc.message, hint=exc.hint
        ) from None
    return config


class Settings:
    """Which config applies to which file: --config for all, or the nearest one per folder."""

    def __init__(
        self,
        config: Path | None = None,
        playbook: Path | None = None,
        select: frozenset[str] | None = None,
        ignore: frozenset[str] = frozenset(),
    ) -> None:
        self.forced = load_config(config) if config is not None else None
        self.playbook_override = playbook
        self.rules = (select, ignore)  # `check --select/--ignore`: over the config's

    def for_folder(self, folder: Path) -> Config:
        config = self.forced
        if config is None:
            found = find_config(folder.resolve())
            config = load_config(found) if found else DEFAULT
        if self.playbook_override is not None:
            config = _with_playbook(config, self.playbook_override.resolve())
        if self.rules != (None, frozenset()):
            config = _with_rules(config, *self.rules)
        return config

    def for_file(self, path: Path) -> Config:
        return self.for_folder(path.parent)


@functools.lru_cache(maxsize=16)
def _with_playbook(config: Config, playbook: Path) -> Config:
    return Config(
        path=config.path,
        playbook_path=playbook,
        language=config.language,
        select=config.select,
        ignore=config.ignore,
        severity=config.severity,
        thresholds=config.thresholds,
        exclude=config.exclude,
    )


@functools.lru_cache(maxsize=16)
def _with_rules(config: Config, select: frozenset[str] | None, ignore: frozenset[str]) -> Config:
    """The config with the command line's rule choice: `--select` replaces the config's
    `select`, `--ignore` adds to its `ignore`."""
    return dataclasses.replace(
        config, select=config.select if select is None else select, ignore=config.ignore | ignore
    )
