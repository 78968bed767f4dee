"""Each concern keeps one table keyed by question type, and every table covers every type."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from skinlessons.gradebook import _describe
from skinlessons.handouts import quiz_check, quiz_html
from skinlessons.quiz import grading, responses, shuffle
from skinlessons.quiz.questions import AnyQuestion
from skinlessons.trainee import controls, session

TABLES: dict[str, dict[type[Any], Any]] = {
    "grading": grading._GRADERS,
    "grading feedback for a misfit": grading._MISFIT_FEEDBACK,
    "fitting": responses._FITS,
    "fitting, in words": responses.TYPE_WORDS,
    "shuffled ids": shuffle._SHUFFLED,
    "describing an answer": _describe._DESCRIBE,
    "live controls": controls._CONTROLS,
    "handout key in words": quiz_html._KEY_TEXT,
    "handout parts of a question": quiz_html._PARTS,
    "handout check data": quiz_check._CHECK_DATA,
    "restoring a logged answer": session._RESTORABLE,
}


@pytest.mark.parametrize("concern", TABLES)
def test_every_question_type_has_one_entry(concern: str) -> None:
    """Adding a question type without its entry here fails this test, naming the concern."""
    assert set(TABLES[concern]) == set(get_args(AnyQuestion))
