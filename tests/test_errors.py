"""Errors format their location once and read well in notebooks."""

from __future__ import annotations

from pathlib import Path

from skinlessons.errors import ContentError, ContentErrors, TraineeIdError


def test_content_error_formats_path_line_field_and_hint() -> None:
    """The message reads 'path:line: field: message (in id). Fix: hint'."""
    error = ContentError(
        "tolerance is negative",
        path=Path("quizzes/03.yaml"),
        line=14,
        field="questions.2.key.tolerance",
        item_id="ph-of-skin",
        hint="use a tolerance of 0 or more.",
    )
    assert str(error) == (
        "quizzes/03.yaml:14: questions.2.key.tolerance: tolerance is negative "
        "(in 'ph-of-skin') Fix: use a tolerance of 0 or more."
    )


def test_content_errors_lists_every_problem_sorted_by_file_and_line() -> None:
    """Several problems are reported at once, in file and line order."""
    errors = ContentErrors(
        [ContentError("b", path="z.yaml", line=1), ContentError("a", path="a.yaml", line=9)]
    )
    assert [p.message for p in errors.problems] == ["a", "b"]
    assert str(errors).splitlines() == ["2 problems found", "a.yaml:9: a", "z.yaml:1: b"]


def test_notebook_users_see_the_message_not_a_traceback() -> None:
    """IPython renders our errors as one 'Error: ...' line."""
    error = TraineeIdError("'a b' contains a space; use letters, digits and . _ - @ +")
    assert error._render_traceback_() == [
        "Error: 'a b' contains a space; use letters, digits and . _ - @ +"
    ]
