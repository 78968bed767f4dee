"""Data models of the skin, the references, the peeling agents and the procedures.

One model per data file (``ReferencesFile`` for ``references.yaml``...), records below them.
Every record names its references by id (``R17``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from .base import (
    Family,
    Model,
    Performer,
    Range,
    Record,
    ReferenceKind,
    RefId,
    Slug,
    Text,
    rule,
)

# --- references.yaml -------------------------------------------------------------------------


class Reference(Model):
    """One entry of the fact sheet's reference list."""

    id: RefId
    authors: Text | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    title: Text
    venue: Text | None = None
    url: Text | None = None
    doi: Text | None = None
    kind: ReferenceKind
    verified: bool
    note: Text

    @model_validator(mode="after")
    def _locatable(self) -> Reference:
        if self.url is None and self.doi is None:
            raise rule("a reference needs a url or a doi", "add 'url:' or 'doi:'.")
        return self

    def cite(self) -> str:
        """A short citation: ``Jacob CI et al. 2001`` or the title when no author is known."""
        if self.authors:
            first = self.authors.split(",")[0].strip()
            who = f"{first} et al." if "," in self.authors else first
        else:
            who = self.title if len(self.title) <= 60 else self.title[:57] + "..."
        return f"{who} {self.year}" if self.year else who


class ReferencesFile(Model):
    references: list[Reference] = Field(min_length=1)


# --- skin.yaml -------------------------------------------------------------------------------


class Layer(Record):
    """A skin layer, listed surface first; thickness applies to facial skin."""

    part_of: Literal["epidermis", "dermis", "subcutis"]
    description: Text
    thickness_um: Range | None = None


class LayerGroup(Record):
    """A named group of layers (whole epidermis, whole dermis) with its own measured range."""

    layers: list[Slug] = Field(min_length=1)
    thickness_um: Range


class Structure(Record):
    """A structure inside the skin (follicle, sebaceous gland), drawn schematically."""

    description: Text
    depth_um: Range | None = None
    schematic: bool = False


class Turnover(Model):
    """Keratinocyte turnover: basal layer to shedding."""

    weeks: Range
    teaching_text: Text
    references: list[RefId] = Field(min_length=1)


class SkinFile(Model):
    layers: list[Layer] = Field(min_length=1)
    layer_groups: tuple[LayerGroup, ...] = ()
    structures: tuple[Structure, ...] = ()
    turnover: Turnover


# --- depth_categories.yaml and agents.yaml ---------------------------------------------------


class DepthCategory(Record):
    """A peel depth level of the course's four-level scheme, shallowest first."""

    target: Text
    depth_um: Range
    performer: Performer


class Strength(Model):
    """A strength of an agent and the depth level(s) sources assign to it.

    Two levels mean the sources disagree (or contact time decides); the estimate spans both.
    A strength with neither ``concentration_pct`` nor ``coats`` is a fixed formula (phenol).
    """

    concentration_pct: Range | None = None
    coats: Range | None = None
    depth_categories: list[Slug] = Field(min_length=1, max_length=2)
    condition: Text | None = None
    advised: bool = True
    uncertain: bool = False
    references: list[RefId] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_measure(self) -> Strength:
        if self.concentration_pct is not None and self.coats is not None:
            raise rule(
                "a strength gives either concentration_pct or coats, not both",
                "keep the concentration range in %, or the number of coats (Jessner's).",
            )
        return self

    def matches(self, *, concentration_pct: float | None, coats: float | None) -> bool:
        """Whether this strength covers the given concentration (%) or number of coats.

        A strength with neither measure (a fixed formula) covers any amount; ``None`` for the
        matching measure means "any strength".
        """
        if self.concentration_pct is not None and concentration_pct is not None:
            return self.concentration_pct.contains(concentration_pct)
        if self.coats is not None and coats is not None:
            return self.coats.contains(coats)
        return True


class CosmeticLimit(Model):
    """A regulatory/review limit for a setting (consumer products, salon use)."""

    setting: Literal["consumer", "salon"]
    max_concentration_pct: float = Field(gt=0, le=100)
    min_final_ph: float = Field(ge=0, le=14)
    conditions: Text
    references: list[RefId] = Field(min_length=1)


class Agent(Record):
    """A peeling agent with its chemistry and how a peel with it is run and stopped."""

    agent_class: Literal["AHA", "BHA", "TCA", "combination", "phenol"] = Field(alias="class")
    pka: Range | None = None
    molecular_weight_g_per_mol: float | None = Field(default=None, gt=0)
    solubility: Text
    unbuffered_ph: Range | None = None
    strengths: list[Strength] = Field(min_length=1)
    must_neutralise: bool
    timed: bool
    self_limiting: bool | None = None
    endpoint: Literal["time", "frost", "pseudofrost", "coats"] | None = None
    physician_only: bool = False
    scope: Text | None = None
    """Who may apply the agent at which strengths, in words (fact sheet §3 scope)."""
    avoid_in_pregnancy: bool = False
    cosmetic_limits: tuple[CosmeticLimit, ...] = ()
    notes: Text

    model_config = ConfigDict(populate_by_name=True)


class DepthCategoriesFile(Model):
    depth_categories: list[DepthCategory] = Field(min_length=1)


class AgentsFile(Model):
    agents: list[Agent] = Field(min_length=1)


# --- procedures.yaml -------------------------------------------------------------------------


class DepthEstimateData(Model):
    """An approximate depth of removal or injury from the surface, with what it rests on."""

    depth_um: Range
    basis: Text
    references: list[RefId] = Field(min_length=1)


class PassBand(DepthEstimateData):
    """Depth for a band of pass counts (microdermabrasion)."""

    label: Text
    min_passes: int = Field(ge=1)
    max_passes: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _ordered_passes(self) -> PassBand:
        if self.max_passes is not None and self.max_passes < self.min_passes:
            raise rule(
                f"max_passes {self.max_passes} is below min_passes {self.min_passes}",
                "swap the two values.",
            )
        return self

    def covers(self, passes: int) -> bool:
        """Whether ``passes`` falls in this band."""
        return passes >= self.min_passes and (self.max_passes is None or passes <= self.max_passes)


class DepthFactor(Model):
    """A setting that changes how deep a procedure goes."""

    setting: Text
    effect: Text
    references: list[RefId] = Field(min_length=1)


class PeelChoice(Model):
    """For peel procedures: the depth levels they cover and the agents used for them."""

    depth_categories: list[Slug] = Field(min_length=1)
    agents: list[Slug] = Field(min_length=1)


class Procedure(Record):
    """An exfoliation or scar procedure: how it works, how deep, who may do it, evidence."""

    family: Family
    performer: Performer
    also_called: tuple[Text, ...] = ()
    mechanism: Text
    target: Text
    depth: DepthEstimateData | None = None
    peel: PeelChoice | None = None
    pass_bands: tuple[PassBand, ...] = ()
    depth_factors: tuple[DepthFactor, ...] = ()
    evidence: Text
    contraindications: tuple[Slug, ...] = ()
    side_effects: tuple[Text, ...] = ()


class ProceduresFile(Model):
    procedures: list[Procedure] = Field(min_length=1)
