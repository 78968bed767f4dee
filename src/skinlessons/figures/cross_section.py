"""The schematic cross-section of facial skin, with optional depth bands, as a static figure.

Two linked panels: the full depth down to the subcutis (layers, a follicle with its sebaceous
gland, the atrophic scar shapes at their typical width and depth) and a zoom on the epidermis,
where the 10-20 µm stratum corneum and microdermabrasion depths are visible. :class:`SkinSection`
keeps the artists so the depth explorer can move its bands in place.
"""

from __future__ import annotations

from typing import Any

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from skinlessons.facts import Facts, Range, load_facts

from . import _palette as palette
from ._anatomy import draw_follicle, draw_layers, draw_scar
from ._panels import add_fixed, add_scale_bars, format_length, make_panels
from ._section_layout import SectionLayout, section_layout

BAR_X = {"reached": (0.87, 0.925), "reference": (0.935, 0.99)}
"""Horizontal extent (axes fraction) of the depth bars drawn at the right of each panel."""
FOLLICLE_WIDTH_UM = 140.0
"""Drawn width of the follicle tube (schematic)."""


def range_text(depth_um: Range) -> str:
    """``10-20 µm`` / ``100-600+ µm``, with "about" when the data marks it uncertain."""
    about = "about " if depth_um.uncertain else ""
    return f"{about}{depth_um.text()} µm"


def _hidden_band(axes: Axes, left: float, width: float, **style: Any) -> Rectangle:
    """A depth band from ``left`` over ``width`` of the axes (x in axes units, y in µm), drawn
    hidden with zero height until a depth is shown."""
    patch = Rectangle(
        (left, 0.0), width, 0.0, transform=axes.get_yaxis_transform(), visible=False, **style
    )
    return add_fixed(axes, patch)


class SkinSection:
    """The two-panel cross-section, drawn once, with depth bands that can be moved in place."""

    def __init__(self, facts: Facts | None = None) -> None:
        self.facts = facts if facts is not None else load_facts()
        self.layout: SectionLayout = section_layout(self.facts)
        panels = make_panels(self.layout.geometry)
        self.figure, self.full, self.zoom = panels.figure, panels.full, panels.zoom
        bands = self.layout.bands
        draw_layers(self.full, bands, label_names={band.name for band in bands[2:]})
        draw_layers(self.zoom, bands, label_names={band.name for band in bands[:3]})
        gland = self.layout.gland_um
        draw_follicle(
            self.full,
            x_um=self.layout.follicle_x_um,
            width_um=FOLLICLE_WIDTH_UM,
            bottom_um=self.layout.follicle_bottom_um,
            gland_top_um=gland.low,
            gland_bottom_um=gland.high,
        )
        for scar in self.layout.scars:
            draw_scar(
                self.full,
                shape=scar.shape,
                centre_um=scar.centre_um,
                width_um=scar.width_um,
                depth_um=scar.depth_um,
                label=scar.name.replace(" scar", ""),
                tether_to_um=scar.tether_to_um,
            )
        add_scale_bars(self.full)
        add_scale_bars(self.zoom)
        self.reached_spans = [self._span(axes) for axes in (self.full, self.zoom)]
        self.reached_bars = [self._bar(axes, "reached") for axes in (self.full, self.zoom)]
        self.reference_bars = [self._bar(axes, "reference") for axes in (self.full, self.zoom)]
        self.title = self.figure.suptitle(
            "Facial skin, schematic cross-section",
            x=0.08,
            ha="left",
            fontsize=palette.FONT_SIZE + 1,
        )

    @property
    def dynamic_artists(self) -> list[Artist]:
        """The artists :meth:`show_depth` changes."""
        return [*self.reached_spans, *self.reached_bars, self.title]

    def _span(self, axes: Axes) -> Rectangle:
        return _hidden_band(
            axes,
            0.0,
            1.0,
            facecolor="none",
            edgecolor=palette.REACHED_COLOUR,
            linestyle="--",
            linewidth=1.3,
            zorder=5,
        )

    def _bar(self, axes: Axes, kind: str) -> Rectangle:
        left, right = BAR_X[kind]
        reached = kind == "reached"
        return _hidden_band(
            axes,
            left,
            right - left,
            facecolor=palette.WHITE,
            edgecolor=palette.REACHED_COLOUR if reached else palette.REFERENCE_COLOUR,
            hatch=palette.REACHED_HATCH if reached else palette.REFERENCE_HATCH,
            linewidth=1.2,
            zorder=6,
        )

    def show_reference(self, depth_um: Range, label: str) -> None:
        """Draw a fixed reference depth bar (e.g. physician dermabrasion) with a legend entry."""
        for bar in self.reference_bars:
            bar.set_y(depth_um.low)
            bar.set_height(depth_um.high - depth_um.low)
            bar.set_visible(True)
        handles = [
            Patch(
                facecolor=palette.WHITE,
                edgecolor=palette.REACHED_COLOUR,
                hatch=palette.REACHED_HATCH,
                label="depth reached (chosen procedure)",
            ),
            Patch(
                facecolor=palette.WHITE,
                edgecolor=palette.REFERENCE_COLOUR,
                hatch=palette.REFERENCE_HATCH,
                label=f"{label}, {range_text(depth_um)}",
            ),
        ]
        self.figure.legend(
            handles=handles,
            loc="lower center",
            ncols=2,
            frameon=False,
            fontsize=palette.SMALL_FONT_SIZE,
        )

    def show_depth(self, depth_um: Range | None, title: str) -> None:
        """Shade ``depth_um`` in both panels (or hide it when None) and set the title."""
        for span, bar in zip(self.reached_spans, self.reached_bars, strict=True):
            if depth_um is None:
                span.set_visible(False)
                bar.set_visible(False)
                continue
            for patch in (span, bar):
                patch.set_y(depth_um.low)
                patch.set_height(max(depth_um.high - depth_um.low, 0.5))
                patch.set_visible(True)
        self.title.set_text(title)


def describe_section(layout: SectionLayout) -> str:
    """Alt text of the plain cross-section: panels, layers with ranges, follicle, scars."""
    geometry = layout.geometry
    layers = "; ".join(
        f"{band.name.lower()} from {band.top_um:g} to {band.bottom_um:g} µm"
        f" (lower boundary {band.bottom_low_um:g}-{band.bottom_high_um:g} µm)"
        for band in layout.bands[:-1]
    )
    scars = "; ".join(
        f"{scar.name.lower()} ({scar.shape}-shaped), {scar.width_um / 1000:g} mm wide and "
        + (f"{scar.depth_um:g} µm deep" if scar.depth_from_data else "drawn shallow")
        + (", tethered by fibrous bands to the subcutis" if scar.tether_to_um else "")
        for scar in layout.scars
    )
    return (
        "Schematic cross-section of facial skin in two linked panels with scale bars. "
        f"Left: the full depth to {format_length(geometry.full_depth_um)}; right: a zoom on "
        f"the top {format_length(geometry.zoom_depth_um)} (the epidermis), joined to the left "
        f"panel by zoom lines. Layers at representative depths: {layers}; then "
        f"{layout.bands[-1].name.lower()} below {layout.bands[-1].top_um:g} µm. Gray bands show "
        "where each boundary may lie. A hair follicle opens at a pore, with a sebaceous gland "
        f"at {layout.gland_um.text()} µm. Atrophic scars at typical size: {scars}."
    )


def plot_skin_cross_section(facts: Facts | None = None) -> tuple[Figure, str]:
    """Plot the schematic facial-skin cross-section (layers, follicle, atrophic scars).

    Args:
        facts: the course data (default: the package's data).

    Returns:
        The figure and its alt text, which names every layer with its depth range (µm), the
        sebaceous gland depth and each scar's width (mm) and depth (µm).
    """
    section = SkinSection(facts)
    return section.figure, describe_section(section.layout)
