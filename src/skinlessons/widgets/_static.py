"""What every widget shares: its layout (controls, picture, result text) and its display bundle,
the live ipywidget view plus a static PNG with alt.

Python callbacks never run in an exported HTML handout, so a widget shown there would be a dead
control. Each widget object therefore displays as one output holding both
``application/vnd.jupyter.widget-view+json`` (the live view, used by JupyterLab) and
``image/png`` with ``metadata["image/png"]["alt"]`` (the picture of the current state, used by
handouts), plus ``text/plain`` with the same alt text.
"""

from __future__ import annotations

import base64
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from skinlessons.display import PNG_MIME, TEXT_MIME
from skinlessons.widgets.livestyle import styled

from . import _style as style

if TYPE_CHECKING:
    import ipywidgets
    from matplotlib.figure import Figure

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"


class _Labelled(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def label(self) -> str: ...


def checkboxes(items: Iterable[_Labelled]) -> dict[str, ipywidgets.Checkbox]:
    """One unticked, labelled check-box per item (a feature, a contraindication), by id."""
    import ipywidgets as widgets

    return {
        item.id: widgets.Checkbox(value=False, indent=False, **style.control_kwargs(item.label))
        for item in items
    }


def controls_box(controls: Sequence[ipywidgets.Widget]) -> ipywidgets.VBox:
    """Controls stacked in one column, with the shared spacing."""
    import ipywidgets as widgets

    return widgets.VBox(list(controls), layout=style.CONTROLS_BOX_LAYOUT)


class WidgetApp(ABC):
    """A live widget with a static picture of its current state.

    Subclasses build their controls and one Figure, then call :meth:`_start` (which makes
    :attr:`view`, the picture :attr:`image` and the result text :attr:`result`); they refresh
    the picture on every change (:meth:`_update_picture`) and say what it shows in
    :meth:`alt_text`.

    The first picture is drawn when it is first needed (the widget is shown, its :attr:`png`
    or :attr:`live_view` is asked for, or a control moves), not when the widget is built: a
    lesson that builds a widget only for :meth:`render_state` never pays for a picture it does
    not show. From then on every change redraws it at once.
    """

    view: ipywidgets.Widget
    image: ipywidgets.Image
    result: ipywidgets.HTML

    _syncing: bool = False
    """True while :meth:`_sync_controls` sets the controls, so those changes are not the user's."""
    _picture_wanted: bool = False
    """True once the picture has been needed: from then on each change redraws it at once."""
    _picture_due: bool = False
    """True while :attr:`image` lags behind the state (the picture is not yet wanted)."""

    def _start(
        self,
        shown: Sequence[ipywidgets.Widget],
        observed: Iterable[ipywidgets.ValueWidget],
        *,
        result_first: bool = False,
        last: Sequence[ipywidgets.Widget] = (),
    ) -> None:
        """Make :attr:`view` (the ``shown`` controls in a box, then the picture and the result
        text, or the result first where it is the verdict to read before the chart, then any
        ``last`` widgets), set the controls from the state, prepare the first picture (drawn
        when first needed), then follow every change of an ``observed`` value."""
        import ipywidgets as widgets

        self.image = widgets.Image(format="png", layout=style.IMAGE_LAYOUT)
        self.result = widgets.HTML(layout=style.RESULT_LAYOUT)
        below = [self.result, self.image] if result_first else [self.image, self.result]
        self.view = widgets.VBox([controls_box(shown), *below, *last])
        self._sync_controls()
        self._refresh()
        for control in observed:
            control.observe(self._control_moved, names="value")

    def _control_moved(self, change: dict[str, Any]) -> None:
        self._picture_wanted = True
        self._on_change(change)

    def _update_picture(self) -> None:
        """Redraw :attr:`image` for the current state, or mark it due until it is needed."""
        self._picture_due = not self._picture_wanted
        if self._picture_wanted:
            self.image.value = self._render_png()

    def _ensure_picture(self) -> None:
        """Draw the picture if it is due; every later change redraws it at once."""
        self._picture_wanted = True
        if self._picture_due:
            self._update_picture()

    @abstractmethod
    def _render_png(self) -> bytes:
        """Draw the figure (its artists already show the current state) as PNG bytes."""

    def _sync_controls(self) -> None:
        """Set the controls from the state; widgets whose controls depend on it override this."""
        return None

    @abstractmethod
    def _refresh(self) -> None:
        """Redraw the picture and the result text for the current state."""

    @abstractmethod
    def _on_change(self, change: dict[str, Any]) -> None:
        """Take a control's new value into the state and refresh the picture and the result."""

    @property
    def png(self) -> bytes:
        """PNG bytes of the live picture (the current state)."""
        self._ensure_picture()
        return bytes(self.image.value)

    @abstractmethod
    def alt_text(self) -> str:
        """Describe the current state's picture and result in words, with the numbers."""

    @abstractmethod
    def render_state(self, **state: Any) -> tuple[Figure, str]:
        """Render a new static figure (and its alt text) for any given state."""

    @property
    def live_view(self) -> ipywidgets.Widget:
        """:attr:`view` with the shared stylesheet (labels wrap in JupyterLab), built once."""
        self._ensure_picture()
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
