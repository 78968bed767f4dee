"""The grader's own draw of a pooled quiz, and what it notes when the file says otherwise.

The submission records the sitting and the question ids it showed, but the grader trusts
neither: it recomputes the draw (``skinlessons.quiz.draw``) from the trainee id, the quiz, each
pool and the sitting, grades that draw, and notes any difference (an edited file, or a trainee
id changed during the final) for the feedback page and ``files.csv``. A sitting above the one
the instructor allowed (``resits:`` in the overrides file; 1 otherwise) is graded as the allowed
sitting, with a note.
"""

from __future__ import annotations

from ..quiz.draw import FIRST_SITTING, drawn_ids
from ..quiz.models import Quiz
from ..submission.format import QuizAnswers
from ._quote import shorten


def graded_sitting(
    quiz_id: str, answers: QuizAnswers | None, allowed: int
) -> tuple[int, list[str]]:
    """The sitting to grade: the file's, unless it is above ``allowed`` (then ``allowed``)."""
    sitting = answers.sitting if answers is not None else FIRST_SITTING
    if sitting <= allowed:
        return sitting, []
    return allowed, [
        f"quiz '{quiz_id}' was handed in as sitting {sitting}, but sitting {allowed} is the "
        f"last one allowed for this trainee; sitting {allowed}'s draw was graded (if you "
        "allowed the re-sit, add it under 'resits:' in the overrides file and grade again)"
    ]


def graded_draw(
    quiz: Quiz,
    original: Quiz,
    trainee_id: str,
    answers: QuizAnswers | None,
    allowed: int = FIRST_SITTING,
) -> tuple[Quiz, list[str]]:
    """The quiz as this trainee's draw (of ``original``, the course's quiz) and the notes.

    Args:
        quiz: the quiz to grade (the course's, with any voided question left out).
        original: the course's quiz, whose questions and pools fix the draw.
        trainee_id: the id the submission carries.
        answers: the submission's entry for the quiz, if any.
        allowed: the highest sitting the instructor allows this trainee.
    """
    if not original.pools:
        return quiz, []
    sitting, notes = graded_sitting(quiz.id, answers, allowed)
    ids = drawn_ids(original, trainee_id, sitting)
    shown = set(ids)
    graded = quiz.model_copy(
        update={"questions": [q for q in quiz.questions if q.id in shown], "pools": []}
    )
    if answers is None or notes:
        return graded, notes
    pooled = {qid for pool in original.pools for qid in pool.questions}
    if answers.shown is not None:
        differ = sorted(set(answers.shown) ^ shown)
    else:
        differ = sorted(qid for qid in answers.answers if qid in pooled and qid not in shown)
    if differ:
        notes.append(
            f"quiz '{quiz.id}': the questions the file says were shown differ from this "
            f"trainee's draw (sitting {sitting}): {shorten(', '.join(differ), 240)}; the "
            "grader's draw was graded (an edited file, or a trainee id changed during the final)"
        )
    return graded, notes
