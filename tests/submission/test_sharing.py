"""One copy of each repeated response in a cohort: parsed, or unpickled from a worker process."""

from __future__ import annotations

import json
import pickle
import sys
from typing import Any

from skinlessons.gradebook.records import Submission
from skinlessons.submission.format import SubmissionDocument
from skinlessons.submission.parse import parse

QUIZ = "08_final_assessment"


def _document(trainee_id: str) -> dict[str, Any]:
    answers = {
        "q-choices": {"response": ["x", "y"], "seq": 1, "attempts": 1,
                      "first_response": ["x", "y"]},
        "q-match": {"response": {"a": "1", "b": "2"}, "seq": 2, "attempts": 1,
                    "first_response": {"a": "1", "b": "2"}},
        "q-nested": {"response": [["x"], "y"], "seq": 3, "attempts": 1, "first_response": None},
    }  # fmt: skip
    return {
        "format": "skinlessons-submission",
        "format_version": 2,
        "trainee_id": trainee_id,
        "created_at": "2026-11-30T12:00:00Z",
        "package_version": "0.1.0",
        "last_seq": 3,
        "quizzes": {
            QUIZ: {"quiz_version": "v1", "kind": "summative", "shown": ["q-choices"],
                   "sitting": 1, "answers": answers},
        },
    }  # fmt: skip


def _parsed(trainee_id: str) -> SubmissionDocument:
    document = json.loads(json.dumps(_document(trainee_id)))  # fresh objects, as from a file
    parsed = parse(document)
    assert isinstance(parsed, SubmissionDocument)
    return parsed


def test_equal_responses_of_two_trainees_are_one_object() -> None:
    ana, ben = _parsed("ana").quizzes[QUIZ], _parsed("ben").quizzes[QUIZ]
    for qid in ("q-choices", "q-match"):
        assert ana.answers[qid].response is ben.answers[qid].response
        assert ana.answers[qid].first_response is ana.answers[qid].response
    assert ana.shown is ben.shown
    nested = ana.answers["q-nested"].response
    assert nested == [["x"], "y"] and nested is not ben.answers["q-nested"].response


def test_a_submission_from_a_worker_shares_with_those_parsed_here() -> None:
    parsed = _parsed("ana")
    submission = Submission("hash", "ana", 3, "", "0.1.0", parsed.quizzes, "ana.json", ["a note"])
    back = pickle.loads(pickle.dumps(submission))
    assert back == submission
    quiz, here = back.quizzes[QUIZ], _parsed("ben").quizzes[QUIZ]
    assert quiz.answers["q-choices"].response is here.answers["q-choices"].response
    assert next(iter(back.quizzes)) is sys.intern(QUIZ) and quiz.quiz_id is sys.intern(QUIZ)
    assert [qid for qid in quiz.answers] == ["q-choices", "q-match", "q-nested"]
