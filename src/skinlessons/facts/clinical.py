"""Data models of scars and marks, phototypes, contraindications, claims and suitability rules."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import (
    Family,
    LessonId,
    Level,
    Model,
    Outcome,
    Performer,
    PhototypeId,
    Range,
    Record,
    RefId,
    Slug,
    Text,
    rule,
)

# --- scars.yaml ------------------------------------------------------------------------------


class Feature(Model):
    """An observable feature a trainee can tick in the scar identifier."""

    id: Slug
    label: Text
    note: Text | None = None
    excludes: tuple[Slug, ...] = ()
    """Features that cannot be seen together with this one (a flat mark has no dent)."""


class MarkType(Record):
    """A scar or a non-scar mark, with the features that identify it."""

    description: Text
    features: list[Slug] = Field(min_length=1)
    width_mm: Range | None = None
    helped_by: tuple[Slug, ...] = ()
    partly_helped_by: tuple[Slug, ...] = ()
    not_helped_by: tuple[Slug, ...] = ()


class Scar(MarkType):
    """A true scar (tissue lost or gained)."""

    family: Literal["atrophic", "raised"]
    subtype_of: Slug | None = None
    depth_um: Range | None = None
    share_pct: Range | None = None
    depth_note: Text


class NonScar(MarkType):
    """A mark that is a colour change, not a scar (PIH, PIE)."""

    fade_months: Range
    goodman_baron_grade: int = Field(ge=1, le=4)


class Grade(Model):
    """A Goodman & Baron qualitative grade."""

    grade: int = Field(ge=1, le=4)
    name: Text
    description: Text
    references: list[RefId] = Field(min_length=1)


class AcneLesion(Record):
    """An acne lesion type and how likely it is to scar."""

    inflammatory: bool
    description: Text
    scarring_risk: Level


class ScarsFile(Model):
    features: list[Feature] = Field(min_length=1)
    scars: list[Scar] = Field(min_length=1)
    non_scars: tuple[NonScar, ...] = ()
    goodman_baron_grades: tuple[Grade, ...] = ()
    acne_lesions: tuple[AcneLesion, ...] = ()


# --- phototypes.yaml, contraindications.yaml -------------------------------------------------


class Phototype(Model):
    """A Fitzpatrick skin phototype (by reported sun response, not by colour alone)."""

    id: PhototypeId
    description: Text
    sun_response: Text
    pih_risk: Level
    note: Text | None = None
    references: list[RefId] = Field(min_length=1)


class PhototypesFile(Model):
    phototypes: list[Phototype] = Field(min_length=6, max_length=6)


class Contraindication(Model):
    """A screening item: what it is, how strict, and what to do."""

    id: Slug
    label: Text
    severity: Literal["absolute", "relative"]
    action: Literal["defer", "refer", "caution"]
    what_to_do: Text
    references: list[RefId] = Field(min_length=1)


class ContraindicationsFile(Model):
    contraindications: list[Contraindication] = Field(min_length=1)


# --- claims.yaml -----------------------------------------------------------------------------


ClaimedBy = Literal["article", "trade"]
"""Who makes a claim: the marketing article, or clinic and trade practice."""


class Claim(Model):
    """One claim of the marketing article or of trade practice, checked against the evidence."""

    id: Slug
    number: int = Field(ge=1)
    claim: Text
    claimed_by: ClaimedBy = "article"
    verdict: Literal[
        "supported", "largely-supported", "partly-supported", "overstated", "unsupported"
    ]
    verdict_detail: Text | None = None
    known: Text
    lessons: list[LessonId] = Field(min_length=1)
    references: list[RefId] = Field(min_length=1)


class ClaimsFile(Model):
    claims: list[Claim] = Field(min_length=1)


# --- rules.yaml ------------------------------------------------------------------------------


class Condition(Model):
    """When a rule applies: every list given must share an item with the client's case.

    An empty condition always applies.
    """

    scars: tuple[Slug, ...] = ()
    phototypes: tuple[PhototypeId, ...] = ()
    contraindications: tuple[Slug, ...] = ()


class Target(Model):
    """Which procedures a rule speaks about: those listed, or of a listed family or performer."""

    procedures: tuple[Slug, ...] = ()
    families: tuple[Family, ...] = ()
    performers: tuple[Performer, ...] = ()

    @model_validator(mode="after")
    def _not_empty(self) -> Target:
        if not (self.procedures or self.families or self.performers):
            raise rule(
                "a rule must say which procedures it applies to",
                "list procedures, families or performers under 'applies_to'.",
            )
        return self


class Rule(Model):
    """A treatment-suitability rule: condition, procedures, outcome and a reason for trainees."""

    id: Slug
    when: Condition = Condition()
    applies_to: Target
    outcome: Outcome
    reason: Text
    references: list[RefId] = Field(min_length=1)


class RulesFile(Model):
    rules: list[Rule] = Field(min_length=1)
