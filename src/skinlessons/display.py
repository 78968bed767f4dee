"""Show a matplotlib figure in a notebook as a PNG whose output metadata carries its alt text.

Lessons call ``show_figure(*plot_something(...))``. The output holds ``image/png`` (base64) with
``metadata["image/png"]["alt"]`` and a ``text/plain`` copy of the alt text, so exported handouts
and screen readers get the description, not only the picture.
"""

from __future__ import annotations

import base64
import io
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PNG_MIME = "image/png"
TEXT_MIME = "text/plain"
DEFAULT_DPI = 100
"""Resolution of figures shown in lessons, dots per inch."""


def figure_to_png(figure: Figure, *, dpi: float = DEFAULT_DPI, compress_level: int = 6) -> bytes:
    """Render ``figure`` with the Agg renderer and return PNG bytes.

    A figure on an Agg canvas with an opaque background (every figure of the course) is drawn
    once at ``dpi`` and stored as RGB: every pixel is opaque, so an alpha channel would only
    make the file larger. Any other figure goes through ``savefig`` (RGBA).

    Args:
        figure: any matplotlib Figure; it is drawn with the Agg renderer, never through pyplot.
        dpi: dots per inch of the picture.
        compress_level: zlib level 0-9 (1 is fastest, 9 smallest).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_rgba

    canvas = figure.canvas
    background = figure.patch
    opaque = background.get_visible() and to_rgba(background.get_facecolor())[3] == 1.0
    if isinstance(canvas, FigureCanvasAgg) and opaque:
        from skinlessons.figures._live import encode_png

        shown_at = figure.dpi
        figure.set_dpi(dpi)
        try:
            canvas.draw()
            return encode_png(canvas, compress_level)
        finally:
            figure.set_dpi(shown_at)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": compress_level})
    return buffer.getvalue()


def png_bundle(png: bytes, alt: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the (data, metadata) display bundle for a PNG with alt text.

    The PNG is base64 text (as stored in notebooks); ``text/plain`` repeats the alt text for
    front ends that cannot show images.
    """
    data = {PNG_MIME: base64.b64encode(png).decode("ascii"), TEXT_MIME: alt}
    return data, {PNG_MIME: {"alt": alt}}


def figure_bundle(figure: Figure, alt: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the (data, metadata) display bundle of ``figure`` with ``alt`` as its alt text."""
    return png_bundle(figure_to_png(figure), alt)


def close_figure(figure: Figure) -> None:
    """Release ``figure`` from pyplot's registry if pyplot made it; otherwise nothing to do."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(figure)


def show_figure(figure: Figure, alt: str) -> None:
    """Display ``figure`` as a PNG with ``alt`` in its output metadata, then close the figure.

    Args:
        figure: the figure to show (as returned by a ``skinlessons.figures.plot_*`` function).
        alt: what the figure shows, in words (with its numbers).

    Raises:
        ValueError: if ``alt`` is empty; every figure needs a description.
    """
    if not alt.strip():
        raise ValueError(
            "show_figure() needs alt text: describe what the figure shows, with its numbers."
        )
    from IPython.display import display

    data, metadata = figure_bundle(figure, alt)
    display(data, raw=True, metadata=metadata)
    close_figure(figure)
