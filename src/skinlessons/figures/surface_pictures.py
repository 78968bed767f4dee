"""Schematic surface pictures on the course tone ramp, drawn from ``pictures.yaml``.

No clinical photographs can be licensed for the course, so these are drawings: each shows the
same change side by side on every tone of the course's schematic tone ramp (a drawing aid, not
a clinical scale and not a Fitzpatrick type), so a trainee sees how it looks on different skin.
Every colour, size, pattern and border comes from the data; each function returns
``(Figure, alt_text)``.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from skinlessons.facts import Facts, load_facts
from skinlessons.facts.pictures import SurfaceChange
from skinlessons.facts.store import lookup

from ._tone_grid import NOT_FOR_DIAGNOSIS as NOT_FOR_DIAGNOSIS
from ._tone_grid import draw_grid, grid_text


def plot_surface_picture(picture_id: str, facts: Facts | None = None) -> tuple[Figure, str]:
    """One of the course's surface pictures (``pih-pie``, ``frost`` ...; see ``pictures.yaml``).

    Raises:
        ValueError: no picture has this id (the message lists the known ids).
    """
    facts = facts if facts is not None else load_facts()
    picture = lookup(facts.pictures, picture_id, "picture")
    changes = [facts.surface_changes[change_id] for change_id in picture.changes]
    return _grid(picture.title, changes, facts)


def measured_sizes(changes: list[SurfaceChange], facts: Facts) -> frozenset[str]:
    """The changes drawn at a width that ``scars.yaml`` gives (``check`` keeps them inside it)."""
    return frozenset(
        change.id
        for change in changes
        if change.mark is not None and facts.mark(change.mark).width_mm is not None
    )


def _grid(title: str, changes: list[SurfaceChange], facts: Facts) -> tuple[Figure, str]:
    measured = measured_sizes(changes, facts)
    figure = draw_grid(title, changes, facts.tone_ramp, measured)
    return figure, grid_text(title, changes, facts.tone_ramp, measured).alt


def plot_pih_pie(facts: Facts | None = None) -> tuple[Figure, str]:
    """PIH beside PIE, on every tone: two color changes that are not scars."""
    return plot_surface_picture("pih-pie", facts)


def plot_erythema_endpoint(facts: Facts | None = None) -> tuple[Figure, str]:
    """Redness as a peel endpoint, light and even, on every tone."""
    return plot_surface_picture("erythema-endpoint", facts)


def plot_frost(facts: Facts | None = None) -> tuple[Figure, str]:
    """TCA frost beside salicylic-acid pseudofrost, on every tone."""
    return plot_surface_picture("frost", facts)


def plot_scar_surfaces(facts: Facts | None = None) -> tuple[Figure, str]:
    """Each scar type of ``scars.yaml`` seen from the surface, on every tone."""
    return plot_surface_picture("scar-surfaces", facts)


def change_for_mark(mark_id: str, facts: Facts) -> SurfaceChange | None:
    """The surface picture's change that shows this scar or mark, if the data has one."""
    return next((c for c in facts.surface_changes.values() if c.mark == mark_id), None)


def plot_mark_surface(mark_id: str, facts: Facts | None = None) -> tuple[Figure, str]:
    """One scar or mark (``ice-pick``, ``pih`` ...) seen from the surface, on every tone.

    Raises:
        ValueError: no surface picture shows this scar or mark.
    """
    facts = facts if facts is not None else load_facts()
    change = change_for_mark(mark_id, facts)
    if change is None:
        shown = ", ".join(c.mark for c in facts.surface_changes.values() if c.mark)
        raise ValueError(f"no surface picture shows {mark_id!r}; pictures exist for: {shown}")
    name = facts.mark(mark_id).name
    return _grid(f"{name} seen from the surface", [change], facts)
