"""Which typed forms a numeric question accepts, and which of them each LMS format can carry.

Our grader (``quiz.numbers.parse_number``) accepts, for every numeric question, a plain number
with a decimal point or a decimal comma; the question's unit after the number; and where
``allow`` says so a fraction (``1/2``) or a percentage (``50 %``) of the key's scale.

* **Moodle XML** carries the unit and the percentage through Moodle's own unit handling: the unit
  (and its compatibility form, ``μm`` for ``µm``) with multiplier 1, ``%`` with multiplier 100
  for a key on the fraction scale, units optional and ungraded (``showunits`` 0 = typed with the
  number, ``unitgradingtype`` 0), so ``0.5``, ``50%`` and ``50 %`` are all right.
* **GIFT** and **QTI** numeric answers are plain numbers. GIFT can hold several numeric answers
  and gets one per accepted plain-number form; a unit or a percentage cannot be typed there.

What a format cannot carry is returned as one warning sentence per question.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final

from ..quiz.models import Numeric
from ._common import absolute_tolerance

PERCENT: Final = "%"
DECIMAL_COMMA: Final = (
    "a decimal comma (0,5) is accepted by skinlessons but not by {lms}{why}: trainees must "
    "type a decimal point"
)
_COMMA_WHY: Final = {
    "Moodle": (
        ", which reads it with the site language pack's separators (English: ',' separates "
        "thousands, so 0,5 is read as 5)"
    ),
    "Canvas": " (a numerical answer there takes a decimal point only)",
}


@dataclass(frozen=True)
class NumericPlan:
    """A numeric question as the LMS formats write it."""

    answers: tuple[tuple[float, float], ...]
    """Each accepted plain number: (value, absolute tolerance), on the key's scale."""
    units: tuple[tuple[str, float], ...]
    """Moodle units: (name, multiplier); a response in that unit is divided by the multiplier."""
    note: str | None
    """Set when a relative tolerance was written as an absolute one."""


def plan(question: Numeric) -> NumericPlan:
    """The answers and Moodle units that carry ``question``'s accepted forms."""
    assert question.key is not None
    tolerance, note = absolute_tolerance(question.id, question.key)
    units: list[tuple[str, float]] = []
    if question.unit:
        units.append((question.unit, 1.0))
        compatible = unicodedata.normalize("NFKC", question.unit)
        if compatible != question.unit:
            units.append((compatible, 1.0))
    if "percent" in question.allow and question.unit != PERCENT:
        units.append((PERCENT, 100.0))
    return NumericPlan(((question.key.value, tolerance),), tuple(units), note)


def lost_forms(question: Numeric, *, lms: str, carries_units: bool) -> str:
    """One sentence naming what ``question`` accepts that the format cannot carry."""
    lost = []
    if "fraction" in question.allow:
        lost.append(f"a fraction such as 1/2 cannot be typed in {lms}")
    if not carries_units:
        if "percent" in question.allow and question.unit != PERCENT:
            lost.append(
                f"the stem allows a percentage (50%), but {lms} takes a plain number only "
                "(reword the LMS copy, or use --format moodle-xml)"
            )
        if question.unit:
            lost.append(
                f"the unit ({question.unit}) cannot be typed after the number in {lms}: "
                "trainees must type the number alone"
            )
    lost.append(DECIMAL_COMMA.format(lms=lms, why=_COMMA_WHY.get(lms, "")))
    return "; ".join(lost)
