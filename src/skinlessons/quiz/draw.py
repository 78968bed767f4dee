"""The draw: which questions of a pooled quiz a trainee is shown, in which sitting.

:func:`drawn_ids` is the one owner of the draw; the trainee's quiz display, ``submit`` and
``grade`` all call it (or :func:`drawn_quiz`, built on it). It depends on the normalised trainee
id, the quiz id, the pool id and the sitting only (SHA-256 driven, the same on every machine and
Python version), never on the quiz version or the question texts.
"""

from __future__ import annotations

from typing import Final

from ..submission.trainee_ids import normalise_trainee_id
from .models import Quiz
from .pools import Pool
from .shuffle import permute

FIRST_SITTING: Final = 1
"""The sitting of a first attempt; a re-sit the instructor allows is 2, 3, ..."""


def draw_pool(pool: Pool, *, trainee_id: str, quiz_id: str, sitting: int) -> list[str]:
    """The ids of ``pool`` this trainee is shown in this sitting (SHA-256 driven, stable).

    The pool's ids are taken sorted, so reordering them in the file re-draws nobody.
    """
    seed = f"{quiz_id}\x00{pool.id}\x00{sitting}"
    order = permute(
        sorted(pool.questions), trainee_id=normalise_trainee_id(trainee_id), question_id=seed
    )
    return order[: pool.draw]


def drawn_ids(quiz: Quiz, trainee_id: str, sitting: int = FIRST_SITTING) -> list[str]:
    """The question ids shown to ``trainee_id`` in ``sitting``, in the quiz file's order.

    A quiz without pools shows every question.
    """
    if not quiz.pools:
        return [question.id for question in quiz.questions]
    pooled = {question_id for pool in quiz.pools for question_id in pool.questions}
    chosen = {
        question_id
        for pool in quiz.pools
        for question_id in draw_pool(pool, trainee_id=trainee_id, quiz_id=quiz.id, sitting=sitting)
    }
    return [q.id for q in quiz.questions if q.id not in pooled or q.id in chosen]


def drawn_quiz(quiz: Quiz, trainee_id: str, sitting: int = FIRST_SITTING) -> Quiz:
    """The quiz as this trainee sits it: only the drawn questions, no pools (not revalidated)."""
    if not quiz.pools:
        return quiz
    shown = set(drawn_ids(quiz, trainee_id, sitting))
    questions = [question for question in quiz.questions if question.id in shown]
    return quiz.model_copy(update={"questions": questions, "pools": []})


def always_shown(quiz: Quiz) -> Quiz:
    """The quiz with only the questions in no pool (what every draw shows), no pools."""
    if not quiz.pools:
        return quiz
    pooled = {question_id for pool in quiz.pools for question_id in pool.questions}
    questions = [question for question in quiz.questions if question.id not in pooled]
    return quiz.model_copy(update={"questions": questions, "pools": []})


def draw_max_points(quiz: Quiz) -> float:
    """The points of one draw (``check`` makes every draw worth the same).

    Pool members missing from ``quiz`` (a voided question) are left out; a pool then draws
    from the rest.
    """
    by_id = {question.id: question for question in quiz.questions}
    pooled = {question_id for pool in quiz.pools for question_id in pool.questions}
    total = sum(q.points for q in quiz.questions if q.id not in pooled)
    for pool in quiz.pools:
        points = sorted((by_id[qid].points for qid in pool.questions if qid in by_id), reverse=True)
        total += sum(points[: pool.draw])
    return total


def must_pass_per_draw(quiz: Quiz) -> int:
    """The fewest must-pass questions any draw of ``quiz`` shows (all of them without pools)."""
    by_id = {question.id: question for question in quiz.questions}
    pooled = {question_id for pool in quiz.pools for question_id in pool.questions}
    count = sum(q.must_pass for q in quiz.questions if q.id not in pooled)
    for pool in quiz.pools:
        members = [by_id[qid] for qid in pool.questions if qid in by_id]
        others = sum(not question.must_pass for question in members)
        count += max(0, min(pool.draw, len(members)) - others)
    return count
