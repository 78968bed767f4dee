"""The stylesheet shared by every live quiz and widget in JupyterLab (labels wrap, never cut)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import ipywidgets

LIVE_CLASS: Final = "skinlessons-live"
"""CSS class on the outer box of every live quiz and widget; ``live/live.css`` is scoped to it."""
STYLESHEET: Final = "live.css"


@lru_cache(maxsize=1)
def stylesheet_html() -> str:
    """The shared stylesheet as a ``<style>`` element (package data ``skinlessons/live``)."""
    css = resources.files("skinlessons").joinpath("live", STYLESHEET).read_text("utf-8")
    return f"<style>{css}</style>"


def styled(view: ipywidgets.Widget) -> ipywidgets.Widget:
    """``view`` in a box that carries the shared stylesheet and :data:`LIVE_CLASS`."""
    import ipywidgets as widgets

    box = widgets.VBox([widgets.HTML(value=stylesheet_html()), view])
    box.add_class(LIVE_CLASS)
    return box
