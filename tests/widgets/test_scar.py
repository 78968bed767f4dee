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


def _tick(identifier, labels: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Tick by the visible label, as a trainee following the lesson text does."""
    by_label = {box.description: box for box in identifier.checks.values()}
    for box in identifier.checks.values():
        box.value = False
    for label in labels:
        by_label[label].value = True


def _best(identifier) -> str:  # type: ignore[no-untyped-def]
    return identifier.alt_text().split("Best match: ")[1].split(". ")[0]


# Each instruction lesson 01 gives (cells 01-044 and 01-052), and what the lesson says follows.
INSTRUCTIONS = [
    (["narrower than 2 mm at the surface", "V-shaped, narrowing to a deep point"], "Ice-pick scar"),
    (
        ["sharp, vertical walls", "flat base (U-shaped)"],
        "Boxcar scar, deep (a scar) or Boxcar scar, shallow",
    ),
    (
        ["sharp, vertical walls", "flat base (U-shaped)", "shallow; the base is easy to see"],
        "Boxcar scar, shallow (a scar)",
    ),
    (
        ["wider than about 4-5 mm", "soft edges with a wave-like (M-shaped) surface"],
        "Rolling scar (a scar)",
    ),
    (
        ["flat color change, no dent or bump", "brown or gray-brown"],
        "Post-inflammatory hyperpigmentation (PIH) (not a scar",
    ),
]


def test_each_lesson_instruction_gives_what_the_lesson_promises() -> None:
    """Play each instruction of lesson 01 against the widget's real output."""
    from pathlib import Path

    import nbformat

    notebook = nbformat.read(Path(__file__).parents[2] / "notebooks/01_skin_and_scars.ipynb", 4)
    text = " ".join(c.source for c in notebook.cells if c.get("id") in {"01-044", "01-052"})
    identifier = scar_identifier()
    for labels, best in INSTRUCTIONS:
        assert all(f'"{label}"' in text for label in labels), labels
        _tick(identifier, labels)
        assert _best(identifier).startswith(best), (labels, _best(identifier))


def test_a_dent_turns_a_brown_mark_into_a_scar() -> None:
    """01-052: a brown mark that sits below the surface is a scar; PIH drops out."""
    identifier = scar_identifier()
    _tick(identifier, ["brown or gray-brown", "sits below the skin surface"])
    assert "(a scar)" in _best(identifier)
    assert "PIH" not in identifier.result.value


def test_stretching_fits_every_atrophic_type_equally_as_a_feature() -> None:
    """Flattening when stretched is a feature of every atrophic scar, not of rolling only."""
    from skinlessons.facts import load_facts

    facts = load_facts()
    atrophic = [s for s in facts.scars.values() if s.family == "atrophic"]
    assert all("flattens-when-stretched" in s.features for s in atrophic)
    assert "grade 3" in (facts.scar_features["flattens-when-stretched"].note or "")


def test_features_that_cannot_go_together_are_named() -> None:
    """A flat color change with a dent is refused in words, naming both features."""
    identifier = scar_identifier()
    _tick(identifier, ["flat color change, no dent or bump", "sits below the skin surface"])
    assert "cannot be seen together" in identifier.alt_text()
    assert "sits below the skin surface" in identifier.result.value
