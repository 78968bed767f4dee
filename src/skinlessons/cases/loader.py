"""Read ``quizzes/cases.yaml`` into the case model; every problem located by file and line.

:func:`read_cases` never raises for bad content: it returns the problems (schema errors from
pydantic, plus ids that repeat or name no intake question). Ids that must name course data
(findings, marks, procedures, references) are checked with the rules, in
:mod:`skinlessons.logic.cases`.
"""

from __future__ import annotations

from pathlib import Path

from .._util.yamlsource import YamlDocument, read_yaml, validate_document
from ..course import cases_file
from ..errors import CaseFormatError, ContentError, ContentErrors
from .models import CasesFile


def read_cases(
    path: Path | str,
) -> tuple[CasesFile | None, list[ContentError], YamlDocument | None]:
    """Read and validate the cases file: ``(cases or None, problems, document or None)``."""
    path = Path(path)
    try:
        doc = read_yaml(path, error_cls=CaseFormatError)
    except ContentError as unreadable:
        return None, [unreadable], None
    cases, problems = validate_document(CasesFile, doc, error_cls=CaseFormatError)
    if cases is not None:
        problems = _id_problems(cases, doc)
    return (None if problems else cases), problems, doc


def load_cases(path: Path | str) -> CasesFile:
    """The cases file as a model.

    Raises:
        ContentErrors: every problem found, each with its line.
    """
    cases, problems, _doc = read_cases(path)
    if problems or cases is None:
        raise ContentErrors(problems)
    return cases


def course_cases(root: Path) -> CasesFile | None:
    """The course's virtual clients, or None for a course without ``quizzes/cases.yaml``.

    Raises:
        ContentErrors: the file exists and has problems (each with file:line).
    """
    path = cases_file(root)
    return load_cases(path) if path.is_file() else None


def _id_problems(cases: CasesFile, doc: YamlDocument) -> list[ContentError]:
    """Repeated question or case ids, and intake answers to no question (or to one twice)."""
    problems: list[ContentError] = []

    def problem(message: str, loc: tuple[str | int, ...], hint: str) -> None:
        problems.append(CaseFormatError(message, path=doc.path, line=doc.line_of(loc), hint=hint))

    ids = {
        "questions": [question.id for question in cases.questions],
        "cases": [case.id for case in cases.cases],
    }
    for key, record_ids in ids.items():
        seen: set[str] = set()
        for index, record_id in enumerate(record_ids):
            if record_id in seen:
                problem(
                    f"{key[:-1]} id {record_id!r} is used twice",
                    (key, index, "id"),
                    "give each one its own id.",
                )
            seen.add(record_id)
    known = [question.id for question in cases.questions]
    for index, case in enumerate(cases.cases):
        asked: set[str] = set()
        for number, answer in enumerate(case.intake):
            where = ("cases", index, "intake", number, "question")
            if answer.question not in known:
                problem(
                    f"case {case.id!r} answers {answer.question!r}, which is no intake question",
                    where,
                    f"use one of the question ids: {', '.join(known)}.",
                )
            elif answer.question in asked:
                problem(
                    f"case {case.id!r} answers {answer.question!r} twice",
                    where,
                    "keep one answer per question.",
                )
            asked.add(answer.question)
    return problems
