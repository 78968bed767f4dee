"""The design rules of a pooled quiz, which ``skinlessons check`` reports with file:line.

Every pool draws no more than it holds; every possible draw covers each course objective the
whole quiz covers and holds a must-pass item from each must-pass pool; every draw is worth the
same points; and no two questions of one pool are near-duplicates. The rules are decided per
pool, without listing the draws: a draw can miss an objective only if each pool can draw k of
its questions that all miss it (pools draw independently).
"""

from __future__ import annotations

import difflib
import itertools
import re
from typing import Final

from ..errors import ContentError
from .course_checks import LoadedQuiz
from .models import AnyQuestion, Objectives
from .pools import Pool

NEAR_DUPLICATE_RATIO: Final = 0.9
"""Stems of one pool this similar (difflib ratio, after folding case and spaces) are flagged."""


def _folded(stem: str) -> str:
    return re.sub(r"\s+", " ", stem).strip().casefold()


def _course_objectives(question: AnyQuestion, objectives: Objectives | None) -> set[str]:
    if objectives is None:
        return set(question.objectives)
    return {lo for oid in question.objectives for lo in objectives.course_objectives_of(oid)}


def pool_problems(loaded: LoadedQuiz, objectives: Objectives | None) -> list[ContentError]:
    """Every broken pool rule of one (valid) quiz; nothing for a quiz without pools.

    Args:
        loaded: the quiz and its document (for line numbers).
        objectives: the course's objectives, to map lesson objectives to course ones; None
            compares the objective ids the questions list.
    """
    quiz = loaded.quiz
    if not quiz.pools:
        return []
    by_id = {question.id: question for question in quiz.questions}
    problems: list[ContentError] = []
    for index, pool in enumerate(quiz.pools):
        problems += _pool_own_problems(loaded, index, [by_id[qid] for qid in pool.questions])
    problems += _coverage_problems(loaded, by_id, objectives)
    return problems


def _pool_own_problems(
    loaded: LoadedQuiz, index: int, questions: list[AnyQuestion]
) -> list[ContentError]:
    pool = loaded.quiz.pools[index]
    where = ("pools", index)
    problems = []
    size = len(questions)
    if pool.draw > size:
        problems.append(
            loaded.problem(
                f"pool '{pool.id}' draws {pool.draw} of {size} question(s)",
                (*where, "draw"),
                f"add questions to the pool or lower 'draw:' to at most {size}.",
            )
        )
    points = sorted({question.points for question in questions})
    if len(points) > 1 and pool.draw < size:
        problems.append(
            loaded.problem(
                f"pool '{pool.id}' mixes questions worth {', '.join(f'{p:g}' for p in points)} "
                "points, so draws differ in points",
                (*where, "questions"),
                "give every question of the pool the same 'points:'.",
            )
        )
    must = sum(question.must_pass for question in questions)
    if must and size - must >= pool.draw:
        problems.append(
            loaded.problem(
                f"pool '{pool.id}' holds {must} must-pass question(s) of {size}, so some draws "
                "have no must-pass item",
                (*where, "questions"),
                "make a must-pass pool of must-pass questions on the same safety point only.",
            )
        )
    for (_, first), (j, second) in itertools.combinations(enumerate(questions), 2):
        a, b = _folded(first.stem), _folded(second.stem)
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        if matcher.real_quick_ratio() < NEAR_DUPLICATE_RATIO:
            continue
        if matcher.quick_ratio() >= NEAR_DUPLICATE_RATIO and matcher.ratio() >= (
            NEAR_DUPLICATE_RATIO
        ):
            problems.append(
                loaded.problem(
                    f"questions '{first.id}' and '{second.id}' of pool '{pool.id}' have "
                    f"near-identical stems ({100 * matcher.ratio():.0f} % alike)",
                    (*where, "questions", j),
                    "rewrite one so it asks about the point in another way, or replace it.",
                )
            )
    return problems


def _coverage_problems(
    loaded: LoadedQuiz, by_id: dict[str, AnyQuestion], objectives: Objectives | None
) -> list[ContentError]:
    quiz = loaded.quiz
    pooled = {qid for pool in quiz.pools for qid in pool.questions}
    always: set[str] = set()
    for question in quiz.questions:
        if question.id not in pooled:
            always |= _course_objectives(question, objectives)
    wanted: set[str] = set()
    for question in quiz.questions:
        wanted |= _course_objectives(question, objectives)
    problems = []
    for objective in sorted(wanted - always):
        if any(_always_drawn(pool, by_id, objective, objectives) for pool in quiz.pools):
            continue
        problems.append(
            loaded.problem(
                f"some draws of '{quiz.id}' assess no question on objective {objective}",
                ("pools",),
                f"make one pool hold only questions on {objective} (or enough of them that "
                "every draw takes one), or add an always-shown question on it.",
            )
        )
    return problems


def _always_drawn(
    pool: Pool, by_id: dict[str, AnyQuestion], objective: str, objectives: Objectives | None
) -> bool:
    """True if every draw of ``pool`` holds a question on ``objective``."""
    missing = sum(
        1 for qid in pool.questions if objective not in _course_objectives(by_id[qid], objectives)
    )
    return missing < pool.draw
