"""The item-analysis report's figures, as PNG data URIs with their alt text (matplotlib, Agg)."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .item_analysis import ItemStats

_BLUE = "#0072B2"
_ORANGE = "#D55E00"


@dataclass(frozen=True)
class Plot:
    """A figure embedded in the page: its ``data:`` URI and what it shows, in words."""

    uri: str
    alt: str


def _figure(height: float) -> Figure:
    """A 6.4-inch-wide figure with fixed margins that fit the labels (a layout engine would
    fit them too, at three times the drawing time, which a run pays once per quiz)."""
    figure = Figure(figsize=(6.4, height))
    figure.subplots_adjust(left=0.11, right=0.96, bottom=0.16, top=0.9)
    return figure


def _encode(figure: Figure) -> str:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def plot_score_distribution(percentages: Sequence[float], pass_mark_pct: float, title: str) -> Plot:
    """A histogram of final-assessment percentages with the pass mark marked."""
    figure = _figure(3.2)
    axes = figure.add_subplot()
    axes.hist(percentages, bins=[step * 5 for step in range(21)], color=_BLUE, edgecolor="white")
    axes.axvline(
        pass_mark_pct, color=_ORANGE, linestyle="--", label=f"pass mark {pass_mark_pct:g} %"
    )
    axes.set_xlabel("score (%)")
    axes.set_ylabel("trainees")
    axes.set_title(title)
    axes.legend(loc="upper left")
    reached = sum(1 for value in percentages if value >= pass_mark_pct)
    ordered = sorted(percentages)
    median = ordered[len(ordered) // 2] if ordered else 0.0
    alt = (
        f"Histogram of {title} scores for {len(percentages)} trainees in 5 % bins; "
        f"median about {median:.0f} %; {reached} reached the pass mark of {pass_mark_pct:g} %."
    )
    return Plot(_encode(figure), alt)


def plot_items(stats: Sequence[ItemStats], title: str) -> Plot | None:
    """Facility against discrimination, one point per question (None if nothing to plot)."""
    points = [
        (item.facility, item.discrimination, item)
        for item in stats
        if item.facility is not None and item.discrimination is not None
    ]
    if not points:
        return None
    figure = _figure(3.6)
    axes = figure.add_subplot()
    flagged = [p for p in points if p[2].flags]
    fine = [p for p in points if not p[2].flags]
    for group, colour, marker, label in (
        (fine, _BLUE, "o", "not flagged"),
        (flagged, _ORANGE, "^", "flagged"),
    ):
        if group:
            axes.scatter(
                [100 * p[0] for p in group],
                [100 * p[1] for p in group],
                color=colour,
                marker=marker,
                label=label,
            )
    axes.axhline(20, color="grey", linewidth=0.8, linestyle=":")
    axes.set_xlim(0, 100)
    axes.set_ylim(-100, 100)
    axes.set_xlabel("facility index (%)")
    axes.set_ylabel("discrimination index")
    axes.set_title(title)
    axes.legend(loc="lower left")
    alt = (
        f"Scatter plot for {title}: facility (x, 0-100 %) against discrimination index "
        f"(y, -100 to 100) for {len(points)} questions; {len(flagged)} flagged in the table below."
    )
    return Plot(_encode(figure), alt)
