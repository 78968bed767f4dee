"""Turn answer-log events into each question's kept answer (pure; no I/O).

The rules (``docs/contracts.md``, "Submission file"):

* **formative** items keep the FIRST checked attempt (``first_response``) and the number of
  checks (``attempts``); ``response`` is the latest answer, shown again in the notebook;
* **summative** items keep the latest answer; ``attempts`` is 1 and ``first_response`` is that
  same latest answer (summative questions are never checked);
* a "Try another" practice variant's changes and checks stay in the log only: they never
  change what is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..quiz.models import QuizKind
from ..quiz.responses import is_blank
from ..submission.format import AnswerRecord
from .recording import AnswerEvent


def keep_answers(
    events: Iterable[AnswerEvent], quiz_id: str, kind: QuizKind
) -> dict[str, AnswerRecord]:
    """Apply the keeping rules to every event of one quiz; keys are question ids."""
    latest: dict[str, AnswerEvent] = {}
    first_check: dict[str, AnswerEvent] = {}
    checks: dict[str, int] = {}
    for event in events:
        if event.quiz_id != quiz_id or event.practice:  # "Try another" practice never counts
            continue
        latest[event.question_id] = event
        if event.is_check:
            checks[event.question_id] = checks.get(event.question_id, 0) + 1
            first_check.setdefault(event.question_id, event)
    kept: dict[str, AnswerRecord] = {}
    for question_id, event in latest.items():
        if kind == "summative":
            kept[question_id] = AnswerRecord(event.response, event.seq, 1, event.response)
        else:
            first = first_check.get(question_id)
            kept[question_id] = AnswerRecord(
                event.response,
                event.seq,
                checks.get(question_id, 0),
                first.response if first is not None else None,
            )
    return kept


def is_answered(answer: AnswerRecord | None, kind: QuizKind) -> bool:
    """True if a kept answer counts as answered in a receipt.

    Summative: the latest answer is not blank. Formative: that, or the item was checked.
    """
    if answer is None:
        return False
    if kind == "formative" and answer.attempts > 0:
        return True
    return not is_blank(answer.response)
