"""Surface pictures: drawn from pictures.yaml, every tone shown, contrast as the data says.

The pictures are schematic drawings on the course's own tone ramp. These tests read the drawn
artists (the fill colours, the words and where they sit), never the module's own arithmetic.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text

from skinlessons import figures
from skinlessons._util.colour import contrast_ratio, difference, mix
from skinlessons.display import figure_to_png
from skinlessons.facts import Facts, collect_fact_problems, default_data_dir, load_facts
from skinlessons.figures import plot_frost, plot_mark_surface, plot_pih_pie, plot_surface_picture

PLOTS = {
    "pih-pie": figures.plot_pih_pie,
    "erythema-endpoint": figures.plot_erythema_endpoint,
    "frost": figures.plot_frost,
    "scar-surfaces": figures.plot_scar_surfaces,
}
MIN_TEXT_CONTRAST = 4.5


def fills(figure: Figure, axes_index: int) -> list[str]:
    """The fill colours drawn in one square, first drawn first, as ``#RRGGBB``."""
    return [
        to_hex(patch.get_facecolor()).upper()
        for patch in figure.axes[axes_index].patches
        if patch.get_fill()
    ]


def check_messages(tmp_path: Path, old: str, new: str) -> list[str]:
    """What the data check reports for a data copy with ``old`` replaced by ``new``."""
    return [problem.format() for problem in collect_fact_problems(copied_data(tmp_path, old, new))]


def copied_data(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the package data with one text replaced in pictures.yaml."""
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    path = data / "pictures.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return data


@pytest.mark.parametrize("picture_id", list(PLOTS))
def test_every_tone_is_shown_in_every_row(picture_id: str, facts: Facts) -> None:
    """One square per change and tone; each square's skin is its tone's colour, lightest first."""
    figure, alt = PLOTS[picture_id]()
    tones = [tone.colour for tone in facts.tone_ramp.tones]
    rows = facts.pictures[picture_id].changes
    assert len(tones) >= 5
    assert len(figure.axes) == len(rows) * len(tones)
    for index in range(len(figure.axes)):
        assert fills(figure, index)[0] == tones[index % len(tones)]
    for number in range(1, len(tones) + 1):
        assert f"tone {number}" in alt


@pytest.mark.parametrize("picture_id", list(PLOTS))
def test_each_square_draws_the_colour_the_data_gives(picture_id: str, facts: Facts) -> None:
    """The change's colour on each tone is the tone moved its strength towards the data colour."""
    figure, _ = PLOTS[picture_id]()
    tones = facts.tone_ramp.tones
    for row, change_id in enumerate(facts.pictures[picture_id].changes):
        change = facts.surface_changes[change_id]
        for index, tone in enumerate(tones):
            expected = mix(tone.colour, change.colour, change.strength[index])
            assert expected in fills(figure, row * len(tones) + index), (change_id, index)


def test_changing_a_colour_shift_in_a_data_copy_changes_the_drawing(tmp_path: Path) -> None:
    """PIE drawn from an edited copy of the data takes the new colour; the picture changes."""
    data = copied_data(tmp_path, 'colour: "#C0304A"', 'colour: "#7030A0"')
    edited = load_facts(data)
    before, _ = plot_pih_pie()
    after, _ = plot_pih_pie(edited)
    tones = len(edited.tone_ramp.tones)
    first_tone = edited.tone_ramp.tones[0].colour
    share = edited.surface_changes["pie"].strength[0]
    assert mix(first_tone, "#7030A0", share) in fills(after, tones)
    assert mix(first_tone, "#7030A0", share) not in fills(before, tones)
    assert figure_to_png(after) != figure_to_png(before)


def test_a_drawn_size_comes_from_the_data(tmp_path: Path) -> None:
    """The rolling scar drawn at 8 mm instead of 6 mm spreads over a wider area."""
    data = copied_data(
        tmp_path,
        "pattern: wave\n    border: soft\n    drawn_mm: 6",
        "pattern: wave\n    border: soft\n    drawn_mm: 8",
    )
    wide, _ = plot_mark_surface("rolling", load_facts(data))
    usual, _ = plot_mark_surface("rolling")
    widths = [max(p.get_width() for p in f.axes[0].patches[1:]) for f in (usual, wide)]
    assert widths[1] > widths[0]


@pytest.mark.parametrize("change_id", ["pie", "erythema-light", "erythema-even"])
def test_redness_is_drawn_with_less_contrast_on_darker_tones(change_id: str, facts: Facts) -> None:
    """Where the data says redness is harder to see on darker skin, the drawing shows it."""
    change = facts.surface_changes[change_id]
    assert change.on_darker_skin == "lower"
    picture = next(p for p in facts.pictures.values() if change_id in p.changes)
    figure, alt = plot_surface_picture(picture.id)
    row = picture.changes.index(change_id)
    tones = facts.tone_ramp.tones
    drawn = [
        max(difference(tone.colour, c) for c in fills(figure, row * len(tones) + index))
        for index, tone in enumerate(tones)
    ]
    assert all(later <= earlier for earlier, later in itertools.pairwise(drawn))
    assert drawn[-1] < drawn[0] / 2
    assert change.darker_skin_words in alt
    assert re.search(r"hard to see|close to invisible|far less", change.darker_skin_words)


def test_frost_stands_out_more_on_darker_tones(facts: Facts) -> None:
    """White frost is drawn with more contrast on the darkest tone than on the lightest."""
    figure, _ = plot_frost()
    tones = facts.tone_ramp.tones
    first = max(difference(tones[0].colour, c) for c in fills(figure, 0))
    last = max(difference(tones[-1].colour, c) for c in fills(figure, len(tones) - 1))
    assert last > 1.5 * first


def backgrounds(figure: Figure) -> list[tuple[str, str, str]]:
    """(text, text colour, background colour) of every visible label of ``figure``."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    found = []
    for text in figure.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        assert to_rgba(text.get_color())[3] == 1.0, text.get_text()
        box = text.get_window_extent(renderer)
        patch = text.get_bbox_patch()
        if patch is not None:
            assert patch.get_facecolor()[3] == 1.0, text.get_text()
            background = to_hex(patch.get_facecolor())
        else:
            over = [a for a in figure.axes if box.overlaps(a.get_window_extent(renderer))]
            assert over == [], f"{text.get_text()!r} sits on a square of skin without a box"
            background = to_hex(figure.get_facecolor())
        found.append((text.get_text(), to_hex(text.get_color()), background))
    return found


@pytest.mark.parametrize("picture_id", [*PLOTS, "keloid", "pih"])
def test_every_label_has_enough_contrast_with_what_is_behind_it(picture_id: str) -> None:
    """Each word on the figure has at least 4.5:1 contrast with its background."""
    figure, _ = PLOTS[picture_id]() if picture_id in PLOTS else plot_mark_surface(picture_id)
    labels = backgrounds(figure)
    assert len(labels) >= 8  # title, row labels, a label per tone, the caption
    for text, colour, background in labels:
        assert contrast_ratio(colour, background) >= MIN_TEXT_CONTRAST, (text, colour, background)


@pytest.mark.parametrize("picture_id", list(PLOTS))
def test_title_caption_and_alt_say_schematic_and_name_the_tone_ramp(
    picture_id: str, facts: Facts
) -> None:
    """Schematic in the title; the caption says the ramp is a drawing aid, not Fitzpatrick."""
    figure, alt = PLOTS[picture_id]()
    words = [text.get_text() for text in figure.texts]
    assert words[0].startswith("Schematic: ")
    caption = " ".join(words[-1].split())
    for needed in ("Schematic drawing, not a photograph", facts.tone_ramp.name, "drawing aid"):
        assert needed in caption
    assert "not a clinical or validated scale" in caption
    assert "not a Fitzpatrick type" in caption
    assert alt.startswith(words[0])
    assert not re.match(r"(figure|image|picture)\s*\d", alt, re.IGNORECASE)
    for change_id in facts.pictures[picture_id].changes:
        change = facts.surface_changes[change_id]
        assert f"{change.name}: {change.looks}" in alt


def test_every_scar_type_has_a_surface_picture(facts: Facts) -> None:
    """Each scar of scars.yaml is a row of the scar picture and can be drawn on its own."""
    rows = {facts.surface_changes[c].mark for c in facts.pictures["scar-surfaces"].changes}
    assert rows == set(facts.scars)
    for scar in facts.scars.values():
        _, alt = plot_mark_surface(scar.id)
        assert alt.startswith(f"Schematic: {scar.name} seen from the surface")


def test_a_mark_without_a_picture_is_refused_with_the_known_ones(facts: Facts) -> None:
    with pytest.raises(ValueError, match="pictures exist for: pih, pie, ice-pick"):
        plot_mark_surface("nodule", facts)


def test_check_refuses_strengths_that_contradict_the_words(tmp_path: Path) -> None:
    """Redness drawn equally strong on every tone contradicts 'lower': check names the file."""
    messages = check_messages(
        tmp_path,
        "strength: [0.30, 0.26, 0.20, 0.14, 0.08, 0.04]",
        "strength: [0.30, 0.30, 0.30, 0.30, 0.30, 0.30]",
    )
    assert any(
        "pictures.yaml" in m and "'erythema-light': on_darker_skin is 'lower'" in m
        for m in messages
    ), messages


def test_check_refuses_a_scar_drawn_outside_its_width(tmp_path: Path) -> None:
    """An ice-pick scar drawn 3 mm wide is outside its < 2 mm: check says where and why."""
    messages = check_messages(
        tmp_path,
        "pattern: pit\n    border: sharp\n    drawn_mm: 1",
        "pattern: pit\n    border: sharp\n    drawn_mm: 3",
    )
    assert any("'ice-pick' is drawn 3 mm wide, outside the < 2 mm" in m for m in messages)


def test_check_refuses_a_tone_ramp_that_is_not_light_to_dark(tmp_path: Path) -> None:
    messages = check_messages(
        tmp_path, '{number: 1, colour: "#F3D7C4"}', '{number: 1, colour: "#2A1A10"}'
    )
    assert any("do not run from light to dark" in m for m in messages), messages
