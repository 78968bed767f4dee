"""Run the lesson rules over a course; each problem names its file and cell.

The lessons are those ``quizzes/objectives.yaml`` lists; a lesson with objectives is a
**teaching lesson** and follows the full lesson layout, while the others (the start and the
final assessment) keep their own shape and get the rules every notebook follows.

To add a rule: write a function ``(LessonFile) -> list[Problem]`` and add one ``Rule`` to
``RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nbformat import NotebookNode

if TYPE_CHECKING:
    from ..facts.glossary import GlossaryTerm

from ..course import lesson_notebooks, notebook_dir, objectives_file, quiz_dir, quiz_files
from ..errors import ContentErrors, LessonFormatError
from ..names import GLOSSARY_STEM, OBJECTIVES_FILE
from ..quiz.models import Lesson
from . import code_cells, glossary_links, optional, teaching
from . import every_notebook as every
from .notebook import Problem, quiet_nbformat, read_notebook, stored_cell_ids
from .objectives import objective_problems


@dataclass(frozen=True)
class CourseFacts:
    """What the lesson rules need to know of the course."""

    quiz_folder: Path
    quiz_ids: Mapping[str, str]
    """File name → quiz id of each quiz file of the course that loads."""
    references: Collection[str] | None
    """The reference ids of the course data; None when that data does not load."""
    glossary: Collection[GlossaryTerm] | None = None
    """The glossary terms of the course data; None when that data does not load."""


@dataclass(frozen=True)
class LessonFile:
    """One lesson notebook under check."""

    path: Path
    lesson: Lesson
    """The lesson's entry in objectives.yaml."""
    notebook: NotebookNode
    course: CourseFacts

    @property
    def is_teaching(self) -> bool:
        """A lesson with objectives: it follows the full lesson layout."""
        return bool(self.lesson.objectives)


@dataclass(frozen=True)
class Rule:
    """One lesson rule: its name, the function, which lessons it covers, and its level."""

    name: str
    check: Callable[[LessonFile], list[Problem]]
    teaching_only: bool = False
    warning: bool = False
    """A warning is printed but does not fail ``check``."""


def _glossary_links(lesson: LessonFile) -> list[Problem]:
    if lesson.course.glossary is None:  # the facts check reports why the data does not load
        return []
    return glossary_links.glossary_link_problems(lesson.notebook, lesson.course.glossary)


def _markers(lesson: LessonFile) -> list[Problem]:
    if lesson.course.references is None:  # the facts check reports why the data does not load
        return []
    return every.marker_problems(lesson.notebook, lesson.course.references)


RULES: tuple[Rule, ...] = (
    Rule("format", lambda lesson: every.format_problems(lesson.path)),
    Rule("tags", lambda lesson: every.tag_problems(lesson.notebook)),
    Rule("title", lambda lesson: every.title_problems(lesson.notebook, lesson.lesson.title)),
    Rule(
        "layout",
        lambda lesson: teaching.layout_problems(lesson.notebook, lesson.lesson.id),
        teaching_only=True,
    ),
    Rule(
        "key points",
        lambda lesson: teaching.key_point_problems(lesson.notebook, len(lesson.lesson.objectives)),
        teaching_only=True,
    ),
    Rule(
        "parts",
        lambda lesson: teaching.part_problems(lesson.notebook, lesson.lesson.id),
        teaching_only=True,
    ),
    Rule("markers", _markers),
    Rule(
        "quiz calls",
        lambda lesson: every.quiz_call_problems(
            lesson.notebook, lesson.course.quiz_folder, lesson.course.quiz_ids
        ),
    ),
    Rule("math", lambda lesson: every.math_problems(lesson.notebook)),
    Rule("exercises", lambda lesson: code_cells.exercise_problems(lesson.notebook)),
    Rule("collapsed code", lambda lesson: code_cells.collapse_problems(lesson.notebook)),
    Rule("glossary links", _glossary_links),
    Rule("optional parts", lambda lesson: optional.optional_problems(lesson.notebook)),
    Rule(
        "optional time",
        lambda lesson: optional.optional_time_problems(
            lesson.notebook, lesson.lesson, lesson.course.quiz_folder / OBJECTIVES_FILE
        ),
    ),
)


class LessonProblem(LessonFormatError):
    """A lesson problem located by file and cell: ``file cell 40, id 03-040: what. Fix: how``."""

    def __init__(
        self,
        problem: Problem,
        path: Path,
        cell_ids: list[str | None] | None = None,
        *,
        warning: bool = False,
    ) -> None:
        cell = self.cell = problem.cell
        self.cell_id: str | None = None
        if cell_ids is not None and cell is not None and 0 <= cell < len(cell_ids):
            self.cell_id = cell_ids[cell]
        self.warning = warning
        super().__init__(problem.message, path=_shown(problem.path or path), hint=problem.fix)

    @property
    def location(self) -> str:
        """The file, then the cell by its 0-based index and its id."""
        where = str(self.path)
        if self.cell is not None:
            where += f" cell {self.cell}"
            if self.cell_id:
                where += f", id {self.cell_id}"
        return where

    def format(self) -> str:
        """``file cell N, id X: what is wrong. Fix: how``."""
        return f"{self.location}: {self.message}. Fix: {self.hint}"

    def sort_key(self) -> tuple[str, int, str]:
        """Order by file, then cell."""
        return (str(self.path or ""), -1 if self.cell is None else self.cell, self.message)


def _shown(path: Path) -> Path:
    """The path relative to the working folder when it lies inside it, else as it is."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _check_notebook(path: Path, lesson: Lesson, course: CourseFacts) -> list[LessonProblem]:
    notebook = read_notebook(path)
    if isinstance(notebook, Problem):
        return [LessonProblem(notebook, path)]
    cell_ids = stored_cell_ids(path)
    under_check = LessonFile(path, lesson, notebook, course)
    with quiet_nbformat():
        return [
            LessonProblem(problem, path, cell_ids, warning=rule.warning)
            for rule in RULES
            if under_check.is_teaching or not rule.teaching_only
            for problem in rule.check(under_check)
        ]


def course_lesson_problems(
    root: Path,
    references: Collection[str] | None,
    glossary: Collection[GlossaryTerm] | None = None,
) -> tuple[list[LessonProblem], int]:
    """Every lesson problem of the course at ``root``, and the number of lessons checked.

    Args:
        root: the course folder.
        references: the reference ids lesson markers may cite; None skips that rule.
        glossary: the glossary terms whose first use must link to their entry; None skips
            that rule.
    """
    from ..quiz.loader import load_objectives, load_valid_quizzes

    objectives_path = objectives_file(root)
    try:
        objectives = load_objectives(objectives_path)
    except ContentErrors as broken:
        unchecked = Problem(
            f"the lessons cannot be checked: this file has {len(broken.problems)} problem(s)",
            "mend it first (skinlessons check --only quizzes lists them).",
        )
        return [LessonProblem(unchecked, objectives_path)], 0
    quizzes = load_valid_quizzes(root)
    course = CourseFacts(
        quiz_dir(root),
        {item.doc.path.name: item.quiz.id for item in quizzes},
        references,
        glossary,
    )
    folder = notebook_dir(root)
    problems: list[LessonProblem] = []
    checked = 0
    for lesson in objectives.lessons:
        path = folder / f"{lesson.id}.ipynb"
        if path.is_file():
            problems.extend(_check_notebook(path, lesson, course))
            checked += 1
        elif not lesson.objectives:  # the objectives rule names a teaching lesson's notebook
            missing = Problem(
                f"lesson {lesson.id} has no notebook {path.name}",
                "add the notebook, or correct the lesson id.",
            )
            problems.append(LessonProblem(missing, objectives_path))
    listed = {f"{lesson.id}.ipynb" for lesson in objectives.lessons} | {f"{GLOSSARY_STEM}.ipynb"}
    for path in lesson_notebooks(root):
        if path.name not in listed:
            unlisted = Problem(
                "this notebook is not a lesson of objectives.yaml, so no lesson rule checks it",
                f"list it under 'lessons:' in {objectives_path.name}, or move it out of "
                f"{folder.name}/.",
            )
            problems.append(LessonProblem(unlisted, path, warning=True))
    # Counting which objectives are assessed over half-read quizzes would report false gaps.
    if len(quizzes) == len(quiz_files(root)):
        found = objective_problems(
            objectives, (item.quiz for item in quizzes), folder, objectives_path
        )
        problems.extend(LessonProblem(problem, objectives_path) for problem in found)
    return sorted(problems, key=LessonProblem.sort_key), checked


def exercise_counts(root: Path) -> dict[str, int]:
    """Lesson id → the number of exercise cells in its notebook, for each lesson that has one.

    Lessons whose notebook is missing or unreadable are left out (their problems say why).
    """
    from ..quiz.loader import load_objectives

    try:
        lessons = load_objectives(objectives_file(root)).lessons
    except ContentErrors:
        return {}
    counts = {}
    for lesson in lessons:
        path = notebook_dir(root) / f"{lesson.id}.ipynb"
        notebook = read_notebook(path) if path.is_file() else None
        if isinstance(notebook, NotebookNode):
            counts[lesson.id] = code_cells.exercise_count(notebook)
    return counts
