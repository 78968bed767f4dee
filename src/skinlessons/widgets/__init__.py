"""Interactive widgets for the lessons; each also displays a static picture for handouts.

``depth_explorer``, ``acid_explorer``, ``decision_aid`` and ``scar_identifier`` each return an
object that shows as the live ipywidget and, in the same output, a PNG of its current state with
alt text. Each object also offers ``render_state(**state) -> (Figure, alt)``. ipywidgets and
matplotlib are imported only when a widget is first built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._util.lazy import lazy_getattr

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


__getattr__ = lazy_getattr(__name__, globals(), _SOURCES)
