"""The lesson rules of a teaching lesson (one with objectives): its layout and its parts.

Each returns the problems it finds (``[]`` when sound); cells are numbered from 0.
"""

from __future__ import annotations

from nbformat import NotebookNode

from ..names import EXERCISE_TAG, INSTRUCTOR_TAG, QUIZ_TAG, SOLUTION_TAG
from .notebook import (
    KEY_POINT_ITEM,
    MARKER,
    Problem,
    code_calls,
    first_index,
    is_key_points_heading,
    tags_of,
)


def _layout_parts(nb: NotebookNode, lesson_id: str) -> dict[str, tuple[int | None, str]]:
    """Where each fixed part of a lesson is, with how to add it when it is missing."""
    header = first_index(nb, lambda c: code_calls(c, f'lesson.show_header("{lesson_id}")'))
    quiz = first_index(nb, lambda c: QUIZ_TAG in tags_of(c))
    references = first_index(nb, lambda c: code_calls(c, f'lesson.show_references("{lesson_id}")'))
    return {
        "the header call": (
            header,
            f'add a code cell lesson.show_header("{lesson_id}") after the title.',
        ),
        "a key-points heading": (
            first_index(nb, is_key_points_heading),
            "add a markdown cell '## Key points' before the quiz, one bullet per objective.",
        ),
        "a quiz-tagged cell": (
            quiz,
            f'add a code cell quiz.show("{lesson_id}") tagged {QUIZ_TAG!r} after the key points.',
        ),
        "the references call": (
            references,
            f'end the lesson with a code cell lesson.show_references("{lesson_id}").',
        ),
    }


def layout_problems(nb: NotebookNode, lesson_id: str) -> list[Problem]:
    """Header, teaching, key points, the lesson's quiz cell and references, in that order."""
    parts = _layout_parts(nb, lesson_id)
    problems = [
        Problem(f"missing {what}", fix) for what, (index, fix) in parts.items() if index is None
    ]
    quiz_cells = [i for i, cell in enumerate(nb.cells) if QUIZ_TAG in tags_of(cell)]
    if len(quiz_cells) > 1:
        problems.append(
            Problem(
                f"{len(quiz_cells)} quiz-tagged cells; a lesson shows one quiz",
                f"keep one cell tagged {QUIZ_TAG!r}.",
                quiz_cells[1],
            )
        )
    call = f'quiz.show("{lesson_id}")'
    for index in quiz_cells:
        if nb.cells[index].source.strip() != call:
            problems.append(
                Problem(
                    f"quiz cell is not exactly {call}", f"make the cell hold {call} only.", index
                )
            )
    if problems:
        return problems
    order = [index for index, _ in parts.values() if index is not None]  # all four found
    header, key_points, quiz, _references = order
    if order != sorted(order) or len(set(order)) != len(order):
        problems.append(
            Problem(
                f"out of order (header, key points, quiz, references): cells {order}",
                "move the cells into that order, the teaching between the header and the "
                "key points.",
            )
        )
    teaching = [c for c in nb.cells[header + 1 : key_points] if c.cell_type == "markdown"]
    if not any(MARKER.search(cell.source) for cell in teaching):
        problems.append(
            Problem(
                "no referenced teaching cell between the header and the key points",
                "cite the sources of the teaching as [R17] markers in its markdown cells.",
            )
        )
    if not any(cell.cell_type == "markdown" for cell in nb.cells[key_points + 1 : quiz]):
        problems.append(
            Problem(
                "the key-points heading has no key points under it before the quiz",
                "add a markdown cell of key points, one bullet per lesson objective.",
                key_points,
            )
        )
    return problems


def key_point_problems(nb: NotebookNode, objective_count: int) -> list[Problem]:
    """The key points mirror the lesson objectives one to one: one bullet per objective."""
    start = first_index(nb, is_key_points_heading)
    end = first_index(nb, lambda c: QUIZ_TAG in tags_of(c))
    fix = "write one bullet per lesson objective under the key-points heading, before the quiz."
    if start is None or end is None:
        return [Problem("no key points before the quiz", fix)]
    text = "\n".join(c.source for c in nb.cells[start:end] if c.cell_type == "markdown")
    bullets = len(KEY_POINT_ITEM.findall(text))
    if bullets != objective_count:
        return [
            Problem(f"{bullets} key points for {objective_count} lesson objectives", fix, start)
        ]
    return []


def part_problems(nb: NotebookNode, lesson_id: str) -> list[Problem]:
    """Instructor notes, an exercise with a worked solution, and a myth-vs-fact part."""
    problems = []
    for tag in (INSTRUCTOR_TAG, SOLUTION_TAG):
        if not any(tag in tags_of(cell) for cell in nb.cells):
            problems.append(
                Problem(f"no cell tagged {tag!r}", f"tag the lesson's {tag} cell {tag!r}.")
            )
    solution = first_index(nb, lambda c: SOLUTION_TAG in tags_of(c))
    if solution is not None and not any(
        "..." in cell.source and set(tags_of(cell)) <= {EXERCISE_TAG}
        for cell in nb.cells[:solution]
    ):
        problems.append(
            Problem(
                "the first solution has no exercise placeholder ('...') before it",
                f"put an exercise cell (tagged {EXERCISE_TAG!r}) with '...' for the trainee to "
                "fill in before it.",
                solution,
            )
        )
    call = f'lesson.show_myths("{lesson_id}")'
    if first_index(nb, lambda c: code_calls(c, call)) is None:
        problems.append(
            Problem(f"no myth-vs-fact part ({call})", f"add a code cell {call} after the teaching.")
        )
    return problems
