"""A widget draws its first picture when it is first needed, and every change at once after that.

Lessons build some widgets only to call ``render_state`` (lesson 04's diamond-tip explorer,
lesson 06 and 07's decision aids); those never show their live picture, so it is not drawn.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest

from skinlessons.widgets import acid_explorer, decision_aid, depth_explorer, scar_identifier

WIDGETS: dict[str, Callable[[], Any]] = {
    "depth": lambda: depth_explorer("crystal-microdermabrasion"),
    "acid": acid_explorer,
    "decision": decision_aid,
    "scar": scar_identifier,
}
STATES: dict[str, dict[str, Any]] = {
    "depth": {"procedure_id": "diamond-microdermabrasion", "passes": 1},
    "acid": {"agent_id": "mandelic"},
    "decision": {"scar_id": "boxcar-shallow", "phototype_id": "V"},
    "scar": {"features": ["wide"]},
}


def move(app: Any) -> Callable[[], None]:
    """Move one control of each widget, as a trainee would; return how to move it back."""
    if hasattr(app, "passes"):
        control, value = app.passes, app.passes.value + 1
    elif hasattr(app, "ph"):
        control, value = app.ph, 5.0
    elif hasattr(app, "scar"):
        control, value = app.checks["isotretinoin"], True
    else:
        control, value = app.checks["wide"], True
    old, control.value = control.value, value

    def back() -> None:
        control.value = old

    return back


@pytest.mark.parametrize("name", list(WIDGETS))
def test_a_widget_used_only_for_render_state_draws_no_live_picture(name: str) -> None:
    app = WIDGETS[name]()
    figure, alt = app.render_state(**STATES[name])
    assert figure.axes and alt
    assert bytes(app.image.value) == b""


@pytest.mark.parametrize("name", list(WIDGETS))
def test_showing_a_widget_draws_its_picture_first(name: str) -> None:
    """The bundle's PNG is the live picture, drawn for the state the widget was built in."""
    app = WIDGETS[name]()
    data, _ = app._repr_mimebundle_()
    assert bytes(app.image.value).startswith(b"\x89PNG")
    assert base64.b64decode(data["image/png"]) == app.png


@pytest.mark.parametrize("name", list(WIDGETS))
def test_a_moved_control_redraws_the_picture_at_once(name: str) -> None:
    """Before the widget is ever shown, a control change draws the new state's picture."""
    app = WIDGETS[name]()
    first = WIDGETS[name]().png
    move(app)
    moved = bytes(app.image.value)
    assert moved.startswith(b"\x89PNG")
    assert moved != first


@pytest.mark.parametrize("name", list(WIDGETS))
def test_the_first_picture_is_the_one_an_eager_draw_gives(name: str) -> None:
    """Drawn late or drawn at once, the picture of a state is the same."""
    late = WIDGETS[name]()
    moved_back = WIDGETS[name]()
    move(moved_back)()
    assert late.png == bytes(moved_back.image.value)
