"""The surface picture of a chosen scar or mark, as a live image and a part of the static PNG.

The scar identifier shows its best match seen from the surface on every tone of the course
tone ramp (``skinlessons.figures.plot_mark_surface``). Each mark's picture is drawn once and
kept; the static picture of the widget is its chart with this picture stacked underneath.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
from PIL import Image

from skinlessons.display import close_figure, figure_to_png
from skinlessons.facts import Facts
from skinlessons.figures.surface_pictures import (
    NOT_FOR_DIAGNOSIS,
    change_for_mark,
    plot_mark_surface,
)

from . import _style as style

HIDDEN = "none"
BACKGROUND = (255, 255, 255)


def surface_note(mark_id: str, facts: Facts) -> str:
    """The words beside a mark's surface picture: what it is, that it cannot diagnose, and what
    the tones are not."""
    ramp = facts.tone_ramp
    return (
        f"Under the chart: the {facts.mark(mark_id).name} seen from the surface, a schematic "
        f"drawing on the {len(ramp.tones)} tones of the {ramp.name}. {NOT_FOR_DIAGNOSIS} "
        f"{ramp.disclaimer}"
    )


class SurfaceView:
    """An image of one mark's surface picture (hidden while no mark with a picture is chosen)."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.image = widgets.Image(format="png", layout=dict(style.IMAGE_LAYOUT))
        self.mark_id: str | None = None
        self._drawn: dict[str, tuple[bytes, str]] = {}
        self.show(None)

    def has_picture(self, mark_id: str) -> bool:
        return change_for_mark(mark_id, self.facts) is not None

    def drawn(self, mark_id: str) -> tuple[bytes, str]:
        """The PNG and alt text of ``mark_id``'s picture, drawn on first use."""
        if mark_id not in self._drawn:
            figure, alt = plot_mark_surface(mark_id, self.facts)
            self._drawn[mark_id] = (figure_to_png(figure, dpi=style.FIGURE_DPI), alt)
            close_figure(figure)
        return self._drawn[mark_id]

    def show(self, mark_id: str | None) -> None:
        """Show the picture of ``mark_id`` (the first of several that has one), or hide it."""
        if mark_id == self.mark_id and mark_id is not None:
            return
        self.mark_id = mark_id
        if mark_id is None:
            self.image.layout.display = HIDDEN
            return
        self.image.value = self.drawn(mark_id)[0]
        self.image.layout.display = None

    @property
    def alt_text(self) -> str:
        """What the picture shows, in words (empty while hidden)."""
        return self.drawn(self.mark_id)[1] if self.mark_id else ""

    def under(self, png: bytes) -> bytes:
        """``png`` with this picture stacked underneath (``png`` itself while hidden)."""
        if self.mark_id is None:
            return png
        top = Image.open(io.BytesIO(png)).convert("RGB")
        bottom = Image.open(io.BytesIO(self.drawn(self.mark_id)[0])).convert("RGB")
        both = Image.new(
            "RGB", (max(top.width, bottom.width), top.height + bottom.height), BACKGROUND
        )
        both.paste(top, (0, 0))
        both.paste(bottom, (0, top.height))
        buffer = io.BytesIO()
        both.save(buffer, format="PNG", compress_level=style.PNG_COMPRESS_LEVEL)
        return buffer.getvalue()
