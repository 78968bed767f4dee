"""Any JSON value in any field of a real submission: intake, grading, storing, reading back and
describing it end as a graded submission or a rejection with a reason, never an exception."""

from __future__ import annotations

import copy
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skinlessons.gradebook._describe import describe_response
from skinlessons.gradebook._storable import StoreRefused
from skinlessons.gradebook.intake import read_submission
from skinlessons.gradebook.records import Rejected, Submission
from skinlessons.gradebook.regrade import Grader
from skinlessons.gradebook.store import open_gradebook
from skinlessons.quiz.loader import load_quiz_files
from testkit.gradebook import REAL_COURSE, first_of_each_type, submit_real

QUIZZES = {quiz.id: quiz for quiz in load_quiz_files(REAL_COURSE)}
TYPES = first_of_each_type()
_COUNTER = itertools.count()

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**64),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["", " ", "a", "true", "1e999", "9" * 400, "=1+1"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
"""Any JSON value: huge and negative numbers, NaN, nesting a few levels deep."""


def _places() -> list[tuple[str, ...]]:
    """Where a value can go: each top-level field, each field of a quiz entry and an answer."""
    top = [(name,) for name in ("format_version", "trainee_id", "created_at", "package_version",
                                "last_seq", "quizzes", "extra")]  # fmt: skip
    places: list[tuple[str, ...]] = list(top)
    for quiz_id, question in TYPES.values():
        places += [("quizzes", quiz_id, field) for field in ("quiz_version", "kind", "answers")]
        places.append(("quizzes", quiz_id, "answers", question.id))
        places += [("quizzes", quiz_id, "answers", question.id, field)
                   for field in ("response", "seq", "attempts", "first_response")]  # fmt: skip
    return places


PLACES = _places()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    made = tmp_path_factory.mktemp("trainee")
    path = submit_real(made / "data", "fuzz.trainee", made / "submission.json")
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _put(document: dict[str, Any], place: tuple[str, ...], value: object) -> None:
    target: Any = document
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value


def _through_the_gradebook(submission: Submission, folder: Path) -> None:
    """Grade, store, read back, regrade and describe: each step must accept the submission."""
    grader = Grader(QUIZZES)
    graded = grader.grade_submission(submission)
    book = open_gradebook(folder)
    try:
        try:
            book.add(submission, graded)
        except StoreRefused as refused:
            assert str(refused)
            return
        (stored,) = book.load_submissions()
        assert book.replace_scores({stored.content_hash: grader.grade_submission(stored)}) == {}
    finally:
        book.close()
    for quiz_id, answers in stored.quizzes.items():
        quiz = QUIZZES.get(quiz_id)
        questions = {question.id: question for question in quiz.questions} if quiz else {}
        for question_id, answer in answers.answers.items():
            if question_id in questions:
                assert describe_response(questions[question_id], answer.response)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.lists(st.tuples(st.sampled_from(PLACES), json_values), min_size=1, max_size=3))
def test_any_json_anywhere_is_graded_or_rejected_with_a_reason(
    base: dict[str, Any], work: Path, changes: list[tuple[tuple[str, ...], object]]
) -> None:
    """Up to three fields replaced by generated JSON: a Submission that goes through grading and
    the gradebook, or a Rejected with a reason; never an exception."""
    document = copy.deepcopy(base)
    for place, value in changes:
        try:
            _put(document, place, value)
        except (KeyError, TypeError, IndexError):
            continue  # an earlier change replaced the container this place was in
    folder = work / str(next(_COUNTER))
    folder.mkdir()
    path = folder / "submission.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = read_submission(path, folder)
    if isinstance(result, Rejected):
        assert result.reason and result.source == "submission.json"
        assert len(result.reason) < 1_000
        return
    assert isinstance(result, Submission)
    _through_the_gradebook(result, folder)
