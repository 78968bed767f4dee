"""Grading template questions: each trainee's own variant, stored, kept on regrade, on feedback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from skinlessons.gradebook.feedback_pages import FEEDBACK_DIR, page_name
from skinlessons.logic.variants import realise_quiz
from skinlessons.quiz.loader import load_quiz, load_quiz_files
from skinlessons.quiz.models import Numeric
from skinlessons.quiz.projection import quiz_version
from skinlessons.trainee.recording import AnswerEvent
from skinlessons.trainee.submit import build_submission
from testkit.gradebook import rows, run_grade, write_json
from testkit.release import edit_quiz

FIXTURE = Path(__file__).parents[1] / "files" / "course_templates"
QUIZ_ID = "38_template_final"
QUESTION_ID = "templates-free-acid"


def _course(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    shutil.copytree(FIXTURE, course)
    return course


def _key(course: Path, trainee: str) -> float:
    quiz = load_quiz(course / "quizzes" / f"{QUIZ_ID}.yaml")
    question = realise_quiz(quiz, trainee)[0].question(QUESTION_ID)
    assert isinstance(question, Numeric) and question.key is not None
    return question.key.value


def _document(course: Path, trainee: str, answer: str) -> dict[str, Any]:
    quiz = load_quiz(course / "quizzes" / f"{QUIZ_ID}.yaml")
    version = quiz_version(quiz)
    events = [
        AnswerEvent(1, QUIZ_ID, version, "templates-ph-strength", True, False),
        AnswerEvent(2, QUIZ_ID, version, QUESTION_ID, answer, False),
    ]
    document = build_submission(
        events, load_quiz_files(course), trainee, created_at="2026-11-30T10:00:00Z"
    )
    return document.to_json()


def _grade(course: Path, folder: Path, out: Path) -> None:
    run_grade(folder, out, course=course)


def _by_trainee(out: Path, table: str, column: str) -> dict[str, Any]:
    """``column`` of the template question's row in ``table``, per trainee."""
    sql = (
        f"SELECT s.trainee_id, t.{column} FROM {table} t JOIN submissions s "
        "USING (submission_hash) WHERE t.question_id = ?"
    )
    return dict(rows(out, sql, QUESTION_ID))


def _scores(out: Path) -> dict[str, float]:
    return _by_trainee(out, "item_scores", "score")


def _stored(out: Path) -> dict[str, Any]:
    found = _by_trainee(out, "variants", "parameters")
    return {trainee: json.loads(parameters) for trainee, parameters in found.items()}


def test_each_trainee_is_graded_on_their_own_variant_and_it_is_stored(tmp_path: Path) -> None:
    course = _course(tmp_path)
    folder = tmp_path / "in"
    keys = {trainee: _key(course, trainee) for trainee in ("ana", "ben", "cy")}
    assert len(set(keys.values())) > 1  # the fixture gives these three different variants
    write_json(folder, "ana.json", _document(course, "ana", f"{keys['ana']:.2f}"))
    write_json(folder, "ben.json", _document(course, "ben", f"{keys['ben']:.2f}"))
    other = next(value for value in keys.values() if abs(value - keys["cy"]) > 1)
    write_json(folder, "cy.json", _document(course, "cy", f"{other:.2f}"))  # someone else's key
    out = tmp_path / "out"
    _grade(course, folder, out)
    assert _scores(out) == {"ana": 1.0, "ben": 1.0, "cy": 0.0}
    quiz = load_quiz(course / "quizzes" / f"{QUIZ_ID}.yaml")
    for trainee in ("ana", "ben", "cy"):
        assert _stored(out)[trainee] == realise_quiz(quiz, trainee)[1][QUESTION_ID]


def test_a_regrade_keeps_the_stored_variant_and_recomputes_only_its_key(tmp_path: Path) -> None:
    course = _course(tmp_path)
    folder = tmp_path / "in"
    key = _key(course, "ana")
    write_json(folder, "ana.json", _document(course, "ana", f"{key:.2f}"))
    out = tmp_path / "out"
    _grade(course, folder, out)
    before = _stored(out)["ana"]

    def widen(data: Any) -> None:  # a new parameter space would re-draw everyone
        question = next(q for q in data["questions"] if q["id"] == QUESTION_ID)
        question["template"]["parameters"]["concentration_pct"] = [10, 15, 20, 25, 30, 35]
        question["template"]["tolerance"] = 0.01

    edit_quiz(course, QUIZ_ID, widen)
    _grade(course, folder, out)
    assert _stored(out)["ana"] == before
    exact = abs(float(f"{key:.2f}") - key) <= 0.01
    assert _scores(out)["ana"] == (1.0 if exact else 0.0)  # the new tolerance, the same variant


def test_the_feedback_page_shows_the_trainee_their_own_variant(tmp_path: Path) -> None:
    course = _course(tmp_path)
    folder = tmp_path / "in"
    write_json(folder, "ana.json", _document(course, "ana", "99"))  # wrong: the item is missed
    out = tmp_path / "out"
    _grade(course, folder, out)
    page = (out / FEEDBACK_DIR / page_name("ana")).read_text(encoding="utf-8")
    quiz = load_quiz(course / "quizzes" / f"{QUIZ_ID}.yaml")
    realised = realise_quiz(quiz, "ana")[0].question(QUESTION_ID)
    first_line = realised.stem.splitlines()[0]
    assert first_line.split(" (pKa")[0] in page
    assert "{agent_name}" not in page and "{concentration_pct" not in page


def test_the_item_analysis_reports_the_template_once_and_each_variant_shown(
    tmp_path: Path,
) -> None:
    course = _course(tmp_path)
    folder = tmp_path / "in"
    keys = {trainee: _key(course, trainee) for trainee in ("ana", "ben", "cy")}
    write_json(folder, "ana.json", _document(course, "ana", f"{keys['ana']:.2f}"))
    write_json(folder, "ben.json", _document(course, "ben", f"{keys['ben']:.2f}"))
    write_json(folder, "cy.json", _document(course, "cy", "99"))  # missed
    out = tmp_path / "out"
    _grade(course, folder, out)
    report = (out / "item_analysis.html").read_text(encoding="utf-8")
    assert report.count(f'<th scope="row">{QUESTION_ID}') == 1  # one row for the template
    assert "[agent_name]" in report and "{agent_name}" not in report
    quiz = load_quiz(course / "quizzes" / f"{QUIZ_ID}.yaml")
    table = report.split("computed by free-acid-pct")[1].split("</table>")[0]
    for trainee, expected in (("ana", "100"), ("cy", "0")):
        variant = realise_quiz(quiz, trainee)[1][QUESTION_ID]
        values = ", ".join(
            f"{name} {value:g}" if isinstance(value, float) else f"{name} {value}"
            for name, value in sorted(variant.items())
        )
        row = table.split(f'<th scope="row">{values}</th>')[1].split("</tr>")[0]
        assert f'<td class="num">{expected}</td>' in row
