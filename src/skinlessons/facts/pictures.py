"""Data model of the schematic surface pictures (``pictures.yaml``): the tone ramp and changes.

The course draws no clinical photographs. Each picture shows some changes (PIH, a frost, a scar
seen from above) on every tone of the course's own schematic tone ramp. A change moves the skin
colour of each tone part of the way towards its ``colour``; ``on_darker_skin`` states how the
contrast that gives changes from the lightest tone to the darkest, and the file is refused when
the strengths say otherwise, so the caption's words and the drawing cannot disagree.
"""

from __future__ import annotations

import itertools
from typing import Annotated, Final, Literal

from pydantic import Field, StringConstraints, model_validator

from .._util import colour as colours
from .base import Model, RefId, Slug, Text, rule

HexColour = Annotated[str, StringConstraints(pattern=colours.HEX_COLOUR.pattern)]
Pattern = Literal["patch", "flush", "sheet", "crystals", "pit", "box", "wave", "dome", "spreading"]
"""How a change is laid out on the skin: a patch or one of the scar shapes (``pit``, ``box``,
``wave``, raised ``dome`` within the wound, raised ``spreading`` beyond it), or over the treated
half (an even ``flush`` of redness, an opaque ``sheet`` of frost, powdery ``crystals``)."""
Border = Literal["sharp", "soft", "blurred", "irregular"]
Trend = Literal["lower", "similar", "higher"]
MIN_TONES: Final = 5
LOWER_RATIO: Final = 0.5
"""``lower``: the darkest tone's colour difference is at most half the lightest tone's."""
HIGHER_RATIO: Final = 1.5
"""``higher``: the darkest tone's colour difference is at least 1.5 times the lightest's."""
SIMILAR_RATIO: Final = 0.5
"""``similar``: no tone's colour difference is below half the largest."""


class Tone(Model):
    number: int = Field(ge=1)
    colour: HexColour


class ToneRamp(Model):
    """The course's schematic tone ramp, lightest first: a drawing aid, not a clinical scale."""

    name: Text
    disclaimer: Text
    references: list[RefId] = Field(min_length=1)
    tones: list[Tone] = Field(min_length=MIN_TONES)

    @model_validator(mode="after")
    def _numbered_light_to_dark(self) -> ToneRamp:
        numbers = [tone.number for tone in self.tones]
        if numbers != list(range(1, len(numbers) + 1)):
            raise rule(f"tones are numbered {numbers}", "number the tones 1, 2, 3 ... in order.")
        light = [colours.relative_luminance(tone.colour) for tone in self.tones]
        if any(darker >= lighter for lighter, darker in itertools.pairwise(light)):
            raise rule("the tones do not run from light to dark", "order them lightest first.")
        return self


class SurfaceChange(Model):
    """How one change looks from the surface, on each tone of the ramp."""

    id: Slug
    name: Text
    mark: Slug | None = None
    """The scar or mark (``scars.yaml``) this change shows, if it is one."""
    looks: Text
    colour: HexColour
    strength: list[float] = Field(min_length=MIN_TONES)
    highlight: float | None = Field(default=None, ge=0.0, le=1.0)
    """A raised change: how far its lit side moves towards white."""
    pattern: Pattern
    border: Border
    drawn_mm: float = Field(gt=0.0)
    """Width drawn, mm, on a swatch 10 mm across: the mark, or the treated strip."""
    on_darker_skin: Trend
    darker_skin_words: Text
    references: list[RefId] = Field(min_length=1)

    @model_validator(mode="after")
    def _shares(self) -> SurfaceChange:
        if not all(0.0 <= share <= 1.0 for share in self.strength):
            raise rule("a strength is outside 0-1", "give each tone a share from 0 to 1.")
        return self

    def shown_on(self, tone_colour: str, index: int) -> str:
        """The colour of this change on the ``index``-th tone (colour ``tone_colour``)."""
        return colours.mix(tone_colour, self.colour, self.strength[index])

    def differences(self, ramp: ToneRamp) -> list[float]:
        """The perceived colour difference (ΔE) of the change on each tone, lightest first."""
        return [
            colours.difference(tone.colour, self.shown_on(tone.colour, index))
            for index, tone in enumerate(ramp.tones)
        ]


class Picture(Model):
    """One figure: a title and the changes it shows, one row each."""

    id: Slug
    title: Text
    changes: list[Slug] = Field(min_length=1)
    references: list[RefId] = Field(min_length=1)


def trend_problem(change: SurfaceChange, ramp: ToneRamp) -> str | None:
    """Why the drawn contrast does not follow ``on_darker_skin`` (None when it does)."""
    shown = change.differences(ramp)
    first, last = shown[0], shown[-1]
    if change.on_darker_skin == "lower":
        falling = all(b <= a for a, b in itertools.pairwise(shown))
        if falling and last <= LOWER_RATIO * first:
            return None
    elif change.on_darker_skin == "higher":
        if last >= HIGHER_RATIO * first:
            return None
    elif min(shown) >= SIMILAR_RATIO * max(shown):
        return None
    drawn = ", ".join(f"{value:.0f}" for value in shown)
    return f"on_darker_skin is {change.on_darker_skin!r} but the drawn ΔE per tone is {drawn}"


class PicturesFile(Model):
    tone_ramp: ToneRamp
    changes: list[SurfaceChange] = Field(min_length=1)
    pictures: list[Picture] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> PicturesFile:
        tones = len(self.tone_ramp.tones)
        known = {change.id for change in self.changes}
        for change in self.changes:
            if len(change.strength) != tones:
                raise rule(
                    f"change {change.id!r} has {len(change.strength)} strengths for {tones} tones",
                    "give one strength per tone of the tone ramp.",
                )
            problem = trend_problem(change, self.tone_ramp)
            if problem:
                raise rule(
                    f"change {change.id!r}: {problem}",
                    "change the strengths, or say how the contrast really changes.",
                )
        for picture in self.pictures:
            missing = [cid for cid in picture.changes if cid not in known]
            if missing:
                raise rule(
                    f"picture {picture.id!r} shows unknown changes {missing}",
                    "use ids from the 'changes' list.",
                )
        return self
