"""The course's final holds a template inside a pool: drawn per trainee, graded on its variant."""

from __future__ import annotations

from pathlib import Path

from skinlessons.logic.variants import shown_quiz
from skinlessons.quiz.draw import drawn_ids
from skinlessons.quiz.loader import load_quiz, load_quiz_files
from skinlessons.quiz.models import Numeric
from skinlessons.quiz.projection import quiz_version
from skinlessons.trainee.recording import AnswerEvent
from skinlessons.trainee.submit import build_submission
from testkit.gradebook import rows, run_grade, write_json
from testkit.release import FINAL, ROOT

TEMPLATE = "final-free-acid-share-computed"


def _drawers(count: int) -> list[str]:
    """The first ``count`` trainee ids whose draw of the final includes the template."""
    final = load_quiz(ROOT / "quizzes" / f"{FINAL}.yaml")
    found = [f"t{n:03d}" for n in range(400) if TEMPLATE in drawn_ids(final, f"t{n:03d}")]
    assert len(found) >= count  # the template is one of its pool's four: about 1 in 4 draw it
    return found[:count]


def test_the_template_is_a_pool_member_and_never_shown_unrealised() -> None:
    final = load_quiz(ROOT / "quizzes" / f"{FINAL}.yaml")
    (pool,) = [pool for pool in final.pools if TEMPLATE in pool.questions]
    assert pool.draw == 1 and len(pool.questions) >= 3
    for trainee in _drawers(5):
        question = shown_quiz(final, trainee).question(TEMPLATE)
        assert isinstance(question, Numeric) and question.template is None
        assert question.key is not None and "{" not in question.stem


def test_a_trainee_who_draws_the_template_is_graded_on_their_own_variant(tmp_path: Path) -> None:
    quizzes = load_quiz_files(ROOT)
    final = next(quiz for quiz in quizzes if quiz.id == FINAL)
    keys = {}
    for trainee in _drawers(6):
        question = shown_quiz(final, trainee).question(TEMPLATE)
        assert isinstance(question, Numeric) and question.key is not None
        keys[trainee] = question.key.value
    right, wrong = sorted(keys)[:2]
    elsewhere = next(value for value in keys.values() if abs(value - keys[wrong]) > 4)
    folder = tmp_path / "in"
    for trainee, answer in ((right, keys[right]), (wrong, elsewhere)):  # wrong: another's key
        events = [AnswerEvent(1, FINAL, quiz_version(final), TEMPLATE, f"{answer:.1f}", False)]
        document = build_submission(events, quizzes, trainee, created_at="2026-12-07T10:00:00Z")
        write_json(folder, f"{trainee}.json", document.to_json())
    out = tmp_path / "out"
    run_grade(folder, out, course=ROOT)
    scores = dict(
        rows(
            out,
            "SELECT s.trainee_id, t.score FROM item_scores t JOIN submissions s "
            "USING (submission_hash) WHERE t.question_id = ?",
            TEMPLATE,
        )
    )
    assert scores == {right: 1.0, wrong: 0.0}
