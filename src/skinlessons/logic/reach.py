"""Which layers of the schematic face, and which scars, a depth range reaches.

Pure functions over the course data. Depths are in micrometres (µm) below the surface; layer
boundaries are each layer's representative (typical) thickness, stacked from the surface down.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..facts import Facts, Range, load_facts
from ..facts.models import Layer


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
