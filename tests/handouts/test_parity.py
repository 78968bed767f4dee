"""One set of grading rules: the parity table through the Python grader and the handout page.

``tests/files/parity/parity_table.yaml`` lists responses to every question type (blanks,
punctuation, case, Unicode, decimal comma, percent, tolerance edges) with the verdict and credit
the grader gives. The handout self-check, rendered by ``quiz_html`` and run by ``quiz.js`` in
Chromium, must give the same verdict and the same credit for every row.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources as package_files
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from skinlessons.handouts.quiz_html import render_quiz_html
from skinlessons.quiz.grading import NOT_ANSWERED, grade
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import AnyQuestion, Quiz
from testkit.browser import block_outside_requests, launched_browser

PARITY = Path(__file__).parents[1] / "files" / "parity"
QUIZ: Quiz = load_quiz(PARITY / "parity.yaml")
QUESTIONS: dict[str, AnyQuestion] = {question.id: question for question in QUIZ.questions}


@dataclass(frozen=True)
class Row:
    """One line of the parity table."""

    question: str
    response: Any
    verdict: str
    credit: str


def _rows() -> list[Row]:
    data = YAML(typ="safe").load((PARITY / "parity_table.yaml").read_text(encoding="utf-8"))
    return [Row(**row) for row in data["rows"]]


ROWS = _rows()
ROW_IDS = [f"{number:02d}-{row.question}" for number, row in enumerate(ROWS, start=1)]


def test_table_covers_every_type_blanks_and_partial_credit() -> None:
    """Every question type has a right, a wrong and a blank row; partial credit is covered."""
    for question in QUIZ.questions:
        verdicts = {row.verdict for row in ROWS if row.question == question.id}
        assert {"Correct.", NOT_ANSWERED} <= verdicts, question.id
        assert verdicts - {"Correct.", NOT_ANSWERED}, question.id
    assert {row.question for row in ROWS} == set(QUESTIONS)
    assert any(row.verdict == "Partly right." for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_python_grader_gives_the_table_verdict_and_credit(row: Row) -> None:
    """The grader's first feedback sentence and its score match the table."""
    question = QUESTIONS[row.question]
    result = grade(question, row.response)
    assert result.feedback[0] == row.verdict
    assert result.score == float(Fraction(row.credit) * Fraction(question.points))
    assert result.is_answered == (row.verdict != NOT_ANSWERED)


# --- the handout page ------------------------------------------------------------------------

_RESET = """section => {
  section.querySelectorAll('input[type=radio], input[type=checkbox]')
    .forEach(i => i.checked = false);
  section.querySelectorAll('input[type=text]').forEach(i => i.value = '');
  section.querySelectorAll('select').forEach(s => s.value = '');
}"""


@pytest.fixture(scope="module")
def parity_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The parity quiz's trainee self-check, with the handout script, open in Chromium."""
    folder = tmp_path_factory.mktemp("parity-page")
    static = package_files.files("skinlessons.handouts") / "templates" / "handout" / "static"
    with package_files.as_file(static / "quiz.js") as script:
        shutil.copy(script, folder / "quiz.js")
    fragment = render_quiz_html(QUIZ, "trainee")
    page_html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Parity</title>'
        f'</head><body><main>{fragment}</main><script src="quiz.js"></script></body></html>'
    )
    (folder / "parity.html").write_text(page_html, encoding="utf-8")
    with launched_browser() as browser:
        context = browser.new_context()
        blocked = block_outside_requests(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((folder / "parity.html").as_uri(), wait_until="load")
        yield page
        context.close()
        assert blocked.blocked == []
        assert errors == []


def _answer(page: Any, question: AnyQuestion, response: Any) -> None:
    """Give ``response`` through the question's controls, as a trainee would."""
    base = f"#q-{QUIZ.id}-{question.id}"
    page.eval_on_selector(f"{base}", _RESET)
    if question.type in ("numeric", "short_text"):
        page.fill(f"{base}-answer", response)
    elif question.type == "true_false":
        if response is not None:
            page.check(f"{base}-{'true' if response else 'false'}")
    elif question.type == "single_choice":
        if response is not None:
            page.check(f"{base}-{response}")
    elif question.type == "multiple_answers":
        for option_id in response:
            page.check(f"{base}-{option_id}")
    elif question.type == "matching":
        for prompt_id, match_id in response.items():
            page.select_option(f"{base}-{prompt_id}", match_id)
    elif question.type == "ordering":
        for position, item_id in enumerate(response, start=1):
            page.select_option(f"{base}-position-{position}", item_id)
    page.click(f"{base} .quiz-check")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_handout_self_check_gives_the_table_verdict_and_credit(parity_page: Any, row: Row) -> None:
    """The page shows the grader's verdict in words and reports the grader's credit."""
    question = QUESTIONS[row.question]
    _answer(parity_page, question, row.response)
    verdict = f"#q-{QUIZ.id}-{question.id} .quiz-verdict"
    shown = parity_page.inner_text(f"{verdict} .quiz-verdict-word")
    credit = parity_page.get_attribute(verdict, "data-credit")
    graded = row.verdict in ("Correct.", "Not quite.", "Partly right.")
    assert shown == row.verdict
    assert credit == (row.credit if graded else None)
    explanation_shown = parity_page.is_visible(f"#q-{QUIZ.id}-{question.id} .quiz-explanation")
    assert explanation_shown == graded
