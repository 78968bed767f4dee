"""Peel chemistry: how much of a hydroxy acid is free (un-ionised) at a given pH.

Pure functions, no I/O. pKa values come from the course data (``load_facts().agents[...]``),
never from this module. Scalars give floats; numpy arrays give arrays of the same shape, for
plotting curves (numpy is imported only when an array is passed).

The Henderson-Hasselbalch relation is a rule of thumb at peel strengths: pKa values are for
dilute water at 25 °C, and activity effects at high concentration are ignored.
"""

from __future__ import annotations

import math
from numbers import Real
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

PH_MIN = 0.0
PH_MAX = 14.0
"""The pH scale this module accepts (aqueous products)."""
PERCENT_MAX = 100.0


def _check_between(value: object, low: float, high: float, what: str, unit: str) -> None:
    """Raise ValueError unless every element of ``value`` is a number within [low, high]."""
    if isinstance(value, Real):
        bad = not low <= float(value) <= high  # also catches NaN
        shown = f"{float(value):g}"
    else:
        import numpy

        array = numpy.asarray(value, dtype=float)
        outside = ~((array >= low) & (array <= high))
        bad = bool(outside.any())
        shown = f"{array[outside].flat[0]:g}" if bad else ""
    if bad:
        raise ValueError(f"{what} must be between {low:g} and {high:g}{unit}, got {shown}")


@overload
def free_acid_fraction(ph: float, pka: float) -> float: ...
@overload
def free_acid_fraction(ph: NDArray[np.float64], pka: float) -> NDArray[np.float64]: ...
def free_acid_fraction(ph: float | NDArray[np.float64], pka: float) -> float | NDArray[np.float64]:
    """The fraction of an acid that is un-ionised ("free") at a pH (Henderson-Hasselbalch).

    f = 1 / (1 + 10^(pH - pKa)). At pH = pKa, f = 0.5; one unit below, about 0.91; one unit
    above, about 0.09.

    Args:
        ph: pH of the product (0 to 14); a float or a numpy array of pH values.
        pka: the acid's pKa (dimensionless, dilute water at 25 °C), e.g. glycolic 3.83.

    Returns:
        The free-acid fraction, between 0 and 1 (dimensionless); an array for array input.

    Raises:
        ValueError: a pH outside 0-14, or a pKa that is not a finite number.
    """
    _check_between(ph, PH_MIN, PH_MAX, "pH", "")
    if not math.isfinite(pka):
        raise ValueError(f"pKa must be a finite number, got {pka!r}")
    return 1.0 / (1.0 + 10.0 ** (ph - pka))


@overload
def free_acid_pct(concentration_pct: float, ph: float, pka: float) -> float: ...
@overload
def free_acid_pct(
    concentration_pct: float, ph: NDArray[np.float64], pka: float
) -> NDArray[np.float64]: ...
def free_acid_pct(
    concentration_pct: float, ph: float | NDArray[np.float64], pka: float
) -> float | NDArray[np.float64]:
    """The free (un-ionised) acid as a percentage of the product: concentration × fraction.

    Exfoliating strength follows this amount roughly (with contact time, coats, vehicle and skin
    preparation), which is why a label that gives only the % is incomplete. Example: 20%
    glycolic acid (pKa 3.83) at pH 4.5 gives about 3.5% free acid; 10% at pH 3.0 about 8.7%.

    Args:
        concentration_pct: total acid concentration, in % (0 to 100).
        ph: pH of the product (0 to 14); a float or a numpy array.
        pka: the acid's pKa (dimensionless).

    Returns:
        Free acid in % of the product (same units as ``concentration_pct``).

    Raises:
        ValueError: a concentration outside 0-100 %, a pH outside 0-14, or a bad pKa.
    """
    _check_between(concentration_pct, 0.0, PERCENT_MAX, "concentration", " %")
    return concentration_pct * free_acid_fraction(ph, pka)
