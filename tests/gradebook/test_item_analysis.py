"""Item statistics (Moodle's formulas) on a cohort worked out by hand."""

from __future__ import annotations

import pytest

from skinlessons.gradebook.item_analysis import (
    TOO_FEW,
    analyse_items,
    cronbach_alpha,
    discrimination,
    facility,
    judge,
)

# Five trainees (rows A-E) x four one-point questions (columns Q1-Q4):
#
#        Q1 Q2 Q3 Q4 | total
#   A     1  1  1  1 |  4
#   B     1  1  1  0 |  3
#   C     1  1  0  0 |  2
#   D     1  0  1  0 |  2
#   E     0  0  0  0 |  0
#
# Facility = column mean: Q1 4/5 = 0.8, Q2 3/5 = 0.6, Q3 3/5 = 0.6, Q4 1/5 = 0.2.
#
# Sample variances (divide by n - 1 = 4):
#   Q1: deviations .2 .2 .2 .2 -.8 -> squares sum .16 + .64 = 0.8 -> 0.2
#   Q2, Q3: three at +.4, two at -.6 -> .48 + .72 = 1.2 -> 0.3 each
#   Q4: one at +.8, four at -.2 -> .64 + .16 = 0.8 -> 0.2       sum of item variances = 1.0
#   totals 4 3 2 2 0, mean 2.2: deviations 1.8 .8 -.2 -.2 -2.2
#   -> squares 3.24 + .64 + .04 + .04 + 4.84 = 8.8 -> 2.2
# Cronbach's alpha = 4/3 x (1 - 1.0 / 2.2) = 4/3 x 6/11 = 8/11 = 0.727272...
#
# Discrimination = r(item, rest), rest = total - item (sums of products; the n - 1 cancels):
#   Q1: rest 3 2 1 1 0 (mean 1.4), deviations 1.6 .6 -.4 -.4 -1.4, SS 5.2
#       cross = .2(1.6 + .6 - .4 - .4) + (-.8)(-1.4) = .28 + 1.12 = 1.4
#       r = 1.4 / sqrt(0.8 x 5.2) = 1.4 / sqrt(4.16) = 0.686406...
#   Q2: rest 3 2 1 2 0 (mean 1.6), deviations 1.4 .4 -.6 .4 -1.6, SS 5.2
#       cross = .4(1.4 + .4 - .6) - .6(.4 - 1.6) = .48 + .72 = 1.2
#       r = 1.2 / sqrt(1.2 x 5.2) = 1.2 / sqrt(6.24) = 0.480384...
#   Q3: rest 3 2 2 1 0 -> by symmetry with Q2 (C and D swapped) r = 0.480384...
#   Q4: rest 3 3 2 2 0 (mean 2), deviations 1 1 0 0 -2, SS 6
#       cross = .8(1) - .2(1 + 0 + 0 - 2) = .8 + .2 = 1.0
#       r = 1 / sqrt(0.8 x 6) = 1 / sqrt(4.8) = 0.456435...
MATRIX = [
    [1, 1, 1, 1],
    [1, 1, 1, 0],
    [1, 1, 0, 0],
    [1, 0, 1, 0],
    [0, 0, 0, 0],
]
FACILITY = [0.8, 0.6, 0.6, 0.2]
DISCRIMINATION = [0.686406, 0.480384, 0.480384, 0.456435]
ALPHA = 0.727273


def _column(index: int) -> list[float]:
    return [float(row[index]) for row in MATRIX]


@pytest.mark.parametrize("index", range(4), ids=["Q1", "Q2", "Q3", "Q4"])
def test_facility_and_discrimination_match_the_hand_working(index: int) -> None:
    """Facility is the mean mark share; discrimination the corrected item-total r."""
    totals = [float(sum(row)) for row in MATRIX]
    assert facility(_column(index), 1.0) == pytest.approx(FACILITY[index])
    assert discrimination(_column(index), totals) == pytest.approx(DISCRIMINATION[index], abs=1e-6)


def test_cronbach_alpha_matches_the_hand_working() -> None:
    """Alpha = p/(p-1) x (1 - sum of item variances / variance of totals) = 8/11."""
    assert cronbach_alpha(MATRIX) == pytest.approx(ALPHA, abs=1e-6)


def test_statistics_are_undefined_when_nothing_varies() -> None:
    """Everyone right: no discrimination and no alpha (no variance), not a division error."""
    same = [[1, 1], [1, 1], [1, 1]]
    assert discrimination([1, 1, 1], [2, 2, 2]) is None
    assert cronbach_alpha(same) is None
    assert cronbach_alpha([[1], [0]]) is None
    assert facility([], 1.0) is None


def test_fewer_than_thirty_answers_are_not_judged() -> None:
    """Below 30 answering trainees a question is never flagged, only 'too few answers'."""
    stats = analyse_items(["q1", "q2", "q3", "q4"], [1, 1, 1, 1], MATRIX, [5, 5, 5, 5])
    assert [item.flags for item in stats] == [(TOO_FEW,)] * 4
    assert judge(29, 1.0, -0.5) == (TOO_FEW,)


@pytest.mark.parametrize(
    ("facility_value", "discrimination_value", "expected"),
    [
        (0.95, 0.35, ("too easy",)),
        (0.15, 0.35, ("too hard",)),
        (0.55, 0.10, ("discriminates poorly",)),
        (0.55, -0.20, ("negative discrimination: check the key",)),
        (0.55, 0.35, ()),
    ],
    ids=["easy", "hard", "weak", "negative", "fine"],
)
def test_thirty_answers_are_judged(
    facility_value: float, discrimination_value: float, expected: tuple[str, ...]
) -> None:
    """With 30 answers, facility and discrimination outside the bands raise flags."""
    assert judge(30, facility_value, discrimination_value) == expected
