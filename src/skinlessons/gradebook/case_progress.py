"""The virtual clients in ``formative_progress.csv``: decided, right first time, never counted.

A submission carries the case simulator's steps as a formative part (``cases``, see
:mod:`skinlessons.cases.record`). Its row reads like a self-check's: the cases with a checked
decision, out of the course's cases; the first checked decisions that matched the case's
expected decision (the "score"); and the number of checks. A response that is not a case
answer counts as not decided.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..cases import CasesFile
from ..cases.record import is_right_first_time
from ..submission.format import QuizAnswers


@dataclass(frozen=True)
class CaseCounts:
    """One trainee's work on the cases."""

    decided: int
    total: int
    right_first_time: int
    checks: int


def case_counts(part: QuizAnswers | None, cases: CasesFile) -> CaseCounts:
    """How many of the course's cases this trainee decided, and got right first time."""
    known = {case.id for case in cases.cases}
    records = {cid: r for cid, r in (part.answers if part else {}).items() if cid in known}
    decided = [cid for cid, record in records.items() if record.attempts > 0]
    right = [cid for cid in decided if is_right_first_time(records[cid].first_response, cid, cases)]
    checks = sum(records[cid].attempts for cid in decided)
    return CaseCounts(len(decided), len(cases.cases), len(right), checks)
