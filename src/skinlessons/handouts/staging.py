"""What a handout build reads from the course, and the key-free copy its kernels run in.

The build reads the full quizzes (with keys) once, in this process, to render quiz cells at
export time. Kernels never see them: they run inside a temporary *staged* course whose
``quizzes/`` folder holds only the key-free projection of every quiz.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ..course import (
    cases_file,
    lesson_notebooks,
    notebook_dir,
    objectives_file,
    quiz_dir,
    quiz_file,
)
from ..errors import HandoutBuildError
from ..names import QUIZ_SUFFIX
from ..quiz import loader, projection
from ..quiz.models import Lesson, Objectives, Quiz
from .cache import files_fingerprint

STAGED_HEADER: Final = (
    "Key-free copy written by `skinlessons build` for the kernels that execute the lessons.\n"
    "Do not edit: it is rewritten from the instructor's quiz file at every build."
)
_IGNORED_DIRS: Final = frozenset({".ipynb_checkpoints", "__pycache__"})


@dataclass(frozen=True)
class CourseSources:
    """The course as the build sees it: lesson notebooks, full quizzes and objectives."""

    root: Path
    notebooks: tuple[Path, ...]
    quizzes: dict[str, Quiz]
    objectives: Objectives
    key_free: dict[str, Quiz] = field(default_factory=dict)
    """Every quiz without its keys: what the kernels get (as YAML, when a build stages them)."""

    def lesson(self, stem: str) -> Lesson | None:
        """The objectives entry of a lesson, or None when objectives.yaml does not list it."""
        for lesson in self.objectives.lessons:
            if lesson.id == stem:
                return lesson
        return None

    def is_summative(self, stem: str) -> bool:
        """True when the notebook is the summative final assessment (its quiz is summative)."""
        quiz = self.quizzes.get(stem)
        return quiz is not None and quiz.is_summative

    def key_free_fingerprint(self) -> str:
        """SHA-256 of every key-free quiz, objectives.yaml and cases.yaml (part of the cache key).

        A key-free quiz is hashed as its JSON, which says all its staged YAML says (how YAML is
        written from it is package code, which the cache key hashes too) and is much faster.
        """
        digest = hashlib.sha256()
        for quiz_id in sorted(self.key_free):
            digest.update(f"{quiz_id}\0{self.key_free[quiz_id].model_dump_json()}\0".encode())
        digest.update(objectives_file(self.root).read_bytes())
        if cases_file(self.root).is_file():
            digest.update(b"\0cases\0" + cases_file(self.root).read_bytes())
        return digest.hexdigest()


def full_quizzes_fingerprint(root: Path) -> str:
    """SHA-256 of the instructor's quiz files (quiz cells are rendered from them)."""
    return files_fingerprint(quiz_dir(root).glob(f"*{QUIZ_SUFFIX}"), quiz_dir(root))


def _staged_files(root: Path) -> list[Path]:
    """The files of the notebooks folder a kernel may read besides the lessons (data, images)."""
    return [
        path
        for path in notebook_dir(root).rglob("*")
        if path.is_file()
        and path.suffix != ".ipynb"
        and not _IGNORED_DIRS & set(path.relative_to(notebook_dir(root)).parts)
    ]


def course_files_fingerprint(root: Path) -> str:
    """SHA-256 of the files beside the lessons that the staged course gives the kernels."""
    return files_fingerprint(_staged_files(root), root)


def load_course_sources(root: Path) -> CourseSources:
    """Read the course's notebooks list, quizzes and objectives.

    Raises:
        HandoutBuildError: the course has no lesson notebooks.
        ContentErrors: a quiz or objectives.yaml has problems (run ``skinlessons check``).
    """
    notebooks = tuple(lesson_notebooks(root))
    if not notebooks:
        raise HandoutBuildError(
            f"No lesson notebooks in {notebook_dir(root)}. "
            "Fix: put the lessons there as NN_topic.ipynb, or pass --course DIR."
        )
    course = loader.load_course_quizzes(root)
    key_free = {quiz_id: projection.key_free(quiz) for quiz_id, quiz in course.quizzes.items()}
    return CourseSources(root, notebooks, course.quizzes, course.objectives, key_free)


def stage_key_free_course(sources: CourseSources, destination: Path) -> Path:
    """Write a course folder kernels may see: the notebooks folder, key-free quizzes, the cases.

    Args:
        sources: the course read by :func:`load_course_sources`.
        destination: an empty (or missing) folder, usually temporary.

    Returns:
        The staged course root (``destination``).
    """
    shutil.copytree(
        notebook_dir(sources.root),
        notebook_dir(destination),
        ignore=shutil.ignore_patterns(*_IGNORED_DIRS),
    )
    quizzes = quiz_dir(destination)
    quizzes.mkdir(parents=True, exist_ok=True)
    shutil.copy2(objectives_file(sources.root), objectives_file(destination))
    if cases_file(sources.root).is_file():  # the virtual clients: formative, no summative key
        shutil.copy2(cases_file(sources.root), cases_file(destination))
    for quiz_id, quiz in sources.key_free.items():
        text = projection.to_yaml(quiz, header=STAGED_HEADER)
        quiz_file(destination, quiz_id).write_text(text, encoding="utf-8")
    return destination
