"""What the acid chart and explorer show for one agent, pH and concentration (pure, no drawing).

Every number comes from the course data (pKa, listed strengths, unbuffered pH) and from
:mod:`skinlessons.logic.chemistry`; this module only gathers them and puts them into words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from skinlessons.facts import Agent, Facts, load_facts
from skinlessons.logic.chemistry import free_acid_fraction, free_acid_pct

PH_AXIS = (0.0, 7.0)
"""pH range drawn on the chart (the part of the scale where peel products sit)."""
CURVE_POINTS = 141
PERCENT = 100.0


@dataclass(frozen=True)
class AcidReading:
    """The free-acid numbers for one agent at a product pH and a comparison pH.

    Attributes:
        agent_id: agent id of the course data.
        agent_name: its display name.
        pka: the pKa used (dimensionless; the data's typical value).
        pka_approximate: whether the data gives the pKa as uncertain or as a range.
        pka_low: the lowest pKa the data gives (equal to ``pka_high`` for a single value).
        pka_high: the highest pKa the data gives.
        pka_uncertain: whether the data marks the pKa as uncertain.
        concentration_pct: total acid concentration, %.
        ph: the product's pH.
        fraction: free-acid fraction at ``ph`` (0-1).
        fraction_low: free-acid fraction at ``ph`` with the lowest pKa (0-1).
        fraction_high: free-acid fraction at ``ph`` with the highest pKa (0-1).
        available_pct: free acid as % of the product (concentration × fraction).
        compare_ph: the comparison pH (same concentration).
        compare_fraction: free-acid fraction at ``compare_ph`` (0-1).
        compare_available_pct: free acid at ``compare_ph``, % of the product.
        curve_ph: pH values of the curve.
        curve_fraction: free-acid fraction at each of ``curve_ph``.
    """

    agent_id: str
    agent_name: str
    pka: float
    pka_approximate: bool
    pka_low: float
    pka_high: float
    pka_uncertain: bool
    concentration_pct: float
    ph: float
    fraction: float
    fraction_low: float
    fraction_high: float
    available_pct: float
    compare_ph: float
    compare_fraction: float
    compare_available_pct: float
    curve_ph: tuple[float, ...]
    curve_fraction: tuple[float, ...]


def acids_with_pka(facts: Facts | None = None) -> list[Agent]:
    """The agents whose pKa the data gives (the ones a free-acid curve applies to)."""
    facts = facts if facts is not None else load_facts()
    return [agent for agent in facts.agents.values() if agent.pka is not None]


def pka_of(agent: Agent) -> tuple[float, bool]:
    """The agent's pKa (typical, else the middle of its range) and whether it is approximate.

    Raises:
        ValueError: the data gives no pKa for this agent.
    """
    if agent.pka is None:
        known = ", ".join(a.id for a in acids_with_pka())
        raise ValueError(f"{agent.id!r} has no pKa in the course data; choose one of: {known}")
    pka = agent.pka
    value = pka.typical if pka.typical is not None else (pka.low + pka.high) / 2
    return value, pka.uncertain or pka.low != pka.high


def concentration_limits_pct(agent: Agent) -> tuple[float, float]:
    """Lowest and highest concentration (%) among the agent's listed peel strengths."""
    ranges = [s.concentration_pct for s in agent.strengths if s.concentration_pct is not None]
    if not ranges:
        raise ValueError(f"{agent.id!r} lists no strengths as a concentration in %")
    return min(r.low for r in ranges), max(r.high for r in ranges)


def default_compare_ph(agent: Agent, pka: float) -> float:
    """The low end of the agent's unbuffered pH if the data gives it, else one unit below pKa."""
    if agent.unbuffered_ph is not None:
        return max(agent.unbuffered_ph.high, PH_AXIS[0])
    return max(pka - 1.0, PH_AXIS[0])


def read_acid(
    agent_id: str,
    *,
    ph: float | None = None,
    concentration_pct: float | None = None,
    compare_ph: float | None = None,
    facts: Facts | None = None,
) -> AcidReading:
    """Compute the :class:`AcidReading` for an agent, pH and concentration (defaults from data)."""
    facts = facts if facts is not None else load_facts()
    agent = facts.agent(agent_id)
    pka, approximate = pka_of(agent)
    pka_low, pka_high = (agent.pka.low, agent.pka.high) if agent.pka else (pka, pka)
    uncertain = agent.pka.uncertain if agent.pka else False
    ph = pka if ph is None else ph
    concentration_pct = (
        concentration_limits_pct(agent)[0] if concentration_pct is None else concentration_pct
    )
    compare_ph = default_compare_ph(agent, pka) if compare_ph is None else compare_ph
    curve_ph = np.linspace(PH_AXIS[0], PH_AXIS[1], CURVE_POINTS)
    return AcidReading(
        agent_id=agent.id,
        agent_name=agent.name,
        pka=pka,
        pka_approximate=approximate,
        pka_low=pka_low,
        pka_high=pka_high,
        pka_uncertain=uncertain,
        concentration_pct=concentration_pct,
        ph=ph,
        fraction=free_acid_fraction(ph, pka),
        fraction_low=free_acid_fraction(ph, pka_low),
        fraction_high=free_acid_fraction(ph, pka_high),
        available_pct=free_acid_pct(concentration_pct, ph, pka),
        compare_ph=compare_ph,
        compare_fraction=free_acid_fraction(compare_ph, pka),
        compare_available_pct=free_acid_pct(concentration_pct, compare_ph, pka),
        curve_ph=tuple(float(x) for x in curve_ph),
        curve_fraction=tuple(float(f) for f in free_acid_fraction(curve_ph, pka)),
    )


def has_pka_range(reading: AcidReading) -> bool:
    """True when the data gives the pKa as a range (drawn as a band, said as a range)."""
    return reading.pka_high > reading.pka_low


def pka_text(reading: AcidReading) -> str:
    """``pKa 3.83``, or for a range ``pKa 3.37-3.41, uncertain: the curve uses 3.40``."""
    if not has_pka_range(reading):
        return f"pKa {'about ' if reading.pka_approximate else ''}{reading.pka:.2f}"
    why = "uncertain: " if reading.pka_uncertain else ""
    return (
        f"pKa {reading.pka_low:.2f}–{reading.pka_high:.2f}, {why}the curve uses {reading.pka:.2f}"
    )


def range_sentence(reading: AcidReading) -> str:
    """For a pKa range: the free acid at the product's pH across the whole range, else empty."""
    if not has_pka_range(reading):
        return ""
    low = PERCENT * reading.fraction_low
    high = PERCENT * reading.fraction_high
    return (
        f"Across the pKa range {reading.pka_low:.2f}–{reading.pka_high:.2f} (the shaded band), "
        f"the free acid at pH {reading.ph:.2f} lies between {low:.0f}% and {high:.0f}%, so "
        "read this result as approximate."
    )


def compare_sentence(reading: AcidReading) -> str:
    """Why the higher of the two pH values is gentler, in words, from the reading's numbers."""
    same = f"the same {reading.concentration_pct:g}% {reading.agent_name.lower()}"
    if abs(reading.ph - reading.compare_ph) < 1e-9:
        return f"Both pH values are equal, so {same} gives the same free acid."
    high, low = sorted(
        [(reading.ph, reading.available_pct), (reading.compare_ph, reading.compare_available_pct)],
        reverse=True,
    )
    ratio = low[1] / high[1] if high[1] > 0 else float("inf")
    return (
        f"At pH {high[0]:.2f}, {same} has {high[1]:.1f}% free acid; at pH {low[0]:.2f} it has "
        f"{low[1]:.1f}%, {ratio:.1f} times as much. Only the un-ionized (free) acid crosses the "
        f"stratum corneum easily, so the product at pH {high[0]:.2f} is the gentler one."
    )


def describe_reading(reading: AcidReading) -> str:
    """Alt text and result text: the curve, both points, the comparison and the caveat."""
    band = " " + range_sentence(reading) if has_pka_range(reading) else ""
    return (
        f"Free-acid curve of {reading.agent_name.lower()} ({pka_text(reading)}): the "
        f"share of the acid that is un-ionized falls from near 100% at low pH to 50% at pH = "
        f"pKa and near 0% above it. Marked: pH {reading.ph:.2f}, "
        f"{PERCENT * reading.fraction:.0f}% free, so {reading.concentration_pct:g}% × "
        f"{reading.fraction:.2f} = {reading.available_pct:.1f}% available free acid. "
        f"Comparison point: pH {reading.compare_ph:.2f}, "
        f"{PERCENT * reading.compare_fraction:.0f}% free, "
        f"{reading.compare_available_pct:.1f}% available.{band} {compare_sentence(reading)} "
        "Henderson–Hasselbalch is a rule of thumb here: at peel strengths activity effects make "
        "it approximate, and contact time, coats, vehicle and skin preparation matter too."
    )
