"""Running one function over many files on all cores, once there are enough to pay for it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Below this many files a second process costs more than it saves.
PARALLEL_FROM = 48

_TASK: tuple[Callable[..., Any], tuple[Any, ...]] | None = None


def _indexed(pair: tuple[int, Any]) -> tuple[int, Any]:
    assert _TASK is not None
    function, args = _TASK
    return pair[0], function(pair[1], *args)


def _quiet_worker() -> None:
    """In a worker, Ctrl-C is the parent's to handle: it stops the pool, and the worker
    prints no traceback of its own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _can_fork() -> bool:
    import multiprocessing  # only when there is work to share: it costs ~5 ms to import

    return "fork" in multiprocessing.get_all_start_methods()


def run_all(
    function: Callable[..., Result],
    items: Iterable[Item],
    args: tuple[Any, ...] = (),
    *,
    jobs: int | None = None,
    threshold: int = PARALLEL_FROM,
    done: Callable[[Item], None] | None = None,
) -> list[Result]:
    """`[function(item, *args) for item in items]`, in order, on `jobs` processes (default:
    all cores) when there are at least `threshold` items. `done` is told of each finished item.

    Workers are forked, so they share what this process has loaded (the playbook, WeasyPrint)
    and nothing is sent to them but the items.
    """
    global _TASK
    items = list(items)
    jobs = min(jobs or os.cpu_count() or 1, len(items))
    if jobs > 1 and len(items) >= threshold and _can_fork():
        import multiprocessing

        _TASK = (function, args)
        results: dict[int, Result] = {}
        chunk = max(1, len(items) // (jobs * 8))
        with multiprocessing.get_context("fork").Pool(jobs, _quiet_worker) as pool:
            for index, result in pool.imap_unordered(_indexed, enumerate(items), chunk):
                results[index] = result
                if done is not None:
                    done(items[index])
        return [results[i] for i in range(len(items))]
    out = []
    for item in items:
        out.append(function(item, *args))
        if done is not None:
            done(item)
    return out
