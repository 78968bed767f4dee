"""The loaded course data: typed, cross-checked records with lookup by id."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from .clinical import (
    AcneLesion,
    Claim,
    Contraindication,
    Feature,
    Grade,
    NonScar,
    Phototype,
    Rule,
    Scar,
)
from .glossary import GlossaryTerm
from .models import (
    Agent,
    DepthCategory,
    Layer,
    LayerGroup,
    Procedure,
    Reference,
    Structure,
    Turnover,
)
from .pictures import Picture, SurfaceChange, ToneRamp
from .practice import PracticeFact, Regulation

RecordT = TypeVar("RecordT")


def lookup(records: Mapping[str, RecordT], record_id: str, what: str) -> RecordT:
    """Return ``records[record_id]``, or raise a ValueError that lists the known ids.

    Raises:
        ValueError: ``record_id`` is not one of the ids (the message names them).
    """
    try:
        return records[record_id]
    except KeyError:
        known = ", ".join(records)
        raise ValueError(f"unknown {what} id {record_id!r}; known ids: {known}") from None


@dataclass(frozen=True)
class Facts:
    """Every fact of the course, as typed records (see ``skinlessons/data/*.yaml``).

    Mappings keep the order of their data file: layers run from the surface down, depth
    categories from shallowest to deepest.
    """

    references: Mapping[str, Reference]
    layers: tuple[Layer, ...]
    layer_groups: Mapping[str, LayerGroup]
    structures: Mapping[str, Structure]
    turnover: Turnover
    depth_categories: Mapping[str, DepthCategory]
    agents: Mapping[str, Agent]
    procedures: Mapping[str, Procedure]
    scar_features: Mapping[str, Feature]
    scars: Mapping[str, Scar]
    non_scars: Mapping[str, NonScar]
    goodman_baron_grades: tuple[Grade, ...]
    acne_lesions: Mapping[str, AcneLesion]
    phototypes: Mapping[str, Phototype]
    contraindications: Mapping[str, Contraindication]
    claims: Mapping[str, Claim]
    rules: tuple[Rule, ...]
    glossary: Mapping[str, GlossaryTerm]
    practice_facts: Mapping[str, PracticeFact]
    regulations: Mapping[str, Regulation]
    tone_ramp: ToneRamp
    surface_changes: Mapping[str, SurfaceChange]
    pictures: Mapping[str, Picture]

    def practice(self, topic: str) -> list[PracticeFact]:
        """The practice facts on ``topic`` (``consultation``...), in the data's order."""
        return [fact for fact in self.practice_facts.values() if fact.topic == topic]

    def procedure(self, procedure_id: str) -> Procedure:
        """The procedure with this id (ValueError listing the known ids if there is none)."""
        return lookup(self.procedures, procedure_id, "procedure")

    def agent(self, agent_id: str) -> Agent:
        """The peeling agent with this id (ValueError listing the known ids if none)."""
        return lookup(self.agents, agent_id, "agent")

    def mark(self, mark_id: str) -> Scar | NonScar:
        """A scar or a non-scar mark (PIH, PIE) by id."""
        marks: dict[str, Scar | NonScar] = {**self.scars, **self.non_scars}
        return lookup(marks, mark_id, "scar or mark")

    def cite(self, reference_ids: tuple[str, ...] | list[str]) -> list[str]:
        """Short citations (``Jacob CI et al. 2001``) for reference ids, in the order given."""
        return [lookup(self.references, rid, "reference").cite() for rid in reference_ids]

    def counts(self) -> dict[str, int]:
        """How many records of each kind were loaded, for ``skinlessons check``'s summary."""
        return {
            "references": len(self.references),
            "skin layers": len(self.layers),
            "peel agents": len(self.agents),
            "procedures": len(self.procedures),
            "scar and mark types": len(self.scars) + len(self.non_scars),
            "contraindications": len(self.contraindications),
            "claims": len(self.claims),
            "suitability rules": len(self.rules),
            "glossary terms": len(self.glossary),
            "practice facts": len(self.practice_facts),
            "regulations": len(self.regulations),
            "surface pictures": len(self.pictures),
        }
