"""The display bundle shared by every widget: the live ipywidget view plus a static PNG with alt.

Python callbacks never run in an exported HTML handout, so a widget shown there would be a dead
control. Each widget object therefore displays as one output holding both
``application/vnd.jupyter.widget-view+json`` (the live view, used by JupyterLab) and
``image/png`` with ``metadata["image/png"]["alt"]`` (the picture of the current state, used by
handouts), plus ``text/plain`` with the same alt text.
"""

from __future__ import annotations

import base64
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from skinlessons.display import PNG_MIME, TEXT_MIME
from skinlessons.widgets.livestyle import styled

if TYPE_CHECKING:
    import ipywidgets
    from matplotlib.figure import Figure

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"


class WidgetApp(ABC):
    """A live widget with a static picture of its current state.

    Subclasses build their controls and one Figure, keep :attr:`view` as the top-level
    ipywidget, keep the live picture's PNG bytes in :attr:`png` (refreshed on every change) and
    say what it shows in :meth:`alt_text`.
    """

    view: ipywidgets.Widget

    @property
    @abstractmethod
    def png(self) -> bytes:
        """PNG bytes of the picture of the current state."""

    @abstractmethod
    def alt_text(self) -> str:
        """Describe the current state's picture and result in words, with the numbers."""

    @abstractmethod
    def render_state(self, **state: Any) -> tuple[Figure, str]:
        """Render a new static figure (and its alt text) for any given state."""

    @property
    def live_view(self) -> ipywidgets.Widget:
        """:attr:`view` with the shared stylesheet (labels wrap in JupyterLab), built once."""
        cached = self.__dict__.get("_live_view")
        if cached is None:
            cached = self.__dict__["_live_view"] = styled(self.view)
        return cached

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Return the widget view, a static PNG of the current state and its alt text."""
        alt = self.alt_text()
        data: dict[str, Any] = dict(self.live_view._repr_mimebundle_() or {})
        data[PNG_MIME] = base64.b64encode(self.png).decode("ascii")
        data[TEXT_MIME] = alt
        return data, {PNG_MIME: {"alt": alt}}
