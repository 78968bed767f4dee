"""Question pools: the draw (stable, per trainee, quiz, pool and sitting) and the design checks."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from skinlessons.errors import ContentError, ContentErrors
from skinlessons.quiz.draw import draw_max_points, drawn_ids, drawn_quiz, must_pass_per_draw
from skinlessons.quiz.loader import collect_course_problems, load_quiz
from testkit.release import edit_quiz

COURSE = Path(__file__).parents[1] / "files" / "course_pools"
QUIZ_ID = "39_pooled_final"
QUIZ_FILE = COURSE / "quizzes" / f"{QUIZ_ID}.yaml"
ALWAYS = "pools-ph-strength"
ACIDS = ("pools-salicylic-aha", "pools-glycolic-aha", "pools-mandelic-size")
DEFER = ("pools-herpes-defer", "pools-isotretinoin-wait", "pools-pregnancy-salicylic")
REFERENCES = {"R1": type("Ref", (), {"kind": "peer-reviewed", "verified": True})()}
TRAINEES = [f"trainee{number:03d}" for number in range(300)]


@pytest.fixture(scope="module")
def quiz() -> Any:
    return load_quiz(QUIZ_FILE)


def _course(tmp_path: Path, change: Callable[[Any], None] | None = None) -> Path:
    course = tmp_path / "course"
    shutil.copytree(COURSE, course)
    if change is not None:
        edit_quiz(course, QUIZ_ID, change)
    return course


def _pool_problems(course: Path) -> list[ContentError]:
    problems, _counts = collect_course_problems(course, references=REFERENCES)
    return [p for p in problems if "pool '" in p.message or "draws of" in p.message]


def _line_of(course: Path, text: str, occurrence: int = 1) -> int:
    lines = (course / "quizzes" / f"{QUIZ_ID}.yaml").read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    return found[occurrence - 1]


# --- the draw -------------------------------------------------------------------------------


def test_a_draw_shows_the_unpooled_question_and_one_of_each_pool_in_file_order(quiz: Any) -> None:
    ids = drawn_ids(quiz, "jdoe")
    assert ids[0] == ALWAYS
    assert len(ids) == 3
    assert sum(qid in ACIDS for qid in ids) == 1 and sum(qid in DEFER for qid in ids) == 1
    order = [question.id for question in quiz.questions]
    assert ids == sorted(ids, key=order.index)


def test_the_draw_is_the_same_every_time_and_for_the_normalised_id(quiz: Any) -> None:
    first = drawn_ids(quiz, "José")
    assert drawn_ids(quiz, "José") == first
    assert drawn_ids(quiz, "  José ") == first
    assert drawn_ids(quiz, unicodedata.normalize("NFD", "José")) == first


def test_every_question_of_a_pool_is_drawn_for_someone(quiz: Any) -> None:
    seen = {qid for trainee in TRAINEES for qid in drawn_ids(quiz, trainee)}
    assert seen == {question.id for question in quiz.questions}


def test_trainees_get_different_finals(quiz: Any) -> None:
    finals = {tuple(drawn_ids(quiz, trainee)) for trainee in TRAINEES}
    assert len(finals) == 9  # 3 x 3 ways to fill the two slots


def test_a_resit_draws_afresh_for_some_trainees(quiz: Any) -> None:
    changed = [t for t in TRAINEES if drawn_ids(quiz, t, 2) != drawn_ids(quiz, t, 1)]
    assert len(changed) > len(TRAINEES) // 2
    assert drawn_ids(quiz, "jdoe", 2) == drawn_ids(quiz, "jdoe", 2)


def test_fixing_a_stem_or_reordering_the_file_redraws_nobody(quiz: Any) -> None:
    before = {trainee: set(drawn_ids(quiz, trainee)) for trainee in TRAINEES}
    questions = list(reversed(quiz.questions))
    questions[0] = questions[0].model_copy(update={"stem": questions[0].stem + " (fixed)"})
    pools = [
        pool.model_copy(update={"questions": list(reversed(pool.questions))})
        for pool in reversed(quiz.pools)
    ]
    edited = quiz.model_copy(update={"questions": questions, "pools": pools})
    assert {trainee: set(drawn_ids(edited, trainee)) for trainee in TRAINEES} == before


def test_another_quiz_id_draws_independently(quiz: Any) -> None:
    other = quiz.model_copy(update={"id": "40_pooled_final"})
    differ = [t for t in TRAINEES if drawn_ids(other, t) != drawn_ids(quiz, t)]
    assert differ


def test_drawn_quiz_holds_the_drawn_questions_and_no_pools(quiz: Any) -> None:
    drawn = drawn_quiz(quiz, "jdoe")
    assert [question.id for question in drawn.questions] == drawn_ids(quiz, "jdoe")
    assert drawn.pools == []
    assert draw_max_points(quiz) == 3
    assert must_pass_per_draw(quiz) == 1


def test_a_quiz_without_pools_shows_every_question(quiz: Any) -> None:
    plain = quiz.model_copy(update={"pools": []})
    assert drawn_ids(plain, "jdoe", 3) == [question.id for question in quiz.questions]
    assert drawn_quiz(plain, "jdoe") is plain
    assert draw_max_points(plain) == 7
    assert must_pass_per_draw(plain) == 3


# --- the design checks ------------------------------------------------------------------------


def test_the_fixture_design_has_no_pool_problem(tmp_path: Path) -> None:
    assert _pool_problems(_course(tmp_path)) == []


def _set_draw(data: Any) -> None:
    data["pools"][0]["draw"] = 4


def _mixed_points(data: Any) -> None:
    data["questions"][1]["points"] = 2


def _mixed_must_pass(data: Any) -> None:
    data["questions"][4]["must_pass"] = False
    data["questions"][4]["objectives"] = ["L39.2"]


def _near_duplicate(data: Any) -> None:
    data["questions"][3]["stem"] = "Salicylic acid is an alpha hydroxy acid!"


def _coverage_gap(data: Any) -> None:
    # the defer slot now holds one question on L39.1, so a draw may assess no L39.2 question
    data["questions"][5]["objectives"] = ["L39.1"]
    data["questions"][5]["must_pass"] = False
    data["questions"][6]["must_pass"] = False
    data["questions"][4]["must_pass"] = False


CHECKS = [
    (_set_draw, "pool 'slot-acids' draws 4 of 3 question(s)", ("draw: 4", 1)),
    (_mixed_points, "pool 'slot-acids' mixes questions worth 1, 2 points", ("- id: slot-acids", 1)),
    (
        _mixed_must_pass,
        "pool 'slot-defer' holds 2 must-pass question(s) of 3",
        ("- id: slot-defer", 1),
    ),
    (
        _near_duplicate,
        "questions 'pools-salicylic-aha' and 'pools-mandelic-size' of pool 'slot-acids' have "
        "near-identical stems",
        ("questions: [pools-salicylic-aha", 1),
    ),
    (
        _coverage_gap,
        "some draws of '39_pooled_final' assess no question on objective LO2",
        ("pools:", 1),
    ),
]


@pytest.mark.parametrize(("change", "message", "near"), CHECKS, ids=[c[0].__name__ for c in CHECKS])
def test_check_reports_each_broken_pool_rule_with_its_line(
    tmp_path: Path, change: Callable[[Any], None], message: str, near: tuple[str, int]
) -> None:
    course = _course(tmp_path, change)
    problems = _pool_problems(course)
    assert [p.message[: len(message)] for p in problems] == [message]
    problem = problems[0]
    assert problem.path is not None and problem.path.name == f"{QUIZ_ID}.yaml"
    assert problem.hint
    # the line is the pool's entry (its 'draw:' or 'questions:'), a line or two after its id
    anchor = _line_of(course, *near)
    assert problem.line is not None and anchor <= problem.line <= anchor + 2


def _unknown_id(data: Any) -> None:
    data["pools"][0]["questions"].append("pools-missing")


def _twice(data: Any) -> None:
    data["pools"][1]["questions"].append("pools-glycolic-aha")


def _formative(data: Any) -> None:
    data["kind"] = "formative"


MODEL_RULES = [
    (_unknown_id, "pool 'slot-acids' names 'pools-missing', which is not a question"),
    (_twice, "question 'pools-glycolic-aha' is in pool 'slot-acids' and again in pool"),
    (_formative, "pools are for the summative final"),
]


@pytest.mark.parametrize(
    ("change", "message"), MODEL_RULES, ids=[r[0].__name__ for r in MODEL_RULES]
)
def test_a_pool_naming_a_wrong_question_is_a_file_error_with_its_line(
    tmp_path: Path, change: Callable[[Any], None], message: str
) -> None:
    course = _course(tmp_path, change)
    with pytest.raises(ContentErrors) as caught:
        load_quiz(course / "quizzes" / f"{QUIZ_ID}.yaml")
    found = [p for p in caught.value.problems if message in p.message]
    assert len(found) == 1
    assert found[0].line is not None and found[0].line >= _line_of(course, "pools:")


def test_must_pass_count_of_a_pooled_final_is_counted_per_draw(tmp_path: Path) -> None:
    problems, _counts = collect_course_problems(_course(tmp_path), references=REFERENCES)
    counts = [p.message for p in problems if "fewer than 5" in p.message]
    assert counts == [
        "summative quiz '39_pooled_final' has 1 must-pass question(s) in each draw, fewer than 5"
    ]
