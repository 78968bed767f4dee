"""The free-acid curve: how much of a peel acid is un-ionised ("free") at each pH.

``plot_free_acid_curve`` returns a static figure; :class:`FreeAcidChart` is the same chart drawn
once and updated in place by the acid explorer widget. The numbers come from an
:class:`~skinlessons.figures._acid_reading.AcidReading`, computed by the chemistry logic.
"""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from . import _palette as palette
from ._acid_reading import AcidReading, describe_reading, has_pka_range, read_acid
from ._panels import TITLE_Y, new_figure

PERCENT = 100.0


def _empty_label(axes: Axes, *, va: str) -> Text:
    """A boxed small label beside a marker, empty until the marker is placed."""
    return axes.text(
        0.0, 0.0, "", fontsize=palette.SMALL_FONT_SIZE, ha="left", va=va, bbox=palette.LABEL_BOX
    )


class FreeAcidChart:
    """One axes with the free-acid curve, the pKa line (with a shaded band where the data gives
    the pKa as a range), the current and comparison points."""

    def __init__(self, figure: Figure | None = None) -> None:
        self.figure = figure if figure is not None else new_figure(7.0, 4.2)
        self.figure.subplots_adjust(left=0.1, right=0.97, top=0.86, bottom=0.13)
        axes = self.figure.add_subplot()
        self.axes = axes
        axes.set_ylim(-2.0, 104.0)
        axes.set_xlabel("pH of the product", fontsize=palette.FONT_SIZE)
        axes.set_ylabel("free (un-ionized) acid, % of the acid", fontsize=palette.FONT_SIZE)
        axes.tick_params(labelsize=palette.SMALL_FONT_SIZE)
        axes.grid(color=palette.GUIDE_COLOUR, alpha=0.25, linewidth=0.6)
        axes.axhline(50.0, color=palette.GUIDE_COLOUR, linestyle=":", linewidth=0.9)
        (self.curve,) = axes.plot([], [], color=palette.CURVE_COLOUR, linewidth=2.0)
        self.pka_line = axes.axvline(0.0, color=palette.GUIDE_COLOUR, linestyle="--")
        self.pka_band = axes.axvspan(
            0.0,
            0.0,
            facecolor=palette.GUIDE_COLOUR,
            edgecolor=palette.GUIDE_COLOUR,
            alpha=0.45,
            linewidth=0.8,
            hatch="///",
        )
        self.pka_label = axes.text(
            0.0,
            2.0,
            "",
            rotation=90,
            ha="right",
            va="bottom",
            fontsize=palette.SMALL_FONT_SIZE,
            bbox=palette.LABEL_BOX,
        )
        (self.compare_marker,) = axes.plot(
            [],
            [],
            "o",
            markersize=9,
            markerfacecolor="none",
            markeredgecolor=palette.BLACK,
            markeredgewidth=1.6,
        )
        (self.marker,) = axes.plot(
            [], [], "D", markersize=9, color=palette.MARKER_COLOUR, markeredgecolor=palette.BLACK
        )
        self.marker_label = _empty_label(axes, va="bottom")
        self.compare_label = _empty_label(axes, va="top")
        axes.set_title(
            "Free acid by pH (Henderson–Hasselbalch, a rule of thumb)",
            fontsize=palette.FONT_SIZE,
            loc="left",
            y=TITLE_Y,
        )

    @property
    def dynamic_artists(self) -> list[Artist]:
        """The artists :meth:`update` changes (everything else stays as first drawn)."""
        return [
            self.curve,
            self.pka_line,
            self.pka_band,
            self.pka_label,
            self.compare_marker,
            self.marker,
            self.marker_label,
            self.compare_label,
        ]

    def set_ph_range(self, low_ph: float, high_ph: float) -> None:
        """Show pH ``low_ph`` to ``high_ph`` on the horizontal axis."""
        self.axes.set_xlim(low_ph, high_ph)

    def update(self, reading: AcidReading) -> None:
        """Redraw the curve and points for ``reading``, reusing the same artists."""
        self.curve.set_data(reading.curve_ph, [PERCENT * f for f in reading.curve_fraction])
        self.pka_line.set_xdata([reading.pka, reading.pka])
        self.pka_band.set_x(reading.pka_low)
        self.pka_band.set_width(reading.pka_high - reading.pka_low)
        self.pka_band.set_visible(has_pka_range(reading))
        self.pka_label.set_position((reading.pka_low, 2.0))
        if has_pka_range(reading):
            pka = f"pKa {reading.pka_low:.2f}–{reading.pka_high:.2f} (range)"
        else:
            pka = f"pKa {'≈' if reading.pka_approximate else ''}{reading.pka:.2f}"
        self.pka_label.set_text(f"{reading.agent_name}: {pka}")
        self.marker.set_data([reading.ph], [PERCENT * reading.fraction])
        right_edge = self.axes.get_xlim()[1]
        near_edge = reading.ph > right_edge - 2.0
        self.marker_label.set_horizontalalignment("right" if near_edge else "left")
        offset = -0.08 if near_edge else 0.08
        self.marker_label.set_position((reading.ph + offset, PERCENT * reading.fraction + 3.0))
        self.marker_label.set_text(
            f"pH {reading.ph:.2f}: {PERCENT * reading.fraction:.0f}% free\n"
            f"{reading.concentration_pct:g}% × {reading.fraction:.2f} = "
            f"{reading.available_pct:.1f}% available"
        )
        self.compare_marker.set_data([reading.compare_ph], [PERCENT * reading.compare_fraction])
        compare_near_edge = reading.compare_ph > right_edge - 2.0
        self.compare_label.set_horizontalalignment("right" if compare_near_edge else "left")
        self.compare_label.set_position(
            (
                reading.compare_ph + (-0.08 if compare_near_edge else 0.08),
                PERCENT * reading.compare_fraction - 3.0,
            )
        )
        self.compare_label.set_text(
            f"compare pH {reading.compare_ph:.2f}: {reading.compare_available_pct:.1f}% available"
        )


def plot_free_acid_curve(
    agent: str = "glycolic",
    *,
    ph: float | None = None,
    concentration_pct: float | None = None,
    compare_ph: float | None = None,
) -> tuple[Figure, str]:
    """Plot the free-acid fraction of ``agent`` against pH, marking a product's pH.

    Args:
        agent: an agent id of the course data with a pKa (``glycolic``, ``lactic``,
            ``mandelic``, ``salicylic``).
        ph: the product's pH (default: the agent's pKa).
        concentration_pct: total acid concentration, % (default: the agent's lowest listed
            peel strength).
        compare_ph: a second pH to compare at the same concentration (default: the low end of
            the agent's unbuffered pH, or one unit below the pKa).

    Returns:
        The figure and its alt text (agent, pKa, both points, free and available acid in %).
    """
    reading = read_acid(agent, ph=ph, concentration_pct=concentration_pct, compare_ph=compare_ph)
    chart = FreeAcidChart()
    chart.set_ph_range(reading.curve_ph[0], reading.curve_ph[-1])
    chart.update(reading)
    return chart.figure, describe_reading(reading)
