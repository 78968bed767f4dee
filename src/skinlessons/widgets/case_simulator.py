"""Case simulator: a virtual client arrives; ask, look, decide, and read the feedback.

The cases are ``quizzes/cases.yaml`` (:mod:`skinlessons.cases`); the feedback is
:func:`skinlessons.logic.cases.judge`. Every control is a real, labelled form control (a
drop-down, check-boxes, radio buttons, a text area and a button), so the simulator works with
the keyboard alone, and the verdict is given in words. Formative only: nothing is graded. Given a
:class:`~skinlessons.cases.record.CaseRecorder` (the trainee's answer log), every step is
logged, and a client's steps come back when the notebook is reopened.

In a handout the simulator shows as a readable summary of every case (``text/html``) instead
of a dead control.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from skinlessons.cases import DECISION_WORDS, Case, CasesFile, load_cases
from skinlessons.cases.record import CaseAnswer, CaseRecorder
from skinlessons.course import cases_file, find_course_root
from skinlessons.display import TEXT_MIME
from skinlessons.facts import Facts, load_facts
from skinlessons.logic.cases import CaseFeedback, judge

from . import _style as style
from ._case_summary import answers_html, arrival_html, cases_summary_html, feedback_html

HTML_MIME = "text/html"
DETAILS_LABEL = "Which changes, until when, or to whom and with what note:"


class CaseSimulator:
    """The live simulator: choose a client, ask intake questions, check the skin, decide."""

    def __init__(
        self,
        cases: CasesFile | None = None,
        facts: Facts | None = None,
        log: CaseRecorder | None = None,
    ) -> None:
        self.cases = cases if cases is not None else load_cases(cases_file(find_course_root()))
        self.facts = facts if facts is not None else load_facts()
        self.log = log
        self._restoring = False
        self.client = widgets.Dropdown(
            options=[(f"{c.client}: {c.request.detail}", c.id) for c in self.cases.cases],
            value=self.cases.cases[0].id,
            **style.control_kwargs("Client:"),
        )
        self.arrival = widgets.HTML(layout=style.RESULT_LAYOUT)
        self.questions = {
            q.id: widgets.Checkbox(
                value=False, indent=False, **style.control_kwargs(f"Ask: {q.text}")
            )
            for q in self.cases.questions
        }
        self.skin_check = widgets.Checkbox(
            value=False, indent=False, **style.control_kwargs("Do the skin check")
        )
        self.answers = widgets.HTML(layout=style.RESULT_LAYOUT)
        self.decision = widgets.RadioButtons(
            options=[(words, decision) for decision, words in DECISION_WORDS.items()],
            value=None,
            **style.control_kwargs("Your decision:"),
        )
        self.details = widgets.Textarea(
            value="", continuous_update=False, **style.control_kwargs(DETAILS_LABEL)
        )
        self.check = widgets.Button(description="Check my decision", tooltip="Check my decision")
        self.feedback = widgets.HTML(layout=style.RESULT_LAYOUT)
        ask = widgets.VBox(
            [
                widgets.HTML("<strong>1. Ask the intake questions you need:</strong>"),
                *self.questions.values(),
                widgets.HTML("<strong>2. Look at the skin:</strong>"),
                self.skin_check,
            ],
            layout=style.CONTROLS_BOX_LAYOUT,
        )
        decide = widgets.VBox(
            [
                widgets.HTML("<strong>3. Decide:</strong>"),
                self.decision,
                self.details,
                self.check,
            ],
            layout=style.CONTROLS_BOX_LAYOUT,
        )
        self.view = widgets.VBox(
            [self.client, self.arrival, ask, self.answers, decide, self.feedback]
        )
        self.client.observe(self._on_client, names="value")
        for box in (*self.questions.values(), self.skin_check):
            box.observe(self._on_ask, names="value")
        for control in (self.decision, self.details):
            control.observe(self._on_decide, names="value")
        self.check.on_click(self._on_check)
        self._start()

    @property
    def case(self) -> Case:
        """The client chosen now."""
        return next(case for case in self.cases.cases if case.id == self.client.value)

    @property
    def asked(self) -> list[str]:
        """Ids of the questions asked so far, in the questions' order."""
        return [qid for qid, box in self.questions.items() if box.value]

    def feedback_now(self) -> CaseFeedback:
        """The feedback on the current steps (as the Check button shows it)."""
        return judge(
            self.case,
            self.cases.questions,
            self.asked,
            skin_check_done=bool(self.skin_check.value),
            chosen=self.decision.value,
            facts=self.facts,
        )

    @property
    def answer(self) -> CaseAnswer:
        """The trainee's steps on the client chosen now, as they are logged."""
        return CaseAnswer(
            tuple(self.asked), bool(self.skin_check.value), self.decision.value, self.details.value
        )

    def summary_html(self) -> str:
        """Every case as a readable static summary (what a handout shows)."""
        return cases_summary_html(self.cases)

    def _start(self) -> None:
        """Show the chosen client, with the steps the log kept for them (or none)."""
        kept = self.log.kept().get(self.case.id) if self.log is not None else None
        answer = kept.answer if kept is not None else CaseAnswer()
        self._restoring = True
        for qid, box in self.questions.items():
            box.value = qid in answer.asked
        self.skin_check.value = answer.skin_check
        self.decision.value = answer.decision
        self.details.value = answer.details
        self._restoring = False
        self.arrival.value = arrival_html(self.case)
        self.feedback.value = ""
        if kept is not None and kept.checks:
            self.feedback.value = feedback_html(self.feedback_now(), self.details.value)
        self._show_answers()

    def _record(self, *, is_check: bool = False) -> None:
        if self.log is not None and not self._restoring:
            self.log.record(self.case.id, self.answer, is_check=is_check)

    def _show_answers(self) -> None:
        asked = [q for q in self.cases.questions if self.questions[q.id].value]
        self.answers.value = (
            f'<div aria-live="polite">'
            f"{answers_html(self.case, asked, skin_check=bool(self.skin_check.value))}</div>"
        )

    def _on_client(self, change: dict[str, Any]) -> None:
        self._start()

    def _on_ask(self, change: dict[str, Any]) -> None:
        self._show_answers()
        self._record()

    def _on_decide(self, change: dict[str, Any]) -> None:
        self._record()

    def _on_check(self, button: widgets.Button) -> None:
        self._record(is_check=True)
        self.feedback.value = feedback_html(self.feedback_now(), self.details.value)

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, Any]:
        """The live view, plus the static summary for handouts and a plain-text line."""
        from .livestyle import styled

        live = self.__dict__.get("_live_view")
        if live is None:
            live = self.__dict__["_live_view"] = styled(self.view)
        data: dict[str, Any] = dict(live._repr_mimebundle_() or {})
        data[HTML_MIME] = self.summary_html()
        data[TEXT_MIME] = (
            f"Case simulator: {len(self.cases.cases)} virtual clients; ask, look at the skin, "
            "then decide to proceed, proceed with changes, defer or refer."
        )
        return data


def case_simulator(log: CaseRecorder | None = None) -> CaseSimulator:
    """Build the case simulator from the course's ``quizzes/cases.yaml`` (formative practice).

    Returns an object that displays as the live widget plus a readable summary of the cases.
    ``log`` keeps the trainee's steps (lessons call ``skinlessons.quiz.case_simulator()``,
    which passes the trainee's answer log); without one nothing is kept.
    """
    return CaseSimulator(log=log)
