"""Draw the parts of a skin cross-section: layer bands, a pilosebaceous unit and atrophic scars.

Every function draws on a given Axes in data units of µm (x: distance along the skin, y: depth
below the surface, growing downwards) and takes plain numbers, so it knows nothing about where
the numbers come from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Ellipse, Polygon, Rectangle

from . import _palette as palette
from ._panels import add_fixed

ScarShape = Literal["V", "U", "M"]
RANGE_RULER_WIDTH = 0.035
"""Width (axes fraction) of the ruler at the left edge that shows each boundary's range."""
PROFILE_POINTS = 61
"""Points along a scar's surface profile: odd, so the centre (the deepest point) is drawn."""


@dataclass(frozen=True)
class LayerBand:
    """One layer drawn at its representative depth, with the range of its lower boundary (µm)."""

    name: str
    top_um: float
    bottom_um: float
    bottom_low_um: float
    bottom_high_um: float


def draw_layers(axes: Axes, bands: list[LayerBand], *, label_names: set[str]) -> None:
    """Fill each layer across the panel, mark where its lower boundary may lie, label some.

    Each layer is filled at its representative depth; a grey bar in a ruler at the left edge
    spans the range within which its lower boundary may lie.

    Args:
        axes: the panel to draw on.
        bands: layers from the surface down.
        label_names: names of the layers to label in this panel (thin layers are labelled only
            where they are tall enough to read).
    """
    across = axes.get_yaxis_transform()  # x in axes fraction, y in data (µm)
    deepest = axes.get_ylim()[0]
    for index, band in enumerate(bands):
        colour, hatch = palette.layer_style(index)
        bottom = deepest if index == len(bands) - 1 else band.bottom_um
        add_fixed(
            axes,
            Rectangle(
                (0.0, band.top_um),
                1.0,
                bottom - band.top_um,
                transform=across,
                facecolor=colour,
                edgecolor=palette.GREY,
                hatch=hatch,
                linewidth=0.0,
                zorder=0,
            ),
        )
        if index < len(bands) - 1:
            add_fixed(
                axes,
                Rectangle(
                    (0.0, band.bottom_low_um),
                    RANGE_RULER_WIDTH,
                    band.bottom_high_um - band.bottom_low_um,
                    transform=across,
                    facecolor=palette.BOUNDARY_RANGE_COLOUR,
                    alpha=palette.BOUNDARY_RANGE_ALPHA + 0.15 * (index % 2),
                    edgecolor=palette.BLACK,
                    linewidth=0.4,
                    zorder=2,
                ),
            )
            axes.axhline(band.bottom_um, color=palette.GREY, linewidth=0.6, zorder=1)
        if band.name in label_names:
            middle = (band.top_um + min(bottom, deepest)) / 2
            palette.boxed_label(
                axes,
                RANGE_RULER_WIDTH + 0.01,
                middle,
                band.name.split(" (")[0],
                transform=across,
                ha="left",
                va="center",
                zorder=8,
            )
    axes.axhline(0.0, color=palette.BLACK, linewidth=1.0, zorder=2)


def draw_follicle(
    axes: Axes,
    *,
    x_um: float,
    width_um: float,
    bottom_um: float,
    gland_top_um: float,
    gland_bottom_um: float,
) -> None:
    """Draw a hair follicle (a tube dipping from the pore) with a sebaceous gland beside it."""
    half = width_um / 2
    tube = Polygon(
        [
            (x_um - half * 1.6, 0.0),
            (x_um - half, bottom_um * 0.15),
            (x_um - half, bottom_um),
            (x_um + half, bottom_um),
            (x_um + half, bottom_um * 0.15),
            (x_um + half * 1.6, 0.0),
        ],
        closed=False,
        fill=False,
        edgecolor=palette.FOLLICLE_COLOUR,
        linewidth=1.6,
        zorder=3,
    )
    add_fixed(axes, tube)
    axes.plot(
        [x_um, x_um],
        [-bottom_um * 0.05, bottom_um * 0.95],
        color=palette.BLACK,
        linewidth=0.8,
        zorder=3,
    )  # the hair shaft
    gland_height = gland_bottom_um - gland_top_um
    add_fixed(
        axes,
        Ellipse(
            (x_um + half + width_um * 1.2, gland_top_um + gland_height / 2),
            width_um * 2.4,
            gland_height,
            facecolor=palette.GLAND_COLOUR,
            edgecolor=palette.BLACK,
            linewidth=0.6,
            zorder=3,
        ),
    )
    palette.boxed_label(
        axes,
        x_um + half + width_um * 2.6,
        gland_top_um + gland_height / 2,
        "sebaceous\ngland",
        ha="left",
        va="center",
        zorder=8,
    )
    axes.text(
        x_um,
        -axes.get_ylim()[0] * 0.005,
        "pore",
        ha="center",
        va="bottom",
        fontsize=palette.SMALL_FONT_SIZE,
        zorder=8,
    )


def scar_profile(shape: ScarShape, width_um: float, depth_um: float) -> np.ndarray:
    """Depth of the scar floor (µm) at ``PROFILE_POINTS`` evenly spaced points across its width.

    V (ice-pick): straight walls meeting at a narrow point. U (boxcar): steep walls and a flat
    floor. M (rolling): a broad, soft double dip, its middle held up by the tissue between two
    fibrous tethers.
    """
    fraction = np.linspace(0.0, 1.0, PROFILE_POINTS)
    if shape == "V":
        return depth_um * (1.0 - np.abs(2.0 * fraction - 1.0))
    if shape == "U":
        return depth_um * np.clip((1.0 - np.abs(2.0 * fraction - 1.0)) / 0.12, 0.0, 1.0)
    dip = np.sin(np.pi * fraction) ** 2
    return depth_um * dip * (1.0 - 0.45 * np.exp(-(((fraction - 0.5) / 0.13) ** 2)))


def draw_scar(
    axes: Axes,
    *,
    shape: ScarShape,
    centre_um: float,
    width_um: float,
    depth_um: float,
    label: str,
    tether_to_um: float | None = None,
) -> None:
    """Cut an atrophic scar out of the skin at its width and depth, and label it.

    Args:
        shape: V (ice-pick), U (boxcar) or M (rolling).
        centre_um: position of the scar's centre along the skin.
        width_um: opening width at the surface.
        depth_um: depth of the scar floor below the surrounding surface.
        label: text written above the scar.
        tether_to_um: for rolling scars, the depth (dermis-subcutis junction) the fibrous bands
            pull towards; the bands are drawn as lines.
    """
    xs = np.linspace(centre_um - width_um / 2, centre_um + width_um / 2, PROFILE_POINTS)
    floor = scar_profile(shape, width_um, depth_um)
    outline = np.column_stack([xs, floor])
    add_fixed(
        axes,
        Polygon(
            outline,
            closed=True,
            facecolor=palette.AIR_COLOUR,
            edgecolor=palette.SCAR_EDGE_COLOUR,
            linewidth=1.0,
            zorder=4,
        ),
    )
    if tether_to_um is not None:
        for fraction in (0.3, 0.7):
            index = int(fraction * (PROFILE_POINTS - 1))
            axes.plot(
                [xs[index], xs[index]],
                [floor[index], tether_to_um],
                color=palette.TETHER_COLOUR,
                linewidth=1.4,
                zorder=4,
            )
    palette.boxed_label(
        axes,
        centre_um,
        0.0,
        label,
        ha="center",
        va="bottom",
        zorder=8,
    )
