"""Shared fixtures: writing deal files, the default playbook, a fixed 'today', golden files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewkit.model.config import Config, Settings
from reviewkit.model.deal import Deal, load_deal
from reviewkit.model.discover import deal_files
from reviewkit.model.playbook import Playbook, load_playbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = dt.date(2026, 12, 1)
#: Every sample deal, found as `check samples/` finds them (configs and playbooks skipped).
SAMPLE_DEALS = deal_files([SAMPLES])

#: The smallest valid deal file; tests append to it.
MINIMAL = """\
reviewkit: 1
deal:
  name: Test deal
  stage: relationship
"""


#: A deal at discovery whose every discovery item holds (nothing left to do but move on).
COMPLETE_DISCOVERY = """\
reviewkit: 1
deal:
  name: Clean deal
  stage: discovery
background:
  customer:
    business: Growing
    organization: Three divisions
    it_landscape: Old core
  project:
    budget: {amount: 1000000, currency: CNY}
    timeline: Tender in March
    procurement_process: Open tender
    channels: Eastbridge
decision_chain:
  - name: Wang Qiang
    roles: [decision-maker]
    influence: high
    attitude: supporter
  - name: Liu Jianguo
    influence: medium
  - name: Zhou Lin
    influence: low
competitors:
  - name: Rivalnet
    strengths: [incumbent]
    weaknesses: [slow spares]
    sales_rep: {name: Huang Bin}
checklist:
  discovery:
    needs-confirmed: {status: yes, evidence: Restated in the 11-20 meeting}
"""


#: git with a throw-away identity, never signing.
GIT = (
    "git",
    "-c",
    "user.name=t",
    "-c",
    "user.email=t@example.invalid",
    "-c",
    "commit.gpgsign=false",
)


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Run git in a scratch repository, optionally with a commit date (YYYY-MM-DD)."""
    env = dict(os.environ)
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T10:00:00+00:00"
    done = subprocess.run(
        [*GIT, "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout


def load_sample(path: Path) -> tuple[Deal, Config]:
    """A sample deal loaded with the settings that apply to it (its folder's reviewkit.yaml)."""
    config = Settings().for_file(path)
    return load_deal(path, config.playbook, language=config.language), config


def pytest_configure(config: pytest.Config) -> None:
    """Keep the suite's compiled-template cache out of the user's home folder."""
    cache = Path(config.rootpath) / ".pytest_cache" / "xdg-cache"
    os.environ["XDG_CACHE_HOME"] = str(cache)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden pack files from the current output (then review the diff)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write(text, name='deal.yaml') -> path of a file holding the dedented text."""

    def _write(text: str, name: str = "deal.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def playbook() -> Playbook:
    return load_playbook()
