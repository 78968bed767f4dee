"""Free-acid chemistry against the fact sheet's worked values, its errors and its invariants."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from skinlessons.logic.chemistry import free_acid_fraction, free_acid_pct

# (pH, pKa, expected fraction, absolute tolerance): the fact sheet's hand-computed values
# (section 3 and quiz ideas Q11-Q14).
FRACTIONS = [
    (3.83, 3.83, 0.5, 1e-12),
    (2.83, 3.83, 10 / 11, 1e-12),
    (4.83, 3.83, 1 / 11, 1e-12),
    (5.83, 3.83, 1 / 101, 1e-12),
    (2.8, 3.83, 0.915, 0.0005),
    (3.0, 3.83, 0.871, 0.0005),
    (3.5, 3.83, 0.68, 0.005),
    (4.0, 3.83, 0.40, 0.005),
    (4.5, 3.83, 0.176, 0.0005),
    (3.5, 2.97, 0.23, 0.005),
    (4.0, 2.97, 0.085, 0.0005),
    (4.0, 2.985, 0.088, 0.0005),
    (3.5, 3.86, 0.70, 0.005),
    (4.0, 3.86, 0.42, 0.005),
    (3.5, 3.4, 0.44, 0.005),
    (4.0, 3.4, 0.20, 0.005),
]


@pytest.mark.parametrize(
    ("ph", "pka", "expected", "tolerance"),
    FRACTIONS,
    ids=[f"pH{ph}-pKa{pka}" for ph, pka, _, _ in FRACTIONS],
)
def test_free_acid_fraction_matches_worked_values(
    ph: float, pka: float, expected: float, tolerance: float
) -> None:
    """The fraction matches the fact sheet's hand-computed Henderson-Hasselbalch values."""
    assert free_acid_fraction(ph, pka) == pytest.approx(expected, abs=tolerance)


AMOUNTS = [
    (20.0, 4.5, 3.83, 3.5, 0.05),
    (10.0, 3.0, 3.83, 8.7, 0.05),
    (20.0, 3.83, 3.83, 10.0, 1e-9),
    (10.0, 2.8, 3.83, 9.15, 0.01),
]


@pytest.mark.parametrize(
    ("concentration_pct", "ph", "pka", "expected_pct", "tolerance"),
    AMOUNTS,
    ids=["20pct-pH4.5", "10pct-pH3.0", "20pct-at-pKa", "10pct-pH2.8"],
)
def test_free_acid_pct_is_concentration_times_fraction(
    concentration_pct: float, ph: float, pka: float, expected_pct: float, tolerance: float
) -> None:
    """20% glycolic at pH 4.5 gives ~3.5% free acid, less than 10% at pH 3.0 (~8.7%)."""
    assert free_acid_pct(concentration_pct, ph, pka) == pytest.approx(expected_pct, abs=tolerance)


def test_lower_label_strength_can_deliver_more_free_acid() -> None:
    """A 10% product at pH 3.0 delivers more free acid than a 20% product at pH 4.5 (Q14)."""
    assert free_acid_pct(10, 3.0, 3.83) > 2 * free_acid_pct(20, 4.5, 3.83)


BAD_INPUTS = [
    (lambda: free_acid_fraction(-0.1, 3.83), "pH must be between 0 and 14, got -0.1"),
    (lambda: free_acid_fraction(14.5, 3.83), "pH must be between 0 and 14, got 14.5"),
    (lambda: free_acid_fraction(math.nan, 3.83), "got nan"),
    (lambda: free_acid_fraction(3.0, math.inf), "pKa must be a finite number"),
    (lambda: free_acid_pct(-1, 3.0, 3.83), "concentration must be between 0 and 100 %, got -1"),
    (lambda: free_acid_pct(101, 3.0, 3.83), "concentration must be between 0 and 100 %, got 101"),
    (lambda: free_acid_fraction(np.array([3.0, 15.0]), 3.83), "got 15"),
]


@pytest.mark.parametrize(
    ("call", "message"),
    BAD_INPUTS,
    ids=["ph-negative", "ph-above-14", "ph-nan", "pka-inf", "pct-negative", "pct-101", "array"],
)
def test_bad_inputs_raise_value_error_naming_the_rule(call: object, message: str) -> None:
    """Out-of-range inputs raise ValueError stating the allowed range and the bad value."""
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        call()  # type: ignore[operator]


def test_array_input_gives_the_same_values_as_scalars() -> None:
    """A numpy array of pH values gives an array matching the scalar results, for plotting."""
    ph_values = np.linspace(0.0, 14.0, 29)
    curve = free_acid_fraction(ph_values, 3.83)
    assert isinstance(curve, np.ndarray)
    assert curve.shape == ph_values.shape
    assert curve == pytest.approx([free_acid_fraction(float(ph), 3.83) for ph in ph_values])


def test_importing_chemistry_does_not_import_numpy() -> None:
    """numpy is imported only when an array is passed, keeping ``import skinlessons`` fast."""
    import subprocess
    import sys

    code = "import sys, skinlessons.logic.chemistry as c; c.free_acid_fraction(3.0, 3.8); "
    code += "print('numpy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


ph_values = st.floats(min_value=0.0, max_value=14.0, allow_nan=False)
pka_values = st.floats(min_value=1.0, max_value=6.0, allow_nan=False)


@given(ph=ph_values, pka=st.floats(min_value=-2.0, max_value=16.0, allow_nan=False))
def test_fraction_lies_between_zero_and_one(ph: float, pka: float) -> None:
    """The free-acid fraction is always a fraction."""
    assert 0.0 <= free_acid_fraction(ph, pka) <= 1.0


@given(low=ph_values, step=st.floats(min_value=0.01, max_value=14.0), pka=pka_values)
def test_fraction_falls_strictly_as_ph_rises(low: float, step: float, pka: float) -> None:
    """A higher pH always leaves less free acid."""
    low = min(low, 13.99)  # leave room above, so that high stays a valid pH above low
    high = min(low + step, 14.0)
    assert free_acid_fraction(low, pka) > free_acid_fraction(high, pka)


@given(concentration=st.floats(min_value=0.0, max_value=100.0), ph=ph_values, pka=pka_values)
def test_free_acid_never_exceeds_the_concentration(
    concentration: float, ph: float, pka: float
) -> None:
    """Free acid is a part of the acid: never more than the label concentration."""
    assert 0.0 <= free_acid_pct(concentration, ph, pka) <= concentration
