"""What each edition holds: the one place that decides it.

The handout build and the trainee release both ask this module; neither decides on its own.

* **trainee**: no cell tagged ``instructor`` or ``solution``; the code of plumbing cells
  (every code cell but the exercises, see :func:`.cells.is_plumbing`) left out, their outputs
  kept; formative quizzes in full (their
  keys make the self-checks work, which the design allows); summative quizzes as the key-free
  projection only (no key, explanation or option feedback); the final assessment is taken in
  the notebook, so the trainee release carries its notebook but the trainee handouts have no
  page for it.
* **instructor**: everything: every cell (teaching notes and worked solutions marked; the code
  of plumbing cells folded in a ``<details>`` under their output's place), every
  quiz with its key, explanations, objectives and must-pass flags, the final assessment.

Light on purpose: no nbconvert, no pydantic at import, so a no-op build stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

from ..names import INSTRUCTOR_ONLY_TAGS

if TYPE_CHECKING:
    from ..quiz.models import Quiz

Edition = Literal["trainee", "instructor"]
"""The two editions."""
EDITIONS: Final[tuple[Edition, ...]] = ("trainee", "instructor")

PlumbingCode = Literal["removed", "folded"]
"""What becomes of a plumbing cell's code: left out, or folded in a ``<details>``."""

QuizMode = Literal["key", "form", "text"]
"""How a quiz appears: the instructor's key sheet, a self-check form, or question text only."""


def removed_cell_tags(edition: Edition) -> frozenset[str]:
    """The cell tags whose cells an edition leaves out (instructor notes, worked solutions)."""
    return INSTRUCTOR_ONLY_TAGS if edition == "trainee" else frozenset()


def plumbing_code(edition: Edition) -> PlumbingCode:
    """How an edition shows the code of a plumbing cell (its outputs always stay)."""
    return "removed" if edition == "trainee" else "folded"


def has_lesson_page(edition: Edition, *, summative: bool) -> bool:
    """Whether an edition's handouts have a page for a lesson (trainees take the final live)."""
    return edition == "instructor" or not summative


def quiz_for(quiz: Quiz, edition: Edition) -> Quiz:
    """The quiz as an edition holds it: summative quizzes reach trainees key-free only."""
    if edition == "trainee" and quiz.is_summative:
        from ..quiz.projection import key_free

        return key_free(quiz)
    return quiz


def shows_answers(quiz: Quiz, edition: Edition) -> bool:
    """Whether an edition shows a quiz's explanations, option feedback and references."""
    return edition == "instructor" or not quiz.is_summative


def quiz_mode(quiz: Quiz, edition: Edition) -> QuizMode:
    """How an edition shows a quiz (see :data:`QuizMode`)."""
    if edition == "instructor":
        return "key"
    return "text" if quiz.is_summative else "form"
