"""Interactive widgets for the lessons; each also displays a static picture for handouts.

``depth_explorer``, ``acid_explorer``, ``decision_aid`` and ``scar_identifier`` each return an
object that shows as the live ipywidget and, in the same output, a PNG of its current state with
alt text. Each object also offers ``render_state(**state) -> (Figure, alt)``. ipywidgets and
matplotlib are imported only when a widget is first built.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .acid_explorer import acid_explorer
    from .decision_aid import decision_aid
    from .depth_explorer import depth_explorer
    from .scar_identifier import scar_identifier

__all__ = ["acid_explorer", "decision_aid", "depth_explorer", "scar_identifier"]

_SOURCES = {
    "acid_explorer": ".acid_explorer",
    "decision_aid": ".decision_aid",
    "depth_explorer": ".depth_explorer",
    "scar_identifier": ".scar_identifier",
}


def __getattr__(name: str) -> Any:
    if name not in _SOURCES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_SOURCES[name], __name__), name)
    # Importing a submodule binds its name on this package; a function of the same name
    # (``depth_explorer``) must win, so bind the function over it.
    globals()[name] = value
    return value
