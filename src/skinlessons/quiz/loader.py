"""Read quiz files and ``objectives.yaml`` into models, and check the whole course's quizzes.

``collect_course_problems`` is what ``skinlessons check`` calls: it never raises for bad content
(a malformed or binary file becomes a located problem and the other files are still checked),
and it reports every problem at once as ``file:line: field: message. Fix: hint``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from .._util.yamlsource import YamlDocument, read_yaml, validate_document
from ..course import find_course_root, objectives_file, quiz_dir, quiz_files
from ..errors import ContentError, ContentErrors, QuizFormatError
from ..names import CONTENT_MAX_BYTES
from .course_checks import (
    LoadedQuiz,
    ReferenceInfo,
    check_quiz_against_course,
    coverage_problems,
    duplicate_question_ids,
)
from .models import Objectives, Quiz
from .pool_checks import pool_problems

__all__ = [
    "CourseQuizzes",
    "ReferenceInfo",
    "collect_course_problems",
    "load_course_quizzes",
    "load_objectives",
    "load_quiz",
    "load_valid_quizzes",
]

_EXPECTED_TOP: Final = {
    Quiz: "id:, title:, lesson:, kind:, pass_mark_pct: and questions:",
    Objectives: "course: and lessons:",
}


def _kind_of(data: object) -> str:
    if isinstance(data, list):
        return "a list"
    if isinstance(data, str):
        return "a line of text"
    return "a single value"


@dataclass(frozen=True)
class CourseQuizzes:
    """Every quiz of a course, by id, with the course's objectives."""

    root: Path
    objectives: Objectives
    quizzes: dict[str, Quiz]


def _read(
    model: type[Quiz] | type[Objectives], path: Path
) -> tuple[Any, YamlDocument | None, list[ContentError]]:
    """Parse and validate one file; problems instead of exceptions."""
    try:
        doc = read_yaml(path, error_cls=QuizFormatError)
    except ContentError as unreadable:
        return None, None, [unreadable]
    if doc.data is not None and not isinstance(doc.data, Mapping):
        not_mapping = QuizFormatError(
            f"the file should be a mapping of 'key: value' lines, not {_kind_of(doc.data)}",
            path=path,
            line=1,
            hint=f"start the file with {_EXPECTED_TOP[model]}",
        )
        return None, doc, [not_mapping]
    result, problems = validate_document(model, doc, error_cls=QuizFormatError)
    return result, doc, problems


_LOADED: dict[tuple[str, bytes], Quiz] = {}
"""Quizzes already read in this process, by file and content digest (a run of ``grade`` or a
kernel reads the same unchanged files again and again; parsing YAML is the slow part)."""
_MAX_LOADED: Final = 256


def _content_key(path: Path) -> tuple[str, bytes] | None:
    """The file and a digest of its bytes, or None when it cannot be read as a quiz file."""
    try:
        with path.open("rb") as stream:
            data = stream.read(CONTENT_MAX_BYTES + 1)
    except OSError:
        return None
    if len(data) > CONTENT_MAX_BYTES:
        return None
    return str(path.resolve()), hashlib.sha256(data).digest()


def load_quiz(path: Path | str) -> Quiz:
    """Read and validate one quiz file (its id must be the file's stem).

    A file whose bytes were loaded before in this process gives the same (frozen) quiz
    without being parsed again; a changed file is always read anew.

    Raises:
        ContentErrors: every problem found in the file, each with its line.
    """
    path = Path(path)
    key = _content_key(path)
    if key is not None and key in _LOADED:
        return _LOADED[key]
    quiz, doc, problems = _read(Quiz, path)
    if quiz is not None and doc is not None:
        problems = check_quiz_against_course(LoadedQuiz(quiz, doc), None, None)
    if problems:
        raise ContentErrors(problems)
    if key is not None:
        if len(_LOADED) >= _MAX_LOADED:
            _LOADED.clear()
        _LOADED[key] = quiz
    return quiz


def load_objectives(path: Path | str) -> Objectives:
    """Read and validate ``quizzes/objectives.yaml``.

    Raises:
        ContentErrors: every problem found in the file, each with its line.
    """
    objectives, _doc, problems = _read(Objectives, Path(path))
    if problems:
        raise ContentErrors(problems)
    return objectives


def load_valid_quizzes(course_root: Path | str | None = None) -> list[LoadedQuiz]:
    """Every quiz file of the course that reads and validates, with its document.

    Files with problems are left out: ``collect_course_problems`` reports those.
    """
    loaded = []
    for path in quiz_files(find_course_root(course_root)):
        quiz, doc, problems = _read(Quiz, path)
        if quiz is not None and doc is not None and not problems:
            loaded.append(LoadedQuiz(quiz, doc))
    return loaded


def _default_references() -> Mapping[str, ReferenceInfo] | None:
    """The package's references, or None when the fact data cannot be loaded.

    Problems in the fact data are reported by the fact checks, not a second time here.
    """
    from ..facts import load_facts

    try:
        references: Mapping[str, ReferenceInfo] = load_facts().references
    except (ContentError, ContentErrors):
        return None
    return references


def _collect(
    course_root: Path | str | None, references: Mapping[str, ReferenceInfo] | None
) -> tuple[list[ContentError], Objectives | None, list[LoadedQuiz], Path]:
    root = find_course_root(course_root)
    folder = quiz_dir(root)
    objectives, objectives_doc, problems = _read(Objectives, objectives_file(root))
    loaded: list[LoadedQuiz] = []
    all_valid = True
    for path in quiz_files(root):
        quiz, doc, quiz_problems = _read(Quiz, path)
        problems.extend(quiz_problems)
        if quiz is None or doc is None:
            all_valid = False
            continue
        item = LoadedQuiz(quiz, doc)
        loaded.append(item)
        problems.extend(check_quiz_against_course(item, objectives, references))
        problems.extend(pool_problems(item, objectives))
    problems.extend(duplicate_question_ids(loaded))
    # Coverage counts over half-read files would report gaps that are not there.
    if objectives is not None and objectives_doc is not None and all_valid:
        problems.extend(coverage_problems(loaded, objectives, objectives_doc, folder))
    problems.sort(key=ContentError.sort_key)
    return problems, objectives, loaded, root


def collect_course_problems(
    course_root: Path | str | None = None,
    *,
    references: Mapping[str, ReferenceInfo] | None = None,
) -> tuple[list[ContentError], dict[str, int]]:
    """Check every quiz file and ``objectives.yaml`` of a course; never raises for bad content.

    Args:
        course_root: the course folder; None finds it (``--course``, environment, upwards).
        references: reference id → record with ``kind`` and ``verified``; None uses the
            package's fact data (reference checks are skipped if that data cannot be loaded).

    Returns:
        ``(problems, counts)``: every problem, sorted by file and line, and what was checked,
        e.g. ``{"quizzes": 8, "questions": 52, "objectives": 10}``.
    """
    if references is None:
        references = _default_references()
    problems, objectives, loaded, _root = _collect(course_root, references)
    counts = {
        "quizzes": len(loaded),
        "questions": sum(len(item.quiz.questions) for item in loaded),
        "objectives": len(objectives.course) if objectives is not None else 0,
    }
    return problems, counts


def load_course_quizzes(
    course_root: Path | str | None = None,
    *,
    references: Mapping[str, ReferenceInfo] | None = None,
) -> CourseQuizzes:
    """Load the objectives and every quiz of a course, checked as ``collect_course_problems`` does.

    Raises:
        ContentErrors: with every problem found, when there is any.
    """
    if references is None:
        references = _default_references()
    problems, objectives, loaded, root = _collect(course_root, references)
    if problems or objectives is None:
        raise ContentErrors(problems)
    return CourseQuizzes(
        root=root, objectives=objectives, quizzes={item.quiz.id: item.quiz for item in loaded}
    )


def load_quiz_files(root: Path) -> list[Quiz]:
    """Every quiz file of a course, each loaded on its own, in file-name order.

    The course-wide checks of ``skinlessons check`` are the author's job and must not stop a
    trainee from submitting, nor an instructor from grading.

    Raises:
        ContentErrors: a quiz file is broken (each problem with file:line).
    """
    return [load_quiz(path) for path in quiz_files(root)]
