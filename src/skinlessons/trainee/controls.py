"""The answer controls of one question, per type, as ipywidgets (presentation only).

Each builder returns a :class:`AnswerControls`: the widgets to show, a function reading the
response (in the shapes of ``docs/contracts.md``) and one writing a response back (restore).
Every control carries a visible label; options appear in the order given by the caller (the
per-trainee order from ``shuffle.option_order``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import ipywidgets as widgets

from ..quiz import models
from ..quiz.models import AnyQuestion
from . import strings

DESCRIPTION_STYLE: Final = {"description_width": "initial"}
"""Show labels in full: a truncated label is no label."""
WIDE: Final = "100%"
AUTO: Final = "auto"
"""Menus size to their label and longest choice (the stylesheet keeps them in the page)."""
EMPTY: Final = ""
"""The value of a Dropdown where nothing is chosen yet."""


@dataclass
class AnswerControls:
    """The widgets answering one question, and how to read and set the response."""

    shown: list[widgets.Widget]
    """Every widget to lay out, hints and labels included."""
    inputs: list[widgets.Widget]
    """The value-holding controls a change observer is attached to."""
    read: Callable[[], Any]
    write: Callable[[Any], None]


def _layout() -> widgets.Layout:
    return widgets.Layout(width=WIDE)


def _hint(text: str) -> widgets.HTML:
    return widgets.HTML(value=f"<em>{text}</em>")


def _ordered(entries: Sequence[Any], order: Sequence[str]) -> list[Any]:
    by_id = {entry.id: entry for entry in entries}
    shown = [by_id[entry_id] for entry_id in order if entry_id in by_id]
    return shown + [entry for entry in entries if entry.id not in order]


def _radio(options: list[tuple[str, Any]]) -> AnswerControls:
    radio = widgets.RadioButtons(
        options=options,
        value=None,
        description=strings.ANSWER_LABEL,
        style=DESCRIPTION_STYLE,
        layout=_layout(),
    )
    values = [value for _, value in options]

    def write(response: Any) -> None:
        # `True in [1, 0]` is true in Python: compare types too, so 1 never selects True.
        if any(
            response is value or (type(response) is type(value) and response == value)
            for value in values
        ):
            radio.value = response

    return AnswerControls([radio], [radio], lambda: radio.value, write)


def _checkboxes(question: models.MultipleAnswers, order: Sequence[str]) -> AnswerControls:
    boxes = {
        option.id: widgets.Checkbox(
            value=False, description=option.text, indent=False, layout=_layout()
        )
        for option in _ordered(question.options, order)
    }
    file_order = question.option_ids()

    def read() -> list[str]:
        return [option_id for option_id in file_order if boxes[option_id].value]

    def write(response: Any) -> None:
        chosen = set(response or ())
        for option_id, box in boxes.items():
            box.value = option_id in chosen

    shown: list[widgets.Widget] = [_hint(strings.MULTIPLE_HINT), *boxes.values()]
    return AnswerControls(shown, list(boxes.values()), read, write)


def _text(label: str, placeholder: str, unit: str | None) -> AnswerControls:
    description = f"{label} {strings.UNIT_LABEL.format(unit=unit)}" if unit else label
    field = widgets.Text(
        value=EMPTY,
        placeholder=placeholder,
        description=description,
        continuous_update=False,
        style=DESCRIPTION_STYLE,
    )
    shown: list[widgets.Widget] = [field]
    if unit:
        shown = [widgets.HBox([field, widgets.Label(value=unit)])]

    def write(response: Any) -> None:
        field.value = response if isinstance(response, str) else EMPTY

    return AnswerControls(shown, [field], lambda: field.value, write)


def _dropdown(label: str, choices: list[tuple[str, str]]) -> widgets.Dropdown:
    return widgets.Dropdown(
        options=[(strings.CHOOSE_PLACEHOLDER, EMPTY), *choices],
        value=EMPTY,
        description=label,
        style=DESCRIPTION_STYLE,
        layout=widgets.Layout(width=AUTO),
    )


def _matching(question: models.Matching, order: Sequence[str]) -> AnswerControls:
    choices = [(match.text, match.id) for match in _ordered(question.matches, order)]
    menus = {prompt.id: _dropdown(prompt.text, choices) for prompt in question.prompts}
    known = {match.id for match in question.matches}

    def read() -> dict[str, str]:
        return {prompt_id: menu.value for prompt_id, menu in menus.items() if menu.value}

    def write(response: Any) -> None:
        pairs = response if isinstance(response, dict) else {}
        for prompt_id, menu in menus.items():
            value = pairs.get(prompt_id, EMPTY)
            menu.value = value if value in known else EMPTY

    shown: list[widgets.Widget] = [_hint(strings.MATCHING_HINT), *menus.values()]
    return AnswerControls(shown, list(menus.values()), read, write)


def _ordering(question: models.Ordering, order: Sequence[str]) -> AnswerControls:
    choices = [(item.text, item.id) for item in _ordered(question.items, order)]
    menus = [
        _dropdown(strings.POSITION_LABEL.format(number=number), choices)
        for number in range(1, len(question.items) + 1)
    ]
    known = {item.id for item in question.items}

    def read() -> list[str]:
        return [menu.value for menu in menus]

    def write(response: Any) -> None:
        positions = list(response) if isinstance(response, list) else []
        for index, menu in enumerate(menus):
            value = positions[index] if index < len(positions) else EMPTY
            menu.value = value if value in known else EMPTY

    shown: list[widgets.Widget] = [_hint(strings.ORDERING_HINT), *menus]
    return AnswerControls(shown, list(menus), read, write)


def _single_choice(question: models.SingleChoice, order: Sequence[str]) -> AnswerControls:
    return _radio([(option.text, option.id) for option in _ordered(question.options, order)])


_CONTROLS: Final[dict[type[Any], Callable[[Any, Sequence[str]], AnswerControls]]] = {
    models.SingleChoice: _single_choice,
    models.MultipleAnswers: _checkboxes,
    models.TrueFalse: lambda question, order: _radio(
        [(strings.TRUE_LABEL, True), (strings.FALSE_LABEL, False)]
    ),
    models.Numeric: lambda question, order: _text(
        strings.NUMBER_LABEL, strings.NUMBER_PLACEHOLDER, question.unit
    ),
    models.Matching: _matching,
    models.Ordering: _ordering,
    models.ShortText: lambda question, order: _text(
        strings.ANSWER_LABEL, strings.TEXT_PLACEHOLDER, None
    ),
}


def make_answer_controls(question: AnyQuestion, order: Sequence[str]) -> AnswerControls:
    """The controls for one question, options in ``order`` (ids; missing ids go last)."""
    return _CONTROLS[type(question)](question, order)
