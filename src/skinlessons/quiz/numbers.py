"""Read a number a trainee typed: decimal comma, spaces, a unit, where allowed ``1/2`` or ``50 %``.

Pure functions, no I/O. Input that cannot be read comes back as a :class:`ParsedNumber` whose
``problem`` is a kind, specific sentence for the trainee, never as an exception.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

PERCENT_UNIT: Final = "%"
FRACTION: Final = "fraction"
PERCENT: Final = "percent"

_DECIMAL: Final = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_FRACTION: Final = re.compile(r"^([+-]?\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)$")
MINUS_SIGNS: Final = "\u2212\u2013\u2012"
"""Characters read as a minus sign (minus, en dash, figure dash)."""
_DASHES: Final = str.maketrans(dict.fromkeys(MINUS_SIGNS, "-"))


@dataclass(frozen=True)
class ParsedNumber:
    """The number read from the input (on the key's scale), or why it could not be read."""

    value: float | None
    problem: str | None = None

    @property
    def is_number(self) -> bool:
        """True when a value was read."""
        return self.value is not None


def _normalise(text: str) -> str:
    """NFKC (full-width digits, no-break spaces), one kind of minus sign, no spaces at all."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return "".join(text.split())


def unit_suffix(unit: str | None) -> str:
    """The unit as it is looked for at the end of a normalised, case-folded answer ("" if none).

    A ``%`` unit is not looked for this way: a trailing ``%`` is handled as a percentage sign.
    """
    return _normalise(unit).casefold() if unit and unit != PERCENT_UNIT else ""


def _strip_unit(text: str, unit: str | None) -> str:
    if unit and unit != PERCENT_UNIT:
        wanted = unit_suffix(unit)
        if wanted and text.casefold().endswith(wanted):
            return text[: -len(wanted)]
    return text


_ORDINARY: Final = "Please type an ordinary number."


def _finite(number: float) -> float | None:
    """``number`` as a finite float, or None (infinite, NaN, or too large for a float)."""
    try:
        value = float(number)
    except OverflowError:  # an int of hundreds of digits
        return None
    return value if math.isfinite(value) else None


def _decimal(text: str) -> float | None:
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not _DECIMAL.match(text):
        return None
    return _finite(float(text))


def _unit_phrase(unit: str | None) -> str:
    return f" in {unit}" if unit else ""


def parse_number(
    response: object, *, unit: str | None = None, allow: Collection[str] = ()
) -> ParsedNumber:
    """Read a typed answer as a number on the scale of the question's key.

    Accepted: ``7.5``, ``7,5`` (decimal comma), ``1 000`` (spaces), ``-0.3``, the question's unit
    after the number (``12 µm``), and only when ``allow`` lists them, a fraction (``1/2``) and a
    percentage (``50 %``). A fraction or percentage is converted to the key's scale: to a
    fraction of one, or to percent when the question's unit is ``%``. When the unit is ``%`` a
    trailing ``%`` is simply the unit.

    Args:
        response: what the trainee typed (a number is accepted as is; booleans are not numbers).
        unit: the question's unit, if any.
        allow: extra notations the question accepts: ``"fraction"``, ``"percent"``.

    Returns:
        The value, or ``None`` with a ``problem`` sentence saying what to type instead.
    """
    if isinstance(response, bool) or not isinstance(response, str | int | float):
        return ParsedNumber(None, "This answer should be a number typed as text.")
    if not isinstance(response, str):
        value = _finite(response)
        if value is not None:
            return ParsedNumber(value)
        return ParsedNumber(None, _ORDINARY)
    text = _normalise(response)
    if not text:
        return ParsedNumber(None, "No number was typed.")
    is_percentage = False
    if text.endswith("%"):
        text = text[:-1]
        if unit != PERCENT_UNIT:
            if PERCENT not in allow:
                return ParsedNumber(
                    None,
                    f"Please give the answer as a plain number{_unit_phrase(unit)}, "
                    "not as a percentage.",
                )
            is_percentage = True
    else:
        text = _strip_unit(text, unit)
    fraction = _FRACTION.match(text.replace(",", "."))
    if fraction and is_percentage:
        return ParsedNumber(None, "Please type either a fraction or a percentage, not both.")
    if fraction:
        if FRACTION not in allow:
            return ParsedNumber(
                None, "Please type the answer as a decimal number (for example 0.5, not 1/2)."
            )
        numerator, denominator = float(fraction.group(1)), float(fraction.group(2))
        if denominator == 0:
            return ParsedNumber(None, "A fraction cannot have 0 below the line.")
        value = _finite(numerator / denominator * (100.0 if unit == PERCENT_UNIT else 1.0))
        return ParsedNumber(None, _ORDINARY) if value is None else ParsedNumber(value)
    decimal = _decimal(text)
    if decimal is None:
        return ParsedNumber(None, _unreadable(response, unit, allow))
    return ParsedNumber(decimal / 100.0 if is_percentage else decimal)


def _unreadable(response: str, unit: str | None, allow: Collection[str]) -> str:
    examples = ["7.5", "7,5"]
    if FRACTION in allow:
        examples.append("3/4")
    if PERCENT in allow and unit != PERCENT_UNIT:
        examples.append("50 %")
    shown = response.strip()[:40]
    return (
        f"'{shown}' could not be read as a number{_unit_phrase(unit)}. "
        f"Type digits only, for example {' or '.join(examples)}."
    )
