"""LO7 asks the trainee to *document* a referral: a question assesses exactly that.

``06_choosing_safely/referral-record`` (lesson objective L06.3, which serves LO7) asks what
belongs in the record of a referral; its key is the course's record rule as lesson 06 teaches
it (why and what was seen, to whom, what the client was told and that she was not treated), and
its distractors are the two things outside a practitioner's scope (a diagnosis, a medicine).
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from skinlessons.quiz.grading import grade
from skinlessons.quiz.loader import load_course_quizzes
from skinlessons.quiz.models import MultipleAnswers

ROOT = Path(__file__).resolve().parents[2]


def test_lo7_documenting_a_referral_is_assessed() -> None:
    objectives = YAML(typ="safe").load((ROOT / "quizzes" / "objectives.yaml").read_text("utf-8"))
    serving_lo7 = {
        lesson_objective["id"]
        for lesson in objectives["lessons"]
        for lesson_objective in lesson["objectives"]
        if "LO7" in lesson_objective.get("course", [])
    }
    lo7 = next(o for o in objectives["course"] if o["id"] == "LO7")
    assert "document the referral" in " ".join(lo7["text"].split())
    quiz = load_course_quizzes(ROOT).quizzes["06_choosing_safely"]
    question = next(q for q in quiz.questions if q.id == "referral-record")
    assert isinstance(question, MultipleAnswers)
    assert set(question.objectives) & serving_lo7
    assert set(question.key or ()) == {"why-and-seen", "to-whom", "told-and-untreated"}
    assert grade(question, list(question.key or ())).is_correct
    assert not grade(question, [*(question.key or ()), "own-diagnosis"]).is_correct
    notebook = (ROOT / "notebooks" / "06_choosing_safely.ipynb").read_text("utf-8")
    assert "you refer, record why, to whom, what you told the client" in notebook
