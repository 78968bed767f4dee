"""Where things go in the skin cross-section, from the course data (pure, no drawing).

Layer boundaries come from :func:`skinlessons.logic.depth.layers_reached` (each layer's typical
thickness stacked from the surface); the shaded range of each boundary adds up the layers'
thickness ranges. Scars are drawn at the middle of their width and depth ranges; their profile
shape follows their features in the data (V-shaped, flat base, wave-like).
"""

from __future__ import annotations

from dataclasses import dataclass

from skinlessons.facts import Facts, Range, Scar
from skinlessons.logic.depth import layers_reached

from ._anatomy import LayerBand, ScarShape
from ._panels import UM_PER_MM, SectionGeometry

SHAPE_BY_FEATURE: dict[str, ScarShape] = {"v-shaped": "V", "flat-base": "U", "wave-like": "M"}
"""Scar features (ids in the data) that decide which profile a scar is drawn with."""
GAP_UM = 1200.0
"""Space between drawn structures along the skin (a drawing choice, not a fact)."""
DEPTH_MARGIN = 1.2
"""The full panel shows this multiple of the deepest scar base or dermis bottom."""
ZOOM_WIDTH_UM = 1000.0
ROLLING_DEPTH_SHARE = 0.6
"""The data gives no depth for rolling scars: they are drawn this share of the way down to the
bottom of the papillary dermis (a schematic dip; their tethering is what matters)."""


@dataclass(frozen=True)
class ScarSpec:
    """One atrophic scar as drawn: µm along and below the skin, with its data ranges."""

    scar_id: str
    name: str
    shape: ScarShape
    centre_um: float
    width_um: float
    depth_um: float
    depth_from_data: bool
    width_mm: Range | None
    depth_range_um: Range | None
    tether_to_um: float | None


@dataclass(frozen=True)
class SectionLayout:
    """Everything the cross-section draws, in µm."""

    geometry: SectionGeometry
    bands: list[LayerBand]
    scars: list[ScarSpec]
    follicle_x_um: float
    follicle_bottom_um: float
    gland_um: Range


def middle(span: Range) -> float:
    """The value drawn for a range: its typical value, else the middle of low and high."""
    return span.typical if span.typical is not None else (span.low + span.high) / 2


def layer_bands(facts: Facts) -> list[LayerBand]:
    """The layers at their representative depths, with the range of each lower boundary."""
    reaches = layers_reached(Range(low=0.0, high=0.0), facts)
    bands = []
    low_sum = high_sum = 0.0
    for layer, reach in zip(facts.layers, reaches, strict=True):
        thickness = layer.thickness_um
        bottom = reach.bottom_um if reach.bottom_um is not None else reach.top_um
        if thickness is not None:
            low_sum, high_sum = low_sum + thickness.low, high_sum + thickness.high
        else:
            low_sum = high_sum = bottom
        bands.append(LayerBand(reach.name, reach.top_um, bottom, low_sum, high_sum))
    return bands


def scar_shape(scar: Scar) -> ScarShape | None:
    """The profile a scar is drawn with, from its features (None if it is not depressed)."""
    for feature in scar.features:
        if feature in SHAPE_BY_FEATURE:
            return SHAPE_BY_FEATURE[feature]
    return None


def scar_depth_um(scar: Scar, bands: list[LayerBand]) -> tuple[float, bool]:
    """The drawn depth of a scar's floor and whether it comes from the data.

    Rolling scars have no depth in the data (they are defined by their tethering, not their
    depth), so they are drawn as a shallow dip into the papillary dermis.
    """
    if scar.depth_um is not None:
        return middle(scar.depth_um), True
    papillary_bottom = bands[min(2, len(bands) - 1)].bottom_um
    return papillary_bottom * ROLLING_DEPTH_SHARE, False


def section_layout(facts: Facts) -> SectionLayout:
    """Lay out the layers, follicle and atrophic scars of the schematic face from the data."""
    bands = layer_bands(facts)
    dermis_bottom = bands[-1].top_um
    gland = facts.structures["sebaceous-gland"].depth_um or Range(low=0.0, high=0.0)
    x_um = GAP_UM
    follicle_x = x_um
    x_um += GAP_UM * 1.5
    scars = []
    for scar in facts.scars.values():
        shape = scar_shape(scar)
        if scar.family != "atrophic" or shape is None or scar.width_mm is None:
            continue
        width_um = middle(scar.width_mm) * UM_PER_MM
        depth_um, from_data = scar_depth_um(scar, bands)
        centre = x_um + width_um / 2
        tether = dermis_bottom if shape == "M" else None
        scars.append(
            ScarSpec(
                scar.id,
                scar.name,
                shape,
                centre,
                width_um,
                depth_um,
                from_data,
                scar.width_mm,
                scar.depth_um,
                tether,
            )
        )
        x_um += width_um + GAP_UM
    deepest = max([dermis_bottom, *(s.depth_um for s in scars)])
    geometry = SectionGeometry(
        full_width_um=x_um + ZOOM_WIDTH_UM + GAP_UM / 2,
        full_depth_um=deepest * DEPTH_MARGIN,
        zoom_left_um=x_um,
        zoom_width_um=ZOOM_WIDTH_UM,
        zoom_depth_um=bands[1].bottom_high_um * 1.25 if len(bands) > 1 else bands[0].bottom_um,
    )
    follicle_bottom = gland.high + (gland.high - gland.low) / 4
    return SectionLayout(geometry, bands, scars, follicle_x, follicle_bottom, gland)
