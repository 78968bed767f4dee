"""Computed variants: the template model, the pick, the key from the course logic, and ``check``."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from skinlessons._util.yamlsource import read_yaml
from skinlessons.errors import ContentErrors, QuizFormatError
from skinlessons.facts import load_facts
from skinlessons.logic import chemistry
from skinlessons.logic.template_checks import template_problems
from skinlessons.logic.variants import realise, realise_quiz, trainee_variant, valid_variants
from skinlessons.quiz.course_checks import LoadedQuiz
from skinlessons.quiz.grading import grade
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Numeric
from skinlessons.quiz.projection import key_free, quiz_version
from skinlessons.quiz.templates import ParameterRange
from testkit.release import edit_quiz

COURSE = Path(__file__).parents[1] / "files" / "course_templates"
QUIZ_ID = "38_template_final"
QUESTION_ID = "templates-free-acid"
TRAINEES = [f"trainee{number:03d}" for number in range(200)]


@pytest.fixture(scope="module")
def quiz() -> Any:
    return load_quiz(COURSE / "quizzes" / f"{QUIZ_ID}.yaml")


def _template(quiz: Any) -> Numeric:
    question = quiz.question(QUESTION_ID)
    assert isinstance(question, Numeric)
    return question


def _problems(tmp_path: Path, change: Callable[[Any], None]) -> tuple[list[str], list[str]]:
    course = tmp_path / "course"
    shutil.copytree(COURSE, course)
    edit_quiz(course, QUIZ_ID, change)
    path = course / "quizzes" / f"{QUIZ_ID}.yaml"
    doc = read_yaml(path, error_cls=QuizFormatError)
    loaded = LoadedQuiz(load_quiz(path), doc)
    texts = [problem.format() for problem in template_problems(loaded, load_facts())]
    return texts, path.read_text(encoding="utf-8").splitlines()


def _line(lines: list[str], text: str, occurrence: int = 1) -> int:
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    return found[occurrence - 1]


def _question(data: Any) -> Any:
    return next(q for q in data["questions"] if q["id"] == QUESTION_ID)


# --- the model and the space ----------------------------------------------------------------


def test_a_range_expands_with_its_step_and_no_float_noise() -> None:
    assert ParameterRange(low=3.0, high=4.5, step=0.5).values() == [3.0, 3.5, 4.0, 4.5]
    assert ParameterRange(low=0.1, high=0.3, step=0.1).values() == [0.1, 0.2, 0.3]


def test_the_space_is_every_combination(quiz: Any) -> None:
    template = _template(quiz).template
    assert template is not None
    assert len(template.space()) == 2 * 4 * 3
    assert len(valid_variants(_template(quiz))) == 24


def test_a_pass_count_no_band_covers_is_left_out_of_the_variants() -> None:
    lesson = load_quiz(Path("quizzes") / "04_device_based.yaml")
    question = lesson.question("mda-passes-depth-practice")
    assert isinstance(question, Numeric)
    variants = valid_variants(question)
    assert len(variants) == 10  # two procedures x passes 1-5, every band covered
    keys = {realise(question, variant).key.value for variant in variants}  # type: ignore[union-attr]
    assert keys == {20.0, 100.0}


# --- the pick ---------------------------------------------------------------------------------


def test_the_variant_is_stable_for_the_normalised_trainee_id(quiz: Any) -> None:
    question = _template(quiz)
    first = trainee_variant(question, trainee_id="José", quiz_id=QUIZ_ID)
    assert trainee_variant(question, trainee_id=" José ", quiz_id=QUIZ_ID) == first
    nfd = unicodedata.normalize("NFD", "José")
    assert trainee_variant(question, trainee_id=nfd, quiz_id=QUIZ_ID) == first


def test_trainees_get_many_variants_and_a_re_sit_draws_afresh(quiz: Any) -> None:
    question = _template(quiz)
    seen = [trainee_variant(question, trainee_id=t, quiz_id=QUIZ_ID) for t in TRAINEES]
    assert len({tuple(sorted(v.items())) for v in seen}) == 24
    resits = [trainee_variant(question, trainee_id=t, quiz_id=QUIZ_ID, sitting=2) for t in TRAINEES]
    assert sum(a != b for a, b in zip(seen, resits, strict=True)) > 150


def test_try_another_walks_through_every_variant_before_one_comes_back(quiz: Any) -> None:
    question = _template(quiz)
    walk = [
        tuple(
            sorted(trainee_variant(question, trainee_id="jdoe", quiz_id=QUIZ_ID, attempt=a).items())
        )
        for a in range(25)
    ]
    assert len(set(walk[:24])) == 24
    assert walk[24] == walk[0]


def test_a_stem_fix_keeps_every_variant(quiz: Any) -> None:
    question = _template(quiz)
    fixed = question.model_copy(update={"stem": question.stem.replace("How much", "What")})
    for trainee in TRAINEES[:30]:
        assert trainee_variant(fixed, trainee_id=trainee, quiz_id=QUIZ_ID) == trainee_variant(
            question, trainee_id=trainee, quiz_id=QUIZ_ID
        )


# --- the key and grading ----------------------------------------------------------------------


def test_the_key_is_the_course_logic_and_the_stem_shows_the_variant(quiz: Any) -> None:
    question = _template(quiz)
    variant = {"agent": "lactic", "ph": 4.0, "concentration_pct": 20}
    realised = realise(question, variant)
    assert realised.template is None
    assert "20% Lactic acid product (pKa 3.86) is at pH 4." in realised.stem
    assert realised.key is not None
    assert realised.key.value == pytest.approx(chemistry.free_acid_pct(20, 4.0, 3.86))
    assert realised.key.tolerance == 0.3


def test_a_response_is_graded_against_the_trainees_own_variant(quiz: Any) -> None:
    realised, variants = realise_quiz(quiz, "jdoe")
    question = realised.question(QUESTION_ID)
    assert isinstance(question, Numeric) and question.key is not None
    right = f"{question.key.value:.1f}"
    assert grade(question, right).is_correct
    assert not grade(question, f"{question.key.value + 1:.1f}").is_correct
    other = next(
        t
        for t in TRAINEES
        if trainee_variant(_template(quiz), trainee_id=t, quiz_id=QUIZ_ID) != variants[QUESTION_ID]
    )
    others = realise_quiz(quiz, other)[0].question(QUESTION_ID)
    assert isinstance(others, Numeric) and others.key is not None
    assert others.key.value != question.key.value


def test_the_key_free_copy_keeps_the_template_but_not_its_key_rule(quiz: Any) -> None:
    projected = key_free(quiz)
    template = _template(projected).template
    assert template is not None and not template.has_key_rule
    assert template.parameters == _template(quiz).template.parameters  # type: ignore[union-attr]
    assert quiz_version(projected) == quiz_version(quiz)
    realised, _ = realise_quiz(projected, "jdoe")
    question = realised.question(QUESTION_ID)
    assert isinstance(question, Numeric) and question.key is None
    assert "{" not in question.stem


def test_a_template_with_a_key_too_is_refused(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(COURSE, course)
    edit_quiz(course, QUIZ_ID, lambda d: _question(d).update(key={"value": 3, "tolerance": 1}))
    with pytest.raises(ContentErrors, match="has a template and a 'key:'"):
        load_quiz(course / "quizzes" / f"{QUIZ_ID}.yaml")


def test_a_template_without_a_tolerance_says_where_to_add_it(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(COURSE, course)
    edit_quiz(course, QUIZ_ID, lambda d: _question(d)["template"].pop("tolerance"))
    with pytest.raises(ContentErrors, match=r"'tolerance:' .* under 'template:'"):
        load_quiz(course / "quizzes" / f"{QUIZ_ID}.yaml")


# --- check ------------------------------------------------------------------------------------


def test_the_fixture_and_the_lesson_templates_are_sound(tmp_path: Path) -> None:
    texts, _lines = _problems(tmp_path, lambda data: None)
    assert texts == []
    for lesson in ("03_chemical", "04_device_based"):
        path = Path("quizzes") / f"{lesson}.yaml"
        loaded = LoadedQuiz(load_quiz(path), read_yaml(path, error_cls=QuizFormatError))
        assert template_problems(loaded, load_facts()) == []


def test_check_names_an_unknown_generator_with_its_line(tmp_path: Path) -> None:
    texts, lines = _problems(
        tmp_path, lambda d: _question(d)["template"].update(generator="free-acid-guess")
    )
    assert len(texts) == 1
    assert f"38_template_final.yaml:{_line(lines, 'generator: free-acid-guess')}:" in texts[0]
    assert "not in the registry" in texts[0] and "free-acid-pct" in texts[0]


def test_check_names_a_value_outside_the_parameter_domain(tmp_path: Path) -> None:
    def change(data: Any) -> None:
        _question(data)["template"]["parameters"]["agent"] = ["glycolic", "vinegar"]

    texts, lines = _problems(tmp_path, change)
    assert len(texts) == 1
    assert "'vinegar' is not one of" in texts[0]
    assert f"38_template_final.yaml:{_line(lines, '- vinegar')}:" in texts[0]


def test_check_names_a_range_outside_the_domain_and_a_missing_parameter(tmp_path: Path) -> None:
    def change(data: Any) -> None:
        parameters = _question(data)["template"]["parameters"]
        parameters["concentration_pct"] = {"low": 50, "high": 90, "step": 10}
        del parameters["agent"]

    texts, _lines = _problems(tmp_path, change)
    assert any("gives no values for 'agent'" in text for text in texts)
    assert any("80 is not a number from 1 to 70" in text for text in texts)


def test_check_names_a_stem_value_the_generator_does_not_give(tmp_path: Path) -> None:
    def change(data: Any) -> None:
        _question(data)["stem"] = "A {strength}% {agent_name} product at pH {ph:g}: free acid?"

    texts, lines = _problems(tmp_path, change)
    assert len(texts) == 1
    assert "names strength, which the generator does not give" in texts[0]
    assert f"38_template_final.yaml:{_line(lines, 'stem:', occurrence=2)}:" in texts[0]


def test_check_names_a_variant_whose_stem_cannot_be_rendered(tmp_path: Path) -> None:
    def change(data: Any) -> None:
        _question(data)["stem"] = "A {agent_name:.1f} product at pH {ph:g}: free acid?"

    texts, _lines = _problems(tmp_path, change)
    assert len(texts) == 1 and "cannot be computed" in texts[0]
