"""One feedback page per trainee, and a certificate of completion for each who passed.

Pages are plain offline HTML (no script, no external request). They are written to
``<out>/feedback/<slug>.html`` and ``<out>/certificates/<slug>.html``, where the slug is the
trainee id made file-name safe plus a hash of it (never the raw id).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ..quiz.grading import Result
from ..quiz.models import Objectives, Quiz
from ..submission.trainee_ids import trainee_slug
from ._describe import describe_response, short_label
from ._templates import render
from .cohort import PASS, TraineeOutcome
from .lms_csv import number

FEEDBACK_DIR: Final = "feedback"
CERTIFICATE_DIR: Final = "certificates"
VERDICTS: Final = {
    PASS: "Passed",
    "fail": "Not passed: the score is below the pass mark",
    "fail: must-pass": "Not passed: a must-pass item was missed",
}


@dataclass(frozen=True)
class PageContext:
    """What every page of a run shares: the course, its quizzes and the date."""

    quizzes: Mapping[str, Quiz]
    objectives: Objectives
    citations: Mapping[str, str]
    final_quiz_id: str | None
    graded_on: str

    @property
    def course_title(self) -> str:
        """``Title: subtitle`` from objectives.yaml."""
        objectives = self.objectives
        return (
            f"{objectives.title}: {objectives.subtitle}"
            if objectives.subtitle
            else objectives.title
        )

    @property
    def minutes(self) -> int:
        """Course length: the sum of the lesson durations in objectives.yaml."""
        return sum(lesson.duration_min for lesson in self.objectives.lessons)


def page_name(trainee_id: str) -> str:
    """The file name of a trainee's page: ``<slug>-<hash>.html``."""
    return f"{trainee_slug(trainee_id)}.html"


def _objective_rows(quiz: Quiz, results: Mapping[str, Result], ctx: PageContext) -> list[Any]:
    earned: dict[str, list[float]] = {}
    for question in quiz.questions:
        result = results.get(question.id)
        if result is None:
            continue
        los = {lo for obj in question.objectives for lo in ctx.objectives.course_objectives_of(obj)}
        for lo in los:
            pair = earned.setdefault(lo, [0.0, 0.0])
            pair[0] += result.score
            pair[1] += result.max_points
    return [
        {
            "id": lo.id,
            "text": lo.text,
            "score": number(earned[lo.id][0]),
            "max_points": number(earned[lo.id][1]),
            "percentage": number(100 * earned[lo.id][0] / earned[lo.id][1]),
        }
        for lo in ctx.objectives.course
        if lo.id in earned and earned[lo.id][1]
    ]


def _missed(
    quiz: Quiz, results: Mapping[str, Result], responses: Mapping[str, Any], ctx: PageContext
) -> list[Any]:
    items = []
    shown = [question for question in quiz.questions if question.id in results]  # their draw
    for number_, question in enumerate(shown, start=1):
        result = results[question.id]
        if result.is_correct:
            continue
        verdict = (
            "Not answered"
            if not result.is_answered
            else ("Partly right" if result.score > 0 else "Not right")
        )
        items.append(
            {
                "label": f"Question {number_}: {short_label(question.stem)}",
                "stem": question.stem,
                "answer": describe_response(question, responses.get(question.id)),
                "verdict": verdict,
                "score": number(result.score),
                "max_points": number(result.max_points),
                "must_pass": question.must_pass,
                "explanation": question.explanation or "",
                "references": [ctx.citations.get(ref, ref) for ref in question.references],
            }
        )
    return items


def _formative_rows(outcome: TraineeOutcome, ctx: PageContext) -> list[Any]:
    rows = []
    for quiz_id, graded in sorted(outcome.graded.quizzes.items()):
        if graded.kind != "formative":
            continue
        result = graded.result
        rows.append(
            {
                "title": ctx.quizzes[quiz_id].title,
                "answered": graded.answered_count,
                "questions": len(result.results),
                "score": number(result.score),
                "max_points": number(result.max_points),
                "percentage": number(result.percentage),
            }
        )
    return rows


def feedback_page(outcome: TraineeOutcome, ctx: PageContext, certificate_href: str | None) -> str:
    """The trainee's feedback page as HTML."""
    final = outcome.final
    quiz = ctx.quizzes[ctx.final_quiz_id] if ctx.final_quiz_id else None
    page: dict[str, Any] = {
        "name": outcome.identity.display_name,
        "trainee_id": outcome.trainee_id,
        "graded_on": ctx.graded_on,
        "verdict": VERDICTS[outcome.status],
        "quiz_title": quiz.title if quiz else "final assessment",
        "has_final": False,
        "objectives": [],
        "must_pass": [],
        "missed": [],
        "must_pass_missed": 0,
        "certificate_href": certificate_href,
        "formative": _formative_rows(outcome, ctx),
        "notes": [*outcome.submission.notes, *outcome.graded.notes],
    }
    if final is not None and quiz is not None:
        results = final.result.results
        answers = outcome.submission.quizzes.get(quiz.id)
        responses = {qid: a.response for qid, a in answers.answers.items()} if answers else {}
        must = [q for q in quiz.questions if q.must_pass and q.id in results]
        page.update(
            has_final=True,
            score=number(final.result.score),
            max_points=number(final.result.max_points),
            percentage=number(final.result.percentage),
            pass_mark=number(quiz.pass_mark_pct),
            objectives=_objective_rows(quiz, results, ctx),
            must_pass=[
                {"label": short_label(q.stem), "met": results[q.id].is_correct} for q in must
            ],
            must_pass_missed=len(final.result.must_pass_failed),
            missed=_missed(quiz, results, responses, ctx),
        )
        page["notes"] += final.notes
    return render("feedback.html.j2", page=page)


def certificate_page(outcome: TraineeOutcome, ctx: PageContext) -> str:
    """A printable certificate of completion for a trainee who passed."""
    final = outcome.final
    cert = {
        "name": outcome.identity.display_name,
        "trainee_id": outcome.trainee_id,
        "course": ctx.course_title,
        "hours": number(ctx.minutes / 60),
        "minutes": ctx.minutes,
        "lessons": len(ctx.objectives.lessons),
        "date": ctx.graded_on,
        "percentage": number(final.result.percentage) if final else "0",
    }
    return render("certificate.html.j2", cert=cert)


def write_pages(out: Path, outcomes: Sequence[TraineeOutcome], ctx: PageContext) -> int:
    """Write every trainee's feedback page (and certificate if passed); return the count."""
    feedback_dir = out / FEEDBACK_DIR
    certificate_dir = out / CERTIFICATE_DIR
    feedback_dir.mkdir(exist_ok=True)
    certificate_dir.mkdir(exist_ok=True)
    for outcome in outcomes:
        name = page_name(outcome.trainee_id)
        href = None
        certificate = certificate_dir / name
        certificate.unlink(missing_ok=True)  # a key fix may have turned a pass into a fail
        if outcome.passed:
            certificate.write_text(certificate_page(outcome, ctx), encoding="utf-8")
            href = f"../{CERTIFICATE_DIR}/{name}"
        (feedback_dir / name).write_text(feedback_page(outcome, ctx, href), encoding="utf-8")
    return len(outcomes)
