"""What a trainee's work on one case looks like in the answer log and the submission file.

The simulator logs each step as a formative answer under the quiz id :data:`CASES_ID`, one
question id per case: the intake questions asked, whether the skin check was read, the
decision and its details. A "Check my decision" is a check, so the answer log's keeping rules
(the latest answer, the first checked one, the number of checks) apply as to a self-check.
The grader reports the cases in ``formative_progress.csv`` and never counts them. Reading is
lenient: anything that is not a case answer reads as None (not decided), never an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol

from .._util.hashing import canonical_hash
from .models import DECISION_WORDS, CasesFile

CASES_ID: Final = "cases"
"""The quiz id case answers are logged and submitted under (formative, never counted)."""
MAX_DETAILS: Final = 2000
"""Characters of the details text kept (a note to a doctor, not an essay)."""


@dataclass(frozen=True)
class CaseAnswer:
    """One trainee's steps on one case."""

    asked: tuple[str, ...] = ()
    skin_check: bool = False
    decision: str | None = None
    details: str = ""

    def to_json(self) -> dict[str, Any]:
        """The response stored in the answer log and the submission."""
        return {
            "asked": list(self.asked),
            "skin_check": self.skin_check,
            "decision": self.decision,
            "details": self.details[:MAX_DETAILS],
        }


@dataclass(frozen=True)
class KeptCase:
    """A case as the log keeps it: the latest answer and how often the decision was checked."""

    answer: CaseAnswer
    checks: int


class CaseRecorder(Protocol):
    """Where the simulator logs a trainee's steps (the trainee's answer log, or nowhere)."""

    def record(self, case_id: str, answer: CaseAnswer, *, is_check: bool) -> None:
        """Log one step on ``case_id`` (``is_check``: the decision was checked)."""
        ...

    def kept(self) -> Mapping[str, KeptCase]:
        """Every case the log holds work on, by case id."""
        ...


def read_answer(value: object, cases: CasesFile) -> CaseAnswer | None:
    """The case answer in ``value`` (a stored response), or None when it is not one.

    Question ids the cases file does not have and a decision it does not know are dropped.
    """
    if not isinstance(value, dict):
        return None
    known = {question.id for question in cases.questions}
    asked = value.get("asked", [])
    decision = value.get("decision")
    details = value.get("details", "")
    return CaseAnswer(
        asked=tuple(q for q in asked if isinstance(q, str) and q in known)
        if isinstance(asked, list)
        else (),
        skin_check=value.get("skin_check") is True,
        decision=decision if isinstance(decision, str) and decision in DECISION_WORDS else None,
        details=details[:MAX_DETAILS] if isinstance(details, str) else "",
    )


def cases_version(cases: CasesFile) -> str:
    """The version of the case set, logged with every answer (as a quiz version is)."""
    return canonical_hash(cases.model_dump(mode="json"))


def is_right_first_time(first: object, case_id: str, cases: CasesFile) -> bool:
    """True if the first checked decision on ``case_id`` is the case's expected decision."""
    answer = read_answer(first, cases)
    case = next((case for case in cases.cases if case.id == case_id), None)
    return answer is not None and case is not None and answer.decision == case.expected.decision
