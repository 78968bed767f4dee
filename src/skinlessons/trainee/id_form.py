"""The trainee-id form of lesson 00: a labelled text box and a button, no Python to type.

``quiz.trainee_id_form()`` shows it. The button calls :func:`.identity.set_trainee_id`, so
the id obeys the one rule (``submission.trainee_ids``) and a refused id gets that rule's own
message, in a live region a screen reader announces. The box starts with the id in force, if
one is set. In a handout the form shows as a sentence saying what it does (no dead control).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import ipywidgets as widgets

from ..errors import TraineeIdError
from ..widgets.livestyle import styled
from . import strings
from .identity import current_trainee_id, set_trainee_id

FORM_CLASS: Final = "skinlessons-trainee-id"
STATUS_CLASS: Final = "skinlessons-trainee-id-status"


def _status(text_html: str, kind: str) -> str:
    return (
        f'<div role="status" aria-live="polite" class="{STATUS_CLASS} '
        f'{STATUS_CLASS}--{kind}">{text_html}</div>'
    )


class TraineeIdForm:
    """The form: ``box`` to display, ``text`` and ``button`` to use, ``status`` to read."""

    def __init__(self, env: Mapping[str, str] | None = None, *, home: Path | None = None) -> None:
        self._env = env
        self._home = home
        self.text = widgets.Text(
            description=strings.TRAINEE_ID_FORM_LABEL,
            placeholder=strings.TRAINEE_ID_FORM_PLACEHOLDER,
            style={"description_width": "initial"},
        )
        self.button = widgets.Button(
            description=strings.TRAINEE_ID_FORM_BUTTON, tooltip=strings.TRAINEE_ID_FORM_BUTTON
        )
        self.status = widgets.HTML(value=_status("", "empty"))
        try:
            found = current_trainee_id(env, home=home)
        except TraineeIdError as problem:
            self.status.value = _status(html.escape(str(problem)), "error")
        else:
            if found is not None:
                self.text.value = found.value
                self.status.value = _status(self._in_use(found.value), "set")
        self.button.on_click(self._on_save)
        form = widgets.VBox([self.text, self.button, self.status])
        form.add_class(FORM_CLASS)
        self.box = styled(form)

    @staticmethod
    def _in_use(value: str) -> str:
        return html.escape(strings.TRAINEE_ID_FORM_IN_USE.format(trainee_id=value))

    def save(self) -> bool:
        """Save what the box holds as the trainee id; True when it was accepted."""
        try:
            saved = set_trainee_id(self.text.value, self._env, home=self._home)
        except TraineeIdError as problem:
            message = strings.TRAINEE_ID_FORM_REFUSED.format(problem=problem)
            self.status.value = _status(html.escape(message), "error")
            return False
        self.text.value = saved.value
        message = strings.TRAINEE_ID_FORM_SAVED.format(trainee_id=saved.value)
        self.status.value = _status(html.escape(message), "saved")
        return True

    def _on_save(self, _sender: object) -> None:
        self.save()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The live form, and for handouts a sentence saying what it does."""
        bundle: dict[str, Any] = dict(self.box._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = f"<p>{html.escape(strings.TRAINEE_ID_FORM_HANDOUT)}</p>"
        bundle["text/plain"] = strings.TRAINEE_ID_FORM_HANDOUT
        return bundle


def trainee_id_form(
    env: Mapping[str, str] | None = None, *, home: Path | None = None
) -> TraineeIdForm:
    """The trainee-id form for lesson 00 (``quiz.trainee_id_form()``)."""
    return TraineeIdForm(env, home=home)
