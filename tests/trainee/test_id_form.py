"""Lesson 00's trainee-id form: a labelled text box and a button that call set_trainee_id."""

from __future__ import annotations

import html
import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_output

from skinlessons import quiz
from skinlessons.errors import TraineeIdError
from skinlessons.handouts.preprocessors import WIDGET_VIEW_MIME, WidgetImagePreprocessor
from skinlessons.names import TRAINEE_ENV
from skinlessons.submission.format import trainee_file_path
from skinlessons.submission.trainee_ids import validate_trainee_id
from skinlessons.trainee import strings
from skinlessons.trainee.id_form import TraineeIdForm
from skinlessons.trainee.identity import current_trainee_id

REPO = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("fake_home")


def test_the_controls_are_labelled() -> None:
    form = quiz.trainee_id_form()
    assert isinstance(form, TraineeIdForm)
    assert form.text.description == strings.TRAINEE_ID_FORM_LABEL
    assert form.button.description == strings.TRAINEE_ID_FORM_BUTTON
    assert 'role="status"' in form.status.value


def test_pressing_the_button_saves_the_id(tmp_path: Path) -> None:
    form = TraineeIdForm(home=tmp_path / "data")
    form.text.value = "  jdoe  "
    form.button.click()
    assert "Saved. Your trainee id is jdoe" in form.status.value
    assert form.text.value == "jdoe"
    saved = json.loads(trainee_file_path(tmp_path / "data").read_text("utf-8"))
    assert saved == {"trainee_id": "jdoe"}
    found = current_trainee_id(home=tmp_path / "data")
    assert found is not None and found.value == "jdoe"


@pytest.mark.parametrize("typed", ["", "YOUR-LMS-USERNAME", "j doe", "a/b", "=cmd"])
def test_a_refused_id_says_why_in_the_rules_own_words(tmp_path: Path, typed: str) -> None:
    form = TraineeIdForm(home=tmp_path / "data")
    form.text.value = typed
    assert form.save() is False
    with pytest.raises(TraineeIdError) as refused:
        validate_trainee_id(typed)
    expected = strings.TRAINEE_ID_FORM_REFUSED.format(problem=refused.value)
    status = form.status.value
    assert "Not saved." in status
    assert html.escape(expected) in status
    assert not trainee_file_path(tmp_path / "data").exists()


def test_the_box_starts_with_the_id_in_force(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TRAINEE_ENV, "hub.user")
    form = quiz.trainee_id_form()
    assert form.text.value == "hub.user"
    assert "Your trainee id is hub.user" in form.status.value


def test_a_handout_shows_the_form_as_words_not_a_dead_control() -> None:
    bundle = quiz.trainee_id_form()._repr_mimebundle_()
    assert WIDGET_VIEW_MIME in bundle
    cell = new_code_cell("quiz.trainee_id_form()")
    cell.outputs = [new_output("display_data", data=bundle)]
    resources = {"skinlessons": {"notebook": "notebooks/00_start_here.ipynb"}}
    cell, resources = WidgetImagePreprocessor().preprocess_cell(cell, resources, 0)
    (output,) = cell.outputs
    assert WIDGET_VIEW_MIME not in output.data
    assert strings.TRAINEE_ID_FORM_HANDOUT in output.data["text/html"]
    assert "notes" not in resources.get("handout", {})


def test_lesson_00_sets_the_id_with_the_form() -> None:
    nb = nbformat.read(REPO / "notebooks" / "00_start_here.ipynb", as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    assert "quiz.trainee_id_form()" in code
    assert not any("set_trainee_id" in source for source in code)
