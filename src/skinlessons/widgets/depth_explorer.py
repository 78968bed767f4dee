"""Depth explorer: pick a procedure and its settings; see the depth it reaches on the skin.

Pure model first (:mod:`._depth_model`), then the controls, then one small callback that
turns the controls into a state, redraws the one figure in place and rewrites the text.
Physician dermabrasion is always drawn as a reference band, so spa "diamond dermabrasion"
(diamond-tip microdermabrasion) can be seen to stay at microdermabrasion depth.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from skinlessons.facts import Facts, load_facts
from skinlessons.figures._live import LiveFigure
from skinlessons.figures.cross_section import SkinSection

from . import _style as style
from ._depth_model import (
    DepthReading,
    DepthState,
    default_state,
    depth_procedures,
    depth_text,
    level_text,
    myth_sentence,
    passes_limit,
    reach_lines,
    read_depth,
    settings_text,
    strength_options,
    territory_sentence,
)
from ._static import WidgetApp


def headline(reading: DepthReading, facts: Facts) -> str:
    """``Crystal microdermabrasion (1 pass): 10-20 µm``: the figure's title.

    A peel names the depth level its strength reaches (``... (glycolic acid, 35%): very
    superficial level, 10-20 µm``), so the procedure's name and the level never seem to
    disagree.
    """
    settings = settings_text(reading.state, facts)
    depth = depth_text(reading.estimate.depth_um, reading.estimate.approximate)
    level = level_text(reading, facts)
    return (
        f"{reading.procedure_name}"
        + (f" ({settings})" if settings else "")
        + f": {level + ', ' if level else ''}{depth}"
    )


def figure_title(reading: DepthReading, facts: Facts) -> str:
    """The headline, with a second line saying "Physician territory" when the band is."""
    territory = territory_sentence(reading)
    first = territory.split(".")[0] if territory else ""
    return headline(reading, facts) + (f"\n⚠ {first}." if first else "")


def describe_depth(reading: DepthReading, facts: Facts) -> str:
    """Alt text and result text: depth, basis, layers reached, scars, the dermabrasion band."""
    lines = reach_lines(reading)
    layers = "; ".join(lines["layers"]) or "no layer beyond the surface"
    return (
        f"Skin cross-section with the depth reached shaded. {headline(reading, facts)}. "
        + (f"⚠ {territory_sentence(reading)} " if reading.physician_territory else "")
        + f"Basis: {reading.estimate.basis}. Layers reached: {layers}. "
        f"Can reach the base of: {' '.join(lines['can']) or 'no atrophic scar type.'} "
        f"Cannot address: {' '.join(lines['cannot']) or 'none.'} {myth_sentence(reading)}"
    )


def result_html(reading: DepthReading, facts: Facts) -> str:
    """The result as HTML: a heading, then lists of layers and of scars reached and not."""
    lines = reach_lines(reading)

    def items(texts: list[str]) -> str:
        return "".join(f"<li>{html.escape(text)}</li>" for text in texts) or "<li>none</li>"

    refs = ", ".join(reading.estimate.reference_ids)
    territory = territory_sentence(reading)
    warning = f"<p><strong>⚠ {html.escape(territory)}</strong></p>" if territory else ""
    return (
        f"<h4>{html.escape(headline(reading, facts))}</h4>{warning}"
        f"<p>{html.escape(reading.estimate.basis)} [{html.escape(refs)}]</p>"
        f"<p><strong>Layers reached:</strong></p><ul>{items(lines['layers'])}</ul>"
        f"<p><strong>Scar bases it can reach:</strong></p><ul>{items(lines['can'])}</ul>"
        f"<p><strong>Scars it cannot address:</strong></p><ul>{items(lines['cannot'])}</ul>"
        f"<p>{html.escape(myth_sentence(reading))}</p>"
    )


def _new_section(facts: Facts, reading: DepthReading) -> SkinSection:
    section = SkinSection(facts)
    section.show_reference(
        reading.reference.depth_um, f"{reading.reference_name}, a physician procedure"
    )
    section.show_depth(reading.estimate.depth_um, figure_title(reading, facts))
    return section


class DepthExplorer(WidgetApp):
    """The live depth explorer (controls, one figure redrawn in place, result text)."""

    def __init__(self, procedure: str | None = None, facts: Facts | None = None) -> None:
        self.facts = facts if facts is not None else load_facts()
        choices = depth_procedures(self.facts)
        self.state = default_state(self.facts, procedure or choices[0].id)
        self.reading = read_depth(self.state, self.facts)
        self.section = _new_section(self.facts, self.reading)
        self.live = LiveFigure(
            self.section.figure, self.section.dynamic_artists, dpi=style.FIGURE_DPI
        )
        self.procedure = widgets.Dropdown(
            options=[(p.name, p.id) for p in choices],
            value=self.state.procedure_id,
            **style.control_kwargs("Procedure:"),
        )
        self.agent = widgets.Dropdown(**style.control_kwargs("Peel agent:"))
        self.strength = widgets.Dropdown(**style.control_kwargs("Strength:"))
        self.passes = widgets.IntSlider(min=1, max=2, **style.control_kwargs("Passes:"))
        controls = (self.procedure, self.agent, self.strength, self.passes)
        self._start(controls, controls)

    def alt_text(self) -> str:
        """What the current picture shows, in words."""
        return describe_depth(self.reading, self.facts)

    def render_state(self, **state: Any) -> tuple[Figure, str]:
        """A new static figure for a state: ``procedure_id`` and optional settings."""
        given = DepthState(**state)
        base = default_state(self.facts, given.procedure_id)
        merged = given if given != DepthState(given.procedure_id) else base
        reading = read_depth(merged, self.facts)
        return _new_section(self.facts, reading).figure, describe_depth(reading, self.facts)

    def _on_change(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        if change["owner"] is self.procedure:
            self.state = default_state(self.facts, self.procedure.value)
        elif change["owner"] is self.agent:
            options = strength_options(self.facts, self.state.procedure_id, self.agent.value)
            concentration, coats = options[0][1]
            self.state = replace(
                self.state, agent_id=self.agent.value, concentration_pct=concentration, coats=coats
            )
        elif change["owner"] is self.strength:
            concentration, coats = self.strength.value
            self.state = replace(self.state, concentration_pct=concentration, coats=coats)
        else:
            self.state = replace(self.state, passes=self.passes.value)
        self._sync_controls()
        self._refresh()

    def _sync_controls(self) -> None:
        """Show the controls that apply to the procedure, with options and values from state."""
        self._syncing = True
        try:
            procedure = self.facts.procedure(self.state.procedure_id)
            is_peel = procedure.peel is not None
            if procedure.peel is not None and self.state.agent_id is not None:
                self.agent.options = [
                    (self.facts.agent(a).name, a)
                    for a in procedure.peel.agents
                    if strength_options(self.facts, procedure.id, a)
                ]
                self.agent.value = self.state.agent_id
                self.strength.options = strength_options(
                    self.facts, procedure.id, self.state.agent_id
                )
                self.strength.value = (self.state.concentration_pct, self.state.coats)
            if procedure.pass_bands and self.state.passes is not None:
                self.passes.max = passes_limit(procedure)
                self.passes.value = self.state.passes
            for control, shown in (
                (self.agent, is_peel),
                (self.strength, is_peel),
                (self.passes, bool(procedure.pass_bands)),
            ):
                control.layout.display = None if shown else "none"
        finally:
            self._syncing = False

    def _refresh(self) -> None:
        self.reading = read_depth(self.state, self.facts)
        self.section.show_depth(
            self.reading.estimate.depth_um, figure_title(self.reading, self.facts)
        )
        self._update_picture()
        self.result.value = result_html(self.reading, self.facts)

    def _render_png(self) -> bytes:
        return self.live.render_png()


def depth_explorer(procedure: str | None = None) -> DepthExplorer:
    """Build the depth explorer, starting at ``procedure`` (a procedure id) or the first one.

    Returns an object that displays as the live widget plus a static PNG with alt text.
    """
    return DepthExplorer(procedure)
