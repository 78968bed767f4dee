"""Depth logic: how deep a procedure goes (``reach`` says which layers and scars that touches).

Pure functions over the course data, no I/O and no display. Depths are in micrometres (µm)
below the skin surface. Layer boundaries are those of the fact sheet's schematic face: each
layer's representative (typical) thickness, stacked from the surface down. Every estimate
comes with the range, its basis, its references and whether it is approximate.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..facts import Facts, Range, load_facts
from ..facts.models import Agent, DepthCategory, PeelChoice, Procedure, Strength
from .reach import (
    LayerReach,
    Reach,
    ScarReach,
    layer_span_um,
    layers_reached,
    passes_basal_layer,
    scars_reached,
)

__all__ = [
    "DepthEstimate",
    "LayerReach",
    "Reach",
    "ScarReach",
    "estimate_depth",
    "layer_span_um",
    "layers_reached",
    "passes_basal_layer",
    "scars_reached",
]


@dataclass(frozen=True)
class DepthEstimate:
    """The approximate depth of removal or injury of a procedure at given settings.

    ``depth_um`` is in µm below the surface; ``approximate`` is true when any value behind it
    is uncertain, converted from an anatomical level, or where sources disagree.
    """

    procedure_id: str
    depth_um: Range
    basis: str
    reference_ids: tuple[str, ...]
    approximate: bool
    depth_category_ids: tuple[str, ...] = ()


def estimate_depth(
    procedure_id: str,
    *,
    agent_id: str | None = None,
    concentration_pct: float | None = None,
    coats: int | None = None,
    passes: int | None = None,
    facts: Facts | None = None,
) -> DepthEstimate:
    """The approximate depth of a procedure at the given settings.

    Peels need the agent and take its strength (concentration in %, or coats of Jessner's);
    microdermabrasion takes the number of passes; other procedures use their overall range.

    Args:
        procedure_id: a procedure id (``superficial-peel``, ``crystal-microdermabrasion``...).
        agent_id: peels only: the agent (``glycolic``, ``salicylic``, ``tca``, ``jessners``...).
        concentration_pct: peels only: acid concentration in %; None for any strength.
        coats: Jessner's only: number of coats.
        passes: microdermabrasion only: number of passes (1 or more); None for the full range.
        facts: the course data (default: the package's data).

    Raises:
        ValueError: an unknown id, a setting that does not apply to this procedure, or a
            strength that the data places at a depth this procedure does not cover.
    """
    facts = facts or load_facts()
    procedure = facts.procedure(procedure_id)
    if procedure.peel is not None:
        if passes is not None:
            raise ValueError(f"{procedure.name} has no passes; give agent_id and strength.")
        return _peel_depth(procedure, procedure.peel, facts, agent_id, concentration_pct, coats)
    if agent_id is not None or concentration_pct is not None or coats is not None:
        raise ValueError(f"{procedure.name} is not a peel: agent and strength do not apply.")
    if passes is not None:
        return _passes_depth(procedure, passes)
    if procedure.depth is None:
        raise ValueError(f"no depth estimate for {procedure.name} (target: {procedure.target})")
    data = procedure.depth
    return DepthEstimate(
        procedure.id, data.depth_um, data.basis, tuple(data.references), data.depth_um.uncertain
    )


def _passes_depth(procedure: Procedure, passes: int) -> DepthEstimate:
    if not procedure.pass_bands:
        raise ValueError(f"{procedure.name} has no passes setting.")
    if passes < 1:
        raise ValueError(f"passes must be 1 or more, got {passes}")
    band = next((band for band in procedure.pass_bands if band.covers(passes)), None)
    if band is None:
        raise ValueError(f"no depth data for {procedure.name} at {passes} passes")
    basis = f"{band.label}, {passes} pass{'es' if passes != 1 else ''}: {band.basis}"
    return DepthEstimate(
        procedure.id, band.depth_um, basis, tuple(band.references), band.depth_um.uncertain
    )


def _peel_depth(
    procedure: Procedure,
    peel: PeelChoice,
    facts: Facts,
    agent_id: str | None,
    concentration_pct: float | None,
    coats: int | None,
) -> DepthEstimate:
    allowed = peel.agents
    if agent_id is None or agent_id not in allowed:
        got = "no agent" if agent_id is None else f"agent {agent_id!r}"
        raise ValueError(f"{procedure.name} needs one of the agents {', '.join(allowed)}; {got}")
    if concentration_pct is not None and not 0 <= concentration_pct <= 100:
        raise ValueError(f"concentration must be between 0 and 100 %, got {concentration_pct:g}")
    agent = facts.agent(agent_id)
    strengths = [
        s for s in agent.strengths if s.matches(concentration_pct=concentration_pct, coats=coats)
    ]
    if not strengths:
        raise ValueError(f"no depth data for {agent.name} at {_amount(concentration_pct, coats)}")
    category_ids = _ordered_categories(facts, strengths)
    in_scope = [cid for cid in category_ids if cid in peel.depth_categories]
    if not in_scope:
        names = " or ".join(facts.depth_categories[cid].name.lower() for cid in category_ids)
        raise ValueError(
            f"{agent.name} at {_amount(concentration_pct, coats)} is a {names} peel, "
            f"not a {procedure.name.lower()}"
        )
    if concentration_pct is None and coats is None:
        category_ids = in_scope
        strengths = [s for s in strengths if set(s.depth_categories) & set(in_scope)]
    categories = [facts.depth_categories[cid] for cid in category_ids]
    depth = _span([category.depth_um for category in categories])
    return DepthEstimate(
        procedure_id=procedure.id,
        depth_um=depth,
        basis=_peel_basis(agent, concentration_pct, coats, strengths, categories),
        reference_ids=_unique(
            [rid for s in strengths for rid in s.references]
            + [rid for category in categories for rid in category.references]
        ),
        approximate=depth.uncertain or len(categories) > 1 or any(s.uncertain for s in strengths),
        depth_category_ids=tuple(category_ids),
    )


def _peel_basis(
    agent: Agent,
    concentration_pct: float | None,
    coats: int | None,
    strengths: list[Strength],
    categories: list[DepthCategory],
) -> str:
    levels = " to ".join(category.name.lower() for category in categories)
    targets = " / ".join(category.target for category in categories)
    text = f"{agent.name} at {_amount(concentration_pct, coats)}: {levels} ({targets})"
    notes = [s.condition for s in strengths if s.condition]
    notes += ["not advised" for s in strengths if not s.advised]
    return text + (f"; {'; '.join(notes)}" if notes else "")


def _amount(concentration_pct: float | None, coats: int | None) -> str:
    if concentration_pct is not None:
        return f"{concentration_pct:g}%"
    if coats is not None:
        return f"{coats} coat{'s' if coats != 1 else ''}"
    return "any strength"


def _ordered_categories(facts: Facts, strengths: list[Strength]) -> list[str]:
    wanted = {cid for s in strengths for cid in s.depth_categories}
    return [cid for cid in facts.depth_categories if cid in wanted]


def _span(ranges: list[Range]) -> Range:
    """The smallest range covering all ``ranges`` (uncertain if any of them is)."""
    if len(ranges) == 1:
        return ranges[0]
    deepest = max(ranges, key=lambda r: r.high)
    return Range(
        low=min(r.low for r in ranges),
        high=deepest.high,
        open_ended=deepest.open_ended,
        uncertain=any(r.uncertain for r in ranges),
    )


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
