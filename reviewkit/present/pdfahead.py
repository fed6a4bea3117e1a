"""WeasyPrint imported ahead, in a child process, while this process builds the pack's HTML.

A cold `reviewkit render DEAL --format pdf` spends about a quarter of a second importing
WeasyPrint and as long again reading and checking the deal and building the pack's HTML.
The two do not depend on each other, so `ahead` forks a child that imports WeasyPrint (on
the machine's other core) while this process builds the pack; `pdf_renderer` then hands the
HTML to the child and gets the PDF's bytes back. The child runs the same `html_to_pdf` of
`reviewkit.present.pdf` on the same HTML, so the PDF is byte-identical to one made in this
process; everything else stays here: the font check, where the pack goes and the one
rename that writes it (the child writes no file, so nothing is ever half-written).

The `reviewkit` command starts the child first thing when its words read as a PDF render
(`reviewkit/__main__.py`), before the command line's own modules load; `render_command`
(`reviewkit/ops/batch.py`) keeps it for one deal's PDF, starting one if there is none, and
stops it for anything else.

What the user sees does not change:

- An error in the child comes back as the same exception (type and message) and is raised
  here, where it is reported as it would be without the child: WeasyPrint failing to load
  Pango is `OSError` when `pdf_renderer` is called, an error of the render is raised by the
  call that renders. An exception that cannot cross the pipe whole comes back as one of the
  same name and message.
- Ctrl-C: the child ignores SIGINT, this process stops it (SIGKILL) and waits for it as the
  `ahead` block ends, whatever ends it; the kernel also stops the child should this process
  die (PR_SET_PDEATHSIG). No zombie is left, and exit codes are this process's.
- A child that dies without an answer (a crash, the out-of-memory killer) costs time, not
  the pack: the HTML is rendered in this process, as without the child.
- Without `fork` (off Linux), in a process with other threads, or outside an `ahead`
  block, `pdf_renderer` is WeasyPrint in this process, as before.

Messages on the pipes are pickled values, each preceded by its length (8 bytes).
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
import sys
from collections.abc import Callable, Iterator
from typing import Any

# `pickle` (and `re` with it) is imported where it is used, after the fork: the child starts
# its import of WeasyPrint sooner.

Renderer = Callable[[str], tuple[bytes, list[str]]]

_LENGTH = struct.Struct(">Q")
_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    """Whether WeasyPrint can be imported ahead here: on Linux, where `fork` is tested, from a
    process without other threads, Python's or a C library's (a fork copies only the calling
    thread, and a lock another thread held would stay locked in the child)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: Python's own threads are all that can be seen
        threading = sys.modules.get("threading")
        return threading is None or threading.active_count() == 1


class Child:
    """The parent's end of a child that imports WeasyPrint and renders one pack's HTML."""

    def __init__(self, pid: int, to_child: int, from_child: int) -> None:
        self.pid = pid
        self.to_child = to_child
        self.from_child = from_child
        self.answered = False
        self.reaped = False

    def ready(self) -> bool:
        """Wait until the child has imported WeasyPrint; raise what the import raised.
        False: the child is gone without a word (render here instead)."""
        reply = _receive(self.from_child)
        if reply is None:
            return False
        kind, value = reply
        if kind == "failed":
            raise _exception(value)
        return True

    def render(self, html: str) -> tuple[bytes, list[str]]:
        """The PDF of `html` and the URLs refused, made by the child; raises what it raised."""
        try:
            _send(self.to_child, html)
        except BrokenPipeError:
            reply = None
        else:
            reply = _receive(self.from_child)
        if reply is None:  # the child died without an answer: render here, as without it
            self.stop()
            return _in_process()(html)
        self.answered = True
        kind, value = reply
        if kind == "failed":
            raise _exception(value)
        global made_ahead
        made_ahead = True
        data, refused = value
        return data, refused

    def stop(self) -> None:
        """Close the pipes; stop the child unless it has answered (it is leaving then); wait
        for it, so that no zombie is left."""
        if self.reaped:
            return
        self.reaped = True
        for fd in (self.to_child, self.from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        if not self.answered:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


_ahead: Child | None = None

#: Whether a PDF was made by a child in this process's life (see `reviewkit.cli._exit_now`).
made_ahead = False


@contextlib.contextmanager
def ahead(wanted: bool = True) -> Iterator[Child | None]:
    """Within this block, when `wanted` and `can_fork()`, a child imports WeasyPrint and
    waits for `pdf_renderer`'s one pack; it is stopped and waited for when the block ends.
    An inner block takes over its enclosing block's child, or stops it if not `wanted`."""
    global _ahead
    started, _ahead = _ahead, None
    if started is not None and not wanted:  # started early for what is not a PDF after all
        started.stop()
    if not wanted or not can_fork():
        yield None
        return
    child = started or _start()  # a child started by an enclosing block is this block's now
    _ahead = child
    try:
        yield child
    finally:
        _ahead = None
        child.stop()


def pdf_renderer() -> Renderer:
    """How this process turns a pack's HTML into a PDF: the child started `ahead`, once,
    or else WeasyPrint here. Raises `OSError` when WeasyPrint cannot load its libraries."""
    global _ahead
    child, _ahead = _ahead, None
    if child is not None and child.ready():
        return child.render
    if child is not None:
        child.stop()
    return _in_process()


def _in_process() -> Renderer:
    from reviewkit.present import pdf

    return pdf.html_to_pdf


def _start() -> Child:
    to_child_read, to_child_write = os.pipe()
    from_child_read, from_child_write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        try:
            os.close(to_child_write)
            os.close(from_child_read)
            _child_setup(parent)
            _serve(to_child_read, from_child_write)
        finally:
            os._exit(0)
    os.close(to_child_read)
    os.close(from_child_write)
    return Child(pid, to_child_write, from_child_read)


def _child_setup(parent: int) -> None:
    """Ctrl-C is the parent's to handle; the child dies with the parent. It lives for one
    render and leaves without a teardown, so no garbage collection is worth its time."""
    import gc

    gc.disable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(0)


def _serve(inbox: int, outbox: int) -> None:
    """Import WeasyPrint and say so; then render the one HTML that comes, if one does."""
    try:
        from reviewkit.present import pdf
    except BaseException as exc:
        _send(outbox, ("failed", _portable(exc)))
        return
    _send(outbox, ("ready", None))
    html = _receive(inbox)
    if html is None:  # the parent needs no PDF after all
        return
    try:
        reply: tuple[str, Any] = ("done", pdf.html_to_pdf(html))
    except BaseException as exc:
        reply = ("failed", _portable(exc))
    _send(outbox, reply)


def _portable(exc: BaseException) -> tuple[bytes | None, str, str]:
    """An exception as it crosses the pipe: pickled when it can be, and its name and message."""
    import pickle

    try:
        pickled: bytes | None = pickle.dumps(exc)
    except Exception:
        pickled = None
    return pickled, type(exc).__name__, str(exc)


def _exception(value: tuple[bytes | None, str, str]) -> BaseException:
    """The child's exception again: the same one, or one of the same name and message."""
    import pickle

    pickled, name, message = value
    if pickled is not None:
        with contextlib.suppress(Exception):
            exc: object = pickle.loads(pickled)
            if isinstance(exc, BaseException):
                return exc
    stand_in: type[Exception] = type(name, (Exception,), {"__module__": __name__})
    return stand_in(message)


def _send(fd: int, value: object) -> None:
    import pickle

    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _receive(fd: int) -> Any:
    """The next value on the pipe, or None when the other end closed it first."""
    import pickle

    head = _read(fd, _LENGTH.size)
    if head is None:
        return None
    body = _read(fd, _LENGTH.unpack(head)[0])
    return None if body is None else pickle.loads(body)


def _read(fd: int, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
