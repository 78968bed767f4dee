"""The case simulator's steps in the trainee's answer log: logged, kept, restored, submitted.

Lesson 07 calls ``quiz.case_simulator()``; it builds the simulator of
:mod:`skinlessons.widgets.case_simulator` with a :class:`CaseLog` on the trainee's answer log,
so every step is logged like a self-check answer under the quiz id
:data:`~skinlessons.cases.record.CASES_ID` and comes back when the notebook is reopened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..cases import CasesFile, load_cases
from ..cases.record import CASES_ID, CaseAnswer, KeptCase, cases_version, read_answer
from ..course import cases_file, find_course_root
from ..submission.format import AnswerRecord, QuizAnswers
from . import strings
from .answers import keep_answers
from .recording import AnswerEvent, AnswerRecorder, open_recorder

if TYPE_CHECKING:
    from ..widgets.case_simulator import CaseSimulator


def cases_part(events: Sequence[AnswerEvent], cases: CasesFile | None) -> list[QuizAnswers]:
    """The submission's entry for the cases (formative), or none for a course without cases."""
    if cases is None:
        return []
    kept = kept_cases(events, cases)
    return [QuizAnswers(CASES_ID, cases_version(cases), "formative", kept)]


def cases_receipt_line(parts: Sequence[QuizAnswers], cases: CasesFile | None) -> str | None:
    """The receipt's line on the cases (``parts``: from :func:`cases_part`): how many clients
    have a checked decision."""
    if cases is None:
        return None
    decided = sum(1 for part in parts for record in part.answers.values() if record.attempts)
    return strings.RECEIPT_CASES.format(decided=decided, total=len(cases.cases))


def kept_cases(events: Sequence[AnswerEvent], cases: CasesFile) -> dict[str, AnswerRecord]:
    """The case answers the log keeps (the formative keeping rules), for cases of ``cases``."""
    known = {case.id for case in cases.cases}
    kept = keep_answers(events, CASES_ID, "formative")
    return {case_id: record for case_id, record in kept.items() if case_id in known}


class CaseLog:
    """A :class:`~skinlessons.cases.record.CaseRecorder` on the trainee's answer log."""

    def __init__(self, recorder: AnswerRecorder, cases: CasesFile) -> None:
        self.recorder = recorder
        self.cases = cases
        self.version = cases_version(cases)

    def record(self, case_id: str, answer: CaseAnswer, *, is_check: bool) -> None:
        """Append one step on ``case_id`` to the answer log."""
        self.recorder.record(CASES_ID, self.version, case_id, answer.to_json(), is_check=is_check)

    def kept(self) -> Mapping[str, KeptCase]:
        """The latest steps on each case, with the number of checked decisions."""
        found: dict[str, KeptCase] = {}
        for case_id, record in kept_cases(self.recorder.events(), self.cases).items():
            answer = read_answer(record.response, self.cases)
            if answer is not None:
                found[case_id] = KeptCase(answer, record.attempts)
        return found


def case_simulator(*, course: Path | str | None = None) -> CaseSimulator:
    """The case simulator of the course, with the trainee's steps logged and restored."""
    from ..widgets.case_simulator import CaseSimulator

    cases = load_cases(cases_file(find_course_root(course)))  # a missing file: an error
    return CaseSimulator(cases, log=CaseLog(open_recorder(), cases))
