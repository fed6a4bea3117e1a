"""The text catalogues: one JSON file of `key: text` per language, read once when first needed.

Every word a person reads is a key of `catalogues/en.json` (the fallback for any key another
language lacks) and of each other language's file; `say()` is how code reads them. Text is a
`str.format` template: `{name}` fields are filled from the arguments, `{{` is a brace.

A language is one file named after it (`fr.json`). Folders named in the environment variable
REVIEWKIT_CATALOGUES (separated like PATH) are searched too: a file there adds a language,
or overrides single keys of a shipped one.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from reviewkit.errors import ReviewkitError

#: The language every other one falls back to, key by key.
FALLBACK = "en"
#: The catalogues shipped with reviewkit.
SHIPPED = Path(__file__).parent / "catalogues"
#: The environment variable naming more catalogue folders.
FOLDERS_VARIABLE = "REVIEWKIT_CATALOGUES"


def say(lang: str, key: str, /, **args: object) -> str:
    """The text of `key` in `lang` (else English), its `{fields}` filled from `args`."""
    return _table(lang)[key].format(**args)


def plural(lang: str, key: str, count: int, /, **args: object) -> str:
    """`say` for a counted phrase: `key.one` for a count of 1, else `key.other`; the count
    fills `{count}`."""
    return say(lang, f"{key}.{'one' if count == 1 else 'other'}", count=count, **args)


def has(lang: str, key: str) -> bool:
    """Whether `key` has a text in `lang` or in English."""
    return key in _table(lang)


def texts(lang: str, prefix: str) -> dict[str, str]:
    """Every key under `prefix` (which is cut off) with its text as written, unfilled."""
    return {k[len(prefix) :]: v for k, v in _table(lang).items() if k.startswith(prefix)}


def languages() -> tuple[str, ...]:
    """The languages a catalogue exists for, sorted: the names of the catalogue files."""
    return _languages(os.environ.get(FOLDERS_VARIABLE, ""))


def _table(lang: str) -> dict[str, str]:
    return _merged(lang, os.environ.get(FOLDERS_VARIABLE, ""))


def _folders(extra: str) -> tuple[Path, ...]:
    """Where catalogues are looked for, the first folder winning."""
    return (*(Path(p) for p in extra.split(os.pathsep) if p), SHIPPED)


@functools.cache
def _languages(extra: str) -> tuple[str, ...]:
    found: set[str] = set()
    for folder in _folders(extra):
        if folder.is_dir():
            found.update(
                name[: -len(".json")] for name in os.listdir(folder) if name.endswith(".json")
            )
    return tuple(sorted(found))


@functools.cache
def _merged(lang: str, extra: str) -> dict[str, str]:
    """English, overlaid with `lang`'s own texts: each key of `lang` that is written wins."""
    table = dict(_file_texts(FALLBACK, extra)) if lang != FALLBACK else {}
    table.update(_file_texts(lang, extra))
    return table


@functools.cache
def _file_texts(lang: str, extra: str) -> dict[str, str]:
    """The texts of one language, the shipped file overlaid by files in the added folders."""
    table: dict[str, str] = {}
    for folder in reversed(_folders(extra)):
        path = folder / f"{lang}.json"
        if path.is_file():
            table.update(_read(path))
    return table


def _read(path: Path) -> dict[str, str]:
    try:
        data = _parse_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReviewkitError(f"{path}: cannot read this text catalogue: {exc}") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ReviewkitError(
            f"{path}: a text catalogue is one JSON object of texts",
            hint='write {"key": "text", ...}',
        )
    return {k: v for k, v in data.items() if v}


class _JsonOptions:
    """What the JSON scanner asks of its caller: json.loads' defaults."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = None


def _parse_json(text: str) -> Any:
    """`json.loads(text)`, through the C scanner json.loads itself uses: importing the json
    package compiles its regular expressions, which would cost `check` a few ms at start."""
    try:
        from _json import make_scanner
    except ImportError:  # a Python without the C scanner
        import json

        return json.loads(text)
    scan = make_scanner(_JsonOptions())  # type: ignore[arg-type]  # it reads only these fields
    start = len(text) - len(text.lstrip())
    try:
        data, end = scan(text, start)
    except StopIteration:
        raise ValueError(f"no JSON value at character {start}") from None
    if text[end:].strip():
        raise ValueError(f"more than one JSON value (extra text at character {end})")
    return data
