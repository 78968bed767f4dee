"""A trainee's walk-through in a real browser: JupyterLab, lesson 03, then the final assessment.

JupyterLab runs on 127.0.0.1 (free port, token) over the course as trainees receive it (the
trainee edition of each notebook); the Debian Chromium, driven by playwright, runs the lesson,
checks that the only code on show is the lesson's exercise cells, moves the acid explorer,
answers a self-check wrongly then rightly, answers the final assessment and submits. The
submission file must then grade. A screenshot is saved under ``test-artifacts/`` when a step
fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.logic.variants import shown_quiz
from skinlessons.names import EXERCISE_TAG
from skinlessons.quiz.grading import grade_quiz
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Numeric, Quiz, SingleChoice, TrueFalse
from skinlessons.quiz.projection import quiz_version
from skinlessons.trainee import strings
from testkit.browser import launched_browser
from testkit.jupyterlab import LabServer
from testkit.lab_driver import (
    ARTIFACTS,
    CODE_CELLS_JS,
    ROOT,
    STEP_TIMEOUT_MS,
    TRAINEE,
    open_and_run_all,
    prepare_lab_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _assert_only_exercises_show_code(page: Any, lab: LabServer, notebook: str) -> None:
    """After Run All, the code editors on the page are exactly the lesson's exercise cells."""
    cells = page.evaluate(f"({CODE_CELLS_JS})", notebook)
    shown = [cell["index"] for cell in cells if cell["editorShown"]]
    served = nbformat.read(lab.root / "notebooks" / notebook, as_version=4)
    exercises = [
        index
        for index, cell in enumerate(served.cells)
        if cell.cell_type == "code" and EXERCISE_TAG in cell.metadata.get("tags", [])
    ]
    assert shown == exercises, f"{notebook}: code shown in cells {shown}, exercises {exercises}"


def _question_box(page: Any, stem_fragment: str) -> Any:
    box = page.locator(".skinlessons-quiz > .widget-vbox").filter(has_text=stem_fragment)
    box.scroll_into_view_if_needed()
    return box


def _plain(markdown: str) -> str:
    """A fragment of a stem as the page shows it (first sentence, markdown marks removed)."""
    text = re.sub(r"[*_`]", "", markdown).split("\n")[0]
    return text[:40]


def _move_acid_ph(page: Any) -> None:
    slider = page.locator(".widget-slider").filter(has_text="pH of the product:")
    view = page.locator(".jp-OutputArea-output").filter(has=slider)
    view.scroll_into_view_if_needed()
    result = view.locator(".widget-html").filter(has_text="available free acid")
    image = view.locator("img.widget-image")
    text_before, src_before = result.inner_text(), image.get_attribute("src")
    handle = slider.locator(".noUi-handle")
    readout_before = handle.get_attribute("aria-valuetext")
    handle.focus()
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    readout_after = handle.get_attribute("aria-valuetext")
    assert float(readout_after) > float(readout_before)
    # The kernel recomputes: the text names the new pH and the picture is redrawn.
    result.filter(has_text=f"at pH {float(readout_after):.2f}").wait_for(timeout=STEP_TIMEOUT_MS)
    assert result.inner_text() != text_before
    page.wait_for_function(
        "([img, before]) => img.getAttribute('src') !== before",
        arg=[image.element_handle(), src_before],
        timeout=STEP_TIMEOUT_MS,
    )


def _check_wrong_then_right(page: Any, quiz: Quiz) -> None:
    question = next(
        q for q in quiz.questions if isinstance(q, SingleChoice) and len(q.options) >= 3
    )
    texts = {option.id: option.text for option in question.options}
    wrong = next(option_id for option_id in texts if option_id != question.key)
    box = _question_box(page, _plain(question.stem))
    feedback = box.locator("[role='status']")
    box.get_by_label(texts[wrong], exact=True).check()
    box.get_by_role("button", name="Check").click()
    feedback.filter(has_text="Not yet").wait_for(timeout=STEP_TIMEOUT_MS)
    box.get_by_label(texts[str(question.key)], exact=True).check()
    # The kernel clears the feedback when it records the new choice. A click is sent
    # at once while a change waits for the busy kernel, so Check only after that.
    feedback.filter(has_text="Not yet").wait_for(state="hidden", timeout=STEP_TIMEOUT_MS)
    box.get_by_role("button", name="Check").click()
    feedback.filter(has_text="Correct").wait_for(timeout=STEP_TIMEOUT_MS)
    assert strings.EXPLANATION_HEADING in feedback.inner_text()
    assert strings.REFERENCES_HEADING in feedback.inner_text()


def _answer_final(page: Any, quiz: Quiz) -> dict[str, Any]:
    """Answer every single-choice, true/false and numeric question with its key."""
    answered: dict[str, Any] = {}
    for question in quiz.questions:
        box = _question_box(page, _plain(question.stem))
        if isinstance(question, SingleChoice):
            label = next(o.text for o in question.options if o.id == question.key)
            box.get_by_label(label, exact=True).check()
            answered[question.id] = question.key
        elif isinstance(question, TrueFalse):
            box.get_by_label("True" if question.key else "False", exact=True).check()
            answered[question.id] = question.key
        elif isinstance(question, Numeric):
            field = box.locator("input[type='text']")
            field.fill(f"{question.key.value}".replace(".", ","))  # a decimal comma
            field.press("Enter")
            answered[question.id] = question.key.value
        else:
            continue
        box.get_by_text("saved", exact=False).first.wait_for(timeout=STEP_TIMEOUT_MS)
    return answered


def test_trainee_walks_through_lesson_03_and_submits_the_final(
    lab: tuple[LabServer, Path],
) -> None:
    """Run lesson 03, explore, self-check, answer and submit the final; the file grades."""
    server, home = lab
    chemical = load_quiz(ROOT / "quizzes" / "03_chemical.yaml")
    final = load_quiz(ROOT / "quizzes" / "08_final_assessment.yaml")
    shown = shown_quiz(final, TRAINEE)  # a pooled final: this trainee's draw and variants
    with launched_browser() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        prepare_lab_page(page)
        try:
            open_and_run_all(page, server, "lesson", "03_chemical.ipynb")
            _assert_only_exercises_show_code(page, server, "03_chemical.ipynb")
            _move_acid_ph(page)
            _check_wrong_then_right(page, chemical)
            open_and_run_all(page, server, "final", "08_final_assessment.ipynb")
            _assert_only_exercises_show_code(page, server, "08_final_assessment.ipynb")
            answered = _answer_final(page, shown)
            page.get_by_role("button", name="Submit").click()
            receipt = page.locator("[role='status']").filter(has_text="Submission saved to")
            receipt.wait_for(timeout=STEP_TIMEOUT_MS)
            receipt_text = receipt.inner_text()
        except Exception:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "e2e-jupyterlab-failure.png"), full_page=True)
            raise
    assert TRAINEE in receipt_text
    path = Path(re.search(r"Submission saved to: (\S+\.json)", receipt_text).group(1))
    assert path.is_file() and home in path.parents
    submission = json.loads(path.read_text(encoding="utf-8"))
    assert submission["trainee_id"] == TRAINEE
    final_part = submission["quizzes"][final.id]
    assert final_part["quiz_version"] == quiz_version(final)
    responses = {qid: entry["response"] for qid, entry in final_part["answers"].items()}
    assert set(answered) <= set(responses)
    result = grade_quiz(shown, responses)
    expected = sum(q.points for q in shown.questions if q.id in answered)
    assert result.score == pytest.approx(expected)
    # The instructor's batch grading accepts it.
    graded = CliRunner().invoke(
        main,
        [
            "grade",
            str(path.parent),
            "--out",
            str(path.parent.parent / "graded"),
            "--course",
            str(ROOT),
        ],
    )
    assert graded.exit_code == 0, graded.output
    assert "1 graded" in graded.output and "0 rejected" in graded.output
    # The self-check on lesson 03 was recorded as two attempts, the first one wrong.
    chemical_part = submission["quizzes"][chemical.id]["answers"]
    checked = [entry for entry in chemical_part.values() if entry["attempts"] == 2]
    assert len(checked) == 1
