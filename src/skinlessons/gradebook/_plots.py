"""The item-analysis report's figures, as PNG data URIs with their alt text (matplotlib, Agg).

A chart whose data the last report in the same ``--out`` showed is taken from there
(:mod:`._chart_cache`); matplotlib is imported only when a chart has to be drawn, and the charts
of one report are drawn on one figure per size, cleared between charts.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ._chart_cache import ChartCache
from .item_analysis import ItemStats

if TYPE_CHECKING:
    from matplotlib.axes import Axes

_BLUE = "#0072B2"
_ORANGE = "#D55E00"
_TITLE_Y = 1.0
"""The title just above the axes, where matplotlib would place it (no ticks or labels on top),
given rather than worked out from the axes' bounding boxes, which costs a fifth of a chart."""
_DISTRIBUTION_HEIGHT = 3.2
_ITEMS_HEIGHT = 3.6

_Point = tuple[float, float]


@dataclass(frozen=True)
class Plot:
    """A figure embedded in the page: its ``data:`` URI and what it shows, in words."""

    uri: str
    alt: str


def _new_axes(height: float) -> Axes:
    """Axes on a 6.4-inch-wide figure with fixed margins that fit the labels (a layout engine
    would fit them too, at three times the drawing time, which a run pays once per quiz)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, height))
    FigureCanvasAgg(figure)
    figure.subplots_adjust(left=0.11, right=0.96, bottom=0.16, top=0.9)
    return figure.add_subplot()


def _png(axes: Axes) -> bytes:
    figure = axes.get_figure(root=True)
    assert figure is not None  # made by _new_axes
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    return buffer.getvalue()


def _uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _draw_distribution(
    axes: Axes, percentages: Sequence[float], pass_mark_pct: float, title: str
) -> bytes:
    axes.hist(percentages, bins=[step * 5 for step in range(21)], color=_BLUE, edgecolor="white")
    axes.axvline(
        pass_mark_pct, color=_ORANGE, linestyle="--", label=f"pass mark {pass_mark_pct:g} %"
    )
    axes.set_xlabel("score (%)")
    axes.set_ylabel("trainees")
    axes.set_title(title, y=_TITLE_Y)
    axes.legend(loc="upper left")
    return _png(axes)


def _draw_items(axes: Axes, fine: Sequence[_Point], flagged: Sequence[_Point], title: str) -> bytes:
    for group, colour, marker, label in (
        (fine, _BLUE, "o", "not flagged"),
        (flagged, _ORANGE, "^", "flagged"),
    ):
        if group:
            axes.scatter(
                [100 * x for x, _y in group],
                [100 * y for _x, y in group],
                color=colour,
                marker=marker,
                label=label,
            )
    axes.axhline(20, color="grey", linewidth=0.8, linestyle=":")
    axes.set_xlim(0, 100)
    axes.set_ylim(-100, 100)
    axes.set_xlabel("facility index (%)")
    axes.set_ylabel("discrimination index")
    axes.set_title(title, y=_TITLE_Y)
    axes.legend(loc="lower left")
    return _png(axes)


class ReportCharts:
    """The charts of one item-analysis report written into ``out``."""

    def __init__(self, out: Path) -> None:
        self._cache = ChartCache(out)
        self._axes: dict[float, Axes] = {}

    def _axes_for(self, height: float) -> Axes:
        """Cleared axes of the given height: clearing costs less than a new figure, and a
        cleared axes draws the same pixels as a new one."""
        axes = self._axes.get(height)
        if axes is None:
            axes = self._axes[height] = _new_axes(height)
        else:
            axes.clear()
        return axes

    def score_distribution(
        self, percentages: Sequence[float], pass_mark_pct: float, title: str
    ) -> Plot:
        """A histogram of final-assessment percentages with the pass mark marked."""
        reached = sum(1 for value in percentages if value >= pass_mark_pct)
        ordered = sorted(percentages)
        median = ordered[len(ordered) // 2] if ordered else 0.0
        alt = (
            f"Histogram of {title} scores for {len(percentages)} trainees in 5 % bins; "
            f"median about {median:.0f} %; {reached} reached the pass mark of {pass_mark_pct:g} %."
        )
        png = self._cache.png(
            ["distribution", list(percentages), pass_mark_pct, title],
            lambda: _draw_distribution(
                self._axes_for(_DISTRIBUTION_HEIGHT), percentages, pass_mark_pct, title
            ),
        )
        return Plot(_uri(png), alt)

    def items(self, stats: Sequence[ItemStats], title: str) -> Plot | None:
        """Facility against discrimination, one point per question (None if nothing to plot)."""
        fine: list[_Point] = []
        flagged: list[_Point] = []
        for item in stats:
            if item.facility is not None and item.discrimination is not None:
                (flagged if item.flags else fine).append((item.facility, item.discrimination))
        if not fine and not flagged:
            return None
        alt = (
            f"Scatter plot for {title}: facility (x, 0-100 %) against discrimination index "
            f"(y, -100 to 100) for {len(fine) + len(flagged)} questions; {len(flagged)} flagged "
            "in the table below."
        )
        png = self._cache.png(
            ["items", fine, flagged, title],
            lambda: _draw_items(self._axes_for(_ITEMS_HEIGHT), fine, flagged, title),
        )
        return Plot(_uri(png), alt)

    def forget_unused(self) -> None:
        """Let the kept charts be this report's only (see :class:`ChartCache`)."""
        self._cache.forget_unused()
