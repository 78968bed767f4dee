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
    from .surface_pictures import (
        plot_erythema_endpoint,
        plot_frost,
        plot_mark_surface,
        plot_pih_pie,
        plot_scar_surfaces,
        plot_surface_picture,
    )

__all__ = [
    "plot_erythema_endpoint",
    "plot_free_acid_curve",
    "plot_frost",
    "plot_mark_surface",
    "plot_pih_pie",
    "plot_scar_surfaces",
    "plot_skin_cross_section",
    "plot_surface_picture",
]

_ELSEWHERE = {
    "plot_free_acid_curve": ".acid_curve",
    "plot_skin_cross_section": ".cross_section",
}
_SOURCES = {
    **_ELSEWHERE,
    **{name: ".surface_pictures" for name in __all__ if name not in _ELSEWHERE},
}


__getattr__ = lazy_getattr(__name__, globals(), _SOURCES)
