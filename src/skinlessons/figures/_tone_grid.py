"""A grid of surface pictures: one row per change, one column per tone of the tone ramp.

Every word sits on the white figure background, outside the squares of skin, in colours whose
contrast with white is well above 4.5:1, so no label depends on the tone behind it. The caption
under the grid says that the drawing is schematic and cannot be used to diagnose, that the tones
are the course's own drawing aid (not a clinical scale, not a Fitzpatrick type), and, in words,
how each change shows on darker tones. The alt text names the tones by number, never by colour
code (a screen reader would read the code out).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from matplotlib.figure import Figure

from skinlessons.facts.pictures import SurfaceChange, ToneRamp

from . import _palette as palette
from ._panels import new_figure
from ._surface import AREA_PATTERNS, SWATCH_MM, paint


@dataclass(frozen=True)
class GridText:
    """The words of one grid.

    Attributes:
        title: drawn at the top; it starts with "Schematic:".
        caption: drawn under the grid: schematic, the tone ramp and its limits, and how each
            change shows on darker tones.
        alt: the whole picture in words, the caption included.
    """

    title: str
    caption: str
    alt: str


def schematic_title(title: str) -> str:
    """Every surface picture says it is a schematic in its title."""
    return f"Schematic: {title}"


LABEL_WIDTH_IN: Final = 2.4
SWATCH_IN: Final = 1.05
GAP_IN: Final = 0.12
ROW_IN: Final = 1.3
TITLE_IN: Final = 0.75
TONE_LABEL_IN: Final = 0.45
CAPTION_LINE_IN: Final = 0.17
CAPTION_COLOUR: Final = "#333333"
"""Dark grey on white: contrast about 12.6:1."""
LABEL_WRAP: Final = 34
CAPTION_WRAP: Final = 128
NOT_FOR_DIAGNOSIS: Final = (
    "A teaching drawing: it cannot be used to diagnose or grade a client's skin."
)
"""Said in every caption and beside every surface picture."""
DRAWING_SIZE: Final = "a drawing size, not a typical size"
"""Said of a mark drawn at a size that does not come from a width in scars.yaml."""
SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+")


def tone_words(ramp: ToneRamp) -> str:
    last = len(ramp.tones)
    return f"the {ramp.name}, tones 1 (lightest) to {last} (darkest)"


def caption_text(changes: Sequence[SurfaceChange], ramp: ToneRamp) -> str:
    """Schematic and not for diagnosis, the tone ramp and its limits, then how each change shows
    on darker tones (a sentence that several changes share is said once)."""
    darker = dict.fromkeys(
        sentence
        for change in changes
        for sentence in SENTENCE_END.split(" ".join(change.darker_skin_words.split()))
    )
    return (
        f"Schematic drawing, not a photograph; each square is {SWATCH_MM:g} mm of skin. "
        f"{NOT_FOR_DIAGNOSIS} Columns: {tone_words(ramp)}. {ramp.disclaimer} " + " ".join(darker)
    )


def row_words(change: SurfaceChange, measured: Collection[str] = ()) -> str:
    """The change's name, look and drawn size; a size not taken from a scar's width says so."""
    size = ""
    if change.pattern not in AREA_PATTERNS:
        note = "" if change.id in measured else f" ({DRAWING_SIZE})"
        size = f", drawn {change.drawn_mm:g} mm across{note}"
    return f"{change.name}: {change.looks}{size}."


def tone_names(ramp: ToneRamp) -> str:
    """The tones by number, lightest and darkest marked: ``tone 1 (lightest), tone 2, ...``."""
    last = len(ramp.tones)
    ends = {1: " (lightest)", last: " (darkest)"}
    return ", ".join(f"tone {tone.number}{ends.get(tone.number, '')}" for tone in ramp.tones)


def grid_text(
    title: str,
    changes: Sequence[SurfaceChange],
    ramp: ToneRamp,
    measured: Collection[str] = (),
) -> GridText:
    """The title, caption and alt text of a grid of ``changes``.

    ``measured`` holds the ids of the changes drawn at a width taken from ``scars.yaml``; every
    other mark's size is called a drawing size.
    """
    heading = schematic_title(title)
    caption = caption_text(changes, ramp)
    rows = " ".join(
        f"Row {n}, {row_words(change, measured)}" for n, change in enumerate(changes, 1)
    )
    count = "1 row" if len(changes) == 1 else f"{len(changes)} rows"
    each = "one change" if len(changes) == 1 else "each row one change"
    alt = (
        f"{heading}. {count} of squares of skin, {each} shown side by side on "
        f"{len(ramp.tones)} skin tones: {tone_names(ramp)}. {rows} {caption}"
    )
    return GridText(heading, caption, alt)


def draw_grid(
    title: str,
    changes: Sequence[SurfaceChange],
    ramp: ToneRamp,
    measured: Collection[str] = (),
) -> Figure:
    """The figure: title, one labelled row per change, tone labels, then the caption."""
    text = grid_text(title, changes, ramp, measured)
    caption = textwrap.wrap(text.caption, CAPTION_WRAP)
    tones = len(ramp.tones)
    width = LABEL_WIDTH_IN + tones * (SWATCH_IN + GAP_IN) + 0.2
    grid_height = len(changes) * ROW_IN
    caption_height = (len(caption) + 1) * CAPTION_LINE_IN
    height = TITLE_IN + grid_height + TONE_LABEL_IN + caption_height
    figure = new_figure(width, height)
    figure.text(
        0.2 / width,
        1 - 0.3 / height,
        text.title,
        fontsize=palette.FONT_SIZE + 2,
        fontweight="bold",
        color=palette.BLACK,
        va="center",
    )
    for row, change in enumerate(changes):
        top = TITLE_IN + row * ROW_IN
        figure.text(
            0.2 / width,
            1 - (top + 0.1) / height,
            "\n".join(textwrap.wrap(row_words(change, measured), LABEL_WRAP)),
            fontsize=palette.SMALL_FONT_SIZE,
            color=palette.BLACK,
            va="top",
            linespacing=1.25,
        )
        for index, tone in enumerate(ramp.tones):
            left = LABEL_WIDTH_IN + index * (SWATCH_IN + GAP_IN)
            axes = figure.add_axes(
                (
                    left / width,
                    1 - (top + SWATCH_IN) / height,
                    SWATCH_IN / width,
                    SWATCH_IN / height,
                )
            )
            paint(axes, change, tone.colour, index)
    labels_top = TITLE_IN + grid_height + 0.05
    for index, tone in enumerate(ramp.tones):
        centre = LABEL_WIDTH_IN + index * (SWATCH_IN + GAP_IN) + SWATCH_IN / 2
        end = " (lightest)" if index == 0 else " (darkest)" if index == tones - 1 else ""
        figure.text(
            centre / width,
            1 - labels_top / height,
            f"tone {tone.number}{end}",
            fontsize=palette.SMALL_FONT_SIZE,
            color=palette.BLACK,
            ha="center",
            va="top",
        )
    figure.text(
        0.2 / width,
        1 - (labels_top + TONE_LABEL_IN) / height,
        "\n".join(caption),
        fontsize=palette.SMALL_FONT_SIZE,
        color=CAPTION_COLOUR,
        va="top",
        linespacing=1.3,
    )
    return figure
