"""Scar identifier: the best match's surface picture on every tone, in the live view and the PNG."""

from __future__ import annotations

import io

from PIL import Image

from skinlessons.widgets import scar_identifier
from skinlessons.widgets.scar_identifier import ScarIdentifier


def ticked(*feature_ids: str) -> ScarIdentifier:
    """A scar identifier with these features ticked, one by one as a trainee would."""
    identifier = scar_identifier()
    for feature_id in feature_ids:
        identifier.checks[feature_id].value = True
    return identifier


def _height(png: bytes) -> int:
    return Image.open(io.BytesIO(png)).height


def test_the_best_match_is_shown_from_the_surface() -> None:
    """Narrow and V-shaped: the ice-pick scar's surface picture shows under the chart."""
    identifier = ticked("narrow", "v-shaped")
    assert identifier.surface.image.layout.display is None
    assert identifier.surface.image in identifier.view.children
    chart = bytes(identifier.image.value)
    assert _height(identifier.png) == _height(chart) + _height(
        bytes(identifier.surface.image.value)
    )
    assert "Under the chart: Schematic: Ice-pick scar seen from the surface" in (
        identifier.alt_text()
    )
    assert "not a Fitzpatrick type" in identifier.result.value
    assert "Ice-pick scar seen from the surface" in identifier.result.value


def test_no_match_shows_no_surface_picture() -> None:
    """With nothing ticked the picture is hidden and the static PNG is the chart alone."""
    identifier = scar_identifier()
    assert identifier.surface.image.layout.display == "none"
    assert identifier.png == bytes(identifier.image.value)
    assert "seen from the surface" not in identifier.alt_text()


def test_a_new_best_match_changes_the_picture() -> None:
    """From the ice-pick scar to a keloid: the surface picture and its words follow."""
    identifier = ticked("narrow")
    first = bytes(identifier.surface.image.value)
    identifier.checks["narrow"].value = False
    identifier.checks["raised"].value = True
    identifier.checks["beyond-wound"].value = True
    assert bytes(identifier.surface.image.value) != first
    assert "Schematic: Keloid seen from the surface" in identifier.alt_text()


def test_a_colour_mark_is_shown_too() -> None:
    """A flat brown mark: PIH, with the words of how it shows on darker tones."""
    identifier = ticked("flat-colour-change", "brown-grey")
    assert "Schematic: Post-inflammatory hyperpigmentation (PIH) seen from the surface" in (
        identifier.alt_text()
    )
    assert "more common, and lasts longer, in darker skin" in identifier.alt_text()


def test_render_surface_for_given_features() -> None:
    """render_surface draws the best match's picture for any features; None without a match."""
    identifier = scar_identifier()
    drawn = identifier.render_surface(features=["raised", "within-wound"])
    assert drawn is not None
    figure, alt = drawn
    assert alt.startswith("Schematic: Hypertrophic scar seen from the surface")
    assert len(figure.axes) == 6
    assert identifier.render_surface(features=[]) is None
