"""Colour-blind-safe colours (Okabe-Ito) and the few drawing constants every figure shares.

Colour is never the only carrier of meaning: every band and marker also has a text label, and
hatching tells the depth-reached band from the reference band in greyscale prints.
Okabe M, Ito K. *Color Universal Design* (2008): the eight colours below stay distinct under the
common forms of colour-vision deficiency.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

BLACK: Final = "#000000"
ORANGE: Final = "#E69F00"
SKY_BLUE: Final = "#56B4E9"
BLUISH_GREEN: Final = "#009E73"
YELLOW: Final = "#F0E442"
BLUE: Final = "#0072B2"
VERMILLION: Final = "#D55E00"
REDDISH_PURPLE: Final = "#CC79A7"
GREY: Final = "#6E6E6E"
WHITE: Final = "#FFFFFF"

OKABE_ITO: Final = (BLACK, ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE)

# Skin layers, surface down: light tints so that labels, scars and depth bands stay readable.
LAYER_COLOURS: Final = (
    ("#F7F2A6", "//"),  # stratum corneum: pale yellow, fine hatch
    ("#F5D9A0", ""),  # viable epidermis: pale orange
    ("#F1CFE1", ""),  # papillary dermis: pale pink
    ("#E3A9C8", ""),  # reticular dermis: deeper pink
    ("#FBF7DA", "oo"),  # subcutis (fat): cream with fat-lobule circles
)
"""(face colour, hatch) per layer in surface-down order; extra layers reuse the last entry."""

AIR_COLOUR: Final = WHITE
BOUNDARY_RANGE_COLOUR: Final = GREY
BOUNDARY_RANGE_ALPHA: Final = 0.25
FOLLICLE_COLOUR: Final = ORANGE
GLAND_COLOUR: Final = YELLOW
SCAR_EDGE_COLOUR: Final = BLACK
TETHER_COLOUR: Final = BLUE

REACHED_COLOUR: Final = VERMILLION
REACHED_HATCH: Final = "xx"
REFERENCE_COLOUR: Final = BLUE
REFERENCE_HATCH: Final = "\\\\"
MARKER_COLOUR: Final = VERMILLION
CURVE_COLOUR: Final = BLUE
GUIDE_COLOUR: Final = GREY

FONT_SIZE: Final = 9
SMALL_FONT_SIZE: Final = 8
LABEL_BOX: Final = {
    "boxstyle": "round,pad=0.2",
    "facecolor": WHITE,
    "edgecolor": "none",
    "alpha": 0.8,
}
"""Text background so labels stay legible over bands and hatching."""


def boxed_label(axes: Axes, x: float, y: float, text: str, **placement: Any) -> Text:
    """A small label on the legible background (``placement``: alignment, zorder, transform)."""
    return axes.text(x, y, text, fontsize=SMALL_FONT_SIZE, bbox=LABEL_BOX, **placement)


def layer_style(index: int) -> tuple[str, str]:
    """Return the (face colour, hatch) for the ``index``-th layer from the surface."""
    return LAYER_COLOURS[min(index, len(LAYER_COLOURS) - 1)]
