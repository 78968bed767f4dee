"""Acid explorer: choose an agent, move pH and concentration, see the free acid available.

Pure reading first (:func:`skinlessons.figures._acid_reading.read_acid`, which calls the
chemistry logic), then the controls, then one small callback that redraws the one chart in
place and rewrites the text. Slider ranges come from the data: concentration up to the agent's
highest listed peel strength.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from skinlessons.facts import Facts, load_facts
from skinlessons.figures._acid_reading import (
    PH_AXIS,
    AcidReading,
    acids_with_pka,
    compare_sentence,
    concentration_limits_pct,
    describe_reading,
    pka_text,
    range_sentence,
    read_acid,
)
from skinlessons.figures._live import LiveFigure
from skinlessons.figures.acid_curve import FreeAcidChart

from . import _style as style
from ._static import WidgetApp

PH_STEP = 0.05
CONCENTRATION_STEP_PCT = 1.0
PERCENT = 100.0


@dataclass(frozen=True)
class AcidState:
    """The agent, the product's pH, its concentration (%) and the pH to compare with."""

    agent_id: str
    ph: float
    concentration_pct: float
    compare_ph: float


def default_acid_state(agent_id: str, facts: Facts) -> AcidState:
    """Start at the agent's pKa and lowest listed strength, compared with its unbuffered pH."""
    reading = read_acid(agent_id, facts=facts)
    return AcidState(agent_id, reading.ph, reading.concentration_pct, reading.compare_ph)


def read_state(state: AcidState, facts: Facts) -> AcidReading:
    """The :class:`AcidReading` for a state."""
    return read_acid(
        state.agent_id,
        ph=state.ph,
        concentration_pct=state.concentration_pct,
        compare_ph=state.compare_ph,
        facts=facts,
    )


def result_html(reading: AcidReading) -> str:
    """The numbers in words: pKa (a range where the data gives one), free fraction, available
    free acid, comparison, caveat."""
    band = f"<p>{html.escape(range_sentence(reading))}</p>" if range_sentence(reading) else ""
    return (
        f"<h4>{html.escape(reading.agent_name)}: {reading.concentration_pct:g}% at pH "
        f"{reading.ph:.2f}</h4>"
        f"<p>{html.escape(pka_text(reading))}. Free (un-ionized) acid: "
        f"<strong>{PERCENT * reading.fraction:.0f}%</strong> of the acid, so "
        f"{reading.concentration_pct:g}% × {reading.fraction:.2f} = "
        f"<strong>{reading.available_pct:.1f}% available free acid</strong>.</p>"
        f"{band}"
        f"<p>{html.escape(compare_sentence(reading))}</p>"
        "<p><em>A rule of thumb:</em> Henderson–Hasselbalch uses pKa values for dilute water at "
        "25 °C; at peel strengths activity effects make it approximate, and contact time, "
        "coats, vehicle and skin preparation matter as much.</p>"
    )


def _new_chart(reading: AcidReading) -> FreeAcidChart:
    chart = FreeAcidChart()
    chart.set_ph_range(*PH_AXIS)
    chart.update(reading)
    return chart


class AcidExplorer(WidgetApp):
    """The live acid explorer (agent, pH, concentration and comparison pH; one chart)."""

    def __init__(self, agent: str = "glycolic", facts: Facts | None = None) -> None:
        self.facts = facts if facts is not None else load_facts()
        self.state = default_acid_state(agent, self.facts)
        self.reading = read_state(self.state, self.facts)
        self.chart = _new_chart(self.reading)
        self.live = LiveFigure(self.chart.figure, self.chart.dynamic_artists, dpi=style.FIGURE_DPI)
        ph_range = {"min": PH_AXIS[0], "max": PH_AXIS[1], "step": PH_STEP, "readout_format": ".2f"}
        self.agent = widgets.Dropdown(
            options=[(a.name, a.id) for a in acids_with_pka(self.facts)],
            value=agent,
            **style.control_kwargs("Acid:"),
        )
        self.ph = widgets.FloatSlider(
            value=self.state.ph, **ph_range, **style.control_kwargs("pH of the product:")
        )
        self.concentration = widgets.FloatSlider(
            step=CONCENTRATION_STEP_PCT,
            readout_format=".0f",
            **style.control_kwargs("Concentration (%):"),
        )
        self.compare = widgets.FloatSlider(
            value=self.state.compare_ph, **ph_range, **style.control_kwargs("Compare with pH:")
        )
        controls = (self.agent, self.ph, self.concentration, self.compare)
        self._start(controls, controls)

    def alt_text(self) -> str:
        """What the current chart shows, in words with the numbers."""
        return describe_reading(self.reading)

    def render_state(self, **state: Any) -> tuple[Figure, str]:
        """A new static chart for ``agent_id`` and optional ``ph``, ``concentration_pct``,
        ``compare_ph`` (defaults from the data)."""
        base = default_acid_state(state["agent_id"], self.facts)
        reading = read_state(replace(base, **state), self.facts)
        return _new_chart(reading).figure, describe_reading(reading)

    def _on_change(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        if change["owner"] is self.agent:
            self.state = default_acid_state(self.agent.value, self.facts)
        else:
            self.state = replace(
                self.state,
                ph=self.ph.value,
                concentration_pct=self.concentration.value,
                compare_ph=self.compare.value,
            )
        self._sync_controls()
        self._refresh()

    def _sync_controls(self) -> None:
        self._syncing = True
        try:
            _low, high = concentration_limits_pct(self.facts.agent(self.state.agent_id))
            self.concentration.max = high
            self.concentration.min = CONCENTRATION_STEP_PCT
            self.concentration.value = self.state.concentration_pct
            self.ph.value = self.state.ph
            self.compare.value = self.state.compare_ph
        finally:
            self._syncing = False

    def _refresh(self) -> None:
        self.reading = read_state(self.state, self.facts)
        self.chart.update(self.reading)
        self._update_picture()
        self.result.value = result_html(self.reading)

    def _render_png(self) -> bytes:
        return self.live.render_png()


def acid_explorer(agent: str = "glycolic") -> AcidExplorer:
    """Build the acid explorer for ``agent`` (an agent id with a pKa in the course data).

    Returns an object that displays as the live widget plus a static PNG with alt text.
    """
    return AcidExplorer(agent)
