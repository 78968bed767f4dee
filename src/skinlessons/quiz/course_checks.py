"""Rules that span files: ids and references across quizzes, and the course's coverage.

Each rule takes already-validated quizzes (with the parsed document, for line numbers) and
returns located problems; nothing here reads files or raises for bad content.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

from .._util.yamlsource import YamlDocument
from ..errors import ContentError, QuizFormatError
from .draw import must_pass_per_draw
from .models import QUESTION_TYPES, Objectives, Quiz

LOW_AUTHORITY_KIND: Final = "low-authority"
MIN_QUESTIONS_PER_OBJECTIVE: Final = 2
MIN_SUMMATIVE_MUST_PASS: Final = 5


class ReferenceInfo(Protocol):
    """What the checks need to know of a reference: its kind and whether it was verified."""

    @property
    def kind(self) -> str:
        """peer-reviewed | regulator | textbook | secondary | low-authority."""

    @property
    def verified(self) -> bool:
        """True when someone checked the source says what we cite it for."""


@dataclass(frozen=True)
class LoadedQuiz:
    """A valid quiz and the document it came from (for line numbers)."""

    quiz: Quiz
    doc: YamlDocument

    def problem(self, message: str, loc: tuple[int | str, ...], hint: str) -> ContentError:
        """A problem located at ``loc`` of this quiz file."""
        return QuizFormatError(
            message,
            path=self.doc.path,
            line=self.doc.line_of(loc),
            field=".".join(str(part) for part in loc) or None,
            hint=hint,
        )


def check_quiz_against_course(
    loaded: LoadedQuiz,
    objectives: Objectives | None,
    references: Mapping[str, ReferenceInfo] | None,
) -> list[ContentError]:
    """The quiz's id, lesson, objective ids and reference ids, checked against the course."""
    quiz, problems = loaded.quiz, []
    stem = loaded.doc.path.stem
    if quiz.id != stem:
        problems.append(
            loaded.problem(
                f"quiz id '{quiz.id}' differs from the file name '{stem}'",
                ("id",),
                f"set 'id: {stem}', or rename the file to {quiz.id}.yaml.",
            )
        )
    if objectives is not None and quiz.lesson not in objectives.lesson_ids():
        problems.append(
            loaded.problem(
                f"lesson '{quiz.lesson}' is not a lesson of objectives.yaml",
                ("lesson",),
                f"use one of: {', '.join(objectives.lesson_ids())}.",
            )
        )
    known_objectives = objectives.objective_ids() if objectives is not None else None
    for index, question in enumerate(quiz.questions):
        where = ("questions", index)
        for o_index, objective_id in enumerate(question.objectives):
            if known_objectives is not None and objective_id not in known_objectives:
                problems.append(
                    loaded.problem(
                        f"objective '{objective_id}' of question '{question.id}' is not in "
                        "objectives.yaml",
                        (*where, "objectives", o_index),
                        "use a course objective (LO1...) or a lesson objective (L03.2) "
                        "defined in quizzes/objectives.yaml.",
                    )
                )
        if references is not None:
            problems.extend(_reference_problems(loaded, index, references))
    return problems


def _reference_problems(
    loaded: LoadedQuiz, index: int, references: Mapping[str, ReferenceInfo]
) -> list[ContentError]:
    question = loaded.quiz.questions[index]
    problems = []
    known = []
    for r_index, reference_id in enumerate(question.references):
        if reference_id in references:
            known.append(references[reference_id])
            continue
        problems.append(
            loaded.problem(
                f"reference '{reference_id}' of question '{question.id}' is not in the "
                "package's references",
                ("questions", index, "references", r_index),
                "cite a reference id listed in the package's references data (R1, R2...), "
                "or add the reference there first.",
            )
        )
    is_high_stakes = question.must_pass or loaded.quiz.is_summative
    if is_high_stakes and known and not any(_is_trustworthy(ref) for ref in known):
        what = "must-pass" if question.must_pass else "summative"
        problems.append(
            loaded.problem(
                f"{what} question '{question.id}' rests only on low-authority or unverified "
                f"references ({', '.join(question.references)})",
                ("questions", index, "references"),
                "add a verified peer-reviewed, regulator, textbook or secondary reference.",
            )
        )
    return problems


def _is_trustworthy(reference: ReferenceInfo) -> bool:
    kind = getattr(reference.kind, "value", reference.kind)
    return bool(reference.verified) and kind != LOW_AUTHORITY_KIND


def duplicate_question_ids(loaded: list[LoadedQuiz]) -> list[ContentError]:
    """Question ids used twice anywhere in the course; each copy names the other places."""
    places: dict[str, list[tuple[LoadedQuiz, int]]] = defaultdict(list)
    for item in loaded:
        for index, question in enumerate(item.quiz.questions):
            places[question.id].append((item, index))
    problems = []
    for question_id, found in places.items():
        if len(found) < 2:
            continue
        where = [f"{item.doc.path.name}:{item.doc.line_of(('questions', i))}" for item, i in found]
        for position, (item, index) in enumerate(found):
            others = ", ".join(w for p, w in enumerate(where) if p != position)
            problems.append(
                item.problem(
                    f"question id '{question_id}' is also used at {others}",
                    ("questions", index, "id"),
                    "question ids must be unique across the course: rename one of them.",
                )
            )
    return problems


def coverage_problems(
    loaded: list[LoadedQuiz], objectives: Objectives, objectives_doc: YamlDocument, folder: Path
) -> list[ContentError]:
    """The course-wide rules: every LO assessed, every type used, enough must-pass items."""
    assessed: dict[str, int] = defaultdict(int)
    summative: dict[str, int] = defaultdict(int)
    used_types: set[str] = set()
    for item in loaded:
        for question in item.quiz.questions:
            used_types.add(question.type)
            course_ids = {
                lo for oid in question.objectives for lo in objectives.course_objectives_of(oid)
            }
            for course_id in course_ids:
                assessed[course_id] += 1
                summative[course_id] += int(item.quiz.is_summative)
    problems: list[ContentError] = []
    for index, objective in enumerate(objectives.course):
        count = assessed[objective.id]
        if count >= MIN_QUESTIONS_PER_OBJECTIVE and summative[objective.id] > 0:
            continue  # nothing to report: its line is not needed
        line = objectives_doc.line_of(("course", index))
        if count < MIN_QUESTIONS_PER_OBJECTIVE:
            problems.append(
                QuizFormatError(
                    f"course objective {objective.id} is assessed by {count} question(s), "
                    f"fewer than {MIN_QUESTIONS_PER_OBJECTIVE}",
                    path=objectives_doc.path,
                    line=line,
                    hint=f"add questions that list {objective.id} (or one of its lesson "
                    "objectives) under 'objectives:'.",
                )
            )
        if summative[objective.id] == 0:
            problems.append(
                QuizFormatError(
                    f"course objective {objective.id} is not assessed in any summative quiz",
                    path=objectives_doc.path,
                    line=line,
                    hint=f"add a final-assessment question that lists {objective.id}.",
                )
            )
    missing_types = [name for name in QUESTION_TYPES if name not in used_types]
    if missing_types:
        problems.append(
            QuizFormatError(
                f"no question of type {', '.join(missing_types)} in the whole course",
                path=folder,
                hint="use every question type at least once, so each is tested in class.",
            )
        )
    problems.extend(_must_pass_problems(loaded, folder))
    return problems


def _must_pass_problems(loaded: list[LoadedQuiz], folder: Path) -> list[ContentError]:
    finals = [item for item in loaded if item.quiz.is_summative]
    if not finals:
        return [
            QuizFormatError(
                "the course has no summative quiz",
                path=folder,
                hint="add the final assessment with 'kind: summative'.",
            )
        ]
    problems = []
    for item in finals:
        count = must_pass_per_draw(item.quiz)
        if count < MIN_SUMMATIVE_MUST_PASS:
            each = " in each draw" if item.quiz.pools else ""
            problems.append(
                item.problem(
                    f"summative quiz '{item.quiz.id}' has {count} must-pass question(s){each}, "
                    f"fewer than {MIN_SUMMATIVE_MUST_PASS}",
                    ("questions",),
                    "mark the safety-critical questions 'must_pass: true'.",
                )
            )
    return problems
