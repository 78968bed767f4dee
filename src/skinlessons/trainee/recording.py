"""The append-only answer log: every change of an answer, with a growing sequence number.

One JSON object per line (see ``docs/contracts.md``, "Answer log"). Writers hold an exclusive
lock while they read the last sequence number and append, so two kernels of the same trainee
never reuse a number. A line that is not a valid record (typically a last line torn by a crash
or a full disk) is skipped with an :class:`AnswerLogWarning`; reading never crashes on it.

While notebooks run unattended (``$SKINLESSONS_MODE`` = build/test) :func:`open_recorder`
returns an in-memory log, so nothing is written to disk.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from .._util.clock import utc_timestamp
from .._util.files import ensure_private_dir
from ..submission.format import answer_log_path, data_home
from . import strings
from .mode import UNATTENDED, is_unattended

if sys.platform != "win32":
    import fcntl


class AnswerLogWarning(UserWarning):
    """A line of the answer log could not be read and was skipped."""


@dataclass(frozen=True)
class AnswerEvent:
    """One recorded change of an answer, or one formative check (``is_check``)."""

    seq: int
    quiz_id: str
    quiz_version: str
    question_id: str
    response: Any
    is_check: bool = False
    recorded_at: str = ""
    practice: Mapping[str, Any] | None = None
    """A "Try another" practice variant: ``{"attempt": n, "variant": {parameter: value}}``."""

    def to_json(self) -> dict[str, Any]:
        """The log record, with the field names of ``docs/contracts.md``."""
        return {
            "seq": self.seq,
            "time": self.recorded_at,
            "quiz_id": self.quiz_id,
            "quiz_version": self.quiz_version,
            "question_id": self.question_id,
            "response": self.response,
            "check": self.is_check,
        } | ({"practice": dict(self.practice)} if self.practice else {})

    @classmethod
    def from_json(cls, data: object) -> AnswerEvent:
        """Parse one log record.

        Raises:
            ValueError: a field is missing or has the wrong type.
        """
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        seq = data.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError(f"'seq' must be a whole number from 1, got {seq!r}")
        texts = {name: data.get(name) for name in ("quiz_id", "quiz_version", "question_id")}
        for name, value in texts.items():
            if not isinstance(value, str) or not value:
                raise ValueError(f"'{name}' must be a non-empty string, got {value!r}")
        if "response" not in data:
            raise ValueError("'response' is missing")
        is_check = data.get("check", False)
        if not isinstance(is_check, bool):
            raise ValueError(f"'check' must be true or false, got {is_check!r}")
        return cls(
            seq=seq,
            quiz_id=str(texts["quiz_id"]),
            quiz_version=str(texts["quiz_version"]),
            question_id=str(texts["question_id"]),
            response=data["response"],
            is_check=is_check,
            recorded_at=str(data.get("time", "")),
            practice=_practice(data.get("practice")),
        )


def _practice(value: object) -> Mapping[str, Any] | None:
    """A logged practice mark, or None when there is none.

    Raises:
        ValueError: a mark without a whole-number attempt from 1 (the record is skipped).
    """
    if value is None:
        return None
    attempt = value.get("attempt") if isinstance(value, dict) else None
    if not isinstance(value, dict) or not isinstance(attempt, int) or attempt < 1:
        raise ValueError(f"'practice' must hold a whole-number 'attempt' from 1, got {value!r}")
    return dict(value)


class AnswerRecorder(Protocol):
    """What the quiz session needs from a log: append a change, read every change back."""

    @property
    def is_persistent(self) -> bool:
        """True if records survive the process (a file), False for the in-memory log."""
        ...

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
        ...

    def events(self) -> list[AnswerEvent]:
        """Every readable record, in log order."""
        ...


class MemoryAnswerLog:
    """An answer log kept in memory only (builds, tests, unattended runs)."""

    is_persistent = False

    def __init__(self) -> None:
        self._events: list[AnswerEvent] = []

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
        """Keep one change in memory and return it with its sequence number."""
        seq = self._events[-1].seq + 1 if self._events else 1
        event = AnswerEvent(
            seq, quiz_id, quiz_version, question_id, response, is_check, utc_timestamp(), practice
        )
        self._events.append(event)
        return event

    def events(self) -> list[AnswerEvent]:
        """Every change kept so far."""
        return list(self._events)


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


class AnswerLog:
    """The trainee's answer log file, read incrementally and appended to under a lock."""

    is_persistent = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self._events: list[AnswerEvent] = []
        self._offset = 0
        self._line_number = 0
        self._ends_with_newline = True

    def _reset(self) -> None:
        self._events, self._offset, self._line_number = [], 0, 0
        self._ends_with_newline = True

    def _warn(self, line_number: int, problem: str) -> None:
        warnings.warn(
            strings.LOG_LINE_SKIPPED.format(path=self.path, line=line_number, problem=problem),
            AnswerLogWarning,
            stacklevel=4,
        )

    def _catch_up(self, stream: IO[bytes]) -> None:
        """Read whatever other writers appended since the last read."""
        size = stream.seek(0, os.SEEK_END)
        if size < self._offset:
            self._reset()  # the file was replaced or truncated: read it again
        if size == self._offset:
            return
        stream.seek(self._offset)
        chunk = stream.read(size - self._offset)
        self._offset = size
        if not self._ends_with_newline and chunk.startswith(b"\n"):
            chunk = chunk[1:]  # another writer closed the torn line we already counted
        lines = chunk.split(b"\n")
        torn = lines.pop()  # b"" when the chunk ends with a newline
        self._ends_with_newline = not torn
        for raw in lines:
            self._line_number += 1
            self._parse(raw, self._line_number, is_last=False)
        if torn:
            self._line_number += 1
            self._parse(torn, self._line_number, is_last=True)

    def _parse(self, raw: bytes, line_number: int, *, is_last: bool) -> None:
        if not raw.strip():
            return
        try:
            event = AnswerEvent.from_json(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, ValueError) as exc:
            problem = strings.LOG_LINE_TORN if is_last else str(exc)
            self._warn(line_number, problem)
            return
        if self._events and event.seq <= self._events[-1].seq:
            self._warn(line_number, strings.LOG_SEQ_NOT_GROWING.format(seq=event.seq))
            return
        self._events.append(event)

    def events(self) -> list[AnswerEvent]:
        """Every readable record in the file, in order; unreadable lines are skipped."""
        try:
            with open(self.path, "rb") as stream, _locked(stream):
                self._catch_up(stream)
        except FileNotFoundError:
            self._reset()
        return list(self._events)

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
        """Append one change with the next sequence number, flushed to disk."""
        ensure_private_dir(self.path.parent)
        with open(self.path, "a+b") as stream, _locked(stream):
            self._catch_up(stream)
            seq = self._events[-1].seq + 1 if self._events else 1
            event = AnswerEvent(
                seq,
                quiz_id,
                quiz_version,
                question_id,
                response,
                is_check,
                utc_timestamp(),
                practice,
            )
            line = json.dumps(event.to_json(), ensure_ascii=False, separators=(",", ":"))
            # After a torn last line, start on a fresh line so this record stays readable.
            data = (b"" if self._ends_with_newline else b"\n") + line.encode("utf-8") + b"\n"
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            self._offset += len(data)
            self._line_number += 1
            self._ends_with_newline = True
            self._events.append(event)
        return event


def open_recorder(env: Mapping[str, str] | None = None) -> AnswerRecorder:
    """The answer log in force: the trainee's file, or memory when running unattended."""
    if is_unattended(env):
        if UNATTENDED.log is None:
            UNATTENDED.log = MemoryAnswerLog()
        return UNATTENDED.log
    return AnswerLog(answer_log_path(data_home(env)))
