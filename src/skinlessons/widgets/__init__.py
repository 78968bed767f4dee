"""Interactive widgets for the lessons; each also displays a static picture for handouts.

``depth_explorer``, ``acid_explorer``, ``decision_aid`` and ``scar_identifier`` each return an
object that shows as the live ipywidget and, in the same output, a PNG of its current state with
alt text. Each object also offers ``render_state(**state) -> (Figure, alt)``. ``case_simulator``
(lesson 07's virtual clients) is text, not a picture: it shows as the live ipywidget plus a
readable HTML summary of every case. ipywidgets and matplotlib are imported only when a widget
is first built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._util.lazy import lazy_getattr

if TYPE_CHECKING:
    from .acid_explorer import acid_explorer
    from .case_simulator import case_simulator
    from .decision_aid import decision_aid
    from .depth_explorer import depth_explorer
    from .scar_identifier import scar_identifier

__all__ = ["acid_explorer", "case_simulator", "decision_aid", "depth_explorer", "scar_identifier"]

_SOURCES = {
    "acid_explorer": ".acid_explorer",
    "case_simulator": ".case_simulator",
    "decision_aid": ".decision_aid",
    "depth_explorer": ".depth_explorer",
    "scar_identifier": ".scar_identifier",
}


__getattr__ = lazy_getattr(__name__, globals(), _SOURCES)
