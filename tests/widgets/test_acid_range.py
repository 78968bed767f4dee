"""The acid explorer shows a pKa the data gives as a range as a band, and says the range."""

from __future__ import annotations

import pytest

from skinlessons.facts import load_facts
from skinlessons.figures import plot_free_acid_curve
from skinlessons.logic.chemistry import free_acid_fraction
from skinlessons.widgets import acid_explorer


@pytest.fixture(scope="module")
def mandelic():  # type: ignore[no-untyped-def]
    return load_facts().agents["mandelic"].pka


def test_mandelic_pka_is_drawn_as_a_band_over_its_whole_range(mandelic) -> None:  # type: ignore[no-untyped-def]
    """The shaded band spans the data's low to high pKa, and the label names the range."""
    explorer = acid_explorer("mandelic")
    band = explorer.chart.pka_band
    assert band.get_visible()
    assert band.get_x() == pytest.approx(mandelic.low)
    assert band.get_x() + band.get_width() == pytest.approx(mandelic.high)
    label = explorer.chart.pka_label.get_text()
    assert f"pKa {mandelic.low:.2f}–{mandelic.high:.2f} (range)" in label


def test_mandelic_text_says_the_range_and_the_free_acid_across_it(mandelic) -> None:  # type: ignore[no-untyped-def]
    """Result text and alt text give the pKa range, that it is uncertain, and the free acid
    at the product's pH at both ends of the range."""
    explorer = acid_explorer("mandelic")
    explorer.ph.value = 4.0
    low = 100 * free_acid_fraction(4.0, mandelic.low)
    high = 100 * free_acid_fraction(4.0, mandelic.high)
    expected_range = f"between {low:.0f}% and {high:.0f}%"
    for text in (explorer.result.value, explorer.alt_text()):
        assert f"pKa {mandelic.low:.2f}–{mandelic.high:.2f}, uncertain" in text
        assert expected_range in text
    assert f"pKa {mandelic.typical:.2f}." not in explorer.result.value  # never one bare value


def test_a_single_pka_has_no_band_and_no_range_sentence() -> None:
    """Glycolic acid's pKa is one value: no band, the plain value, no range sentence."""
    explorer = acid_explorer("mandelic")
    explorer.agent.value = "glycolic"
    assert not explorer.chart.pka_band.get_visible()
    assert explorer.chart.pka_label.get_text() == "Glycolic acid: pKa 3.83"
    assert "pKa 3.83." in explorer.result.value
    assert "shaded band" not in explorer.result.value


def test_the_static_figure_says_the_range_too(mandelic) -> None:  # type: ignore[no-untyped-def]
    """plot_free_acid_curve for mandelic acid draws the band and its alt text gives the range."""
    figure, alt = plot_free_acid_curve("mandelic", ph=3.5)
    assert f"{mandelic.low:.2f}–{mandelic.high:.2f}" in alt and "shaded band" in alt
    spans = [p for p in figure.axes[0].patches if p.get_visible() and p.get_width() > 0]
    assert [round(p.get_x(), 2) for p in spans] == [mandelic.low]
