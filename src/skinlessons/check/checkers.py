"""The checkers ``check`` runs, each a name and ``run(course)``, and how ``--only`` picks them."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import ContentError
from .model import Checked, Checker, CourseUnderCheck, Finding


def _errors(problems: Iterable[ContentError]) -> list[Finding]:
    return [Finding.of(problem) for problem in problems]


def _check_facts(course: CourseUnderCheck) -> Checked:
    from ..facts import collect_fact_problems, load_facts

    problems = collect_fact_problems(course.data_dir)
    if problems:
        return Checked(_errors(problems))
    return Checked(counts=dict(load_facts(course.data_dir).counts()))


def _check_quizzes(course: CourseUnderCheck) -> Checked:
    from ..quiz.loader import collect_course_problems

    problems, counts = collect_course_problems(course.root)
    return Checked([*_errors(problems), *_template_findings(course)], counts)


def _template_findings(course: CourseUnderCheck) -> list[Finding]:
    """Each template question's generator, parameters, stem and variants (facts permitting)."""
    from ..logic.template_checks import template_problems
    from ..quiz.loader import load_valid_quizzes

    facts = course.facts
    if facts is None:  # the facts checker reports why
        return []
    return _errors(
        p for item in load_valid_quizzes(course.root) for p in template_problems(item, facts)
    )


def _check_item_writing(course: CourseUnderCheck) -> Checked:
    from ..quiz.item_writing import course_findings
    from ..quiz.loader import load_valid_quizzes

    findings, allowed = course_findings(load_valid_quizzes(course.root))
    notes = [Finding(cue.note(), "warning", (str(cue.path), cue.line, "")) for cue in allowed]
    return Checked([*_errors(finding.error() for finding in findings), *notes])


def _check_lessons(course: CourseUnderCheck) -> Checked:
    from ..lessons.checks import course_lesson_problems, exercise_counts

    facts = course.facts
    if facts is None:  # the facts checker reports why
        problems, lessons = course_lesson_problems(course.root, None)
    else:
        problems, lessons = course_lesson_problems(
            course.root, set(facts.references), list(facts.glossary.values())
        )
    findings = [Finding.of(p, "warning" if p.warning else "error") for p in problems]
    return Checked(findings, {"lessons": lessons}, _exercise_note(exercise_counts(course.root)))


def _check_cases(course: CourseUnderCheck) -> Checked:
    from ..cases import read_cases
    from ..course import cases_file
    from ..logic.cases import case_problems

    path = cases_file(course.root)
    if not path.is_file():
        return Checked()
    cases, problems, doc = read_cases(path)
    if cases is None or doc is None:
        return Checked(_errors(problems))
    facts = course.facts
    if facts is None:  # the facts checker reports why
        return Checked()
    return Checked(_errors(case_problems(cases, doc, facts)), {"cases": len(cases.cases)})


def _exercise_note(counts: dict[str, int]) -> list[str]:
    """One line: the exercise cells of each lesson, and in all."""
    if not counts:
        return []
    each = ", ".join(f"{lesson} {count}" for lesson, count in counts.items())
    return [f"Exercise cells per lesson: {each} ({sum(counts.values())} in all)."]


CHECKERS: tuple[Checker, ...] = (
    Checker("facts", "the course data: facts, references, rules", _check_facts),
    Checker("quizzes", "every quiz file and objectives.yaml", _check_quizzes),
    Checker("items", "item writing: cues that give a quiz key away", _check_item_writing),
    Checker("lessons", "the lesson notebooks: format, layout, tags, references", _check_lessons),
    Checker(
        "cases", "the virtual clients: schema, ids, and agreement with the rules", _check_cases
    ),
)
CHECKER_NAMES: tuple[str, ...] = tuple(checker.name for checker in CHECKERS)


def select_checkers(names: Iterable[str] | None = None) -> tuple[Checker, ...]:
    """The checkers with these names, in their usual order; None or nothing selects all.

    Raises:
        ValueError: a name is not a checker's; the message lists the names.
    """
    wanted = set(names or ())
    unknown = sorted(wanted - set(CHECKER_NAMES))
    if unknown:
        raise ValueError(
            f"no checker named {', '.join(repr(n) for n in unknown)}; "
            f"the checkers are: {', '.join(CHECKER_NAMES)}"
        )
    return tuple(c for c in CHECKERS if not wanted or c.name in wanted)
