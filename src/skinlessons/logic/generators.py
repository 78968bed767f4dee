"""The fixed registry of template generators: name -> how a computed variant's values and key arise.

A quiz template names one of these (``template: {generator: free-acid-pct, ...}``); nothing in
the YAML is evaluated as code. Each generator takes its parameters' values, says which values
the stem may show (``given``: the parameters and looked-up data such as the agent's pKa, never
the key) and computes the key with the course's own logic (``chemistry``, ``depth``), so a fixed
formula or data value fixes every variant. A combination the logic cannot compute (a pass count
no band of the data covers) raises ``ValueError`` and is left out of the variants. Every
generator is numeric, so a template may also sit in the summative final.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from ..facts import Facts
from . import chemistry
from .depth import estimate_depth

Value = str | float
Values = Mapping[str, Value]


@dataclass(frozen=True)
class Parameter:
    """What one parameter may be: an id from the data (``ids``) or a number in [low, high]."""

    about: str
    ids: Callable[[Facts], list[str]] | None = None
    low: float = 0.0
    high: float = 0.0

    def problem(self, value: Value, facts: Facts) -> str | None:
        """Why ``value`` is outside this parameter's domain, or None when it is inside."""
        if self.ids is not None:
            known = self.ids(facts)
            if isinstance(value, str) and value in known:
                return None
            return f"{value!r} is not one of {', '.join(known)}"
        if isinstance(value, str) or not self.low <= value <= self.high:
            shown = repr(value) if isinstance(value, str) else f"{value:g}"
            return f"{shown} is not a number from {self.low:g} to {self.high:g}"
        return None


@dataclass(frozen=True)
class Generator:
    """A template generator: its parameters, the stem values, the key, what the lessons teach."""

    about: str
    parameters: Mapping[str, Parameter]
    given: Callable[[Values, Facts], dict[str, Value]]
    key: Callable[[Values, Facts], float]
    taught: tuple[float, float]
    """Keys the lessons teach lie in [low, high]; ``check`` flags a variant outside."""


def _agents_with_pka(facts: Facts) -> list[str]:
    return [aid for aid, agent in facts.agents.items() if agent.pka is not None]


def _pka(values: Values, facts: Facts) -> float:
    pka = facts.agent(str(values["agent"])).pka
    if pka is None:
        raise ValueError(f"agent {values['agent']} has no pKa in the course data")
    return pka.typical if pka.typical is not None else (pka.low + pka.high) / 2


def _acid_given(values: Values, facts: Facts) -> dict[str, Value]:
    agent = facts.agent(str(values["agent"]))
    return {**values, "agent_name": agent.name, "pka": _pka(values, facts)}


def _share_key(values: Values, facts: Facts) -> float:
    return 100 * chemistry.free_acid_fraction(float(values["ph"]), _pka(values, facts))


def _pct_key(values: Values, facts: Facts) -> float:
    ph, concentration = float(values["ph"]), float(values["concentration_pct"])
    return chemistry.free_acid_pct(concentration, ph, _pka(values, facts))


def _with_passes(facts: Facts) -> list[str]:
    return [pid for pid, procedure in facts.procedures.items() if procedure.pass_bands]


def _depth(values: Values, facts: Facts) -> float:
    passes = float(values["passes"])
    if not passes.is_integer():
        raise ValueError(f"passes must be a whole number, got {passes:g}")
    estimate = estimate_depth(str(values["procedure"]), passes=int(passes), facts=facts)
    return estimate.depth_um.high


def _depth_given(values: Values, facts: Facts) -> dict[str, Value]:
    _depth(values, facts)  # a pass count no band covers is no variant
    procedure = facts.procedure(str(values["procedure"]))
    return {**values, "procedure_name": procedure.name, "passes": int(float(values["passes"]))}


_AGENT: Final = Parameter("a peel agent id with a pKa in the course data", ids=_agents_with_pka)
_PH: Final = Parameter("the product's pH", low=chemistry.PH_MIN, high=chemistry.PH_MAX)

GENERATORS: Final[Mapping[str, Generator]] = MappingProxyType(
    {
        "free-acid-share": Generator(
            "the free (un-ionized) share of an acid at a pH, in % (Henderson-Hasselbalch)",
            {"agent": _AGENT, "ph": _PH},
            _acid_given,
            _share_key,
            (0.0, 100.0),
        ),
        "free-acid-pct": Generator(
            "the free acid of a product, in % of the product: concentration x free share",
            {
                "agent": _AGENT,
                "ph": _PH,
                "concentration_pct": Parameter("the acid concentration in %", low=1, high=70),
            },
            _acid_given,
            _pct_key,
            (0.0, 70.0),
        ),
        "pass-depth-max-um": Generator(
            "the deepest removal the data gives for a number of passes, in micrometres",
            {
                "procedure": Parameter("a procedure with pass bands", ids=_with_passes),
                "passes": Parameter("the number of passes", low=1, high=20),
            },
            _depth_given,
            _depth,
            (1.0, 2000.0),
        ),
    }
)
"""Every generator a template may name, by name (the one owner of the name -> function table)."""
