"""The key-free projection, the quiz version and the YAML text of a quiz."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from skinlessons._util.yamlsource import read_yaml
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Quiz
from skinlessons.quiz.projection import key_free, quiz_version, to_yaml
from testkit.strategies import quizzes

BASE: dict[str, Any] = {"stem": "S", "objectives": ["LO1"], "references": ["R1"]}


def final() -> Quiz:
    """A summative quiz whose key values are distinctive strings, easy to search for."""
    return Quiz.model_validate(
        {
            "id": "07_final",
            "title": "Final",
            "lesson": "07_final",
            "kind": "summative",
            "pass_mark_pct": 80,
            "questions": [
                {
                    **BASE,
                    "id": "order-layers",
                    "type": "ordering",
                    "explanation": "Surface first: SECRET-EXPLANATION.",
                    "items": [
                        {"id": "zeta", "text": "Stratum corneum"},
                        {"id": "alpha", "text": "Dermis"},
                        {"id": "mid", "text": "Epidermis below the corneum"},
                    ],
                    "key": ["zeta", "mid", "alpha"],
                },
                {
                    **BASE,
                    "id": "match-scars",
                    "type": "matching",
                    "prompts": [{"id": "ice-pick", "text": "Ice pick"}, {"id": "box", "text": "B"}],
                    "matches": [
                        {"id": "narrow", "text": "Narrow, deep"},
                        {"id": "flat", "text": "Flat base"},
                        {"id": "extra", "text": "Distractor"},
                    ],
                    "key": {"ice-pick": "narrow", "box": "flat"},
                },
                {
                    **BASE,
                    "id": "name-layer",
                    "type": "short_text",
                    "key": ["SECRET-VARIANT-ONE", "SECRET-VARIANT-TWO"],
                },
                {
                    **BASE,
                    "id": "pick-one",
                    "type": "single_choice",
                    "options": [
                        {"id": "yes", "text": "Yes", "feedback": "SECRET-FEEDBACK"},
                        {"id": "no", "text": "No"},
                    ],
                    "key": "no",
                },
                {
                    **BASE,
                    "id": "free-acid",
                    "type": "numeric",
                    "unit": "%",
                    "key": {"value": 91.5, "relative_tolerance": 0.03},
                },
            ],
        }
    )


def test_projection_of_summative_quiz_reveals_nothing():
    """No key, explanation or option feedback survives in the projection's YAML text."""
    text = to_yaml(key_free(final()))
    for secret in ("SECRET", "key:", "91.5", "relative_tolerance", "explanation", "feedback"):
        assert secret not in text
    assert "key_free: true" in text


def test_projection_orders_items_and_matches_by_id_not_by_key():
    """Ordering items and matching matches come sorted by id, so order cannot leak the key."""
    projected = key_free(final())
    order, match = projected.question("order-layers"), projected.question("match-scars")
    assert [item.id for item in order.items] == ["alpha", "mid", "zeta"]  # type: ignore[union-attr]
    assert [m.id for m in match.matches] == ["extra", "flat", "narrow"]  # type: ignore[union-attr]


def test_formative_projection_keeps_explanations():
    """Formative quizzes keep explanations and feedback (they are for self-checking)."""
    quiz = final().model_copy(update={"kind": "formative"})
    projected = key_free(quiz)
    assert projected.key_free
    assert projected.question("order-layers").explanation == "Surface first: SECRET-EXPLANATION."
    assert all(question.key_value() is None for question in projected.questions)


def test_version_ignores_keys_and_explanations():
    """Fixing a key or an explanation keeps the version; the projection shares it."""
    quiz = final()
    data = quiz.model_dump()
    data["questions"][0]["key"] = ["alpha", "mid", "zeta"]
    data["questions"][0]["explanation"] = "Rewritten."
    data["questions"][4]["key"] = {"value": 90.0, "tolerance": 1}
    changed = Quiz.model_validate(data)
    assert quiz_version(changed) == quiz_version(quiz) == quiz_version(key_free(quiz))
    assert len(quiz_version(quiz)) == 16
    int(quiz_version(quiz), 16)


@pytest.mark.parametrize(
    ("question", "field", "value"),
    [
        (0, "stem", "A new stem"),
        (1, "points", 2.0),
        (4, "unit", "mg"),
        (4, "allow", ["fraction"]),
        (2, "id", "renamed"),
    ],
    ids=["stem", "points", "unit", "allow", "id"],
)
def test_version_changes_with_what_trainees_answer(question: int, field: str, value: Any):
    """Changing a stem, points, unit, allowed notation or question id changes the version."""
    data = final().model_dump()
    data["questions"][question][field] = value
    assert quiz_version(Quiz.model_validate(data)) != quiz_version(final())


def test_version_changes_with_option_text():
    """Rewording an option changes the version."""
    data = final().model_dump()
    data["questions"][3]["options"][0]["text"] = "Yes, always"
    assert quiz_version(Quiz.model_validate(data)) != quiz_version(final())


def test_to_yaml_is_deterministic_and_readable():
    """The same quiz gives the same text; questions start with id and type; 1.0 prints as 1."""
    text = to_yaml(final(), header="Generated.\nDo not edit.")
    assert text == to_yaml(final(), header="Generated.\nDo not edit.")
    assert text.startswith("# Generated.\n# Do not edit.\nid: 07_final\n")
    assert "  - id: order-layers\n    type: ordering\n" in text
    assert "points: 1\n" in text


def _reload(text: str, tmp: Path) -> Quiz:
    path = tmp / "05_manual.yaml"
    path.write_text(text, encoding="utf-8")
    return Quiz.model_validate(read_yaml(path).data)


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None
)
@given(quizzes())
def test_yaml_round_trip_gives_an_equal_quiz(tmp_path: Path, quiz: Quiz):
    """load(to_yaml(quiz)) == quiz, for the full quiz and its projection."""
    assert _reload(to_yaml(quiz), tmp_path) == quiz
    projected = key_free(quiz)
    assert _reload(to_yaml(projected), tmp_path) == projected


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None
)
@given(quizzes())
def test_projection_never_carries_a_key(tmp_path: Path, quiz: Quiz):
    """Every projected question loads back without a key, and with the same version."""
    projected = _reload(to_yaml(key_free(quiz)), tmp_path)
    assert all(question.key_value() is None for question in projected.questions)
    assert quiz_version(projected) == quiz_version(quiz)
    if quiz.is_summative:
        assert all(question.explanation is None for question in projected.questions)


def test_projection_file_loads_with_load_quiz(tmp_path: Path):
    """A projection written to its stem loads with the ordinary loader."""
    path = tmp_path / "07_final.yaml"
    path.write_text(to_yaml(key_free(final())), encoding="utf-8")
    assert load_quiz(path) == key_free(final())
