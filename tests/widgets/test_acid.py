"""Acid explorer: pH and concentration move the marker and the available free acid."""

from __future__ import annotations

import pytest

from skinlessons.logic.chemistry import free_acid_fraction, free_acid_pct
from skinlessons.widgets import acid_explorer


def test_starts_at_the_pka_and_the_lowest_listed_strength(facts) -> None:  # type: ignore[no-untyped-def]
    """The explorer opens at pH = pKa (half free) and the agent's lowest listed strength."""
    explorer = acid_explorer("glycolic")
    agent = facts.agents["glycolic"]
    assert explorer.ph.value == pytest.approx(agent.pka.typical)
    assert explorer.concentration.value == min(s.concentration_pct.low for s in agent.strengths)
    assert explorer.concentration.max == max(s.concentration_pct.high for s in agent.strengths)
    assert list(explorer.chart.marker.get_ydata()) == [pytest.approx(50.0)]


def test_moving_ph_moves_the_marker_along_the_curve(facts) -> None:  # type: ignore[no-untyped-def]
    """The marker follows the pH slider to the Henderson-Hasselbalch value."""
    explorer = acid_explorer("glycolic")
    pka = facts.agents["glycolic"].pka.typical
    explorer.ph.value = 4.5
    x, y = explorer.chart.marker.get_data()
    assert list(x) == [4.5]
    assert y[0] == pytest.approx(100 * free_acid_fraction(4.5, pka))


def test_concentration_changes_the_available_free_acid(facts) -> None:  # type: ignore[no-untyped-def]
    """Available free acid = concentration × fraction, shown in the text."""
    explorer = acid_explorer("glycolic")
    pka = facts.agents["glycolic"].pka.typical
    explorer.ph.value = 3.0
    explorer.concentration.value = 10
    expected = free_acid_pct(10, 3.0, pka)
    assert f"{expected:.1f}% available free acid" in explorer.result.value
    assert f"{expected:.1f}% available" in explorer.chart.marker_label.get_text()


def test_comparison_text_is_computed_from_the_current_values() -> None:
    """The text compares the two pH values at the current strength and names the gentler one."""
    explorer = acid_explorer("glycolic")
    explorer.concentration.value = 20
    explorer.ph.value = 3.8
    explorer.compare.value = 2.0
    text = explorer.result.value
    assert "same 20% glycolic acid" in text and "pH 3.80 is the gentler one" in text
    explorer.compare.value = 5.0
    assert "pH 5.00 is the gentler one" in explorer.result.value
    assert "rule of thumb" in explorer.result.value


def test_changing_agent_resets_to_its_own_data(facts) -> None:  # type: ignore[no-untyped-def]
    """Choosing salicylic acid switches the pKa line and the concentration limit."""
    explorer = acid_explorer("glycolic")
    explorer.agent.value = "salicylic"
    agent = facts.agents["salicylic"]
    assert list(explorer.chart.pka_line.get_xdata()) == [agent.pka.typical] * 2
    assert explorer.concentration.max == max(s.concentration_pct.high for s in agent.strengths)
    assert explorer.chart.pka_label.get_text().startswith("Salicylic acid: pKa")


def test_the_same_chart_is_redrawn_in_place() -> None:
    """Updates keep one Figure and one Axes and refresh the picture."""
    explorer = acid_explorer()
    figure, picture = explorer.chart.figure, explorer.png
    explorer.ph.value = 5.5
    assert explorer.chart.figure is figure and len(figure.axes) == 1
    assert explorer.png != picture


def test_render_state_gives_a_static_chart_for_any_state() -> None:
    """render_state draws a new figure with alt text for the given values."""
    explorer = acid_explorer()
    figure, alt = explorer.render_state(agent_id="lactic", ph=4.0, concentration_pct=10)
    assert figure is not explorer.chart.figure
    assert "lactic acid (pKa 3.86)" in alt and "pH 4.00, 42% free" in alt
