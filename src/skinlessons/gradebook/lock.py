"""One grading run at a time per output folder: an OS-level lock on ``<out>/.grade.lock``.

The lock is ``flock`` (``msvcrt.locking`` on Windows), held on an open file for the whole run.
The operating system drops it when the process ends, however it ends, so a run that was killed
leaves no stale lock: the next run simply takes it. The file itself stays (removing it would let
two runs lock two different files); it holds the process id of the last run, for the curious.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from ..errors import GradingError

LOCK_FILE: Final = ".grade.lock"
_BUSY: Final = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES}

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in _BUSY:
                return False
            raise
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                return False
            raise
        return True


def busy_message(out: Path) -> str:
    """What a second run on the same folder is told."""
    return f"another grade run is using {out}; wait for it or use another --out"


@contextmanager
def run_lock(out: Path) -> Iterator[None]:
    """Hold the output folder's lock for the block.

    Raises:
        GradingError: another process holds it (the message says what to do), or the lock
            file cannot be created.
    """
    path = out / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise GradingError(
            f"cannot create the lock file {path} ({exc.strerror or exc}). "
            "Fix: choose an output folder you can write to with --out DIR."
        ) from exc
    try:
        if not _try_lock(fd):
            raise GradingError(busy_message(out))
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        os.close(fd)  # closing the file releases the lock
