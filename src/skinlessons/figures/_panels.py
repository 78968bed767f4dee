"""Figure scaffolding for skin cross-sections: a full-depth panel, an epidermis zoom, scale bars.

Depth is measured in µm below the skin surface and grows downwards; distance along the skin is
in µm as well (the full panel labels it in mm). The two panels are linked by zoom connector lines
so the trainee sees that the epidermis zoom is a thin strip of the full section.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, TypeVar

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import ConnectionPatch, Patch, Rectangle
from matplotlib.ticker import FuncFormatter

from . import _palette as palette

UM_PER_MM = 1000.0
AIR_FRACTION = 0.06
"""Share of each panel's height left above the skin surface, so the surface line shows."""
TITLE_Y: Final = 1.0
"""Axes titles sit at the top of their axes, given outright: left to matplotlib, every draw
measures all tick labels to see whether anything sits above the axes (nothing does here)."""

PatchT = TypeVar("PatchT", bound=Patch)


def add_fixed(axes: Axes, patch: PatchT) -> PatchT:
    """Add ``patch`` to ``axes`` whose limits are already set (autoscaling is off).

    ``add_patch`` would also grow the data limits to take in the patch, the costliest part of
    adding a curved patch, and unused once the limits are fixed. The patch is clipped to the
    axes and listed in ``axes.patches`` just as with ``add_patch``.
    """
    axes.add_artist(patch)
    return patch


@dataclass(frozen=True)
class SectionGeometry:
    """Extent of the two panels, all in µm.

    Attributes:
        full_width_um: distance along the skin shown in the full-depth panel.
        full_depth_um: deepest point shown in the full-depth panel.
        zoom_left_um: left edge of the zoomed strip, as a position in the full panel.
        zoom_width_um: width of the zoomed strip.
        zoom_depth_um: deepest point shown in the zoom panel.
    """

    full_width_um: float
    full_depth_um: float
    zoom_left_um: float
    zoom_width_um: float
    zoom_depth_um: float

    @property
    def zoom_right_um(self) -> float:
        """Right edge of the zoomed strip, µm."""
        return self.zoom_left_um + self.zoom_width_um


@dataclass(frozen=True)
class Panels:
    """The figure and its two axes: ``full`` (to the subcutis) and ``zoom`` (the epidermis)."""

    figure: Figure
    full: Axes
    zoom: Axes
    geometry: SectionGeometry


def new_figure(width_in: float, height_in: float) -> Figure:
    """A Figure on its own Agg canvas, outside pyplot's global state (size in inches)."""
    figure = Figure(figsize=(width_in, height_in), layout=None)
    FigureCanvasAgg(figure)
    return figure


def make_panels(
    geometry: SectionGeometry, *, width_in: float = 10.0, height_in: float = 5.2
) -> Panels:
    """Create the two-panel cross-section figure with axes, limits, scale bars and zoom lines."""
    figure = new_figure(width_in, height_in)
    grid = figure.add_gridspec(
        1, 2, width_ratios=(2.1, 1.0), left=0.08, right=0.98, top=0.85, bottom=0.13, wspace=0.28
    )
    full = figure.add_subplot(grid[0, 0])
    zoom = figure.add_subplot(grid[0, 1])
    _set_limits(full, geometry.full_width_um, 0.0, geometry.full_depth_um)
    _set_limits(zoom, geometry.zoom_width_um, geometry.zoom_left_um, geometry.zoom_depth_um)
    full.set_title("Full depth, to the subcutis", fontsize=palette.FONT_SIZE, y=TITLE_Y)
    zoom.set_title("Zoom: the epidermis", fontsize=palette.FONT_SIZE, y=TITLE_Y)
    full.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value / UM_PER_MM:g}"))
    zoom.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _: f"{value - geometry.zoom_left_um:g}")
    )
    step_um = nice_length(geometry.zoom_width_um, 0.25)
    zoom.set_xticks([geometry.zoom_left_um + k * step_um for k in range(5)])
    full.set_xlabel("distance along the skin (mm)", fontsize=palette.FONT_SIZE)
    zoom.set_xlabel("distance along the skin (µm)", fontsize=palette.FONT_SIZE)
    full.set_ylabel("depth below the surface (µm)", fontsize=palette.FONT_SIZE)
    for axes in (full, zoom):
        axes.tick_params(labelsize=palette.SMALL_FONT_SIZE)
    _connect_zoom(full, zoom, geometry)
    return Panels(figure, full, zoom, geometry)


def _set_limits(axes: Axes, width_um: float, left_um: float, depth_um: float) -> None:
    air_um = depth_um * AIR_FRACTION
    axes.set_xlim(left_um, left_um + width_um)
    axes.set_ylim(depth_um, -air_um)  # depth grows downwards
    axes.set_facecolor(palette.AIR_COLOUR)


def _connect_zoom(full: Axes, zoom: Axes, geometry: SectionGeometry) -> None:
    """Outline the zoomed strip on the full panel and join it to the zoom panel's left corners."""
    air_um = geometry.zoom_depth_um * AIR_FRACTION
    add_fixed(
        full,
        Rectangle(
            (geometry.zoom_left_um, -air_um),
            geometry.zoom_width_um,
            geometry.zoom_depth_um + air_um,
            fill=False,
            edgecolor=palette.BLACK,
            linewidth=1.0,
            zorder=7,
        ),
    )
    for depth_um, corner_y in ((-air_um, 1.0), (geometry.zoom_depth_um, 0.0)):
        line = ConnectionPatch(
            xyA=(geometry.zoom_right_um, depth_um),
            coordsA=full.transData,
            xyB=(0.0, corner_y),
            coordsB=zoom.transAxes,
            color=palette.GREY,
            linewidth=0.9,
            linestyle="--",
        )
        full.figure.add_artist(line)


def nice_length(span: float, fraction: float = 0.2) -> float:
    """A round scale-bar length (1, 2 or 5 × 10^n) close to ``fraction`` of ``span``."""
    target = span * fraction
    magnitude = 10.0 ** int(f"{target:e}".split("e")[1])
    for step in (5.0, 2.0, 1.0):
        if step * magnitude <= target:
            return step * magnitude
    return magnitude


def format_length(length_um: float) -> str:
    """``500 µm`` or ``2 mm``: the unit a reader expects for that length."""
    if length_um >= UM_PER_MM:
        return f"{length_um / UM_PER_MM:g} mm"
    return f"{length_um:g} µm"


def add_scale_bars(axes: Axes) -> tuple[float, float]:
    """Draw an L-shaped scale bar (horizontal and vertical) in the lower-left corner of ``axes``.

    The panels are not drawn to equal aspect (skin is far wider than deep), so each direction
    gets its own bar. Returns the (horizontal, vertical) bar lengths in µm.
    """
    left, right = axes.get_xlim()
    bottom, top = axes.get_ylim()  # bottom is the deepest point (inverted axis)
    horizontal_um = nice_length(right - left)
    vertical_um = nice_length(bottom - top)
    x0 = left + 0.3 * (right - left)
    y0 = bottom - 0.1 * (bottom - top)
    style: dict[str, Any] = {
        "color": palette.BLACK,
        "linewidth": 2.5,
        "solid_capstyle": "butt",
        "zorder": 6,
    }
    axes.plot([x0, x0 + horizontal_um], [y0, y0], **style)
    axes.plot([x0, x0], [y0, y0 - vertical_um], **style)
    palette.boxed_label(
        axes,
        x0 + horizontal_um / 2,
        y0 + 0.025 * (bottom - top),
        format_length(horizontal_um),
        ha="center",
        va="top",
        zorder=6,
    )
    palette.boxed_label(
        axes,
        x0 + 0.015 * (right - left),
        y0 - vertical_um / 2,
        format_length(vertical_um),
        ha="left",
        va="center",
        zorder=6,
    )
    return horizontal_um, vertical_um
