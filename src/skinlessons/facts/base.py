"""Shared building blocks of the data models: id types, the record base and :class:`Range`.

Quantities carry their unit in the name of the field that holds them (``thickness_um``,
``depth_um``, ``concentration_pct``, ``width_mm``) and are given as a :class:`Range`, never as a
bare single number: the fact sheet gives ranges, and flags values that are unverified, disputed or
converted from an anatomical level with ``uncertain: true``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""A record id: lowercase letters and digits joined by hyphens (``ice-pick``)."""
RefId = Annotated[str, StringConstraints(pattern=r"^R[1-9][0-9]*$")]
"""A reference id from the fact sheet's reference list (``R17``)."""
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
PhototypeId = Literal["I", "II", "III", "IV", "V", "VI"]
LessonId = Literal[
    "01_skin_and_scars",
    "02_how_exfoliation_works",
    "03_chemical",
    "04_device_based",
    "05_manual",
    "06_choosing_safely",
    "07_consultation_to_aftercare",
]
ReferenceKind = Literal["peer-reviewed", "regulator", "textbook", "secondary", "low-authority"]
Family = Literal["chemical", "device-based", "manual", "surgical", "energy", "injectable"]
Performer = Literal["practitioner", "physician"]
Outcome = Literal["suitable", "caution", "defer", "refer"]
Level = Literal["low", "moderate", "high"]


def rule(message: str, hint: str) -> PydanticCustomError:
    """A validation error stating the rule broken and how to fix it (see ``yamlsource.rule``).

    Imported on first use, so that loading the package data does not import the YAML reader.
    """
    from .._util.yamlsource import rule as located_rule

    return located_rule(message, hint)


class Model(BaseModel):
    """Base of every data model: unknown fields are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Range(Model):
    """A quantity given as a range; the unit is in the name of the field that holds it.

    ``open_ended`` means the value can exceed ``high`` (the fact sheet's "600+", ">500");
    ``below`` means it is less than ``high`` with no lower bound given (the fact sheet's "<2 mm",
    with ``low`` 0).
    ``uncertain`` marks values the fact sheet calls unverified, disputed or converted from an
    anatomical level; ``note`` says why.
    """

    low: float
    high: float
    typical: float | None = None
    open_ended: bool = False
    below: bool = False
    uncertain: bool = False
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.low > self.high:
            raise rule(
                f"range low {self.low:g} is above high {self.high:g}",
                "swap the two values, or correct the one that is wrong.",
            )
        if self.typical is not None and not self.low <= self.typical <= self.high:
            raise rule(
                f"typical {self.typical:g} lies outside the range {self.low:g}-{self.high:g}",
                "make low <= typical <= high.",
            )
        return self

    def text(self) -> str:
        """The range as text without unit: ``10-20``, ``600+``, ``< 2`` or ``3.83``."""
        if self.below:
            return f"< {self.high:g}"
        plus = "+" if self.open_ended else ""
        if self.low == self.high:
            return f"{self.low:g}{plus}"
        return f"{self.low:g}-{self.high:g}{plus}"

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies in the range (beyond ``high`` too when open-ended)."""
        return self.low <= value and (self.open_ended or value <= self.high)


class Record(Model):
    """A record with an id, a name and the references it rests on."""

    id: Slug
    name: Text
    references: list[RefId] = Field(min_length=1)
