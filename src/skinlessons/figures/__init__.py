"""Figures for the lessons: each ``plot_*`` function returns ``(Figure, alt_text)``.

Show one with ``skinlessons.display.show_figure(*plot_skin_cross_section())``. Figures are drawn
on their own Agg canvas, outside pyplot's global state. matplotlib is imported only when a
figure function is first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .acid_curve import plot_free_acid_curve
    from .cross_section import plot_skin_cross_section

__all__ = ["plot_free_acid_curve", "plot_skin_cross_section"]

_SOURCES = {
    "plot_free_acid_curve": ".acid_curve",
    "plot_skin_cross_section": ".cross_section",
}


def __getattr__(name: str) -> Any:
    if name not in _SOURCES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_SOURCES[name], __name__), name)
    # Importing a submodule binds its name on this package; a function of the same name
    # (``depth_explorer``) must win, so bind the function over it.
    globals()[name] = value
    return value
