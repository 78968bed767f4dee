"""One answer-log line: the record it holds, or why it cannot be used (pure; no I/O).

A line is skipped, never fatal, when it is not UTF-8 JSON, nests too deeply, holds NaN or
Infinity, has a field of the wrong type, or carries a number or a response that a submission
could not hold (``seq`` above :data:`~skinlessons.submission.format.MAX_SEQ`, a response nested
deeper than a submission may nest, a line over :data:`MAX_LINE_BYTES`). So whatever the log
holds, what ``submit`` writes from it is a file ``grade`` accepts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ..submission.format import MAX_SEQ
from ..submission.parse import response_too_deep, shown
from . import strings

MAX_LINE_BYTES: Final = 16 * 1024
"""The longest line read (a real one is under 1 kB; a long short-text answer still fits)."""


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
            ValueError: a field is missing, has the wrong type, or could not go in a submission.
        """
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        seq = data.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq <= MAX_SEQ:
            raise ValueError(f"'seq' must be a whole number from 1 to {MAX_SEQ}, got {shown(seq)}")
        texts = {name: data.get(name) for name in ("quiz_id", "quiz_version", "question_id")}
        for name, value in texts.items():
            if not isinstance(value, str) or not value:
                raise ValueError(f"'{name}' must be a non-empty string, got {shown(value)}")
        if "response" not in data:
            raise ValueError("'response' is missing")
        if response_too_deep(data["response"]):
            raise ValueError(strings.LOG_RESPONSE_TOO_DEEP)
        is_check = data.get("check", False)
        if not isinstance(is_check, bool):
            raise ValueError(f"'check' must be true or false, got {shown(is_check)}")
        recorded_at = data.get("time", "")
        return cls(
            seq=seq,
            quiz_id=str(texts["quiz_id"]),
            quiz_version=str(texts["quiz_version"]),
            question_id=str(texts["question_id"]),
            response=data["response"],
            is_check=is_check,
            recorded_at=recorded_at if isinstance(recorded_at, str) else "",
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
    whole = isinstance(attempt, int) and not isinstance(attempt, bool) and attempt >= 1
    if not isinstance(value, dict) or not whole:
        raise ValueError(
            f"'practice' must hold a whole-number 'attempt' from 1, got {shown(value)}"
        )
    return dict(value)


@dataclass(frozen=True)
class SkippedLine:
    """A log line that was left out: its number (from 1) and why."""

    line: int
    problem: str


def _no_constant(name: str) -> Any:
    raise ValueError(strings.LOG_NOT_A_NUMBER.format(name=name))


def parse_line(raw: bytes, *, is_complete: bool = True) -> AnswerEvent | str:
    """The record in one line (without its newline, at most :data:`MAX_LINE_BYTES`), or the
    problem with it.

    ``is_complete`` is False for a last line with no newline: its problem is then that it was
    cut off, which is what a crash or a full disk leaves.
    """
    try:
        return AnswerEvent.from_json(json.loads(raw.decode("utf-8"), parse_constant=_no_constant))
    except RecursionError:
        problem = strings.LOG_RESPONSE_TOO_DEEP
    except UnicodeDecodeError as exc:
        problem = strings.LOG_NOT_TEXT.format(byte=raw[exc.start], column=exc.start + 1)
    except json.JSONDecodeError as exc:
        problem = strings.LOG_NOT_JSON.format(problem=exc.msg, column=exc.colno)
    except ValueError as exc:  # a wrong field, a number over 4,300 digits
        problem = strings.LOG_HUGE_NUMBER if "integer string conversion" in str(exc) else str(exc)
    return problem if is_complete else strings.LOG_LINE_TORN
