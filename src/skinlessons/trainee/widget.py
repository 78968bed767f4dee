"""The live quiz in a notebook: ``quiz.show("03_chemical")`` (presentation only).

The widget binds controls to a :class:`~skinlessons.trainee.session.QuizSession`, which records
every change and grades formative checks with ``grading.grade``. Formative quizzes get a Check
button per question, with feedback in words (never colour alone) in a live region. Summative
quizzes never show correctness and end with a Submit button that shows the receipt.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import ipywidgets as widgets
import mistune

from ..course import find_course_root, quiz_file, quiz_files
from ..errors import QuizFormatError, SkinlessonsError, TraineeIdError
from ..quiz.draw import FIRST_SITTING, always_shown, drawn_quiz
from ..quiz.models import AnyQuestion, Quiz
from ..quiz.projection import quiz_version
from ..quiz.shuffle import option_order
from ..widgets.livestyle import LIVE_CLASS, stylesheet_html
from . import strings
from .controls import AnswerControls, make_answer_controls
from .identity import current_trainee_id
from .mode import environment, is_unattended, run_mode
from .recording import AnswerRecorder, open_recorder
from .session import Feedback, QuizSession, attempts_text
from .sitting import current_sitting

FEEDBACK_CLASS: Final = "skinlessons-quiz-feedback"
QUIZ_CLASS: Final = "skinlessons-quiz"
_MARKDOWN: Final = mistune.create_markdown(escape=True)


def _markdown(text: str) -> str:
    return str(_MARKDOWN(text))


@lru_cache(maxsize=256)
def cite_reference(reference_id: str) -> str:
    """The citation of a reference id from the package's references data, else the id."""
    try:
        from ..facts import load_facts

        return f"[{reference_id}] {load_facts().references[reference_id].cite()}"
    except (ImportError, AttributeError, LookupError, TypeError, SkinlessonsError):
        return reference_id


def _live_region(body: str, status: str) -> str:
    """Wrap feedback so screen readers announce it when it changes."""
    return (
        f'<div role="status" aria-live="polite" class="{FEEDBACK_CLASS} '
        f'{FEEDBACK_CLASS}--{status}">{body}</div>'
    )


def feedback_html(feedback: Feedback) -> str:
    """The feedback after Check as HTML: verdict in bold words, details, why, references."""
    parts = [f"<p><strong>{html.escape(feedback.headline)}</strong></p>"]
    parts += [f"<p>{html.escape(detail)}</p>" for detail in feedback.details]
    if feedback.explanation:
        parts.append(f"<p><strong>{strings.EXPLANATION_HEADING}:</strong></p>")
        parts.append(_markdown(feedback.explanation))
    if feedback.references:
        items = "".join(f"<li>{html.escape(ref)}</li>" for ref in feedback.references)
        parts.append(f"<p><strong>{strings.REFERENCES_HEADING}:</strong></p><ul>{items}</ul>")
    if feedback.attempts:
        parts.append(f"<p>{attempts_text(feedback.attempts)}</p>")
    return _live_region("".join(parts), feedback.status)


def _stem_html(quiz: Quiz, question: AnyQuestion, number: int) -> str:
    heading = strings.QUESTION_HEADING.format(number=number, total=len(quiz.questions))
    points = (strings.POINTS if question.points == 1 else strings.POINTS_PLURAL).format(
        points=question.points
    )
    parts = [f"<h3>{heading} <small>({points})</small></h3>", _markdown(question.stem)]
    if question.must_pass:
        note = strings.MUST_PASS_SUMMATIVE if quiz.is_summative else strings.MUST_PASS_FORMATIVE
        parts.append(f"<p><strong>{note}</strong></p>")
    return "".join(parts)


class QuestionView:
    """One question on screen: its stem, answer controls, Check button and feedback area."""

    def __init__(
        self, session: QuizSession, question: AnyQuestion, number: int, trainee_id: str | None
    ) -> None:
        self.session = session
        self.question = question
        self.number = number
        self.stem = widgets.HTML(value=_stem_html(session.quiz, question, number))
        self.controls: AnswerControls = make_answer_controls(
            question, option_order(trainee_id, question)
        )
        self.feedback = widgets.HTML(value=_live_region("", "empty"))
        self.check_button: widgets.Button | None = None
        children: list[widgets.Widget] = [self.stem, *self.controls.shown]
        if not session.is_summative:
            self.check_button = widgets.Button(
                description=strings.CHECK_BUTTON, tooltip=strings.CHECK_TOOLTIP
            )
            self.check_button.on_click(self._on_check)
            children.append(self.check_button)
        children.append(self.feedback)
        self.box = widgets.VBox(children)

    def restore(self) -> None:
        """Put the session's response into the controls (before observers are attached)."""
        if self.question.id in self.session.responses:
            self.controls.write(self.session.responses[self.question.id])
        attempts = self.session.attempts.get(self.question.id, 0)
        if attempts:
            text = attempts_text(attempts)
            self.feedback.value = _live_region(f"<p>{html.escape(text)}</p>", "restored")

    def listen(self) -> None:
        """Record every change of the controls from now on."""
        for control in self.controls.inputs:
            control.observe(self._on_change, names="value")

    def _on_change(self, change: Mapping[str, Any]) -> None:
        if self.session.set_response(self.question.id, self.controls.read()):
            status = strings.SAVED_STATUS if self.session.is_summative else ""
            self.feedback.value = _live_region(html.escape(status), "saved")

    def _on_check(self, button: widgets.Button) -> None:
        self.feedback.value = feedback_html(self.session.check(self.question.id))


class QuizWidget(widgets.VBox):  # type: ignore[misc]
    """A whole quiz: intro, one :class:`QuestionView` per question, and Submit if summative.

    Args:
        quiz: the quiz to show.
        recorder: the answer log (default: the trainee's, or memory when unattended).
        trainee_id: decides the option order and a pooled quiz's draw (None: file order,
            every question).
        sitting: the sitting a pooled quiz is drawn for.
        hide_pools: without ``trainee_id``, show only a pooled quiz's questions in no pool
            (the trainee's draw needs their id).
        course_root: the course Submit packs answers from (summative only).
        notice: a sentence shown above the questions (e.g. "set your trainee id").
    """

    def __init__(
        self,
        quiz: Quiz,
        *,
        recorder: AnswerRecorder,
        trainee_id: str | None = None,
        course_root: Path | None = None,
        notice: str | None = None,
        sitting: int = FIRST_SITTING,
        hide_pools: bool = False,
    ) -> None:
        version = quiz_version(quiz)
        if trainee_id:
            quiz = drawn_quiz(quiz, trainee_id, sitting)
        elif hide_pools:
            quiz = always_shown(quiz)
        self.session = QuizSession(quiz, recorder, quiz_version=version, cite=cite_reference)
        self.session.restore()
        self.course_root = course_root
        self.questions = {
            question.id: QuestionView(self.session, question, number, trainee_id)
            for number, question in enumerate(quiz.questions, start=1)
        }
        for view in self.questions.values():
            view.restore()
            view.listen()
        intro = strings.SUMMATIVE_INTRO if quiz.is_summative else strings.FORMATIVE_INTRO
        header = f"{stylesheet_html()}<h2>{html.escape(quiz.title)}</h2><p>{intro}</p>"
        if notice:
            header += f"<p><strong>{notice}</strong></p>"
        children: list[widgets.Widget] = [widgets.HTML(value=header)]
        children += [view.box for view in self.questions.values()]
        self.submit_button: widgets.Button | None = None
        self.receipt = widgets.HTML(value=_live_region("", "empty"))
        if quiz.is_summative:
            self.submit_button = widgets.Button(
                description=strings.SUBMIT_BUTTON,
                tooltip=strings.SUBMIT_TOOLTIP,
                button_style="primary",
            )
            self.submit_button.on_click(self._on_submit)
            children += [self.submit_button, self.receipt]
        super().__init__(children)
        self.add_class(QUIZ_CLASS)
        self.add_class(LIVE_CLASS)

    def _on_submit(self, button: widgets.Button) -> None:
        from .submit import submit

        if is_unattended():
            text = strings.UNATTENDED_SUBMIT.format(mode=run_mode())
            self.receipt.value = _live_region(f"<p>{html.escape(text)}</p>", "error")
            return
        try:
            receipt = submit(course=self.course_root)
        except SkinlessonsError as exc:
            self.receipt.value = _live_region(f"<p>{html.escape(str(exc))}</p>", "error")
            return
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in receipt.lines())
        self.receipt.value = _live_region(lines, "receipt")


def load_course_quiz(quiz_id: str, course_root: Path) -> Quiz:
    """Load ``quizzes/<quiz_id>.yaml`` of a course.

    Raises:
        QuizFormatError: there is no such quiz file (the message lists the quizzes there).
        ContentErrors: the file has problems (each with file:line).
    """
    from ..quiz.loader import load_quiz

    path = quiz_file(course_root, quiz_id)
    if not path.is_file():
        known = [quiz_path.stem for quiz_path in quiz_files(course_root)]
        raise QuizFormatError(
            f"there is no quiz '{quiz_id}'",
            path=path,
            hint=f"use one of: {', '.join(known) or '(no quizzes yet)'}.",
        )
    return load_quiz(path)


def make_quiz_widget(
    quiz_id: str,
    *,
    course: Path | str | None = None,
    env: Mapping[str, str] | None = None,
) -> QuizWidget:
    """Build the live quiz for ``quiz_id``, with the trainee's saved answers restored."""
    environ = environment(env)
    root = find_course_root(course)
    quiz = load_course_quiz(quiz_id, root)
    notice: str | None = None
    trainee_id: str | None = None
    sitting = FIRST_SITTING
    if is_unattended(environ):
        notice = strings.UNATTENDED_NOTICE.format(mode=run_mode(environ))
    else:
        try:
            found = current_trainee_id(environ)
        except TraineeIdError as exc:
            found, notice = None, html.escape(str(exc))
        try:
            sitting = current_sitting(environ)
        except SkinlessonsError as exc:
            found, notice = None, html.escape(str(exc))
        trainee_id = found.value if found else None
        if found is None and notice is None:
            notice = strings.NO_TRAINEE_ID_NOTICE
        if found is None and quiz.pools:
            notice = f"{notice} {strings.POOLED_NEEDS_ID_NOTICE}"
    return QuizWidget(
        quiz,
        recorder=open_recorder(environ),
        trainee_id=trainee_id,
        course_root=root,
        notice=notice,
        sitting=sitting,
        hide_pools=not is_unattended(environ),
    )


def show(quiz_id: str, *, course: Path | str | None = None) -> None:
    """Display the live quiz ``quiz_id`` (the lesson's notebook stem) in the notebook.

    Answers are saved on every change and restored when the notebook is reopened.
    """
    from IPython.display import display

    display(make_quiz_widget(quiz_id, course=course))
