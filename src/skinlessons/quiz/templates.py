"""Computed variants: the ``template:`` block of a numeric question, its parameter space, the pick.

A template names a generator of the package's fixed registry (``skinlessons.logic.generators``)
and the values each parameter may take: a list, or a range with a step. Nothing in it is
evaluated as code. This module owns the YAML model, the expansion of the parameter space and
the stem's fields; the pick of one variant per trainee is the draw's
(``skinlessons.quiz.draw.variant_index``); computing the stem values and the key is the
generator's job (``skinlessons.logic.variants``), since the quiz model sits above the course logic.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Mapping
from typing import Final, Self

from pydantic import Field, model_validator

from ._rules import Violation, check
from .parts import Slug, _Model

ParameterValue = str | float
"""One value of a parameter: an id (agent, procedure) or a number."""
Variant = dict[str, ParameterValue]
"""One point of a template's parameter space: parameter name -> value."""
MAX_RANGE_VALUES: Final = 1000
"""A range may expand to at most this many values (a finer step is a typing slip)."""


class ParameterRange(_Model):
    """A numeric range ``low`` to ``high`` (both included) in steps of ``step``."""

    low: float
    high: float
    step: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        found = []
        if self.low > self.high:
            found.append(
                Violation((), f"range low {self.low:g} is above high {self.high:g}", "swap them.")
            )
        elif (self.high - self.low) / self.step >= MAX_RANGE_VALUES:
            found.append(
                Violation(
                    ("step",),
                    f"the range gives over {MAX_RANGE_VALUES} values",
                    "use a larger step.",
                )
            )
        check("ParameterRange", found)
        return self

    def values(self) -> list[float]:
        """Every value of the range, rounded to the step's decimals (no float noise)."""
        places = len(f"{self.step:.9f}".rstrip("0").split(".")[1])
        count = int(round((self.high - self.low) / self.step, 9)) + 1
        return [round(self.low + index * self.step, places) for index in range(count)]


class Template(_Model):
    """``template:`` of a numeric question: the generator, its parameters, the key's tolerance.

    The key-free projection drops the tolerance (the key rule); the generator name and the
    parameters stay, so the trainee's notebook can show the trainee's own variant.
    """

    generator: Slug
    parameters: dict[str, list[ParameterValue] | ParameterRange] = Field(min_length=1)
    tolerance: float | None = Field(default=None, ge=0)
    relative_tolerance: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _lists_not_empty(self) -> Self:
        found = [
            Violation(("parameters", name), f"parameter '{name}' lists no values", "list one.")
            for name, values in self.parameters.items()
            if isinstance(values, list) and not values
        ]
        if self.tolerance is not None and self.relative_tolerance is not None:
            found.append(
                Violation(
                    (), "template sets both 'tolerance' and 'relative_tolerance'", "keep one."
                )
            )
        check("Template", found)
        return self

    @property
    def has_key_rule(self) -> bool:
        """True when a tolerance is set (the instructor's copy); False in a key-free copy."""
        return self.tolerance is not None or self.relative_tolerance is not None

    def values_of(self, name: str) -> list[ParameterValue]:
        """The values parameter ``name`` may take, in file order (a range expanded)."""
        given = self.parameters[name]
        if isinstance(given, ParameterRange):
            return list[ParameterValue](given.values())
        return list(given)

    def space(self) -> list[Variant]:
        """Every combination of parameter values, parameters by name, values in file order."""
        names = sorted(self.parameters)
        choices = [self.values_of(name) for name in names]
        return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*choices)]


def stem_fields(stem: str) -> list[str]:
    """The value names a stem's ``{name}`` or ``{name:.1f}`` fields refer to, in order.

    Raises:
        ValueError: the stem is not a valid format string (an unpaired brace).
    """
    return [name for _, name, _, _ in string.Formatter().parse(stem) if name is not None]


def render_stem(stem: str, values: Mapping[str, ParameterValue]) -> str:
    """The stem with each field replaced by its value (``{ph:.1f}`` formats numbers)."""
    return stem.format_map(values)
