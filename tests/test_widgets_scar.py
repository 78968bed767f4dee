"""Scar identifier: ticked features give the best match and the reasons from the logic."""

from __future__ import annotations

from skinlessons.widgets import scar_identifier


def test_nothing_ticked_asks_for_features() -> None:
    """With no feature ticked the text invites the trainee to tick what they see."""
    identifier = scar_identifier()
    assert "tick what you see" in identifier.alt_text()
    assert identifier.chart.row_texts() == [""] * len(identifier.chart.texts)


def test_v_shaped_narrow_matches_ice_pick() -> None:
    """Narrow + V-shaped puts the ice-pick scar first, starred, with its reasons."""
    identifier = scar_identifier()
    identifier.checks["narrow"].value = True
    identifier.checks["v-shaped"].value = True
    assert identifier.chart.row_texts()[0].startswith("★ best match: Ice-pick scar")
    assert identifier.chart.bars[0].get_width() > 0
    assert "Best match: Ice-pick scar" in identifier.result.value
    assert "Ice-pick scar fits:" in identifier.alt_text()


def test_flat_brown_mark_is_not_a_scar() -> None:
    """A flat brown-grey colour change matches PIH and says it is not a scar."""
    identifier = scar_identifier()
    identifier.checks["flat-colour-change"].value = True
    identifier.checks["brown-grey"].value = True
    assert "Best match: Post-inflammatory hyperpigmentation (PIH) (not a scar" in (
        identifier.alt_text()
    )


def test_unticking_updates_the_same_chart() -> None:
    """Unticking a feature changes the scores on the same figure."""
    identifier = scar_identifier()
    figure = identifier.chart.figure
    identifier.checks["wave-like"].value = True
    first = identifier.chart.texts[0].get_text()
    identifier.checks["wave-like"].value = False
    identifier.checks["raised"].value = True
    assert identifier.chart.texts[0].get_text() != first
    assert identifier.chart.figure is figure


def test_render_state_for_given_features() -> None:
    """render_state draws a new chart and alt text for the features asked for."""
    identifier = scar_identifier()
    figure, alt = identifier.render_state(features=["raised", "beyond-wound"])
    assert figure is not identifier.chart.figure
    assert "Best match: Keloid" in alt
