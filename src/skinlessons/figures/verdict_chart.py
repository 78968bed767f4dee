"""Charts made of labelled rows: treatment verdicts per procedure, and scar-match scores.

Both are drawn once with a fixed set of row artists and updated in place. Every row says its
result in words and with a symbol, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.transforms import Bbox

from . import _palette as palette
from ._live import encode_png
from ._panels import add_fixed, new_figure

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
    """A column of ``rows`` labelled bars under a title, for verdicts or match scores.

    Each row is a bar (its length shows the share) followed by one line of text that starts
    with the row's symbol. :meth:`render_png` draws each distinct row once, keeps its pixels as
    a tile and afterwards pastes tiles where rows move, so an update costs little more than
    the PNG encoding; the figure itself stays one Figure whose artists are updated.
    """

    def __init__(self, rows: int, *, width_in: float = 8.0, bar_width: float = 0.2) -> None:
        self.figure: Figure = new_figure(width_in, ROW_HEIGHT_IN * (rows + 2))
        axes = self.figure.add_axes((0.01, 0.0, 0.98, rows / (rows + 1.6)))
        self.axes = axes
        self._keys: list[tuple[float, str, str]] = []
        self._background: Any = None
        self._tiles: dict[tuple[float, str, str], Any] = {}
        axes.set_xlim(0.0, 1.0)
        axes.set_ylim(rows, 0.0)
        axes.set_axis_off()
        self.bar_width = bar_width
        self.bars: list[Rectangle] = []
        self.texts = []
        for index in range(rows):
            add_fixed(
                axes,
                Rectangle(
                    (0.0, index + 0.12),
                    bar_width,
                    0.76,
                    facecolor="none",
                    edgecolor=palette.GREY,
                    linewidth=0.6,
                ),
            )
            bar = Rectangle((0.0, index + 0.12), 0.0, 0.76, edgecolor="none")
            add_fixed(axes, bar)
            self.bars.append(bar)
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
        )

    @property
    def dynamic_artists(self) -> list[Artist]:
        """The artists :meth:`update` changes."""
        return [*self.bars, *self.texts, self.title]

    def update(self, title: str, rows: Sequence[Row]) -> None:
        """Show ``rows`` (extra row slots stay empty) under ``title``."""
        self.title.set_text(title)
        self._keys = []
        for index, (bar, text) in enumerate(zip(self.bars, self.texts, strict=True)):
            if index >= len(rows):
                bar.set_width(0.0)
                text.set_text("")
                self._keys.append((0.0, "", ""))
                continue
            row = rows[index]
            share = self.bar_width * min(max(row.share, 0.0), 1.0)
            bar.set_width(share)
            bar.set_facecolor(row.colour)
            text.set_text(f"{row.symbol} {row.text}" if row.symbol else row.text)
            self._keys.append((share, row.colour, text.get_text()))

    def render_png(self, *, dpi: float, compress_level: int = 1) -> bytes:
        """Draw the current rows (pasting cached row tiles) and return PNG bytes."""
        canvas = self.figure.canvas
        if not isinstance(canvas, FigureCanvasAgg):
            canvas = FigureCanvasAgg(self.figure)
        if self._background is None or self.figure.dpi != dpi:
            self.figure.set_dpi(dpi)
            for artist in self.dynamic_artists:
                artist.set_animated(True)
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.figure.bbox)
            self._tiles = {}
        else:
            canvas.restore_region(self._background)
        height = canvas.get_width_height(physical=True)[1]
        for index, key in enumerate(self._keys):
            box = self._row_box(index)
            tile = self._tiles.get(key)
            if tile is None:
                self.figure.draw_artist(self.bars[index])
                self.figure.draw_artist(self.texts[index])
                self._tiles[key] = canvas.copy_from_bbox(box)
            else:
                canvas.restore_region(tile, xy=(box.x0, height - box.y1))
        self.figure.draw_artist(self.title)
        return encode_png(canvas, compress_level)

    def _row_box(self, index: int) -> Bbox:
        """The row's strip across the whole figure, in whole display pixels."""
        (_, bottom), (_, top) = self.axes.transData.transform([(0.0, index + 1.0), (0.0, index)])
        return Bbox([[0.0, round(bottom)], [self.figure.bbox.width, round(top)]])

    def row_texts(self) -> list[str]:
        """The text of every row, top down (empty for unused rows)."""
        return [text.get_text() for text in self.texts]
