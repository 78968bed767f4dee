"""The virtual clients against the course's rules: what the rules decide, and feedback.

Pure functions, no display. :func:`rule_decision` runs :func:`~.suitability.assess` on a case's
facts (phototype, mark, every screening finding) and reads the verdict for the booked
procedure as a decision; :func:`case_problems` reports every case whose expected decision
differs, and every id that names no course data, with its file and line; :func:`judge` gives
the trainee's feedback on each step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from .._util.yamlsource import YamlDocument
from ..cases.models import DECISION_WORDS, Case, CasesFile, IntakeQuestion
from ..errors import CaseFormatError, ContentError
from ..facts import Facts, load_facts
from .suitability import Advice, Verdict, assess

DECISION_OF_VERDICT: Final[dict[Verdict, str]] = {
    Verdict.SUITABLE: "proceed",
    Verdict.CAUTION: "proceed-with-changes",
    Verdict.DEFER: "defer",
    Verdict.REFER: "refer",
}
"""A rule verdict for the booked procedure read as the case's decision."""
WHAT_FOLLOWS: Final[dict[str, str]] = {
    "proceed": "You would treat today as booked, with the usual aftercare.",
    "proceed-with-changes": "You would treat today, but not as booked: the plan changes first.",
    "defer": "You would not treat today, and would book the client again later.",
    "refer": "You would not treat, and would send the client to someone else with a note.",
}
"""What each decision leads to, said to the trainee beside the feedback."""


def rule_advice(case: Case, facts: Facts | None = None) -> Advice:
    """The course's advice for the booked procedure, from the case's facts."""
    facts = facts or load_facts()
    advice = assess(case.skin_check.mark, case.phototype, case.findings, facts)
    return next(item for item in advice if item.procedure_id == case.request.procedure)


def rule_decision(case: Case, facts: Facts | None = None) -> str:
    """The decision the course's rules give for the case (``proceed`` ... ``refer``)."""
    return DECISION_OF_VERDICT[rule_advice(case, facts).verdict]


def case_problems(cases: CasesFile, doc: YamlDocument, facts: Facts) -> list[ContentError]:
    """Ids that name no course data, and cases whose expected decision the rules contradict."""
    problems: list[ContentError] = []

    def problem(message: str, loc: tuple[str | int, ...], hint: str) -> None:
        problems.append(CaseFormatError(message, path=doc.path, line=doc.line_of(loc), hint=hint))

    for index, case in enumerate(cases.cases):
        here: tuple[str | int, ...] = ("cases", index)
        unknown = _unknown_ids(case, facts)
        for loc, message, hint in unknown:
            problem(f"case {case.id!r}: {message}", (*here, *loc), hint)
        if unknown:
            continue
        advice = rule_advice(case, facts)
        decided = DECISION_OF_VERDICT[advice.verdict]
        if decided != case.expected.decision:
            rules = "; ".join(f"{r.rule_id} ({r.verdict})" for r in advice.reasons) or "none"
            problem(
                f"case {case.id!r} expects {case.expected.decision!r}, but the course's rules "
                f"give {decided!r} for {case.request.procedure} (rules that apply: {rules})",
                (*here, "expected", "decision"),
                "correct the expected decision or the case's facts; if the rules lack what the "
                "case needs, add the rule to rules.yaml with its reference.",
            )
    return problems


def _unknown_ids(case: Case, facts: Facts) -> list[tuple[tuple[str | int, ...], str, str]]:
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    known_findings = ", ".join(facts.contraindications)
    for number, answer in enumerate(case.intake):
        for finding in answer.findings:
            if finding not in facts.contraindications:
                found.append(
                    (
                        ("intake", number, "findings"),
                        f"finding {finding!r} is no contraindication id",
                        f"use one of: {known_findings}.",
                    )
                )
    for finding in case.skin_check.findings:
        if finding not in facts.contraindications:
            found.append(
                (
                    ("skin_check", "findings"),
                    f"finding {finding!r} is no contraindication id",
                    f"use one of: {known_findings}.",
                )
            )
    marks = {**facts.scars, **facts.non_scars}
    if case.skin_check.mark is not None and case.skin_check.mark not in marks:
        found.append(
            (
                ("skin_check", "mark"),
                f"mark {case.skin_check.mark!r} is no scar or mark id",
                f"use one of: {', '.join(marks)}.",
            )
        )
    if case.request.procedure not in facts.procedures:
        found.append(
            (
                ("request", "procedure"),
                f"procedure {case.request.procedure!r} is no procedure id",
                f"use one of: {', '.join(facts.procedures)}.",
            )
        )
    found.extend(
        (("references",), f"cites {ref}, which is not in the references data", "cite one it has.")
        for ref in case.references
        if ref not in facts.references
    )
    return found


@dataclass(frozen=True)
class CaseFeedback:
    """Feedback on one attempt: questions missed, the decision, what follows, references."""

    missed: tuple[IntakeQuestion, ...]
    """Questions not asked whose answers held a finding."""
    skin_check_done: bool
    chosen: str | None
    is_right: bool
    lines: tuple[str, ...]
    references: tuple[str, ...]


def judge(
    case: Case,
    questions: Iterable[IntakeQuestion],
    asked: Iterable[str],
    *,
    skin_check_done: bool,
    chosen: str | None,
    facts: Facts | None = None,
) -> CaseFeedback:
    """Feedback on the trainee's steps for ``case`` (nothing is graded or counted).

    Args:
        case: the client.
        questions: every intake question of the cases file.
        asked: ids of the questions the trainee asked.
        skin_check_done: whether the trainee read the skin check.
        chosen: the decision chosen (``proceed`` ... ``refer``), or None.
        facts: the course data (default: the package's data).
    """
    facts = facts or load_facts()
    asked_ids = set(asked)
    missed = tuple(q for q in questions if q.id not in asked_ids and case.answer_to(q).findings)
    expected = case.expected
    lines = []
    if missed:
        names = "; ".join(f"{q.text} ({case.answer_to(q).answer})" for q in missed)
        lines.append(f"You did not ask what mattered here: {names}")
    else:
        lines.append("You asked every question that mattered for this client.")
    lines.append(f"Fitzpatrick type from the burn and tan answers: {case.phototype}.")
    if not skin_check_done:
        lines.append(f"You did not read the skin check: {case.skin_check.seen}")
    if chosen is None:
        lines.append("Choose a decision, then check it.")
    else:
        verdict = "Right" if chosen == expected.decision else "Not this time"
        lines.append(
            f"{verdict}: you chose {DECISION_WORDS[chosen]}; the expected decision is "
            f"{DECISION_WORDS[expected.decision]}. {WHAT_FOLLOWS[chosen]}"
        )
    lines.append(f"Why: {expected.reasons}")
    details = (expected.changes, expected.until, expected.refer_to, expected.note)
    labels = ("Changes", "Until", "Refer to", "Note")
    lines.extend(f"{label}: {text}" for label, text in zip(labels, details, strict=True) if text)
    advice = rule_advice(case, facts)
    decisive = [reason for reason in advice.reasons if reason.verdict == advice.verdict]
    lines.extend(f"Course rule: {reason.text}" for reason in decisive)
    refs = dict.fromkeys([*case.references, *(r for a in decisive for r in a.reference_ids)])
    return CaseFeedback(
        missed=missed,
        skin_check_done=skin_check_done,
        chosen=chosen,
        is_right=chosen == expected.decision,
        lines=tuple(lines),
        references=tuple(refs),
    )
