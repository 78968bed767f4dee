"""Figures: alt text with the data's numbers, the epidermis zoom, scale bars, show_figure."""

from __future__ import annotations

import base64
import subprocess
import sys

import pytest
from matplotlib.patches import Polygon

from skinlessons import display
from skinlessons.figures import plot_free_acid_curve, plot_skin_cross_section
from skinlessons.figures._panels import format_length, nice_length
from skinlessons.figures.cross_section import SkinSection
from skinlessons.logic.chemistry import free_acid_fraction, free_acid_pct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_show_figure_publishes_png_with_alt_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    """show_figure displays base64 PNG data whose metadata carries the alt text."""
    calls = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: calls.append((a, k)))
    figure, alt = plot_free_acid_curve("glycolic")
    display.show_figure(figure, alt)
    (args, kwargs) = calls[0]
    data = args[0]
    assert base64.b64decode(data["image/png"]).startswith(PNG_SIGNATURE)
    assert kwargs["metadata"] == {"image/png": {"alt": alt}}
    assert data["text/plain"] == alt
    assert kwargs["raw"] is True


def test_show_figure_refuses_empty_alt() -> None:
    """A figure without a description is refused, with a message saying what to write."""
    figure, _ = plot_free_acid_curve("glycolic")
    with pytest.raises(ValueError, match="needs alt text"):
        display.show_figure(figure, "  ")


def test_show_figure_closes_a_pyplot_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure made through pyplot is released from pyplot's registry after it is shown."""
    import matplotlib.pyplot as plt

    monkeypatch.setattr("IPython.display.display", lambda *a, **k: None)
    figure = plt.figure()
    display.show_figure(figure, "an empty figure")
    assert not plt.fignum_exists(figure.number)


def test_cross_section_alt_names_every_layer_with_its_data_range(facts) -> None:  # type: ignore[no-untyped-def]
    """The alt text names each layer and the depths that come from the data."""
    _, alt = plot_skin_cross_section(facts)
    for layer in facts.layers:
        assert layer.name.lower() in alt
    gland = facts.structures["sebaceous-gland"].depth_um
    assert f"sebaceous gland at {gland.text()} µm" in alt
    assert "lower boundary 10-20 µm" in alt  # the stratum corneum's 10-20 µm range


def test_cross_section_draws_each_atrophic_scar_at_its_data_size(facts) -> None:  # type: ignore[no-untyped-def]
    """Ice-pick, boxcar and rolling scars are cut out at the middle of their data ranges."""
    section = SkinSection(facts)
    floors = sorted(
        round(max(p.get_xy()[:, 1]))
        for p in section.full.patches
        if isinstance(p, Polygon) and p.get_closed()
    )
    ice_pick = facts.scars["ice-pick"].depth_um
    boxcar = facts.scars["boxcar-shallow"].depth_um
    assert round((ice_pick.low + ice_pick.high) / 2) in floors
    assert round((boxcar.low + boxcar.high) / 2) in floors
    shapes = {scar.scar_id: scar.shape for scar in section.layout.scars}
    assert shapes == {"ice-pick": "V", "boxcar-shallow": "U", "boxcar-deep": "U", "rolling": "M"}
    _, alt = plot_skin_cross_section(facts)
    assert "ice-pick scar (V-shaped), 1 mm wide and 1500 µm deep" in alt


def test_epidermis_zoom_shows_the_stratum_corneum_many_pixels_tall(facts) -> None:  # type: ignore[no-untyped-def]
    """The stratum corneum is sub-pixel-thin in the full panel but clearly visible in the zoom."""
    section = SkinSection(facts)
    section.figure.set_dpi(80)
    stratum_corneum_um = section.layout.bands[0].bottom_um

    def pixels(axes) -> float:  # type: ignore[no-untyped-def]
        bottom, top = axes.get_ylim()
        return axes.get_window_extent().height * stratum_corneum_um / (bottom - top)

    assert pixels(section.full) < 3
    assert pixels(section.zoom) > 10


def test_both_panels_carry_scale_bars(facts) -> None:  # type: ignore[no-untyped-def]
    """Each panel has a labelled horizontal and vertical scale bar."""
    section = SkinSection(facts)
    full_texts = {t.get_text() for t in section.full.texts}
    zoom_texts = {t.get_text() for t in section.zoom.texts}
    assert {"2 mm", "200 µm"} <= full_texts
    assert {"200 µm", "20 µm"} <= zoom_texts


@pytest.mark.parametrize(
    ("span", "expected"),
    [(16000, 2000), (1800, 200), (150, 20), (1000, 200), (7, 1)],
    ids=["16mm", "1.8mm", "150um", "1mm", "7um"],
)
def test_scale_bar_length_is_a_round_number(span: float, expected: float) -> None:
    """Scale bars are 1, 2 or 5 × 10^n, about a fifth of the span."""
    assert nice_length(span) == expected


def test_length_format_switches_to_mm() -> None:
    """Lengths of a millimetre or more are written in mm."""
    assert (format_length(500), format_length(2000)) == ("500 µm", "2 mm")


def test_acid_curve_marks_the_chemistry_value(facts) -> None:  # type: ignore[no-untyped-def]
    """The marker sits at the Henderson-Hasselbalch fraction for the agent's data pKa."""
    pka = facts.agents["glycolic"].pka.typical
    figure, alt = plot_free_acid_curve("glycolic", ph=3.0, concentration_pct=10)
    axes = figure.axes[0]
    marker = next(line for line in axes.lines if line.get_marker() == "D")
    assert list(marker.get_xdata()) == [3.0]
    assert marker.get_ydata()[0] == pytest.approx(100 * free_acid_fraction(3.0, pka))
    assert f"{free_acid_pct(10, 3.0, pka):.1f}% available free acid" in alt


def test_acid_alt_explains_the_gentler_ph_and_the_caveat() -> None:
    """The alt text says which pH is gentler, from the numbers, and that H-H is a rule of thumb."""
    _, alt = plot_free_acid_curve("glycolic", ph=3.8, concentration_pct=20, compare_ph=2.0)
    assert "the product at pH 3.80 is the gentler one" in alt
    assert "rule of thumb" in alt and "activity effects" in alt and "contact time" in alt
    _, reversed_alt = plot_free_acid_curve("glycolic", ph=2.0, concentration_pct=20, compare_ph=3.8)
    assert "the product at pH 3.80 is the gentler one" in reversed_alt


def test_acid_curve_refuses_an_agent_without_pka() -> None:
    """Agents without a pKa (TCA) are refused with the list of agents that have one."""
    with pytest.raises(ValueError, match=r"no pKa.*glycolic"):
        plot_free_acid_curve("tca")


def test_importing_the_package_loads_neither_matplotlib_nor_ipywidgets() -> None:
    """``import skinlessons`` (and the widgets/figures packages) stays light until first use."""
    code = (
        "import sys, skinlessons, skinlessons.widgets, skinlessons.figures;"
        "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
