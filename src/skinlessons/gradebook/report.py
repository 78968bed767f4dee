"""The item-analysis report: per quiz, facility, discrimination, option counts and alpha.

Built from each trainee's current submission. A formative item is judged on the trainee's first
checked answer (Moodle uses first attempts by default); the final assessment on the graded one.
Figures are embedded as PNG ``data:`` URIs with alt text, so the page works offline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from ..quiz.draw import draw_max_points
from ..quiz.models import AnyQuestion, Quiz
from ..quiz.responses import fits, is_blank
from ._describe import short_label
from ._plots import ReportCharts
from ._templates import render
from .cohort import PASS, TraineeOutcome
from .item_analysis import MIN_ANSWERS_TO_JUDGE, TOO_FEW, analyse_items, cronbach_alpha, mean
from .lms_csv import number
from .pool_stats import pool_flags, pool_names, slot_matrix
from .template_stats import TemplateRows, template_label, template_rows

REPORT_FILE: Final = "item_analysis.html"


def _percent(value: float | None) -> str:
    return "—" if value is None else number(100 * value)


def _option_counts(question: AnyQuestion, responses: Sequence[Any]) -> list[dict[str, Any]]:
    """How often each option (or true/false) was chosen, the key marked in words."""
    if question.type == "true_false":
        choices = [
            ("true", "True", question.key is True),
            ("false", "False", question.key is False),
        ]
        counts = Counter("true" if r is True else "false" for r in responses if isinstance(r, bool))
    elif question.type in {"single_choice", "multiple_answers"}:
        key = question.key_value()
        keys = set(key) if isinstance(key, list) else {key}
        choices = [
            (option.id, option.text, option.id in keys)
            for option in getattr(question, "options", [])
        ]
        counts = Counter()
        for response in responses:
            for chosen in dict.fromkeys(response if isinstance(response, list) else [response]):
                if isinstance(chosen, str):
                    counts[chosen] += 1
    else:
        return []
    return [{"text": text, "count": counts[cid], "is_key": is_key} for cid, text, is_key in choices]


def _template(rows: TemplateRows | None) -> dict[str, Any] | None:
    """A template's variants as the report shows them (facility in percent), or None."""
    if rows is None:
        return None
    variants = [
        {"shown": v.values, "answered": v.answered, "facility": _percent(v.facility)}
        for v in rows.variants
    ]
    return {"generator": rows.generator, "variants": variants, "unlisted": rows.unlisted}


def _quiz_section(
    quiz: Quiz, outcomes: Sequence[TraineeOutcome], charts: ReportCharts
) -> dict[str, Any]:
    rows: list[list[float | None]] = []
    answered = [0] * len(quiz.questions)
    responses: list[list[Any]] = [[] for _ in quiz.questions]
    for outcome in outcomes:
        graded = outcome.graded.quizzes[quiz.id]
        firsts = graded.first_results  # a pooled quiz: only the questions drawn
        if not any(result.is_answered for result in firsts.values()):
            continue
        rows.append([firsts[q.id].score if q.id in firsts else None for q in quiz.questions])
        record = outcome.submission.quizzes.get(quiz.id)
        for column, question in enumerate(quiz.questions):
            if question.id not in firsts:
                continue
            if firsts[question.id].is_answered:
                answered[column] += 1
            answer = record.answers.get(question.id) if record else None
            if answer is not None:
                shown = answer.response if quiz.is_summative else answer.first_response
                if not is_blank(shown) and fits(question, shown):
                    responses[column].append(shown)
    stats = analyse_items(
        [q.id for q in quiz.questions], [q.points for q in quiz.questions], rows, answered
    )
    slots = slot_matrix(quiz, rows)
    alpha = cronbach_alpha(slots) if len(rows) > 1 else None
    max_total = draw_max_points(quiz)
    pools = pool_names(quiz)
    templates = template_rows(quiz, outcomes)
    questions = [
        {
            "number": n,
            "id": q.id,
            "label": short_label(template_label(q.stem) if q.id in templates else q.stem),
            "answered": s.answered,
            "facility": _percent(s.facility),
            "discrimination": _percent(s.discrimination),
            "flags": ", ".join(s.flags) or "none",
            "options": _option_counts(q, responses[n - 1]),
            "must_pass": q.must_pass,
            "pool": pools.get(q.id, ""),
            "template": _template(templates.get(q.id)),
        }
        for n, (q, s) in enumerate(zip(quiz.questions, stats, strict=True), start=1)
    ]
    plot = charts.items(stats, quiz.title) if len(rows) > 1 else None
    return {
        "id": quiz.id,
        "title": quiz.title,
        "kind": quiz.kind,
        "trainees": len(rows),
        "mean": number(100 * mean([sum(r) for r in slots]) / max_total) if max_total else "—",
        "alpha": _percent(alpha),
        "judgement": TOO_FEW if len(rows) < MIN_ANSWERS_TO_JUDGE else "",
        "questions": questions,
        "plot": plot,
        "pool_flags": pool_flags(quiz, stats),
    }


def write_report(
    out: Path,
    outcomes: Sequence[TraineeOutcome],
    quizzes: Mapping[str, Quiz],
    final_quiz_id: str | None,
    graded_on: str,
) -> Path:
    """Write ``<out>/item_analysis.html`` and return its path."""
    order = sorted(quizzes, key=lambda qid: (qid != final_quiz_id, qid))
    charts = ReportCharts(out)
    sections = [_quiz_section(quizzes[qid], outcomes, charts) for qid in order]
    distribution = None
    if final_quiz_id is not None and outcomes:
        final = quizzes[final_quiz_id]
        percentages = [o.final.result.percentage for o in outcomes if o.final is not None]
        distribution = charts.score_distribution(percentages, final.pass_mark_pct, final.title)
    page = {
        "graded_on": graded_on,
        "trainees": len(outcomes),
        "passed": sum(1 for o in outcomes if o.status == PASS),
        "min_answers": MIN_ANSWERS_TO_JUDGE,
        "distribution": distribution,
        "sections": sections,
    }
    path = out / REPORT_FILE
    path.write_text(render("report.html.j2", page=page), encoding="utf-8")
    charts.forget_unused()
    return path
