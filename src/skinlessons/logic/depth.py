"""Depth logic: how deep a procedure goes, which layers that reaches and which scars it can touch.

Pure functions over the course data, no I/O and no display. Depths are in micrometres (µm)
below the skin surface. Layer boundaries are those of the fact sheet's schematic face: each
layer's representative (typical) thickness, stacked from the surface down. Every estimate
comes with the range, its basis, its references and whether it is approximate.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..facts import Facts, Range, load_facts
from ..facts.models import Agent, DepthCategory, Layer, PeelChoice, Procedure, Strength


class Reach(StrEnum):
    """How much of a layer (or of a scar's depth) a depth range gets to."""

    FULLY = "fully"
    PART_OR_ALL = "part or all"
    """The deep end lies within the range of the layer's lower boundary: part or all of it."""
    PARTLY = "partly"
    NOT = "not"


@dataclass(frozen=True)
class LayerReach:
    """One layer of the schematic face and how far a depth range gets into it.

    ``top_um`` and ``bottom_um`` are the representative boundaries in µm below the surface;
    ``bottom_um`` is None for the subcutis, which has no lower limit here.
    """

    layer_id: str
    name: str
    top_um: float
    bottom_um: float | None
    reach: Reach


@dataclass(frozen=True)
class ScarReach:
    """Whether a depth range gets down to a scar type's base, and why."""

    scar_id: str
    name: str
    reach: Reach
    reason: str


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


def layer_span_um(layer: Layer) -> float | None:
    """A layer's representative thickness in µm (typical, else the middle of its range)."""
    if layer.thickness_um is None:
        return None
    span = layer.thickness_um
    return span.typical if span.typical is not None else (span.low + span.high) / 2


def layers_reached(depth_um: Range, facts: Facts | None = None) -> list[LayerReach]:
    """Which layers a depth range reaches, surface first: fully, part or all, partly or not.

    Boundaries are uncertain: a layer's bottom lies anywhere from its top plus its thinnest to
    its top plus its thickest value. A layer is reached *fully* when even the shallow end of
    the range (``low``) is at or below its representative bottom; *part or all* when the deep
    end (``high``) lies within the range of its bottom; *partly* when the deep end passes the
    deepest plausible bottom of the layer above but stops short of its own shallowest bottom;
    *not* when the deep end stays within the layer above (a band inside the stratum corneum's
    range therefore never reaches the living epidermis).

    Args:
        depth_um: depth of removal or injury, in µm below the surface.
        facts: the course data (default: the package's data).
    """
    facts = facts or load_facts()
    result: list[LayerReach] = []
    top = 0.0
    above_deepest = 0.0
    for layer in facts.layers:
        span = layer_span_um(layer)
        bottom = None if span is None else top + span
        thickness = layer.thickness_um
        shallowest = None if thickness is None else top + thickness.low
        deepest = None if thickness is None else top + thickness.high
        passes_above = depth_um.high > above_deepest or (
            depth_um.open_ended and depth_um.high >= above_deepest
        )
        if bottom is not None and depth_um.low >= bottom:
            reach = Reach.FULLY
        elif not passes_above:
            reach = Reach.NOT
        elif shallowest is not None and depth_um.high >= shallowest:
            reach = Reach.PART_OR_ALL
        else:
            reach = Reach.PARTLY
        result.append(LayerReach(layer.id, layer.name, top, bottom, reach))
        top = bottom if bottom is not None else top
        above_deepest = deepest if deepest is not None else above_deepest
    return result


def passes_basal_layer(layers: list[LayerReach], facts: Facts | None = None) -> bool:
    """Whether a reading gets below the epidermis (any dermal or deeper layer is reached).

    Below the basal layer is physician territory: the explorer says so in words.
    """
    facts = facts or load_facts()
    epidermal = {layer.id for layer in facts.layers if layer.part_of == "epidermis"}
    return any(layer.reach is not Reach.NOT for layer in layers if layer.layer_id not in epidermal)


def scars_reached(depth_um: Range, facts: Facts | None = None) -> list[ScarReach]:
    """Which scar types a depth range can and cannot get down to, with the reason.

    A scar is reached fully when the range goes at least as deep as its deepest base, partly
    when it reaches its shallowest base; tethered and raised scars are never "reached" by
    depth alone (their ``depth_note`` says why). Reaching a base is necessary, not sufficient,
    for improvement.

    Args:
        depth_um: depth of removal or injury, in µm below the surface.
        facts: the course data (default: the package's data).
    """
    facts = facts or load_facts()
    result = []
    for scar in facts.scars.values():
        base = scar.depth_um
        if base is None:
            result.append(
                ScarReach(scar.id, scar.name, Reach.NOT, f"{scar.name}: {scar.depth_note}")
            )
            continue
        if depth_um.high >= base.high and not base.open_ended:
            reach, verb = Reach.FULLY, "reaches its base"
        elif depth_um.high >= base.low:
            reach, verb = Reach.PARTLY, "reaches the shallowest of them"
        else:
            reach, verb = Reach.NOT, "does not reach its base"
        reason = (
            f"{scar.name}: base about {base.text()} µm deep; "
            f"{depth_um.text()} µm {verb}. {scar.depth_note}"
        )
        result.append(ScarReach(scar.id, scar.name, reach, reason))
    return result


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
