"""Depth explorer: controls move the shaded depth and the text; dermabrasion is the reference."""

from __future__ import annotations

import pytest

from skinlessons.facts import load_facts
from skinlessons.widgets import depth_explorer
from skinlessons.widgets._depth_model import (
    DepthState,
    default_state,
    depth_procedures,
    read_depth,
    strength_options,
)


@pytest.fixture(scope="module")
def facts():  # type: ignore[no-untyped-def]
    return load_facts()


def zoom_bar_extent(explorer) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    bar = explorer.section.reached_bars[1]
    return bar.get_y(), bar.get_y() + bar.get_height()


def test_every_depth_procedure_has_a_valid_start(facts) -> None:  # type: ignore[no-untyped-def]
    """Each procedure offered starts in a state the depth logic can estimate."""
    ids = [p.id for p in depth_procedures(facts)]
    assert {"crystal-microdermabrasion", "diamond-microdermabrasion", "dermabrasion"} <= set(ids)
    for procedure_id in ids:
        reading = read_depth(default_state(facts, procedure_id), facts)
        assert reading.estimate.depth_um.high > 0


def test_more_passes_shade_a_deeper_band(facts) -> None:  # type: ignore[no-untyped-def]
    """Moving the passes slider from a light to an aggressive band moves the shaded depth."""
    explorer = depth_explorer("crystal-microdermabrasion")
    procedure = facts.procedure("crystal-microdermabrasion")
    light, aggressive = procedure.pass_bands[0], procedure.pass_bands[-1]
    assert zoom_bar_extent(explorer) == (light.depth_um.low, light.depth_um.high)
    explorer.passes.value = aggressive.min_passes
    assert zoom_bar_extent(explorer) == (aggressive.depth_um.low, aggressive.depth_um.high)
    assert "(approximate)" in explorer.section.title.get_text()
    assert f"{aggressive.min_passes} passes" in explorer.result.value


def test_peel_strength_changes_the_depth_and_the_layers(facts) -> None:  # type: ignore[no-untyped-def]
    """For a peel, the agent and strength controls appear and a stronger peel reaches deeper."""
    explorer = depth_explorer("superficial-peel")
    assert explorer.passes.layout.display == "none"
    assert explorer.agent.layout.display is None and explorer.strength.layout.display is None
    first_depth = zoom_bar_extent(explorer)
    strongest = explorer.strength.options[-1][1]
    explorer.strength.value = strongest
    assert zoom_bar_extent(explorer)[1] > first_depth[1]
    assert explorer.state.concentration_pct == strongest[0]
    assert "Viable epidermis (granular, spinous and basal layers) (partly)" in explorer.alt_text()


def test_switching_agent_offers_only_its_fitting_strengths(facts) -> None:  # type: ignore[no-untyped-def]
    """TCA in a superficial peel offers only superficial strengths (35-40% is a medium peel)."""
    explorer = depth_explorer("superficial-peel")
    explorer.agent.value = "tca"
    labels = [label for label, _ in explorer.strength.options]
    assert labels == [label for label, _ in strength_options(facts, "superficial-peel", "tca")]
    assert not any(label.startswith("35") for label in labels)


def test_diamond_tip_text_exposes_the_dermabrasion_myth(facts) -> None:  # type: ignore[no-untyped-def]
    """Spa "diamond dermabrasion" is shown at microdermabrasion depth beside real dermabrasion."""
    explorer = depth_explorer("diamond-microdermabrasion")
    reference = facts.procedure("dermabrasion").depth.depth_um
    bar = explorer.section.reference_bars[0]
    assert (bar.get_y(), bar.get_y() + bar.get_height()) == (reference.low, reference.high)
    assert bar.get_visible()
    text = explorer.alt_text()
    assert 'spa "diamond dermabrasion"' in text
    assert f"about {reference.text()} µm" in text
    assert "far shallower than dermabrasion" in text


def test_text_says_which_scars_a_depth_cannot_address() -> None:
    """Microdermabrasion's result lists the ice-pick scar among those it cannot address."""
    explorer = depth_explorer("crystal-microdermabrasion")
    cannot = explorer.result.value.split("Scars it cannot address")[1]
    assert "Ice-pick scar" in cannot and "Rolling scar" in cannot


def test_the_same_figure_is_redrawn_in_place() -> None:
    """Changing controls keeps one Figure object and refreshes the picture."""
    explorer = depth_explorer("crystal-microdermabrasion")
    figure, picture = explorer.section.figure, explorer.png
    explorer.passes.value = 3
    explorer.procedure.value = "dermaplaning"
    assert explorer.section.figure is figure
    assert len(figure.axes) == 2
    assert explorer.png != picture


def test_render_state_draws_any_state_as_a_new_figure() -> None:
    """render_state gives a separate static figure and alt text for the state asked for."""
    explorer = depth_explorer()
    figure, alt = explorer.render_state(procedure_id="crystal-microdermabrasion", passes=4)
    assert figure is not explorer.section.figure
    assert "Crystal microdermabrasion (4 passes)" in alt
    _, default_alt = explorer.render_state(procedure_id="dermaplaning")
    assert "Dermaplaning: 0-20 µm" in default_alt


def test_render_state_rejects_settings_that_do_not_apply() -> None:
    """Passes on a peel are refused with the depth logic's message."""
    with pytest.raises(ValueError, match="has no passes"):
        depth_explorer().render_state(
            **vars(DepthState("superficial-peel", "glycolic", 35, None, 3))
        )
