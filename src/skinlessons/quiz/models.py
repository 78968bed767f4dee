"""The quiz schema (pydantic v2): questions, a quiz, and the course's objectives.

The shapes follow ``docs/contracts.md``; the seven question types live in ``questions`` and are
re-exported here. Every model forbids unknown fields, and every rule a validator enforces comes
with a fix hint, so the loader can report each problem as *what — where — how to fix*.
"""

from __future__ import annotations

from typing import Final, Self

from pydantic import Field, TypeAdapter, model_validator

from ._rules import Violation, check, cited_letter
from .parts import Entry, NumericAllow, NumericKey, Option, QuizId, QuizKind, _Model
from .pools import Pool, pool_violations
from .questions import (
    QUESTION_TYPES,
    SHUFFLED_TYPES,
    AnyQuestion,
    Matching,
    MultipleAnswers,
    Numeric,
    Ordering,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)

__all__ = [
    "QUESTION_ADAPTER",
    "QUESTION_TYPES",
    "SHUFFLED_TYPES",
    "AnyQuestion",
    "CourseObjective",
    "Entry",
    "Lesson",
    "LessonObjective",
    "Matching",
    "MultipleAnswers",
    "Numeric",
    "NumericAllow",
    "NumericKey",
    "Objectives",
    "Option",
    "Ordering",
    "Question",
    "Quiz",
    "QuizKind",
    "ShortText",
    "SingleChoice",
    "TrueFalse",
    "cited_letter",
]

QUESTION_ADAPTER: Final[TypeAdapter[AnyQuestion]] = TypeAdapter(Question)
"""Validates one question on its own: ``QUESTION_ADAPTER.validate_python(mapping)``."""


class Quiz(_Model):
    """One quiz file: a lesson's formative self-check or the summative final assessment."""

    id: QuizId
    title: str = Field(min_length=1)
    lesson: QuizId
    kind: QuizKind
    pass_mark_pct: float = Field(ge=0, le=100)
    key_free: bool = False
    questions: list[Question] = Field(min_length=1)
    pools: list[Pool] = Field(default_factory=list)
    """Slots of a summative quiz, each drawing some of its questions per trainee (``draw``)."""

    @property
    def is_summative(self) -> bool:
        """True for the final assessment, whose keys never leave the instructor."""
        return self.kind == "summative"

    def question(self, question_id: str) -> AnyQuestion:
        """The question with this id.

        Raises:
            KeyError: no question of this quiz has that id.
        """
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    @model_validator(mode="after")
    def _keys_match_edition(self) -> Self:
        found = pool_violations(self.pools, self.questions, is_summative=self.is_summative)
        for index, question in enumerate(self.questions):
            loc = ("questions", index, question.type)
            if not self.key_free:
                if question.key_value() is None:
                    found.append(
                        Violation(
                            (*loc, "key"),
                            f"question '{question.id}' has no key",
                            "add 'key:' with the correct answer (only key-free copies made "
                            "for trainees set 'key_free: true').",
                        )
                    )
                continue
            if question.key_value() is not None:
                found.append(
                    Violation(
                        (*loc, "key"),
                        f"question '{question.id}' has a key in a quiz marked key_free",
                        "remove the key, or set 'key_free: false' in the instructor's copy.",
                    )
                )
            if self.is_summative and _has_explanation_or_feedback(question):
                found.append(
                    Violation(
                        loc,
                        f"question '{question.id}' keeps an explanation or option feedback "
                        "in a key-free summative quiz",
                        "remove them: they give the answer away before grading.",
                    )
                )
        check("Quiz", found)
        return self


def _has_explanation_or_feedback(question: AnyQuestion) -> bool:
    if question.explanation:
        return True
    options: list[Option] = getattr(question, "options", [])
    return any(option.feedback for option in options)


class CourseObjective(_Model):
    """A course learning objective (``LO1`` ... ``LO10``)."""

    id: str = Field(pattern=r"^LO[0-9]+$")
    text: str = Field(min_length=1)


class LessonObjective(_Model):
    """A lesson's own objective, mapped to one or more course objectives."""

    id: str = Field(pattern=r"^L[0-9]{2}\.[0-9]+$")
    text: str = Field(min_length=1)
    course: list[str] = Field(min_length=1)


class Lesson(_Model):
    """A lesson: its id (= notebook stem = quiz id), title, durations and objectives."""

    id: QuizId
    title: str = Field(min_length=1)
    duration_min: int = Field(gt=0)
    """The core path: the lesson without its optional "Deeper: ..." sections."""
    optional_min: int = Field(default=0, ge=0)
    """The optional "Deeper: ..." sections together (0: the lesson has none)."""
    objectives: list[LessonObjective] = Field(default_factory=list)


class Objectives(_Model):
    """``quizzes/objectives.yaml``: the course title, its objectives and each lesson's."""

    title: str = Field(min_length=1)
    """The course's name, on every handout, feedback page and certificate."""
    subtitle: str = ""
    """Who the course is for, shown under the title on certificates."""
    course: list[CourseObjective] = Field(min_length=1)
    lessons: list[Lesson] = Field(min_length=1)

    def objective_ids(self) -> set[str]:
        """Every objective id a question may cite: course LOs and lesson objectives."""
        ids = {objective.id for objective in self.course}
        ids.update(obj.id for lesson in self.lessons for obj in lesson.objectives)
        return ids

    def course_objectives_of(self, objective_id: str) -> list[str]:
        """The course LOs an objective id stands for (itself for an LO; its mapping otherwise)."""
        if any(objective.id == objective_id for objective in self.course):
            return [objective_id]
        for lesson in self.lessons:
            for objective in lesson.objectives:
                if objective.id == objective_id:
                    return list(objective.course)
        return []

    def lesson_ids(self) -> list[str]:
        """The lesson ids, in file order."""
        return [lesson.id for lesson in self.lessons]

    @model_validator(mode="after")
    def _ids_and_mapping(self) -> Self:
        found: list[Violation] = []
        course_ids = [objective.id for objective in self.course]
        seen: set[str] = set()
        places: list[tuple[tuple[int | str, ...], str]] = [
            (("course", index, "id"), objective.id) for index, objective in enumerate(self.course)
        ]
        for l_index, lesson in enumerate(self.lessons):
            places.append((("lessons", l_index, "id"), lesson.id))
            for o_index, objective in enumerate(lesson.objectives):
                loc: tuple[int | str, ...] = ("lessons", l_index, "objectives", o_index)
                places.append(((*loc, "id"), objective.id))
                for c_index, course_id in enumerate(objective.course):
                    if course_id not in course_ids:
                        found.append(
                            Violation(
                                (*loc, "course", c_index),
                                f"lesson objective '{objective.id}' maps to '{course_id}', "
                                "which is not a course objective",
                                f"use one of: {', '.join(course_ids)}.",
                                course_id,
                            )
                        )
        for loc, item_id in places:
            if item_id in seen:
                found.append(
                    Violation(
                        loc, f"id '{item_id}' is used twice", "give each entry its own id.", item_id
                    )
                )
            seen.add(item_id)
        check("Objectives", found)
        return self
