"""Paint one change on one square of skin, seen from the surface, in mm (0-10 each way).

Every painter takes the change's data (:class:`~skinlessons.facts.pictures.SurfaceChange`) and
the tone it sits on, and computes each colour it fills with from those: nothing here picks a
colour of its own. Soft and blurred borders are steps of colour from the skin to the change,
never transparency, so each drawn colour is exactly the one the data gives. Light falls from the
upper left: a dent's shadow lies inside its upper-left wall, a raised scar's below and right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Circle, Ellipse, Patch, PathPatch, Polygon, Rectangle
from matplotlib.path import Path

from skinlessons._util import colour as colours
from skinlessons.facts.pictures import Pattern, SurfaceChange

from ._panels import add_fixed

SWATCH_MM: Final = 10.0
"""Each square shows 10 mm of skin."""
CENTRE: Final = (SWATCH_MM / 2, SWATCH_MM / 2)
AREA_PATTERNS: Final = frozenset({"flush", "sheet", "crystals"})
"""Patterns laid over the treated right half of the square (the left half is untreated)."""
STEPS: Final = {"sharp": 1, "irregular": 1, "soft": 6, "blurred": 8}
"""Colour steps across a border: one for a sharp edge, several for a soft or blurred one."""
CRYSTALS: Final = 260
"""Pseudofrost crystals scattered over the treated half (those in the wiped stripe are left out)."""
WIPED_BAND_MM: Final = (4.2, 5.8)
"""Height of the stripe wiped clear of pseudofrost crystals, mm."""
OUTLINE_DARK: Final = "#000000"
OUTLINE_LIGHT: Final = "#FFFFFF"


class Swatch:
    """One square of skin of ``tone`` (a colour) carrying ``change`` as drawn on tone ``index``."""

    def __init__(self, axes: Axes, change: SurfaceChange, tone: str, index: int) -> None:
        self.axes, self.change, self.tone = axes, change, tone
        self.shown = change.shown_on(tone, index)
        self.share = change.strength[index]
        axes.set_xlim(0.0, SWATCH_MM)
        axes.set_ylim(0.0, SWATCH_MM)
        axes.set_aspect("equal")
        axes.set_xticks([])
        axes.set_yticks([])
        self.add(Rectangle((0.0, 0.0), SWATCH_MM, SWATCH_MM, facecolor=tone, edgecolor="none"))

    def add(self, patch: Patch, clip: Patch | None = None) -> Patch:
        """Add ``patch`` (filled patches have no edge unless given one), clipped to ``clip``."""
        add_fixed(self.axes, patch)
        if clip is not None:
            patch.set_clip_path(clip)
        return patch

    def step_colours(self, steps: int) -> list[str]:
        """From just off the skin colour to the change's full colour, outermost first."""
        return [colours.mix(self.tone, self.shown, (k + 1) / steps) for k in range(steps)]

    def softened(self, make: Callable[[float], Patch]) -> None:
        """Concentric copies of ``make(scale)`` stepping in to the full colour."""
        steps = STEPS[self.change.border]
        for k, colour in enumerate(self.step_colours(steps)):
            patch = make(1.0 + 0.35 * (steps - 1 - k) / max(steps - 1, 1))
            patch.set_facecolor(colour)
            patch.set_edgecolor("none")
            self.add(patch)


def _patch(swatch: Swatch) -> None:
    radius = swatch.change.drawn_mm / 2
    swatch.softened(lambda scale: Ellipse(CENTRE, 2 * radius * scale, 1.7 * radius * scale))


def _half(swatch: Swatch, colour: str) -> Rectangle:
    left = SWATCH_MM - swatch.change.drawn_mm
    patch = Rectangle((left, 0.0), swatch.change.drawn_mm, SWATCH_MM, facecolor=colour)
    patch.set_edgecolor("none")
    swatch.add(patch)
    return patch


def _flush(swatch: Swatch) -> None:
    steps = STEPS[swatch.change.border]
    left = SWATCH_MM - swatch.change.drawn_mm
    width = 0.18
    for k, colour in enumerate(swatch.step_colours(steps)):
        x = left - width * (steps - 1 - k)
        swatch.add(Rectangle((x, 0.0), SWATCH_MM - x, SWATCH_MM, facecolor=colour))


def _sheet(swatch: Swatch) -> None:
    _half(swatch, swatch.shown)


def _crystals(swatch: Swatch) -> None:
    """A thin film with crystals over the right half, and a stripe wiped clean."""
    film = colours.mix(swatch.tone, swatch.change.colour, swatch.share * 0.45)
    _half(swatch, film)
    rng = np.random.default_rng(7)
    left = SWATCH_MM - swatch.change.drawn_mm
    low, high = WIPED_BAND_MM
    xs = rng.uniform(left, SWATCH_MM, CRYSTALS)
    ys = rng.uniform(0, SWATCH_MM, CRYSTALS)
    sizes = rng.uniform(0.08, 0.2, CRYSTALS)
    kept = (ys < low - sizes) | (ys > high + sizes)
    crystals = circles(xs[kept], ys[kept], sizes[kept])
    swatch.add(PathPatch(crystals, facecolor=swatch.shown, edgecolor="none"))
    swatch.add(Rectangle((left, low), swatch.change.drawn_mm, high - low, facecolor=swatch.tone))


def circles(xs: np.ndarray, ys: np.ndarray, radii: np.ndarray) -> Path:
    """Many circles as one compound path: the same shapes as one ``Circle`` each, drawn in one
    go (a few hundred separate patches cost far more to add and to draw)."""
    unit = Path.unit_circle()
    outline = np.asarray(unit.vertices)
    vertices = outline[np.newaxis] * radii[:, np.newaxis, np.newaxis]
    vertices += np.column_stack([xs, ys])[:, np.newaxis, :]
    codes = np.tile(np.asarray(unit.codes), len(xs))
    return Path(vertices.reshape(-1, 2), codes)


def _pit(swatch: Swatch) -> None:
    radius = swatch.change.drawn_mm / 2
    swatch.add(Circle(CENTRE, radius, facecolor=swatch.shown))
    deepest = colours.mix(swatch.shown, swatch.change.colour, 0.5)
    swatch.add(Circle(CENTRE, radius * 0.45, facecolor=deepest))


def _box(swatch: Swatch) -> None:
    """A round dent: the wall's shadow inside the upper left, a flat floor, a sharp rim."""
    radius = swatch.change.drawn_mm / 2
    rim = swatch.add(Circle(CENTRE, radius, facecolor=swatch.shown, edgecolor=swatch.shown))
    floor = colours.mix(swatch.tone, swatch.shown, 0.55)
    offset = radius * 0.28
    swatch.add(Circle((CENTRE[0] + offset, CENTRE[1] - offset), radius, facecolor=floor), rim)


def _wave(swatch: Swatch) -> None:
    """A broad, soft hollow with two dips (the M shape) held apart by a ridge."""
    width = swatch.change.drawn_mm
    x0, y0 = CENTRE
    swatch.softened(lambda scale: Ellipse(CENTRE, width * scale, 0.75 * width * scale))
    ridge = colours.mix(swatch.tone, swatch.shown, 0.35)
    swatch.add(Ellipse((x0, y0), width * 0.18, width * 0.55, facecolor=ridge))


def _lobed(radius: float, lobes: int, depth: float) -> np.ndarray:
    angle = np.linspace(0.0, 2 * np.pi, 121)
    reach = radius * (1.0 + depth * np.sin(lobes * angle))
    return np.column_stack([CENTRE[0] + reach * np.cos(angle), CENTRE[1] + reach * np.sin(angle)])


def _raised(swatch: Swatch, outline: np.ndarray) -> None:
    """Shadow cast below right, the scar in skin colour, its lit upper-left side."""
    drop = np.array([1.0, -1.0]) * swatch.change.drawn_mm * 0.06
    swatch.add(Polygon(outline + drop, facecolor=swatch.shown))
    body = swatch.add(Polygon(outline, facecolor=swatch.tone))
    lit = colours.mix(swatch.tone, OUTLINE_LIGHT, swatch.change.highlight or 0.0)
    swatch.add(Polygon(outline * 0.8 + np.array(CENTRE) * 0.2 - drop, facecolor=lit), body)
    _wound_edge(swatch)


def _wound_edge(swatch: Swatch) -> None:
    """The edge of the original wound: a dashed line that shows on every tone."""
    radius = swatch.change.drawn_mm / 2
    swatch.add(Circle(CENTRE, radius, fill=False, edgecolor=OUTLINE_LIGHT, linewidth=1.6))
    swatch.add(
        Circle(CENTRE, radius, fill=False, edgecolor=OUTLINE_DARK, linewidth=1.0, linestyle="--")
    )


def _dome(swatch: Swatch) -> None:
    _raised(swatch, _lobed(swatch.change.drawn_mm / 2 * 0.8, 3, 0.05))


def _spreading(swatch: Swatch) -> None:
    _raised(swatch, _lobed(swatch.change.drawn_mm / 2 * 1.45, 5, 0.22))


PAINTERS: Final[dict[Pattern, Callable[[Swatch], None]]] = {
    "patch": _patch,
    "flush": _flush,
    "sheet": _sheet,
    "crystals": _crystals,
    "pit": _pit,
    "box": _box,
    "wave": _wave,
    "dome": _dome,
    "spreading": _spreading,
}


def paint(axes: Axes, change: SurfaceChange, tone: str, index: int) -> Swatch:
    """Draw ``change`` on a square of skin of ``tone``, the ``index``-th tone of the ramp."""
    swatch = Swatch(axes, change, tone, index)
    PAINTERS[change.pattern](swatch)
    return swatch
