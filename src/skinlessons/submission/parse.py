"""Read any JSON value as a submission document, leniently (the reader's half of the format).

A value that cannot be a submission gives one reason (a sentence); a submission with a few
bad entries is kept, the bad entries are left out and each is noted, so what can be graded is.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from ..errors import TraineeIdError
from .format import FORMAT, READABLE_VERSIONS, AnswerRecord, QuizAnswers, SubmissionDocument
from .sharing import shared
from .trainee_ids import validate_trainee_id

MAX_STORED_ID_LENGTH: Final = 200
MAX_SITTING: Final = 1000
"""A sitting above this is no real re-sit (and keeps the number storable)."""
_SHOWN_LENGTH: Final = 60
_SHOWN_NUMBER: Final = 10**_SHOWN_LENGTH
MAX_DEPTH: Final = 16
"""How deep a submission's JSON may nest (a real one nests 6 levels: a matching answer)."""
RESPONSE_DEPTH: Final = 5
"""How deep a response sits in a submission: document, quizzes, quiz, answers, answer."""
MAX_NOTES: Final = 20
"""A file with thousands of bad entries gets this many notes and a count of the rest."""
_RESUBMIT: Final = "ask the trainee to run skinlessons submit again"


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _kind_of(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else "null")


def shown(value: object) -> str:
    """A value as a reason shows it: its ``repr`` when short, else its kind and size.

    A file may hold a 10 kB id or a 4,000-digit number; a reason never repeats it in full.
    """
    if isinstance(value, str):
        return repr(value) if len(value) <= _SHOWN_LENGTH else f"text of {len(value):,} characters"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _SHOWN_NUMBER:
        return f"a number of more than {_SHOWN_LENGTH} digits"
    if isinstance(value, list | dict):
        return _kind_of(value)
    return repr(value)


def _trainee_id(value: object, notes: list[str]) -> str | None:
    """The id as given, with surrounding spaces removed (noted), or None if it is unusable.

    Case and inner characters are kept; ids outside the usual rule are kept with a note.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    stripped = value.strip()
    if len(stripped) > MAX_STORED_ID_LENGTH:
        return None
    if any(unicodedata.category(ch) in {"Cc", "Cs"} for ch in stripped):
        return None
    if stripped != value:
        notes.append(
            f"the trainee id {shown(value)} had spaces around it; they were removed and the "
            f"file was graded as {shown(stripped)}"
        )
    try:
        validate_trainee_id(stripped)
    except TraineeIdError:
        notes.append(
            "the trainee id does not follow the id rule (letters, digits and . _ - @ +); "
            "it was graded as written, check that it matches the LMS"
        )
    return stripped


def _answer(question_id: str, raw: object, where: str, notes: list[str]) -> AnswerRecord | None:
    if not isinstance(raw, dict) or "response" not in raw:
        notes.append(f"{where}: answer to {shown(question_id)} has no 'response'; it was left out")
        return None
    seq = raw.get("seq", 0)
    attempts = raw.get("attempts", 0)
    if not _is_count(seq) or not _is_count(attempts):
        notes.append(f"{where}: answer to {shown(question_id)} has a bad seq or attempts; left out")
        return None
    return AnswerRecord(shared(raw["response"]), seq, attempts, shared(raw.get("first_response")))


def _quiz(quiz_id: str, raw: object, notes: list[str]) -> QuizAnswers | None:
    where = f"quiz {shown(quiz_id)}"
    if not isinstance(raw, dict) or not isinstance(raw.get("answers", {}), dict):
        notes.append(f"{where}: entry is not an object with 'answers'; it was left out")
        return None
    version = raw.get("quiz_version", "")
    kind = raw.get("kind", "")
    answers: dict[str, AnswerRecord] = {}
    for question_id, entry in raw.get("answers", {}).items():
        answer = _answer(question_id, entry, where, notes)
        if answer is not None:
            answers[shared(question_id)] = answer
    sitting, shown_ids = _draw_record(raw, where, notes)
    return QuizAnswers(
        shared(quiz_id),
        shared(version) if isinstance(version, str) else "",
        shared(kind) if isinstance(kind, str) else "",
        answers,
        sitting,
        shown_ids,
    )


def _draw_record(
    raw: dict[str, object], where: str, notes: list[str]
) -> tuple[int, list[str] | None]:
    """The sitting and the ids shown of a pooled quiz (format 2); 1 and None when absent."""
    sitting = raw.get("sitting", 1)
    if not (_is_count(sitting) and isinstance(sitting, int) and 1 <= sitting <= MAX_SITTING):
        notes.append(
            f"{where}: sitting {shown(sitting)} is not a whole number from 1 to {MAX_SITTING}; "
            "it was graded as sitting 1"
        )
        sitting = 1
    ids = raw.get("shown")
    if ids is None:
        return sitting, None
    if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
        notes.append(f"{where}: 'shown' is not a list of question ids; it was left out")
        return sitting, None
    return sitting, shared(list(ids))


def response_too_deep(response: object) -> bool:
    """True if ``response`` nests so deeply that a submission holding it is refused."""
    return _too_deep(response, MAX_DEPTH - RESPONSE_DEPTH)


def _too_deep(document: object, limit: int = MAX_DEPTH) -> bool:
    """True if ``document`` nests more than ``limit`` lists and objects (no recursion)."""
    level: list[object] = [document]
    for _depth in range(limit):
        level = [
            child
            for value in level
            if isinstance(value, list | dict)
            for child in (value.values() if isinstance(value, dict) else value)
        ]
        if not level:
            return False
    return any(isinstance(value, list | dict) for value in level)


def parse(document: object) -> SubmissionDocument | str:
    """The submission in ``document`` (any JSON value), or the reason it is not a gradable one."""
    if _too_deep(document):
        return (
            f"the JSON nests too deeply to be a submission (more than {MAX_DEPTH} levels); "
            f"{_RESUBMIT}"
        )
    if not isinstance(document, dict):
        return f"valid JSON, but {_kind_of(document)}, not a submission object; {_RESUBMIT}"
    if document.get("format") != FORMAT:
        return (
            f'valid JSON, but not a skinlessons submission (no "format": "{FORMAT}"); {_RESUBMIT}'
        )
    version = document.get("format_version")
    if type(version) is not int or version not in READABLE_VERSIONS:  # JSON true is not 1
        readable = ", ".join(str(number) for number in READABLE_VERSIONS)
        return (
            f"submission format version {shown(version)} is not one this grader reads "
            f"({readable}); grade it with the matching skinlessons version"
        )
    notes: list[str] = []
    trainee_id = _trainee_id(document.get("trainee_id"), notes)
    if trainee_id is None:
        raw_id = document.get("trainee_id")
        given = shown(raw_id)
        if not (isinstance(raw_id, str) and len(raw_id) <= _SHOWN_LENGTH):
            given = f"({given})"
        return (
            f"the trainee id {given} is missing, blank, too long or "
            f"holds control characters; {_RESUBMIT} after setting a valid id"
        )
    last_seq = document.get("last_seq")
    if not _is_count(last_seq):
        return f"'last_seq' must be a whole number of 0 or more, got {shown(last_seq)}; {_RESUBMIT}"
    quizzes_raw = document.get("quizzes")
    if not isinstance(quizzes_raw, dict):
        return f"'quizzes' must be an object of quiz entries, got {_kind_of(quizzes_raw)}"
    quizzes: dict[str, QuizAnswers] = {}
    for quiz_id, raw in quizzes_raw.items():
        quiz = _quiz(quiz_id, raw, notes)
        if quiz is not None:
            quizzes[quiz_id] = quiz
    created_at = document.get("created_at")
    package_version = document.get("package_version")
    return SubmissionDocument(
        trainee_id=trainee_id,
        last_seq=last_seq if isinstance(last_seq, int) else 0,
        created_at=created_at if isinstance(created_at, str) else "",
        package_version=package_version if isinstance(package_version, str) else "",
        quizzes=quizzes,
        notes=_bounded(notes),
    )


def _bounded(notes: list[str]) -> list[str]:
    if len(notes) <= MAX_NOTES:
        return notes
    return [*notes[:MAX_NOTES], f"and {len(notes) - MAX_NOTES:,} more entries were left out"]
