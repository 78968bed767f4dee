"""The course-wide lesson rule: every lesson objective is taught in its lesson and assessed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..names import NOTEBOOK_DIR
from ..quiz.models import Objectives, Quiz
from .notebook import Problem, code_calls, read_notebook


def objective_problems(
    objectives: Objectives,
    quizzes: Iterable[Quiz],
    notebook_folder: Path,
    objectives_path: Path | None = None,
) -> list[Problem]:
    """Every lesson objective is taught in its lesson and assessed by some question.

    Args:
        objectives: the course's objectives.
        quizzes: every quiz of the course.
        notebook_folder: the course's lesson notebooks.
        objectives_path: the objectives file, named by the problems that lie in it.
    """
    listed = {objective for quiz in quizzes for q in quiz.questions for objective in q.objectives}
    problems = []
    for lesson_entry in objectives.lessons:
        if not lesson_entry.objectives:
            continue
        path = notebook_folder / f"{lesson_entry.id}.ipynb"
        call = f'lesson.show_header("{lesson_entry.id}")'
        # An unreadable notebook is reported by the lesson checks, not here.
        nb = read_notebook(path) if path.is_file() else None
        if nb is None:
            missing = f"{lesson_entry.id} has objectives but no notebook {path.name}"
            fix = f"add {NOTEBOOK_DIR}/{path.name}, or correct the lesson id."
            problems.append(Problem(missing, fix, path=objectives_path))
        elif not isinstance(nb, Problem) and not any(code_calls(c, call) for c in nb.cells):
            untaught = f"{path.name} never shows its objectives ({call})"
            problems.append(
                Problem(untaught, f"add a code cell {call} after the title.", path=path)
            )
        for objective in lesson_entry.objectives:
            if not listed & {objective.id, *objective.course}:
                problems.append(
                    Problem(
                        f"{objective.id} ({lesson_entry.id}) is assessed by no question",
                        f"list {objective.id}, or one of {list(objective.course)}, under a "
                        "question's objectives.",
                        path=objectives_path,
                    )
                )
    return problems
