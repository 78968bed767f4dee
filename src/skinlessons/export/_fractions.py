"""Grade fractions Moodle accepts, and the answer weights our partial-credit rules turn into.

Moodle keeps a fixed list of grade fractions (``question_bank::fraction_options_full()``) and its
GIFT importer refuses a weight more than 0.00001 away from one of them. Every weight written by
the exporters goes through :func:`snap`. Multiple-answers weights mirror
``quiz.grading``: each correct option earns ``1/k`` of the points and each wrong option costs
``1/k`` (k = number of correct options), clamped at 0 by the LMS as by our grading.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Final

from ..errors import ExportError

MOODLE_FRACTIONS: Final = (
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
)
"""The positive grade fractions Moodle offers; their negatives and 0 are accepted too."""
_ALL_FRACTIONS: Final = (*MOODLE_FRACTIONS, 0.0, *(-value for value in MOODLE_FRACTIONS))
_MATCH_EPSILON: Final = 0.00001


def snap(fraction: float) -> float:
    """The accepted Moodle fraction nearest to ``fraction`` (-1 to 1)."""
    return min(_ALL_FRACTIONS, key=lambda accepted: abs(accepted - fraction))


def is_accepted(fraction: float) -> bool:
    """True when Moodle's importer takes ``fraction`` as it is (within 0.00001)."""
    return any(abs(fraction - accepted) < _MATCH_EPSILON for accepted in _ALL_FRACTIONS)


def percent(fraction: float) -> str:
    """A fraction as Moodle writes a percentage: ``33.33333``, ``-50``, ``100``."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(value: float) -> str:
    """A number in plain decimal notation (no exponent, no trailing zeros): ``0.5``, ``75``."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def correct_option_weights(count: int, *, question_id: str) -> list[float]:
    """Weights for the ``count`` correct options of a multiple-answers question.

    Each is ``1/count`` when Moodle accepts it (count 1-10); otherwise two neighbouring accepted
    fractions are mixed so that the weights still sum to 1 (rounded to two places, as Moodle
    checks). The weights are given largest first.

    Raises:
        ExportError: no such mix exists (more correct options than Moodle can weigh).
    """
    even = snap(1 / count)
    if abs(even * count - 1) < 0.005:
        return [even] * count
    positives = sorted(MOODLE_FRACTIONS, reverse=True)
    for larger, smaller in itertools.pairwise(positives):
        for larger_count in range(count + 1):
            total = larger * larger_count + smaller * (count - larger_count)
            if abs(total - 1) < 0.005:
                return [larger] * larger_count + [smaller] * (count - larger_count)
    raise ExportError(
        f"question '{question_id}': {count} correct options cannot be weighted with Moodle's "
        "grade fractions so that they sum to 100%. Fix: mark at most 10 options as correct, "
        "or split the question."
    )


def wrong_option_weight(count: int) -> float:
    """The (negative) weight of a wrong option when ``count`` options are correct."""
    return snap(-1 / count)
