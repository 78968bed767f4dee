"""The course's facts and numbers, loaded from the package's data files.

Lessons, widgets and quizzes take every number from here, never from hand-typed values::

    from skinlessons.facts import load_facts
    facts = load_facts()
    facts.agents["glycolic"].pka.typical        # 3.83
    facts.references["R18"].cite()              # 'Jacob CI et al. 2001'
"""

from __future__ import annotations

from .base import Range
from .clinical import Claim, Contraindication, NonScar, Phototype, Rule, Scar
from .loader import collect_fact_problems, default_data_dir, load_facts
from .models import Agent, DepthCategory, Layer, Procedure, Reference
from .practice import PracticeFact, Regulation
from .store import Facts

__all__ = [
    "Agent",
    "Claim",
    "Contraindication",
    "DepthCategory",
    "Facts",
    "Layer",
    "NonScar",
    "Phototype",
    "PracticeFact",
    "Procedure",
    "Range",
    "Reference",
    "Regulation",
    "Rule",
    "Scar",
    "collect_fact_problems",
    "default_data_dir",
    "load_facts",
]
