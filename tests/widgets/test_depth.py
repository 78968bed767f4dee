"""Depth explorer: controls move the shaded depth and the text; dermabrasion is the reference."""

from __future__ import annotations

import pytest

from skinlessons.widgets import depth_explorer
from skinlessons.widgets._depth_model import (
    DepthState,
    default_state,
    depth_procedures,
    passes_limit,
    read_depth,
    strength_options,
)
from skinlessons.widgets.depth_explorer import describe_depth


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
    assert "Viable epidermis (granular, spinous and basal layers) (part or all)" in (
        explorer.alt_text()
    )


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


def _offered_states(facts):  # type: ignore[no-untyped-def]
    for procedure in depth_procedures(facts):
        if procedure.peel is None:
            continue
        for agent_id in procedure.peel.agents:
            for _, (concentration, coats) in strength_options(facts, procedure.id, agent_id):
                yield procedure, DepthState(procedure.id, agent_id, concentration, coats)


def test_a_peel_offers_only_strengths_at_its_own_levels(facts) -> None:  # type: ignore[no-untyped-def]
    """Every strength offered reaches only the procedure's own depth levels (no glycolic 70%)."""
    offered = list(_offered_states(facts))
    assert offered
    for procedure, state in offered:
        levels = set(read_depth(state, facts).estimate.depth_category_ids)
        assert levels <= set(procedure.peel.depth_categories), (procedure.id, state)
    superficial = [s for p, s in offered if p.id == "superficial-peel" and s.agent_id == "glycolic"]
    assert all(s.concentration_pct is not None and s.concentration_pct < 70 for s in superficial)


def test_no_practitioner_state_shows_the_dermis_without_saying_so(facts) -> None:  # type: ignore[no-untyped-def]
    """Practitioner procedures at every offered setting stay above the basal layer."""
    states = [s for p, s in _offered_states(facts) if p.performer == "practitioner"]
    for procedure in depth_procedures(facts):
        if procedure.performer == "practitioner" and procedure.pass_bands:
            top = passes_limit(procedure)
            states += [DepthState(procedure.id, passes=n) for n in range(1, top + 1)]
        elif procedure.performer == "practitioner" and procedure.peel is None:
            states.append(DepthState(procedure.id))
    assert len(states) > 10
    for state in states:
        reading = read_depth(state, facts)
        assert not reading.physician_territory, state
        assert "Physician territory" not in describe_depth(reading, facts)


def test_physician_territory_is_said_in_words_live_static_and_rendered(facts) -> None:  # type: ignore[no-untyped-def]
    """Past the basal layer the live result, figure title, alt text and render_state say so."""
    explorer = depth_explorer("medium-peel")
    assert "Physician territory" in explorer.result.value
    assert "Physician territory" in explorer.section.title.get_text()
    assert "Physician territory" in explorer.alt_text()
    explorer.procedure.value = "dermaplaning"
    assert "Physician territory" not in explorer.result.value
    assert "Physician territory" not in explorer.section.title.get_text()
    figure, alt = explorer.render_state(
        procedure_id="superficial-peel", agent_id="glycolic", concentration_pct=70
    )
    assert "Physician territory" in alt
    assert "Physician territory" in figure.texts[0].get_text()


SC_ONLY = [
    ("dermaplaning", {}),
    ("crystal-microdermabrasion", {"passes": 1}),
    ("diamond-microdermabrasion", {"passes": 1}),
    ("superficial-peel", {"agent_id": "salicylic", "concentration_pct": 25}),
    ("superficial-peel", {"agent_id": "glycolic", "concentration_pct": 35}),
]


@pytest.mark.parametrize(("procedure_id", "settings"), SC_ONLY, ids=[p for p, _ in SC_ONLY])
def test_bands_within_the_corneum_report_the_stratum_corneum_only(
    procedure_id: str,
    settings: dict[str, object],
) -> None:
    """Bands inside the stratum corneum's 10-20 µm range reach no living layer."""
    _, alt = depth_explorer().render_state(procedure_id=procedure_id, **settings)
    layers = alt.split("Layers reached: ")[1].split(". ")[0]
    assert layers == "Stratum corneum (part or all)"


def test_the_title_names_the_level_the_strength_reaches() -> None:
    """A superficial peel at a very superficial strength says so in its title."""
    explorer = depth_explorer("superficial-peel")
    assert explorer.state.agent_id == "glycolic"
    assert ": very superficial level, 10-20 µm" in explorer.section.title.get_text()
