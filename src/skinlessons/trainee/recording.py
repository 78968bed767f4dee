"""The append-only answer log: every change of an answer, with a growing sequence number.

One JSON object per line (see ``docs/contracts.md``, "Answer log"). Writers hold an exclusive
lock while they read the last sequence number and append, so two kernels of the same trainee
never reuse a number. A line that is not a valid record (typically a last line torn by a crash
or a full disk; :mod:`.events` says what else) is skipped and kept in :attr:`AnswerLog.skipped`;
the first few also raise an :class:`AnswerLogWarning`. Reading never crashes on a line, and a
huge log is read line by line, never whole.

While notebooks run unattended (``$SKINLESSONS_MODE`` = build/test) :func:`open_recorder`
returns an in-memory log, so nothing is written to disk.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Final

from .._util.clock import utc_timestamp
from .._util.files import ensure_private_dir
from ..submission.format import answer_log_path, data_home
from . import strings
from .events import MAX_LINE_BYTES, AnswerEvent, SkippedLine, parse_line
from .mode import UNATTENDED, is_unattended

__all__ = ["AnswerEvent", "AnswerLog", "AnswerLogWarning", "MemoryAnswerLog", "open_recorder"]

MAX_WARNINGS: Final = 5
"""Skipped lines warned about one by one; after these, one warning says more were skipped."""
_SKIP_CHUNK: Final = 1024 * 1024

if sys.platform != "win32":
    import fcntl


class AnswerLogWarning(UserWarning):
    """A line of the answer log could not be read and was skipped."""


def _next_seq(events: list[AnswerEvent]) -> int:
    return events[-1].seq + 1 if events else 1


class AnswerRecorder(ABC):
    """What the quiz session needs from a log: append a change, read every change back."""

    is_persistent: bool
    """True if records survive the process (a file), False for the in-memory log."""

    def record(
        self,
        quiz_id: str,
        quiz_version: str,
        question_id: str,
        response: Any,
        *,
        is_check: bool = False,
        practice: Mapping[str, Any] | None = None,
    ) -> AnswerEvent:
        """Append one change (of a practice variant: ``practice``), with its sequence number."""

        def event(seq: int) -> AnswerEvent:
            return AnswerEvent(
                seq,
                quiz_id,
                quiz_version,
                question_id,
                response,
                is_check,
                utc_timestamp(),
                practice,
            )

        return self._append(event)

    @abstractmethod
    def _append(self, event: Callable[[int], AnswerEvent]) -> AnswerEvent:
        """Append ``event(seq)`` with the next sequence number ``seq``, and return it."""

    @abstractmethod
    def events(self) -> list[AnswerEvent]:
        """Every readable record, in log order."""


class MemoryAnswerLog(AnswerRecorder):
    """An answer log kept in memory only (builds, tests, unattended runs)."""

    is_persistent = False

    def __init__(self) -> None:
        self._events: list[AnswerEvent] = []

    def _append(self, event: Callable[[int], AnswerEvent]) -> AnswerEvent:
        """Keep one change in memory and return it with its sequence number."""
        made = event(_next_seq(self._events))
        self._events.append(made)
        return made

    def events(self) -> list[AnswerEvent]:
        """Every change kept so far."""
        return list(self._events)


def _caller_level() -> int:
    """The stack level, seen from the function that calls this, of the first caller outside
    this module: a warning points at the code that recorded or read the log."""
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and frame.f_code.co_filename == __file__:
        frame, level = frame.f_back, level + 1
    return level


@contextmanager
def _locked(stream: IO[bytes]) -> Iterator[None]:
    """Hold an exclusive lock on an open file (POSIX; elsewhere a no-op)."""
    if sys.platform == "win32":
        yield
        return
    fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(stream.fileno(), fcntl.LOCK_UN)


class AnswerLog(AnswerRecorder):
    """The trainee's answer log file, read incrementally and appended to under a lock."""

    is_persistent = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self._reset()

    def _reset(self) -> None:
        self._events: list[AnswerEvent] = []
        self._offset, self._line_number = 0, 0
        self._ends_with_newline = True
        self.skipped: list[SkippedLine] = []
        """Every line left out so far, in order (what ``submit`` reports)."""

    def _skip(self, line_number: int, problem: str) -> None:
        self.skipped.append(SkippedLine(line_number, problem))
        if len(self.skipped) <= MAX_WARNINGS:
            message = strings.LOG_LINE_SKIPPED.format(
                path=self.path, line=line_number, problem=problem
            )
        elif len(self.skipped) == MAX_WARNINGS + 1:
            message = strings.LOG_MORE_SKIPPED.format(path=self.path)
        else:
            return
        warnings.warn(message, AnswerLogWarning, stacklevel=_caller_level())

    def _catch_up(self, stream: IO[bytes]) -> None:
        """Read whatever other writers appended since the last read, one line at a time."""
        size = stream.seek(0, os.SEEK_END)
        if size < self._offset:
            self._reset()  # the file was replaced or truncated: read it again
        if size == self._offset:
            return
        stream.seek(self._offset)
        if not self._ends_with_newline and stream.read(1) != b"\n":
            stream.seek(self._offset)  # (else another writer closed the torn line we counted)
        while raw := stream.readline(MAX_LINE_BYTES + 1):
            self._line_number += 1
            self._ends_with_newline = raw.endswith(b"\n")
            if len(raw) > MAX_LINE_BYTES and not self._ends_with_newline:
                self._skip_long_line(stream, len(raw))
            elif raw.strip():
                self._take(raw.rstrip(b"\n"), self._line_number)
        self._offset = stream.tell()

    def _skip_long_line(self, stream: IO[bytes], start: int) -> None:
        """Pass over the rest of a line too long to be a record, without holding it."""
        size = start
        while chunk := stream.readline(_SKIP_CHUNK):
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        self._ends_with_newline = chunk.endswith(b"\n") if chunk else False
        problem = strings.LOG_LINE_TOO_LONG.format(size=size, limit=MAX_LINE_BYTES // 1024)
        self._skip(self._line_number, problem)

    def _take(self, raw: bytes, line_number: int) -> None:
        event = parse_line(raw, is_complete=self._ends_with_newline)
        if isinstance(event, str):
            self._skip(line_number, event)
        elif self._events and event.seq <= self._events[-1].seq:
            self._skip(line_number, strings.LOG_SEQ_NOT_GROWING.format(seq=event.seq))
        else:
            self._events.append(event)

    def events(self) -> list[AnswerEvent]:
        """Every readable record in the file, in order; unreadable lines are skipped."""
        try:
            with open(self.path, "rb") as stream, _locked(stream):
                self._catch_up(stream)
        except FileNotFoundError:
            self._reset()
        return list(self._events)

    def _append(self, event: Callable[[int], AnswerEvent]) -> AnswerEvent:
        """Append one change with the next sequence number, flushed to disk."""
        ensure_private_dir(self.path.parent)
        with open(self.path, "a+b") as stream, _locked(stream):
            self._catch_up(stream)
            made = event(_next_seq(self._events))
            line = json.dumps(made.to_json(), ensure_ascii=False, separators=(",", ":"))
            # After a torn last line, start on a fresh line so this record stays readable.
            data = (b"" if self._ends_with_newline else b"\n") + line.encode("utf-8") + b"\n"
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            self._offset += len(data)
            self._line_number += 1
            self._ends_with_newline = True
            self._events.append(made)
        return made


def open_recorder(env: Mapping[str, str] | None = None) -> AnswerRecorder:
    """The answer log in force: the trainee's file, or memory when running unattended."""
    if is_unattended(env):
        if UNATTENDED.log is None:
            UNATTENDED.log = MemoryAnswerLog()
        return UNATTENDED.log
    return AnswerLog(answer_log_path(data_home(env)))
