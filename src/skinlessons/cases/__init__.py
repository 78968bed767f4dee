"""The virtual clients of lesson 07 (``quizzes/cases.yaml``): their model and loader.

Each case is a client who arrives for a treatment: intake answers, a skin check, the requested
procedure and the expected decision with its reasons. Cases are formative only. ``check``
runs the course's suitability rules on every case's facts (``skinlessons.logic.cases``), so a
case and the rules can never disagree.
"""

from __future__ import annotations

from .loader import course_cases, load_cases, read_cases
from .models import DECISION_WORDS, Case, CasesFile, Decision, IntakeQuestion

__all__ = [
    "DECISION_WORDS",
    "Case",
    "CasesFile",
    "Decision",
    "IntakeQuestion",
    "course_cases",
    "load_cases",
    "read_cases",
]
