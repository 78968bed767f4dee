"""Grade a stored submission against the course's current keys and the overrides (no I/O).

Every question is scored by :func:`skinlessons.quiz.grading.grade`; this module only chooses
which response to grade, applies the overrides (voided questions leave the quiz, accepted answers
are extra keys and the best score counts) and remembers results, because a cohort gives the same
response to a question over and over and grading is pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from ..cases import CasesFile
from ..cases.record import CASES_ID
from ..logic.variants import is_template, realise_quiz, realise_stored
from ..quiz.grading import QuizResult, Result, grade, grade_quiz
from ..quiz.models import AnyQuestion, Quiz
from ..quiz.projection import quiz_version
from ..quiz.responses import fits, misfit_note
from ..quiz.templates import Variant
from ..submission.format import AnswerRecord, QuizAnswers
from ._json import canonical_json
from ._quote import quoted, shorten
from .draws import graded_draw, graded_sitting
from .overrides import NO_OVERRIDES, Overrides
from .records import Submission

_PLAIN: Final = (str, bool, int, float, type(None))


def _memo_response(response: object) -> tuple[str, object]:
    """A response as part of a memo key: itself with its type when hashable (most answers are
    a text or a choice id), a list of texts as a tuple, else its canonical JSON text (other
    lists, objects). Two responses get one key exactly when their canonical JSON is the same."""
    if type(response) in _PLAIN:
        return type(response).__name__, response
    if isinstance(response, list) and all(type(item) is str for item in response):
        return "texts", tuple(response)
    return "json", canonical_json(response)


@dataclass(frozen=True, slots=True)
class QuizGrade:
    """One quiz of one submission: the graded result and, per question, the first try.

    ``result`` grades the latest response (the one that counts for a summative quiz);
    ``first_results`` grades the first checked response of a formative item (what item
    analysis uses, as Moodle uses first attempts); for a summative quiz they are the same.
    """

    quiz_id: str
    kind: str
    result: QuizResult
    first_results: dict[str, Result]
    answered_count: int
    notes: list[str] = field(default_factory=list)
    variants: dict[str, Variant] = field(default_factory=dict)
    """The variant of each template question this trainee was shown (stored; kept on regrade)."""


@dataclass(frozen=True)
class SubmissionGrade:
    """Every course quiz graded for one submission, with notes on what could not be graded."""

    quizzes: dict[str, QuizGrade]
    notes: list[str] = field(default_factory=list)


class Grader:
    """Grades submissions with the current keys and overrides; results are memoised per run."""

    def __init__(
        self,
        quizzes: Mapping[str, Quiz],
        overrides: Overrides = NO_OVERRIDES,
        cases: CasesFile | None = None,
    ) -> None:
        self.overrides = overrides
        self.cases = cases
        """The course's virtual clients: their submission part is kept, reported, never graded."""
        self._not_quizzes = frozenset({CASES_ID} if cases is not None else ())
        """Submission parts the course has besides its quizzes (not noted as unknown)."""
        self.originals = dict(quizzes)
        self.quizzes = {quiz_id: overrides.apply_to(quiz) for quiz_id, quiz in quizzes.items()}
        self.versions = {quiz_id: quiz_version(quiz) for quiz_id, quiz in quizzes.items()}
        self._all_ids = {
            quiz_id: {question.id for question in quiz.questions}
            for quiz_id, quiz in quizzes.items()
        }
        self._questions = {
            quiz_id: {question.id: question for question in quiz.questions}
            for quiz_id, quiz in self.quizzes.items()
        }
        self._memo: dict[tuple[str, str, tuple[str, object]], Result] = {}
        self._templated = {
            q.id for quiz in quizzes.values() for q in quiz.questions if is_template(q)
        }

    def grade_question(self, question: AnyQuestion, response: object) -> Result:
        """The best result over the question's key and any accepted alternative keys."""
        variant = repr(question.key_value()) if question.id in self._templated else ""
        memo_key = (question.id, variant, _memo_response(response))
        found = self._memo.get(memo_key)
        if found is None:
            found = grade(question, response)
            for alternative in self.overrides.alternatives.get(question.id, ()):
                other = grade(alternative, response)
                if other.score > found.score:
                    found = other
            self._memo[memo_key] = found
        return found

    def grade_quiz(self, quiz: Quiz, responses: Mapping[str, object]) -> QuizResult:
        """The quiz result of :func:`skinlessons.quiz.grading.grade_quiz`, with the overrides."""
        return grade_quiz(quiz, responses, grade_question=self.grade_question)

    def _notes(self, quiz_id: str, answers: QuizAnswers | None) -> list[str]:
        if answers is None:
            return []
        notes = []
        current = self.versions[quiz_id]
        if answers.quiz_version != current:
            notes.append(
                f"quiz '{quiz_id}' was answered in version {quoted(answers.quiz_version)}, the "
                f"course has {current!r}: answers to questions that still exist were graded"
            )
        gone = sorted(set(answers.answers) - self._all_ids[quiz_id])
        if gone:
            notes.append(
                f"quiz '{quiz_id}': answers to questions the course no longer has were not "
                f"graded: {shorten(', '.join(gone), 240)}"
            )
        return notes

    def _problems(
        self,
        quiz_id: str,
        records: Mapping[str, AnswerRecord],
        latest: Mapping[str, Result],
        first: Mapping[str, Result],
    ) -> list[str]:
        """A note per answer kept but scored 0 because it could not be graded.

        A response (or first try) that does not fit its question type gets
        :func:`~skinlessons.quiz.responses.misfit_note`; a fitting one that still could not
        be read (a number too large for a float) gets the grader's reason. Only a result with
        a problem is looked at, so fitting answers cost no extra check.
        """
        notes = []
        for qid, question in self._questions[quiz_id].items():
            record = records.get(qid)
            if record is None or qid not in latest:  # no answer, or not in this draw
                continue
            if latest[qid].problem is None and first[qid].problem is None:
                continue
            tries = ((latest[qid], record.response), (first[qid], record.first_response))
            if any(r.problem is not None and not fits(question, v) for r, v in tries):
                notes.append(f"{misfit_note(question)}; it was kept and scored 0")
            elif latest[qid].problem is not None:
                notes.append(f"answer to {qid!r} was kept and scored 0: {latest[qid].problem}")
        return notes

    def _first(
        self, quiz: Quiz, records: Mapping[str, AnswerRecord], latest: QuizResult
    ) -> dict[str, Result]:
        """Each question graded on its first checked response (the latest one's result where
        the first try is that same response; the latest results whole when all are)."""
        first: dict[str, Result] = {}
        same = True
        for question in quiz.questions:
            qid = question.id
            result = latest.results[qid]
            record = records.get(qid)
            if record is not None and record.first_response is not record.response:
                earlier = self.grade_question(question, record.first_response)
                same = same and earlier is result
                result = earlier
            first[qid] = result
        return latest.results if same else first

    def _variants(
        self,
        quiz: Quiz,
        trainee_id: str,
        answers: QuizAnswers | None,
        kept: Mapping[str, Mapping[str, Variant]] | None,
        allowed: int,
    ) -> tuple[Quiz, dict[str, Variant]]:
        """The quiz with its template questions realised for this trainee, and the variants."""
        if not any(question.id in self._templated for question in quiz.questions):
            return quiz, {}
        stored = dict((kept or {}).get(quiz.id, {}))
        sitting, _notes = graded_sitting(quiz.id, answers, allowed)
        drawn, fresh = realise_quiz(realise_stored(quiz, stored), trainee_id, sitting)
        return drawn, {**fresh, **stored}

    def grade_submission(
        self, submission: Submission, kept: Mapping[str, Mapping[str, Variant]] | None = None
    ) -> SubmissionGrade:
        """Grade every course quiz for one submission (a missing quiz scores 0, unanswered).

        A response that does not fit its question is kept, scored 0 and noted
        (``answer to 'q' is not a valid single-choice answer ...``). Each template question is
        graded on the trainee's own variant: the one stored for it (``kept``, quiz id ->
        question id -> parameters) on a regrade, with only its key recomputed; else the
        variant drawn for the trainee id and sitting.
        """
        graded: dict[str, QuizGrade] = {}
        misfits: list[str] = []
        for quiz_id, course_quiz in self.quizzes.items():
            answers = submission.quizzes.get(quiz_id)
            records = answers.answers if answers is not None else {}
            latest = {qid: record.response for qid, record in records.items()}
            original = self.originals[quiz_id]
            allowed = self.overrides.allowed_sitting(submission.trainee_id, quiz_id)
            quiz, draw_notes = graded_draw(
                course_quiz, original, submission.trainee_id, answers, allowed
            )
            misfits += draw_notes
            quiz, variants = self._variants(quiz, submission.trainee_id, answers, kept, allowed)
            result = self.grade_quiz(quiz, latest)
            first_results = (
                result.results if quiz.is_summative else self._first(quiz, records, result)
            )
            graded[quiz_id] = QuizGrade(
                quiz_id=quiz_id,
                kind=quiz.kind,
                result=result,
                first_results=first_results,
                answered_count=sum(1 for item in result.results.values() if item.is_answered),
                notes=self._notes(quiz_id, answers),
                variants=variants,
            )
            misfits += self._problems(quiz_id, records, result.results, first_results)
        unknown = sorted(set(submission.quizzes) - set(self.quizzes) - self._not_quizzes)
        notes = misfits
        if unknown:
            notes.append(
                "answers to quizzes the course does not have were not graded: "
                + shorten(", ".join(unknown), 240)
            )
        return SubmissionGrade(quizzes=graded, notes=notes)
