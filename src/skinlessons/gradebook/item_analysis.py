"""Item statistics as Moodle's quiz statistics report computes them (pure functions).

Formulas (Moodle ``question/classes/statistics/questions/calculator.php`` and the quiz
statistics calculator; sample variances, n - 1):

* facility = mean item mark / item maximum;
* discrimination = corrected item-total correlation: Pearson r between the item marks and the
  *rest* (each trainee's total minus this item); Moodle shows 100 × r as its index;
* Cronbach's alpha = p / (p - 1) × (1 - Σ item variances / variance of totals), p items;
  Moodle shows 100 × alpha as the coefficient of internal consistency (CIC).

Judgements follow the bands of Moodle's "Quiz statistics report" documentation and are made
only when at least :data:`MIN_ANSWERS_TO_JUDGE` trainees answered.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

MIN_ANSWERS_TO_JUDGE: Final = 30
TOO_EASY_FACILITY: Final = 0.90
"""Facility at or above this: 'very easy' or easier in Moodle's bands."""
TOO_HARD_FACILITY: Final = 0.20
"""Facility at or below this: 'difficult' or harder in Moodle's bands."""
POOR_DISCRIMINATION: Final = 0.20
"""Discrimination below this (index < 20): 'very weak' in Moodle's bands, or negative."""
TOO_FEW: Final = "too few answers to judge"


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean (0 for no values)."""
    return sum(values) / len(values) if values else 0.0


def covariance(first: Sequence[float], second: Sequence[float]) -> float | None:
    """Sample covariance (n - 1); None for fewer than two pairs."""
    count = len(first)
    if count < 2 or len(second) != count:
        return None
    first_mean, second_mean = mean(first), mean(second)
    total = sum((a - first_mean) * (b - second_mean) for a, b in zip(first, second, strict=True))
    return total / (count - 1)


def variance(values: Sequence[float]) -> float | None:
    """Sample variance (n - 1); None for fewer than two values."""
    return covariance(values, values)


def facility(marks: Sequence[float], max_mark: float) -> float | None:
    """Mean mark as a share of the maximum, 0 to 1; None with no marks."""
    if not marks or max_mark <= 0:
        return None
    return mean(marks) / max_mark


def discrimination(item_marks: Sequence[float], totals: Sequence[float]) -> float | None:
    """Corrected item-total correlation, -1 to 1; None when either side does not vary."""
    rest = [total - item for total, item in zip(totals, item_marks, strict=True)]
    shared = covariance(item_marks, rest)
    item_var, rest_var = variance(item_marks), variance(rest)
    if shared is None or not item_var or not rest_var:
        return None
    return shared / math.sqrt(item_var * rest_var)


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of a trainees × items matrix; None for < 2 items or constant totals."""
    if not matrix:
        return None
    items = len(matrix[0])
    if items < 2:
        return None
    totals = [sum(row) for row in matrix]
    total_var = variance(totals)
    item_vars = [variance([row[column] for row in matrix]) for column in range(items)]
    if not total_var or any(value is None for value in item_vars):
        return None
    summed = sum(value for value in item_vars if value is not None)
    return items / (items - 1) * (1 - summed / total_var)


@dataclass(frozen=True)
class ItemStats:
    """One question's statistics and the judgement on it."""

    question_id: str
    answered: int
    facility: float | None
    discrimination: float | None
    flags: tuple[str, ...]


def judge(
    answered: int, item_facility: float | None, item_discrimination: float | None
) -> tuple[str, ...]:
    """The flags for a question: too easy, too hard, discriminates poorly; or too few answers."""
    if answered < MIN_ANSWERS_TO_JUDGE:
        return (TOO_FEW,)
    flags = []
    if item_facility is not None and item_facility >= TOO_EASY_FACILITY:
        flags.append("too easy")
    if item_facility is not None and item_facility <= TOO_HARD_FACILITY:
        flags.append("too hard")
    if item_discrimination is not None and item_discrimination < 0:
        flags.append("negative discrimination: check the key")
    elif item_discrimination is not None and item_discrimination < POOR_DISCRIMINATION:
        flags.append("discriminates poorly")
    return tuple(flags)


def analyse_items(
    question_ids: Sequence[str],
    max_marks: Sequence[float],
    matrix: Sequence[Sequence[float | None]],
    answered: Sequence[int],
) -> list[ItemStats]:
    """Statistics for every column of a trainees × items mark matrix (unanswered = 0).

    A cell is None where the trainee was not shown the question (a pooled quiz): the column's
    statistics are taken over the trainees who were shown it, as Moodle does for random
    questions, against each one's total over the questions they were shown.
    """
    totals = [sum(cell for cell in row if cell is not None) for row in matrix]
    stats = []
    for column, question_id in enumerate(question_ids):
        shown = [(row[column], total) for row, total in zip(matrix, totals, strict=True)]
        marks = [mark for mark, _total in shown if mark is not None]
        their_totals = [total for mark, total in shown if mark is not None]
        item_facility = facility(marks, max_marks[column])
        item_discrimination = discrimination(marks, their_totals) if len(marks) > 1 else None
        stats.append(
            ItemStats(
                question_id=question_id,
                answered=answered[column],
                facility=item_facility,
                discrimination=item_discrimination,
                flags=judge(answered[column], item_facility, item_discrimination),
            )
        )
    return stats
