"""Run one task per index in forked worker processes, results in index order.

A forked worker inherits the parent's memory, so the task (a closure over the course, the
outcomes, the output folder) is never pickled; only each index goes out and each result comes
back. Where the platform cannot fork, or no worker is asked for, the tasks run here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar

T = TypeVar("T")

FORK_FROM: Final = 200
"""Fewer tasks than this run in this process (starting workers would cost more than it saves)."""

_TASK: Callable[[int], Any] | None = None
"""The task of the pool being run (set before the fork, so the workers inherit it)."""


def _call(index: int) -> Any:
    assert _TASK is not None
    return _TASK(index)


def can_fork() -> bool:
    """True where worker processes can be forked (Linux, the JupyterHub images)."""
    return "fork" in multiprocessing.get_all_start_methods()


def worker_count(tasks: int, *, alongside: bool) -> int:
    """Workers worth forking for ``tasks``: none for fewer than :data:`FORK_FROM` or where the
    platform cannot fork; else one per core, less this process's own while it works
    ``alongside`` them (rather than only waiting for their results)."""
    if tasks < FORK_FROM or not can_fork():
        return 0
    return len(os.sched_getaffinity(0)) - (1 if alongside else 0)


def forked_map(
    task: Callable[[int], T], count: int, workers: int, *, chunk: int = 32
) -> Iterator[T]:
    """``task(0) .. task(count - 1)`` in ``workers`` forked processes (here when 0), in order.

    One pool at a time: the workers find the task in a module global set before the fork.
    """
    global _TASK
    if workers < 1 or not can_fork():
        yield from map(task, range(count))
        return
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_call, range(count), chunksize=chunk)
    finally:
        _TASK = None
