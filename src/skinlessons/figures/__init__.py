"""Figures for the lessons: each ``plot_*`` function returns ``(Figure, alt_text)``.

Show one with ``skinlessons.display.show_figure(*plot_skin_cross_section())``. Figures are drawn
on their own Agg canvas, outside pyplot's global state. matplotlib is imported only when a
figure function is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._util.lazy import lazy_getattr

if TYPE_CHECKING:
    from .acid_curve import plot_free_acid_curve
    from .cross_section import plot_skin_cross_section

__all__ = ["plot_free_acid_curve", "plot_skin_cross_section"]

_SOURCES = {
    "plot_free_acid_curve": ".acid_curve",
    "plot_skin_cross_section": ".cross_section",
}


__getattr__ = lazy_getattr(__name__, globals(), _SOURCES)
