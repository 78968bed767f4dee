"""The virtual clients as readable HTML: each case's story, answers, skin check and decision.

Handouts cannot run the case simulator, so its output carries this summary instead; the live
simulator uses the same pieces for the answers it reveals and for its feedback.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from skinlessons.cases.models import DECISION_WORDS, Case, CasesFile, IntakeQuestion
from skinlessons.logic.cases import CaseFeedback


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _refs(reference_ids: Iterable[str]) -> str:
    return " ".join(f"[{_esc(ref)}]" for ref in reference_ids)


def arrival_html(case: Case) -> str:
    """Who arrives, why, and what is booked."""
    return (
        f"<p><strong>{_esc(case.client)}</strong> ({_esc(case.sex)}). {_esc(case.arrives)} "
        f"Booked: {_esc(case.request.detail)}.</p>"
    )


def answers_html(case: Case, asked: Iterable[IntakeQuestion], *, skin_check: bool) -> str:
    """The answers to the questions asked so far and, once done, the skin check."""
    items = [
        f"<li><strong>{_esc(q.text)}</strong> {_esc(case.answer_to(q).answer)}</li>" for q in asked
    ]
    if skin_check:
        items.append(f"<li><strong>Skin check:</strong> {_esc(case.skin_check.seen)}</li>")
    if not items:
        return "<p>No question asked yet.</p>"
    return f"<ul>{''.join(items)}</ul>"


def expected_html(case: Case) -> str:
    """The expected decision with its details, reasons and references."""
    expected = case.expected
    details = (
        ("Changes", expected.changes),
        ("Until", expected.until),
        ("Refer to", expected.refer_to),
        ("Note", expected.note),
    )
    parts = [f"<p><strong>Expected decision: {_esc(DECISION_WORDS[expected.decision])}.</strong>"]
    parts += [f" {label}: {_esc(text)}" for label, text in details if text]
    parts.append(f"</p><p>Why: {_esc(expected.reasons)} {_refs(case.references)}</p>")
    return "".join(parts)


def feedback_html(feedback: CaseFeedback, written: str = "") -> str:
    """The feedback on one attempt, in words (never color alone), with references.

    ``written`` is what the trainee typed about changes, timing or referral, shown back beside
    the expected details so they can compare (free text is never graded).
    """
    heading = (
        "Right decision."
        if feedback.is_right
        else "Decision not chosen yet."
        if feedback.chosen is None
        else "Not the expected decision."
    )
    lines = (
        [f"You wrote: {written.strip()}", *feedback.lines] if written.strip() else feedback.lines
    )
    items = "".join(f"<li>{_esc(line)}</li>" for line in lines)
    return (
        f'<div role="status"><p><strong>{heading}</strong></p><ul>{items}</ul>'
        f"<p>References: {_refs(feedback.references)}</p></div>"
    )


def cases_summary_html(cases: CasesFile) -> str:
    """Every case as a static summary: arrival, every answer, skin check, expected decision."""
    sections = []
    for number, case in enumerate(cases.cases, start=1):
        listed = {answer.question for answer in case.intake}
        answers = answers_html(
            case, [q for q in cases.questions if q.id in listed], skin_check=True
        )
        sections.append(
            f'<section class="skinlessons-case" aria-label="Client {number}">'
            f"<h3>Client {number}: {_esc(case.client)}</h3>{arrival_html(case)}"
            f"<p>What the intake and skin check show (every other question has the usual "
            f"answer):</p>{answers}"
            f"<details><summary>Decision and reasons</summary>{expected_html(case)}</details>"
            "</section>"
        )
    intro = (
        "<p>The virtual clients (formative practice; nothing is graded). In the notebook you "
        "choose which questions to ask, then decide; here the answers that matter are shown.</p>"
    )
    return f'<div class="skinlessons-cases">{intro}{"".join(sections)}</div>'
