"""Template questions in the static handouts: precomputed variants and "Try another"."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from skinlessons.handouts.quiz_check import check_data
from skinlessons.handouts.quiz_html import render_quiz_html
from skinlessons.logic.variants import FIXED_COUNT, fixed_variants, realise
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Numeric

LESSON = load_quiz(Path("quizzes") / "03_chemical.yaml")
FINAL = load_quiz(
    Path(__file__).parents[1] / "files" / "course_templates" / "quizzes" / "38_template_final.yaml"
)
TEMPLATE_ID = "free-acid-share-practice"


def _template(quiz: Any, question_id: str) -> Numeric:
    question = quiz.question(question_id)
    assert isinstance(question, Numeric)
    return question


def _scripts(page: str, kind: str) -> list[Any]:
    found = re.findall(rf'<script type="application/json" class="{kind}">(.*?)</script>', page)
    return [json.loads(text.replace("<\\/", "</")) for text in found]


def _question_block(page: str, question_id: str) -> str:
    start = page.index(f'id="q-{LESSON.id}-{question_id}"')
    end = page.find('<div class="quiz-question"', start + 1)
    return page[start : end if end > 0 else len(page)]


def test_the_self_check_holds_every_fixed_variant_with_the_graders_check_data() -> None:
    block = _question_block(render_quiz_html(LESSON, "trainee"), TEMPLATE_ID)
    [variants] = _scripts(block, "quiz-variants")
    question = _template(LESSON, TEMPLATE_ID)
    expected = [realise(question, v) for v in fixed_variants(question)]
    assert len(variants) == FIXED_COUNT
    assert [v["check"] for v in variants] == [check_data(e) for e in expected]
    assert _scripts(block, "quiz-check-data") == [check_data(expected[0])]
    assert "{agent_name}" not in block and "{pka" not in block


def test_try_another_is_a_real_labelled_button_only_on_template_questions() -> None:
    page = render_quiz_html(LESSON, "trainee")
    buttons = re.findall(r'<button type="button" class="quiz-another"[^>]*>(.*?)</button>', page)
    assert len(buttons) == 1
    assert buttons[0].startswith("Try another")
    assert "quiz-another" in _question_block(page, TEMPLATE_ID)


def test_the_script_only_swaps_precomputed_versions_and_reads_its_words_from_the_page() -> None:
    script = Path("src/skinlessons/handouts/templates/handout/static/quiz.js").read_text(
        encoding="utf-8"
    )
    body = script[script.index("function another") : script.index("document.addEventListener")]
    assert "variants[next].check" in body and "hints.another" in body
    assert "Version" not in body  # the wording is the page's (quiz_check.HINTS)


def test_the_instructor_copy_shows_the_sample_variant_its_key_and_the_ranges() -> None:
    page = html.unescape(render_quiz_html(LESSON, "instructor"))
    question = _template(LESSON, TEMPLATE_ID)
    sample = realise(question, fixed_variants(question)[0])
    assert sample.key is not None
    assert "free-acid-share: agent glycolic, lactic, salicylic; ph 2 to 5 in steps of 0.5" in page
    assert f"{round(sample.key.value, 2):g} %" in page  # a computed key, to two decimals
    assert "{agent_name}" not in page


def test_a_summative_template_reaches_trainees_as_a_key_free_sample() -> None:
    page = render_quiz_html(FINAL, "trainee")
    question = _template(FINAL, "templates-free-acid")
    keys = [realise(question, v).key for v in fixed_variants(question)]
    assert "quiz-variants" not in page and "quiz-another" not in page
    assert all(f"{key.value:g}" not in page for key in keys if key is not None)
    assert "{concentration_pct" not in page and "% Glycolic acid product" in page


def test_a_written_key_below_one_is_shown_as_written() -> None:
    final = load_quiz(Path("quizzes") / "08_final_assessment.yaml")
    page = render_quiz_html(final, "instructor")
    assert "0.075 mm (± 0.045 mm)" in page
