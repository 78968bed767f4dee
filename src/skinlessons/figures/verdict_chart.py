"""Charts made of labelled rows: treatment verdicts per procedure, and scar-match scores.

Both are drawn once with a fixed set of row artists and updated in place. Every row says its
result in words and with a symbol, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from . import _palette as palette
from ._panels import new_figure

ROW_HEIGHT_IN = 0.27
"""Height of one row, inches."""


@dataclass(frozen=True)
class Row:
    """One row: a filled share of the row (0-1), its colour, symbol and words."""

    share: float
    colour: str
    symbol: str
    text: str


class RowChart:
    """A column of ``rows`` labelled bars under a title, for verdicts or match scores."""

    def __init__(self, rows: int, *, width_in: float = 8.0, bar_width: float = 0.2) -> None:
        self.figure: Figure = new_figure(width_in, ROW_HEIGHT_IN * (rows + 2))
        axes = self.figure.add_axes((0.01, 0.0, 0.98, rows / (rows + 1.6)))
        axes.set_xlim(0.0, 1.0)
        axes.set_ylim(rows, 0.0)
        axes.set_axis_off()
        self.bar_width = bar_width
        self.bars: list[Rectangle] = []
        self.symbols = []
        self.texts = []
        for index in range(rows):
            axes.add_patch(
                Rectangle(
                    (0.0, index + 0.12),
                    bar_width,
                    0.76,
                    facecolor="none",
                    edgecolor=palette.GREY,
                    linewidth=0.6,
                )
            )
            bar = Rectangle((0.0, index + 0.12), 0.0, 0.76, edgecolor="none")
            axes.add_patch(bar)
            self.bars.append(bar)
            self.symbols.append(
                axes.text(
                    bar_width / 2,
                    index + 0.5,
                    "",
                    ha="center",
                    va="center",
                    fontsize=palette.FONT_SIZE,
                    fontweight="bold",
                )
            )
            self.texts.append(
                axes.text(
                    bar_width + 0.015,
                    index + 0.5,
                    "",
                    ha="left",
                    va="center",
                    fontsize=palette.SMALL_FONT_SIZE,
                )
            )
        self.title = self.figure.text(
            0.01,
            1.0 - 0.6 / (rows + 2),
            "",
            ha="left",
            va="center",
            fontsize=palette.FONT_SIZE,
            wrap=True,
        )

    @property
    def dynamic_artists(self) -> list[Artist]:
        """The artists :meth:`update` changes."""
        return [*self.bars, *self.symbols, *self.texts, self.title]

    def update(self, title: str, rows: Sequence[Row]) -> None:
        """Show ``rows`` (extra row slots stay empty) under ``title``."""
        self.title.set_text(title)
        for index, (bar, symbol, text) in enumerate(
            zip(self.bars, self.symbols, self.texts, strict=True)
        ):
            if index >= len(rows):
                bar.set_width(0.0)
                symbol.set_text("")
                text.set_text("")
                continue
            row = rows[index]
            bar.set_width(self.bar_width * min(max(row.share, 0.0), 1.0))
            bar.set_facecolor(row.colour)
            symbol.set_text(row.symbol)
            text.set_text(row.text)
