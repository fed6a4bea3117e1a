"""`reviewkit render FILE --watch`: re-render the HTML pack each time the deal file is saved.

The page reloads itself in the browser (a meta refresh in the watched copy only): no server,
no network. A save that breaks the file prints its problems and keeps watching; Ctrl-C ends
the watch, exit 0.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from reviewkit.errors import ReviewkitError
from reviewkit.ops.outcome import Outcome
from reviewkit.ops.render import PackRequest, make_pack, names_folder, output_format, write_pack
from reviewkit.text.catalogue import FALLBACK, say
from reviewkit.text.errors import error

#: How often the deal file is looked at, and how often the page reloads, in seconds.
POLL = 0.1
RELOAD = 1
_REFRESH = f'<head>\n<meta http-equiv="refresh" content="{RELOAD}">'


def _stamp(path: Path) -> tuple[int, int] | None:
    """What changes when the file is saved: its modification time and size (None: gone)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def render_watched(path: Path, request: PackRequest, output: str | None) -> tuple[Path, str]:
    """Render the HTML pack once, with the reload line; return where it went and its language."""
    target, data, lang = make_pack(path, request, output)
    if target is None:
        raise error("watch-to-stdout")
    assert isinstance(data, str)
    write_pack(target, data.replace("<head>", _REFRESH, 1))
    return target, lang


def watch_command(
    path: Path,
    request: PackRequest,
    output: str | None,
    echo: Callable[[str], None],
    rounds: int | None = None,
) -> Outcome:
    """Render now and after every save of `path` until Ctrl-C (or `rounds` looks, for tests)."""
    chosen = request.format or "html"
    if request.format is None and output not in (None, "-") and not names_folder(str(output)):
        chosen = output_format(None, output)  # `-o pack.html`
    if chosen != "html":
        raise error("watch-html", format=chosen)
    if path.is_dir():
        raise error("watch-one")
    request = replace(request, format="html")
    target, lang = render_watched(path, request, output)  # a bad file stops here: exit 2
    echo(say(lang, "cli.watching", path=path, target=target))
    seen = _stamp(path)
    try:
        while rounds is None or rounds > 0:
            rounds = None if rounds is None else rounds - 1
            time.sleep(POLL)
            now = _stamp(path)
            if now == seen or now is None:
                continue
            seen = now
            try:
                target, lang = render_watched(path, request, output)
                echo(say(lang, "cli.rerendered", path=target, time=time.strftime("%H:%M:%S")))
            except ReviewkitError as exc:  # a half-typed file: say why, keep watching
                for line in exc.lines():
                    echo(line)
    except KeyboardInterrupt:
        return Outcome(err=(say(lang or FALLBACK, "cli.watch-stopped"),))
    return Outcome()
