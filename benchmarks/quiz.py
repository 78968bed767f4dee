"""Time loading and checking a quiz bank, and grading one response.

Run: ``python benchmarks/quiz.py``. Uses the course's own quizzes/ when they load without
problems, otherwise a generated bank of 60 questions (every type) in a temporary folder.
Goal: loading and checking the bank takes well under 1 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skinlessons.errors import SkinlessonsError
from skinlessons.quiz.grading import grade
from skinlessons.quiz.loader import collect_course_problems, load_course_quizzes
from skinlessons.quiz.models import Quiz
from skinlessons.quiz.projection import to_yaml

LOAD_GOAL_S = 1.0
REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class _Reference:
    kind: str = "peer-reviewed"
    verified: bool = True


def _timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(best, median) seconds per call over ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def _question(number: int) -> dict[str, Any]:
    kind = number % 7
    base: dict[str, Any] = {
        "id": f"bench-q{number}",
        "stem": f"Question {number}: which layer does a superficial peel reach?",
        "objectives": [f"LO{number % 2 + 1}"],
        "references": ["R1"],
        "explanation": "Superficial peels stay within the epidermis.",
        "must_pass": number < 10,
    }
    entries = [{"id": f"e{i}", "text": f"Entry {i}"} for i in range(4)]
    shapes: list[dict[str, Any]] = [
        {"type": "single_choice", "options": entries, "key": "e1"},
        {"type": "multiple_answers", "options": entries, "key": ["e0", "e2"]},
        {"type": "true_false", "key": True},
        {"type": "numeric", "unit": "%", "allow": ["fraction"],
         "key": {"value": 50, "tolerance": 1}},
        {"type": "matching", "prompts": entries[:3], "matches": entries,
         "key": {"e0": "e1", "e1": "e2", "e2": "e3"}},
        {"type": "ordering", "items": entries, "key": ["e3", "e2", "e1", "e0"]},
        {"type": "short_text", "key": ["stratum corneum", "horny layer"]},
    ]  # fmt: skip
    return {**base, **shapes[kind]}


def _generated_course(folder: Path, questions: int = 60) -> Path:
    quizzes = folder / "quizzes"
    quizzes.mkdir(parents=True)
    (quizzes / "objectives.yaml").write_text(
        "course:\n  - {id: LO1, text: Layers.}\n  - {id: LO2, text: Screening.}\n"
        "lessons:\n  - {id: 01_bench, title: Bench, duration_min: 30}\n"
        "  - {id: 07_final, title: Final, duration_min: 45}\n",
        encoding="utf-8",
    )
    half = questions // 2
    for quiz_id, kind, numbers in (
        ("01_bench", "formative", range(half, questions)),
        ("07_final", "summative", range(half)),
    ):
        quiz = Quiz.model_validate(
            {"id": quiz_id, "title": quiz_id, "lesson": quiz_id, "kind": kind,
             "pass_mark_pct": 75, "questions": [_question(n) for n in numbers]}
        )  # fmt: skip
        (quizzes / f"{quiz_id}.yaml").write_text(to_yaml(quiz), encoding="utf-8")
    return folder


def main() -> int:
    """Print load and grade timings; exit 1 when loading misses the goal."""
    with tempfile.TemporaryDirectory() as scratch:
        try:
            load_course_quizzes(REPO)
            root, source = REPO, "the course's quizzes/"
            references = None
        except (SkinlessonsError, ImportError):
            root, source = _generated_course(Path(scratch)), "a generated bank"
            references = {"R1": _Reference()}
        problems, counts = collect_course_problems(root, references=references)
        best, median = _timed(lambda: collect_course_problems(root, references=references), 5)
        course = load_course_quizzes(root, references=references)
    print(f"load + check {source} ({counts['questions']} questions, {len(problems)} problems):")
    print(f"  best {best * 1000:.1f} ms, median {median * 1000:.1f} ms "
          f"({median / LOAD_GOAL_S:.2f} of the {LOAD_GOAL_S:.0f} s goal)")  # fmt: skip
    question = next(
        q for quiz in course.quizzes.values() for q in quiz.questions
        if q.type == "multiple_answers"
    )  # fmt: skip
    response = [option.id for option in question.options[:2]]  # type: ignore[union-attr]
    repeat = 20_000
    start = time.perf_counter()
    for _ in range(repeat):
        grade(question, response)
    per_call = (time.perf_counter() - start) / repeat
    print(f"grade one multiple-answers response: {per_call * 1e6:.1f} µs per call ({repeat} calls)")
    return 0 if median < LOAD_GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
