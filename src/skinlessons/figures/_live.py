"""Redraw only the changing artists of a figure and hand back PNG bytes (Agg blitting).

A widget keeps one Figure for its whole life. The parts that never change (axes, ticks, skin
layers, labels) are rendered once into a background buffer; on every update only the changing
artists are drawn over a copy of it and the pixels are encoded as PNG. This keeps an update
well under the time it takes to build and render a new figure.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image


class LiveFigure:
    """A figure whose ``dynamic`` artists are redrawn over a cached background.

    Args:
        figure: the figure, drawn on an Agg canvas.
        dynamic: the artists that change between updates; they are marked animated, so a
            full draw leaves them out of the background.
        dpi: resolution of the PNG, dots per inch.
        compress_level: zlib level of the PNG (1 = fastest).
    """

    def __init__(
        self, figure: Figure, dynamic: Sequence[Artist], *, dpi: float, compress_level: int = 1
    ) -> None:
        self.figure = figure
        self.dynamic = list(dynamic)
        self.compress_level = compress_level
        figure.set_dpi(dpi)
        canvas = figure.canvas
        self.canvas = canvas if isinstance(canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
        for artist in self.dynamic:
            artist.set_animated(True)
        self._background: object | None = None

    def invalidate(self) -> None:
        """Forget the background; call after changing an artist that is not dynamic."""
        self._background = None

    def render_png(self) -> bytes:
        """Draw the dynamic artists over the background and return the picture as PNG bytes."""
        if self._background is None:
            self.canvas.draw()
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self._background)
        for artist in self.dynamic:
            if artist.get_visible():
                self.figure.draw_artist(artist)
        return encode_png(self.canvas, self.compress_level)


def encode_png(canvas: FigureCanvasAgg, compress_level: int = 1) -> bytes:
    """The canvas's current pixels as PNG bytes (RGB; ``compress_level`` 1 is fastest)."""
    width, height = canvas.get_width_height(physical=True)
    rgba = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw")
    buffer = io.BytesIO()
    rgba.convert("RGB").save(buffer, format="PNG", compress_level=compress_level)
    return buffer.getvalue()
