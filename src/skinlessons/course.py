"""Find the course folder: the one that holds ``quizzes/objectives.yaml``.

Order: an explicit folder (``--course DIR``), else ``$SKINLESSONS_COURSE``, else the nearest
folder at or above the working folder that has ``quizzes/objectives.yaml``.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import CourseNotFoundError
from .names import CASES_FILE, COURSE_ENV, NOTEBOOK_DIR, OBJECTIVES_FILE, QUIZ_DIR, QUIZ_SUFFIX


def _is_course(folder: Path) -> bool:
    return objectives_file(folder).is_file()


def find_course_root(explicit: Path | str | None = None, *, start: Path | None = None) -> Path:
    """Return the course folder, resolved to an absolute path.

    Args:
        explicit: a folder given by the user (``--course DIR``); wins over everything else.
        start: where the upward search begins (default: the working folder).

    Raises:
        CourseNotFoundError: no folder qualifies; the message says how to point at one.
    """
    for candidate, origin in ((explicit, "--course"), (os.environ.get(COURSE_ENV), COURSE_ENV)):
        if candidate:
            folder = Path(candidate).expanduser().resolve()
            if not _is_course(folder):
                raise CourseNotFoundError(
                    f"{origin} points at {folder}, which has no {QUIZ_DIR}/{OBJECTIVES_FILE}. "
                    "Fix: point it at the course folder (the one with notebooks/ and quizzes/)."
                )
            return folder
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_course(folder):
            return folder
    raise CourseNotFoundError(
        f"No course folder found at or above {here} (looked for {QUIZ_DIR}/{OBJECTIVES_FILE}). "
        f"Fix: run from inside the course, pass --course DIR, or set {COURSE_ENV}."
    )


def quiz_dir(root: Path) -> Path:
    """The quizzes folder of a course."""
    return root / QUIZ_DIR


def quiz_file(root: Path, quiz_id: str) -> Path:
    """The quiz file of ``quiz_id`` (``quizzes/<quiz-id>.yaml``); it may not exist."""
    return quiz_dir(root) / f"{quiz_id}{QUIZ_SUFFIX}"


def objectives_file(root: Path) -> Path:
    """The course's ``quizzes/objectives.yaml`` (its presence marks the course folder)."""
    return quiz_dir(root) / OBJECTIVES_FILE


def cases_file(root: Path) -> Path:
    """The course's ``quizzes/cases.yaml`` (the virtual clients); it may not exist."""
    return quiz_dir(root) / CASES_FILE


def quiz_files(root: Path) -> list[Path]:
    """The quiz files of a course, sorted by name; objectives.yaml, cases.yaml and hidden files
    left out."""
    return sorted(
        path
        for path in quiz_dir(root).glob(f"*{QUIZ_SUFFIX}")
        if path.name not in (OBJECTIVES_FILE, CASES_FILE) and not path.name.startswith(".")
    )


def notebook_dir(root: Path) -> Path:
    """The lesson notebooks folder of a course."""
    return root / NOTEBOOK_DIR


def lesson_notebooks(root: Path) -> list[Path]:
    """The lesson notebooks of a course (``notebooks/*.ipynb`` files), sorted by name."""
    return sorted(path for path in notebook_dir(root).glob("*.ipynb") if path.is_file())
