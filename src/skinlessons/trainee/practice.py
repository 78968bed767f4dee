""" "Try another" on a lesson self-check: a fresh computed variant of a template question.

The trainee's own variant (attempt 0) is what the answer log keeps and ``submit`` packs. Each
press of Try another shows the next variant of the trainee's practice order
(``logic.variants.trainee_variant`` with attempt 1, 2, ...). Its changes and checks are logged
like any others, marked ``practice`` with the attempt and the variant, so they never change the
kept first attempt, the number of checks or any grade. Reopening the notebook shows the
trainee's own variant again; the next Try another carries on after the last practice attempt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..logic.variants import is_template, realise, trainee_variant
from ..quiz.draw import FIRST_SITTING
from ..quiz.models import AnyQuestion, Numeric, Quiz
from .recording import AnswerEvent


class Practice:
    """The template questions of one self-check and the practice variant each one shows.

    Args:
        quiz: the self-check as loaded (its template questions not yet realised).
        trainee_id: whose practice order it is ("" without an id).
        sitting: the sitting (always 1 for a self-check today).
    """

    def __init__(self, quiz: Quiz, trainee_id: str, sitting: int = FIRST_SITTING) -> None:
        self.quiz_id = quiz.id
        self.trainee_id = trainee_id
        self.sitting = sitting
        self.templates: dict[str, Numeric] = {
            q.id: q for q in quiz.questions if isinstance(q, Numeric) and is_template(q)
        }
        self.last_attempt: dict[str, int] = {}
        """The last practice attempt logged or shown per question (0: none yet)."""
        self.showing: dict[str, dict[str, Any]] = {}
        """The practice mark of the variant on screen, per question showing one."""

    def offers(self, question_id: str) -> bool:
        """True for a template question: it gets a Try another button."""
        return question_id in self.templates

    def restore(self, events: Iterable[AnswerEvent]) -> None:
        """Carry on after the last practice attempt the log holds for each question."""
        for event in events:
            if event.quiz_id == self.quiz_id and event.practice and self.offers(event.question_id):
                attempt = int(event.practice["attempt"])
                last = self.last_attempt.get(event.question_id, 0)
                self.last_attempt[event.question_id] = max(last, attempt)

    def another(self, question_id: str) -> AnyQuestion:
        """The next practice variant of a template question, realised with its key.

        Raises:
            KeyError: the question is not a template question of this quiz.
        """
        template = self.templates[question_id]
        attempt = self.last_attempt.get(question_id, 0) + 1
        variant = trainee_variant(
            template,
            trainee_id=self.trainee_id,
            quiz_id=self.quiz_id,
            sitting=self.sitting,
            attempt=attempt,
        )
        self.last_attempt[question_id] = attempt
        self.showing[question_id] = {"attempt": attempt, "variant": variant}
        return realise(template, variant)

    def mark(self, question_id: str) -> dict[str, Any] | None:
        """The practice mark of what is on screen, or None for the trainee's own variant."""
        return self.showing.get(question_id)
