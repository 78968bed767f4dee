"""Moodle grade fractions: snapping, percentages and multiple-answers weights."""

from __future__ import annotations

import pytest

from skinlessons.errors import ExportError
from skinlessons.export._fractions import (
    correct_option_weights,
    is_accepted,
    number,
    percent,
    snap,
    wrong_option_weight,
)


@pytest.mark.parametrize("count", range(1, 16), ids=lambda count: f"{count}-keys")
def test_key_weights_are_accepted_and_sum_to_100(count: int) -> None:
    """Every key weight is a Moodle grade value, and together they make 100% (to 0.01)."""
    weights = correct_option_weights(count, question_id="q")
    assert len(weights) == count
    assert all(is_accepted(weight) for weight in weights)
    assert round(sum(weights) * 100, 2) == 100
    assert is_accepted(wrong_option_weight(count)) and wrong_option_weight(count) < 0


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "100"), (2, "50"), (3, "33.33333"), (6, "16.66667"), (7, "14.28571"), (9, "11.11111")],
    ids=lambda value: str(value),
)
def test_even_weights_as_moodle_writes_them(count: int, expected: str) -> None:
    """1/k is written with Moodle's five decimals."""
    assert percent(correct_option_weights(count, question_id="q")[0]) == expected


def test_too_many_keys_is_refused_with_a_fix() -> None:
    """Forty correct options cannot be weighted: the message names the question and the fix."""
    with pytest.raises(ExportError, match=r"question 'big': 40 correct options.*Fix:"):
        correct_option_weights(40, question_id="big")


@pytest.mark.parametrize(
    ("value", "snapped"), [(0.33, 0.3333333), (-0.49, -0.5), (0.001, 0.0), (0.96, 1.0)]
)
def test_snap_goes_to_the_nearest_grade_value(value: float, snapped: float) -> None:
    """Any weight is moved to the nearest fraction Moodle accepts."""
    assert snap(value) == snapped


@pytest.mark.parametrize(
    ("value", "text"), [(0.5, "0.5"), (75.0, "75"), (1e-05, "0.00001"), (-3.25, "-3.25")]
)
def test_numbers_are_plain_decimals(value: float, text: str) -> None:
    """Numbers never use an exponent or trailing zeros."""
    assert number(value) == text
