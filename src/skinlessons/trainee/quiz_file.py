"""The quiz file a lesson's live quiz shows: ``quizzes/<quiz-id>.yaml`` of the course."""

from __future__ import annotations

from pathlib import Path

from ..course import quiz_file, quiz_files
from ..errors import QuizFormatError
from ..quiz.models import Quiz


def load_course_quiz(quiz_id: str, course_root: Path) -> Quiz:
    """Load ``quizzes/<quiz_id>.yaml`` of a course.

    Raises:
        QuizFormatError: there is no such quiz file (the message lists the quizzes there).
        ContentErrors: the file has problems (each with file:line).
    """
    from ..quiz.loader import load_quiz

    path = quiz_file(course_root, quiz_id)
    if not path.is_file():
        known = [quiz_path.stem for quiz_path in quiz_files(course_root)]
        raise QuizFormatError(
            f"there is no quiz '{quiz_id}'",
            path=path,
            hint=f"use one of: {', '.join(known) or '(no quizzes yet)'}.",
        )
    return load_quiz(path)
