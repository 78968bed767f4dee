"""The quiz model: the question schema, loading and checking quiz files, grading, shuffling.

Both sides build on it: the trainee runtime (``skinlessons.trainee``) and the instructor's
commands (``skinlessons.gradebook``, ``skinlessons.export``, ``skinlessons.release``). Nothing in
this package imports the runtime, except this façade, which keeps the names a lesson
notebook uses::

    from skinlessons import quiz
    quiz.trainee_id_form()           # lesson 00: a text box and a button that set the id
    quiz.set_trainee_id("jdoe")      # the same in code (the form calls it)
    quiz.trainee_id()                # which id is in use
    quiz.show("03_chemical")         # the live quiz; answers are saved and restored
    quiz.case_simulator()            # lesson 07's virtual clients; each step is saved
    quiz.submit()                    # pack every answer into one file; shows the receipt

They are imported from ``skinlessons.trainee`` on first use, so ``import skinlessons.quiz``
stays fast (no ipywidgets until a quiz is shown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._util.lazy import lazy_getattr

if TYPE_CHECKING:
    from ..trainee.case_log import case_simulator
    from ..trainee.id_form import trainee_id_form
    from ..trainee.identity import set_trainee_id, trainee_id
    from ..trainee.submit import submit
    from ..trainee.widget import show

__all__ = ["case_simulator", "set_trainee_id", "show", "submit", "trainee_id", "trainee_id_form"]

_LAZY: Final = {
    "case_simulator": "..trainee.case_log",
    "set_trainee_id": "..trainee.identity",
    "show": "..trainee.widget",
    "submit": "..trainee.submit",
    "trainee_id": "..trainee.identity",
    "trainee_id_form": "..trainee.id_form",
}


__getattr__ = lazy_getattr(__name__, globals(), _LAZY)
