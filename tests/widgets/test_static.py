"""Every widget displays as the live view plus a static PNG with alt text, and labels controls."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import ipywidgets
import pytest

from skinlessons.widgets import acid_explorer, decision_aid, depth_explorer, scar_identifier
from skinlessons.widgets.livestyle import LIVE_CLASS

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WIDGETS: dict[str, Callable[[], Any]] = {
    "depth": lambda: depth_explorer("crystal-microdermabrasion"),
    "acid": acid_explorer,
    "decision": decision_aid,
    "scar": scar_identifier,
}


def change_something(app: Any) -> None:
    """Move one control of each widget."""
    if hasattr(app, "passes"):
        app.passes.value = 4
    elif hasattr(app, "ph"):
        app.ph.value = 5.0
    elif hasattr(app, "scar"):
        app.checks["isotretinoin"].value = True
    else:
        app.checks["wide"].value = True


@pytest.mark.parametrize("name", list(WIDGETS))
def test_mimebundle_has_view_png_and_alt(name: str) -> None:
    """The bundle holds the widget view, a base64 PNG and the alt text in its metadata."""
    app = WIDGETS[name]()
    data, metadata = app._repr_mimebundle_()
    shown = app.live_view
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"] == shown.model_id
    assert app.view in shown.children  # the widget itself, under the shared stylesheet
    assert LIVE_CLASS in shown._dom_classes
    assert "white-space: normal" in shown.children[0].value
    assert base64.b64decode(data["image/png"]).startswith(PNG_SIGNATURE)
    assert metadata["image/png"]["alt"] == data["text/plain"] == app.alt_text()
    assert len(app.alt_text()) > 80


@pytest.mark.parametrize("name", list(WIDGETS))
def test_bundle_follows_the_current_state(name: str) -> None:
    """After a control changes, the static PNG and its alt text show the new state."""
    app = WIDGETS[name]()
    before, before_meta = app._repr_mimebundle_()
    change_something(app)
    after, after_meta = app._repr_mimebundle_()
    assert after["image/png"] != before["image/png"]
    assert after_meta["image/png"]["alt"] != before_meta["image/png"]["alt"]
    # JupyterLab's widget manager fails to draw an Image that has a tooltip ("Failed to
    # create view for 'ImageView'"), so the live picture never sets one; its words are in the
    # result text and in the static PNG's alt text.
    assert app.image.tooltip is None


@pytest.mark.parametrize("name", list(WIDGETS))
def test_every_control_has_a_visible_label(name: str) -> None:
    """Each value control has a description shown at full width."""
    app = WIDGETS[name]()
    controls = [
        w
        for w in _walk(app.view)
        if isinstance(w, (ipywidgets.ValueWidget))
        and not isinstance(w, ipywidgets.HTML)
        and not isinstance(w, ipywidgets.Image)
    ]
    assert controls
    for control in controls:
        assert control.description.strip()
        assert control.style.description_width == "initial"


@pytest.mark.parametrize("name", list(WIDGETS))
def test_render_state_figure_is_separate_from_the_live_one(name: str) -> None:
    """render_state never touches the live figure."""
    app = WIDGETS[name]()
    live_png = app.png
    states = {
        "depth": {"procedure_id": "dermabrasion"},
        "acid": {"agent_id": "mandelic"},
        "decision": {"scar_id": "pie", "phototype_id": "I"},
        "scar": {"features": ["wide"]},
    }
    figure, alt = app.render_state(**states[name])
    assert alt and figure.axes
    assert app.png == live_png


def _walk(widget: Any) -> list[Any]:
    children = getattr(widget, "children", ())
    return [widget, *(w for child in children for w in _walk(child))]
