"""The PNG a lesson shows: an opaque figure is stored as RGB with the pixels savefig gives."""

from __future__ import annotations

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from skinlessons.display import figure_to_png


def drawing(facecolor: str = "white") -> Figure:
    figure = Figure(figsize=(3.0, 2.0), facecolor=facecolor)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot([0, 1, 2], [2, 0, 1], color="#0072B2")
    axes.set_title("a line")
    return figure


def saved(figure: Figure, dpi: float) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def test_an_opaque_figure_is_rgb_with_the_pixels_savefig_draws() -> None:
    png = figure_to_png(drawing(), dpi=80)
    image = Image.open(io.BytesIO(png))
    savefig_png = saved(drawing(), 80)
    reference = Image.open(io.BytesIO(savefig_png))
    assert image.mode == "RGB"
    assert image.size == reference.size == (240, 160)
    assert np.array_equal(np.asarray(image), np.asarray(reference.convert("RGB")))
    assert len(png) < len(savefig_png)


def test_the_figure_keeps_its_own_resolution_afterwards() -> None:
    figure = drawing()
    figure.set_dpi(72)
    figure_to_png(figure, dpi=100)
    assert figure.dpi == 72


def test_a_figure_with_a_transparent_background_keeps_its_alpha() -> None:
    image = Image.open(io.BytesIO(figure_to_png(drawing("none"), dpi=80)))
    assert image.mode == "RGBA"
    assert np.asarray(image)[..., 3].min() == 0
