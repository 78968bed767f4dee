"""A live quiz's state, without any widget: responses, formative checks and feedback.

The widget layer only binds controls to a :class:`QuizSession`: a changed control calls
:meth:`QuizSession.set_response`, a Check button calls :meth:`QuizSession.check`. Every change
is appended to the answer log; :meth:`QuizSession.restore` reads it back when the notebook is
reopened. Grading is ``grading.grade``; this module only words the result for the trainee.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from ..quiz import grading, models
from ..quiz.models import AnyQuestion, Quiz
from ..quiz.responses import fits, is_blank
from . import strings
from .answers import keep_answers
from .practice import Practice
from .recording import AnswerRecorder

FeedbackStatus = Literal["correct", "partial", "incorrect", "needs_answer", "unreadable", "no_key"]
Citer = Callable[[str], str]


@dataclass(frozen=True)
class Feedback:
    """What the trainee reads after pressing Check: a verdict in words, then the why."""

    status: FeedbackStatus
    headline: str
    details: list[str] = field(default_factory=list)
    explanation: str | None = None
    references: list[str] = field(default_factory=list)
    attempts: int = 0

    @property
    def text(self) -> str:
        """The whole feedback as plain text, one part per line."""
        lines = [self.headline, *self.details]
        if self.explanation:
            lines.append(f"{strings.EXPLANATION_HEADING}: {self.explanation}")
        if self.references:
            lines.append(f"{strings.REFERENCES_HEADING}: {'; '.join(self.references)}")
        if self.attempts:
            lines.append(attempts_text(self.attempts))
        return "\n".join(lines)


def attempts_text(count: int) -> str:
    """``Checked 2 times. Your first checked answer is the one recorded.``"""
    times = strings.TIMES_ONE if count == 1 else strings.TIMES_MANY
    return strings.FEEDBACK_ATTEMPTS.format(count=count, times=times)


def _as_logged(question: AnyQuestion, response: Any) -> bool:
    return True


def _every_position(question: models.Ordering, response: Any) -> bool:
    return len(response) == len(question.items)


def _typed_number(question: models.Numeric, response: Any) -> bool:
    return isinstance(response, str)  # the live quiz logs the text typed


_RESTORABLE: Final[dict[type[Any], Callable[[Any, Any], bool]]] = {
    models.SingleChoice: _as_logged,
    models.MultipleAnswers: _as_logged,
    models.TrueFalse: _as_logged,
    models.Numeric: _typed_number,
    models.Matching: _as_logged,
    models.Ordering: _every_position,
    models.ShortText: _as_logged,
}
"""Beyond fitting: what a logged (non-blank) response needs for the controls to show it."""


def restorable(question: AnyQuestion, response: Any) -> bool:
    """True if a logged response can be shown again in the controls.

    It must fit the question (``responses.fits``); an ordering needs one entry per position and
    a number must be text. A response logged against an older version of a quiz may name an
    option that is gone; it is not restored.
    """
    if not fits(question, response):
        return False
    if is_blank(response):
        return True
    return _RESTORABLE[type(question)](question, response)


def _verdict(result: grading.Result) -> tuple[FeedbackStatus, str]:
    if result.is_correct:
        return "correct", strings.FEEDBACK_CORRECT
    if result.score > 0:
        return "partial", strings.FEEDBACK_PARTIAL.format(
            score=result.score, points=result.max_points
        )
    return "incorrect", strings.FEEDBACK_INCORRECT


class QuizSession:
    """One trainee's answers to one quiz in a running notebook.

    Args:
        quiz: the quiz shown.
        recorder: the answer log changes are appended to (file, or memory when unattended).
        quiz_version: the quiz's version hash, written with every change.
        cite: turns a reference id into a citation for the feedback (default: the id itself).
        practice: the "Try another" variants of a self-check's template questions (None:
            no question offers one).
    """

    def __init__(
        self,
        quiz: Quiz,
        recorder: AnswerRecorder,
        *,
        quiz_version: str,
        cite: Citer | None = None,
        practice: Practice | None = None,
    ) -> None:
        self.quiz = quiz
        self.practice = practice
        self.shown: dict[str, AnyQuestion] = {}
        """A practice variant on screen instead of the quiz's question, per question id."""
        self.recorder = recorder
        self.quiz_version = quiz_version
        self.cite: Citer = cite or str
        self.responses: dict[str, Any] = {}
        self.attempts: dict[str, int] = {}
        self.first_responses: dict[str, Any] = {}
        self.feedback: dict[str, Feedback] = {}

    @property
    def is_summative(self) -> bool:
        """True for the final assessment: no Check, no correctness shown."""
        return self.quiz.is_summative

    def restore(self) -> None:
        """Load the kept answers of this quiz from the log (the latest response, the checks)."""
        events = self.recorder.events()
        kept = keep_answers(events, self.quiz.id, self.quiz.kind)
        if self.practice is not None:
            self.practice.restore(events)
        ids = {question.id for question in self.quiz.questions}
        for question_id, answer in kept.items():
            if question_id not in ids:
                continue
            if restorable(self.quiz.question(question_id), answer.response):
                self.responses[question_id] = answer.response
            if not self.is_summative and answer.attempts:
                self.attempts[question_id] = answer.attempts
                self.first_responses[question_id] = answer.first_response

    def set_response(self, question_id: str, response: Any) -> bool:
        """Record a changed answer; returns False (and records nothing) if it did not change.

        Raises:
            KeyError: the quiz has no question with this id.
        """
        self.quiz.question(question_id)
        if question_id in self.responses and self.responses[question_id] == response:
            return False
        if question_id not in self.responses and is_blank(response):
            return False
        self.responses[question_id] = response
        self.feedback.pop(question_id, None)
        self.recorder.record(
            self.quiz.id, self.quiz_version, question_id, response, practice=self._mark(question_id)
        )
        return True

    def question(self, question_id: str) -> AnyQuestion:
        """The question on screen: a practice variant, else the quiz's own.

        Raises:
            KeyError: the quiz has no question with this id.
        """
        return self.shown.get(question_id) or self.quiz.question(question_id)

    def try_another(self, question_id: str) -> AnyQuestion:
        """Show the next practice variant of a self-check's template question; its answer is blank.

        Raises:
            ValueError: the quiz is summative, or the question offers no practice variants.
        """
        if self.is_summative or self.practice is None or not self.practice.offers(question_id):
            raise ValueError(
                f"question '{question_id}' of '{self.quiz.id}' has no practice variants. Fix: "
                "offer Try another only on a lesson self-check's template questions."
            )
        self.shown[question_id] = self.practice.another(question_id)
        self.responses.pop(question_id, None)
        self.feedback.pop(question_id, None)
        return self.shown[question_id]

    def _mark(self, question_id: str) -> dict[str, Any] | None:
        return self.practice.mark(question_id) if self.practice is not None else None

    def check(self, question_id: str) -> Feedback:
        """Grade the current answer of a formative question and word the result.

        A blank answer, or a number that cannot be read, is not counted as an attempt.

        Raises:
            ValueError: the quiz is summative (its answers are never checked in the notebook).
            KeyError: the quiz has no question with this id.
        """
        if self.is_summative:
            raise ValueError(
                f"quiz '{self.quiz.id}' is summative: its answers are not checked in the "
                "notebook. Fix: only offer Check on formative quizzes."
            )
        question = self.question(question_id)
        response = self.responses.get(question_id)
        mark = self._mark(question_id)
        feedback = (
            self._assess(question, response)
            if mark is None
            else self._practise(question, response, mark)
        )
        self.feedback[question_id] = feedback
        return feedback

    def _assess(self, question: AnyQuestion, response: Any) -> Feedback:
        if is_blank(response):
            return Feedback("needs_answer", strings.FEEDBACK_NEEDS_ANSWER)
        if question.key_value() is None:
            return Feedback("no_key", strings.FEEDBACK_NO_KEY)
        result = grading.grade(question, response)
        if result.problem is not None:
            headline = strings.FEEDBACK_UNREADABLE.format(problem=result.problem)
            return Feedback("unreadable", headline)
        self.recorder.record(self.quiz.id, self.quiz_version, question.id, response, is_check=True)
        attempts = self.attempts.get(question.id, 0) + 1
        self.attempts[question.id] = attempts
        self.first_responses.setdefault(question.id, response)
        status, headline = _verdict(result)
        # grading.Result.feedback starts with its own verdict word; ours replaces it.
        return Feedback(
            status,
            headline,
            details=list(result.feedback[1:]),
            explanation=question.explanation,
            references=[self.cite(reference) for reference in question.references],
            attempts=attempts,
        )

    def _practise(self, question: AnyQuestion, response: Any, mark: dict[str, Any]) -> Feedback:
        """Check a practice variant: logged as a check, never kept or counted."""
        if is_blank(response) or question.key_value() is None:
            return self._assess(question, response)
        result = grading.grade(question, response)
        if result.problem is not None:
            return Feedback(
                "unreadable", strings.FEEDBACK_UNREADABLE.format(problem=result.problem)
            )
        self.recorder.record(
            self.quiz.id, self.quiz_version, question.id, response, is_check=True, practice=mark
        )
        status, headline = _verdict(result)
        note = strings.PRACTICE_NOTE.format(attempt=mark["attempt"])
        return Feedback(
            status,
            headline,
            details=[*result.feedback[1:], note],
            explanation=question.explanation,
            references=[self.cite(reference) for reference in question.references],
        )

    def unanswered(self) -> list[tuple[int, str]]:
        """(question number, question id) of every question without an answer yet."""
        return [
            (number, question.id)
            for number, question in enumerate(self.quiz.questions, start=1)
            if is_blank(self.responses.get(question.id))
        ]
