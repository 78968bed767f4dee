"""Quizzes: the question schema, loading and checking quiz files, grading and shuffling.

In a lesson notebook::

    from skinlessons import quiz
    quiz.set_trainee_id("jdoe")      # once, in lesson 00
    quiz.trainee_id()                # which id is in use
    quiz.show("03_chemical")         # the live quiz; answers are saved and restored
    quiz.submit()                    # pack every answer into one file; shows the receipt

These three are imported on first use, so ``import skinlessons.quiz`` stays fast (no
ipywidgets until a quiz is shown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._lazy import lazy_getattr

if TYPE_CHECKING:
    from .identity import set_trainee_id, trainee_id
    from .submission import submit
    from .widget import show

__all__ = ["set_trainee_id", "show", "submit", "trainee_id"]

_LAZY: Final = {
    "set_trainee_id": ".identity",
    "show": ".widget",
    "submit": ".submission",
    "trainee_id": ".identity",
}


__getattr__ = lazy_getattr(__name__, globals(), _LAZY)
