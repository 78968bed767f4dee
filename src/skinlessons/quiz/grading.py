"""Score a trainee's response to a question, and a set of responses to a quiz (pure, no I/O).

Responses have the shapes of ``docs/contracts.md``. A missing response scores 0 ("not
answered"); a response of the wrong shape scores 0 with the reason; nothing here raises for
anything a trainee can send. Credit is computed with exact fractions, so a fully right answer
scores exactly ``points`` and no score leaves ``[0, points]``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Final

from ..errors import GradingError
from . import models
from .models import AnyQuestion, Quiz
from .numbers import parse_number
from .responses import fits, is_blank
from .text import normalise_answer

NOT_ANSWERED: Final = "Not answered."
CORRECT: Final = "Correct."
INCORRECT: Final = "Not quite."
PARTLY_RIGHT: Final = "Partly right."
# Float tolerance edges are inclusive: allow for the rounding of decimal input.
_EDGE_EPSILON: Final = 1e-9


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of one question: points earned, out of how many, and what to tell the trainee.

    Attributes:
        question_id: the question graded.
        score: points earned, in ``[0, max_points]``.
        max_points: the question's points.
        is_correct: fully right (partial credit is not correct).
        feedback: sentences for the trainee, verdict first.
        is_answered: False when there was no response.
        problem: why a response could not be graded (wrong shape, unreadable number), else None.
        must_pass: the question is a safety-critical item.
    """

    question_id: str
    score: float
    max_points: float
    is_correct: bool
    feedback: list[str] = field(default_factory=list)
    is_answered: bool = True
    problem: str | None = None
    must_pass: bool = False

    @property
    def fraction(self) -> float:
        """The share of the points earned, 0 to 1."""
        return self.score / self.max_points if self.max_points else 0.0


@dataclass(frozen=True, slots=True)
class QuizResult:
    """The outcome of a quiz: total, percentage, per-question results and the pass decision."""

    quiz_id: str
    score: float
    max_points: float
    results: dict[str, Result]
    pass_mark_pct: float
    must_pass_failed: list[str]

    @property
    def percentage(self) -> float:
        """The score as a percentage of the maximum (0 to 100)."""
        return 100.0 * self.score / self.max_points if self.max_points else 0.0

    @property
    def must_pass_met(self) -> bool:
        """True when every must-pass question is fully correct."""
        return not self.must_pass_failed

    @property
    def passed(self) -> bool:
        """The pass mark is reached and every must-pass question is correct."""
        reached = self.percentage >= self.pass_mark_pct - _EDGE_EPSILON
        return reached and self.must_pass_met


@dataclass(frozen=True, slots=True)
class _Outcome:
    credit: Fraction
    feedback: list[str]
    problem: str | None = None


def _malformed(reason: str) -> _Outcome:
    return _Outcome(Fraction(0), [reason], problem=reason)


def _verdict(credit: Fraction) -> str:
    return CORRECT if credit == 1 else INCORRECT if credit == 0 else PARTLY_RIGHT


def _single_choice(question: models.SingleChoice, response: Any) -> _Outcome:
    options = {option.id: option for option in question.options}
    credit = Fraction(int(response == question.key))
    chosen = options[response].feedback
    return _Outcome(credit, [_verdict(credit), *([chosen] if chosen else [])])


def _multiple_answers(question: models.MultipleAnswers, response: Any) -> _Outcome:
    options = {option.id: option for option in question.options}
    chosen = list(dict.fromkeys(response))
    key = set(question.key or ())
    hits = sum(1 for option_id in chosen if option_id in key)
    wrong = len(chosen) - hits
    credit = max(Fraction(0), Fraction(hits - wrong, len(key)))
    feedback = [_verdict(credit)]
    if credit < 1:
        feedback.append(f"You chose {hits} of the {len(key)} correct options.")
        if wrong:
            feedback.append(f"{wrong} of your choices {'is' if wrong == 1 else 'are'} not right.")
    feedback.extend(text for option_id in chosen if (text := options[option_id].feedback))
    return _Outcome(credit, feedback)


def _true_false(question: models.TrueFalse, response: Any) -> _Outcome:
    credit = Fraction(int(response == question.key))
    return _Outcome(credit, [_verdict(credit)])


def edge_margin(question: models.Numeric) -> float:
    """How far an answer may lie from the key and still be right: tolerance plus edge epsilon.

    A relative tolerance is taken of the key's value; the epsilon (for the rounding of decimal
    input) is relative to the larger of 1, the value and the tolerance.
    """
    if question.key is None:
        raise GradingError(f"question '{question.id}' has no key. Fix: use the instructor's quiz.")
    expected = question.key.value
    if question.key.relative_tolerance is not None:
        tolerance = abs(expected) * question.key.relative_tolerance
    else:
        tolerance = question.key.tolerance or 0.0
    return tolerance + _EDGE_EPSILON * max(1.0, abs(expected), tolerance)


def _numeric(question: models.Numeric, response: Any) -> _Outcome:
    parsed = parse_number(response, unit=question.unit, allow=question.allow)
    if parsed.value is None or question.key is None:
        return _malformed(parsed.problem or "This answer could not be read as a number.")
    difference = parsed.value - question.key.value
    credit = Fraction(int(abs(difference) <= edge_margin(question)))
    shown = f"{parsed.value:.10g}{' ' + question.unit if question.unit else ''}"
    feedback = [_verdict(credit)]
    if credit == 1:
        feedback.append(f"Your answer: {shown}.")
    else:
        feedback.append(f"Your answer ({shown}) is too {'high' if difference > 0 else 'low'}.")
    return _Outcome(credit, feedback)


def _matching(question: models.Matching, response: Any) -> _Outcome:
    key = question.key or {}
    right = sum(1 for prompt_id, match_id in key.items() if response.get(prompt_id) == match_id)
    credit = Fraction(right, len(key))
    feedback = [_verdict(credit)]
    if credit < 1:
        feedback.append(f"{right} of {len(key)} pairs are right.")
    return _Outcome(credit, feedback)


def _ordering(question: models.Ordering, response: Any) -> _Outcome:
    key = list(question.key or ())
    position: dict[str, int] = {}
    for index, item_id in enumerate(response):
        position.setdefault(item_id, index)
    pairs = list(itertools.pairwise(key))
    right = sum(
        1 for first, then in pairs if position.get(first, math.inf) < position.get(then, -1)
    )
    credit = Fraction(right, len(pairs)) if pairs else Fraction(1)
    if credit == 1 and list(response) != key:
        credit = Fraction(len(pairs) - 1, len(pairs)) if pairs else Fraction(0)
    feedback = [_verdict(credit)]
    if credit < 1:
        feedback.append(f"{right} of {len(pairs)} neighbouring pairs are in the right order.")
    return _Outcome(credit, feedback)


def _short_text(question: models.ShortText, response: Any) -> _Outcome:
    accepted = {normalise_answer(variant) for variant in question.key or ()}
    credit = Fraction(int(normalise_answer(response) in accepted))
    return _Outcome(credit, [_verdict(credit)])


_GRADERS: Final[dict[type[Any], Callable[[Any, Any], _Outcome]]] = {
    models.SingleChoice: _single_choice,
    models.MultipleAnswers: _multiple_answers,
    models.TrueFalse: _true_false,
    models.Numeric: _numeric,
    models.Matching: _matching,
    models.Ordering: _ordering,
    models.ShortText: _short_text,
}


_MISFIT_FEEDBACK: Final[dict[type[Any], str]] = {
    models.SingleChoice: "This answer is not one of the options; please choose one.",
    models.MultipleAnswers: "This answer should be a list of the options chosen.",
    models.TrueFalse: "This answer should be true or false.",
    models.Numeric: "This answer should be a number typed as text.",
    models.Matching: "This answer should pair each prompt with a match.",
    models.Ordering: "This answer should be the items in your chosen order.",
    models.ShortText: "This answer should be typed text.",
}
"""What a trainee reads when a kept response does not fit its question (``responses.fits``)."""


def grade(question: AnyQuestion, response: object) -> Result:
    """Score one response to one question.

    Args:
        question: a question that has its key.
        response: the trainee's response, shaped as ``docs/contracts.md`` says, or None.

    Returns:
        The result; never raises for any response.

    Raises:
        GradingError: the question has no key (a key-free projection cannot be graded).
    """
    if question.key_value() is None:
        raise GradingError(
            f"question '{question.id}' has no key — it comes from a key-free copy. "
            "Fix: grade with the instructor's quiz files."
        )
    if is_blank(response):
        outcome = _Outcome(Fraction(0), [NOT_ANSWERED])
    elif not fits(question, response):
        outcome = _malformed(_MISFIT_FEEDBACK[type(question)])
    else:
        outcome = _GRADERS[type(question)](question, response)
    return Result(
        question_id=question.id,
        score=float(outcome.credit * Fraction(question.points)),
        max_points=question.points,
        is_correct=outcome.credit == 1,
        feedback=outcome.feedback,
        is_answered=not is_blank(response),
        problem=outcome.problem,
        must_pass=question.must_pass,
    )


def grade_quiz(
    quiz: Quiz,
    responses: Mapping[str, object],
    *,
    grade_question: Callable[[AnyQuestion, object], Result] = grade,
) -> QuizResult:
    """Score every question of ``quiz``; responses to unknown question ids are ignored.

    The quiz is passed when the percentage reaches ``pass_mark_pct`` and every must-pass
    question is fully correct. ``grade_question`` scores one question (default :func:`grade`;
    the gradebook passes one that also honours the instructor's overrides).
    """
    results = {
        question.id: grade_question(question, responses.get(question.id))
        for question in quiz.questions
    }
    return QuizResult(
        quiz_id=quiz.id,
        score=sum(result.score for result in results.values()),
        max_points=sum(result.max_points for result in results.values()),
        results=results,
        pass_mark_pct=quiz.pass_mark_pct,
        must_pass_failed=[
            qid for qid, result in results.items() if result.must_pass and not result.is_correct
        ],
    )
