"""How different each trainee's pooled final is, and what the pools cost to draw, show and grade.

Run: ``python benchmarks/variants.py [--trainees N] [--pool-size K]``. A final that has pools
is measured as it is, against its one-question-per-slot form (the first question of each pool
and every question in no pool). A final without pools is turned into a pooled one for the
measurement only: each of its questions becomes a slot, a pool of K copies (ids ``<id>-v1`` ...
with the stem marked), of which each trainee draws one; the copies stand for the equally
difficult questions the bank would hold, and the figures depend on the pool design, not on the
texts. Prints, for N simulated trainees (default 1,000):

(a) the number of distinct finals;
(b) the mean share of questions two trainees have in common, over every pair (goal <= 35 %);
(c) the CPU time to draw one trainee's final, and to draw and build it as the notebook's live
    quiz (goal <= 100 ms), p50 and p95, with the ratio to building the unpooled final (timed in
    turn with it);
(d) the grading core's speed on the pooled course (goal >= 1,000 trainees/s, as without pools),
    with the ratio to the unpooled course in the same run (best of three rounds, in turn).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ipywidgets import Widget

from grading import CORE_GOAL_PER_S, REPO, make_cohort, time_core
from skinlessons.logic.variants import is_template, shown_quiz, valid_variants
from skinlessons.quiz.draw import drawn_ids
from skinlessons.quiz.loader import load_quiz_files
from skinlessons.quiz.models import Quiz
from skinlessons.quiz.pools import Pool
from skinlessons.trainee.recording import MemoryAnswerLog
from skinlessons.trainee.widget import QuizWidget

SHARE_GOAL = 0.35
RENDER_GOAL_S = 0.100
RENDERS = 60
ROUNDS = 3


def pooled(final: Quiz, size: int) -> Quiz:
    """``final`` with every question a slot: a pool of ``size`` marked copies, one drawn."""
    questions = []
    pools = []
    for question in final.questions:
        copies = [
            question.model_copy(
                update={"id": f"{question.id}-v{n}", "stem": f"{question.stem} (copy {n})"}
            )
            for n in range(1, size + 1)
        ]
        questions += copies
        pools.append(Pool(id=f"slot-{question.id}", draw=1, questions=[q.id for q in copies]))
    data = final.model_copy(update={"questions": questions, "pools": pools}).model_dump()
    return Quiz.model_validate(data)


def one_per_slot(final: Quiz) -> Quiz:
    """A pooled ``final`` as one fixed final: the first question of each pool, no pools."""
    pooled_ids = {qid for pool in final.pools for qid in pool.questions}
    first = {pool.questions[0] for pool in final.pools}
    kept = [q for q in final.questions if q.id not in pooled_ids or q.id in first]
    data = final.model_copy(update={"questions": kept, "pools": []}).model_dump()
    return Quiz.model_validate(data)


def shared_share(draws: Sequence[frozenset[object]]) -> float:
    """The mean share of questions two different trainees have in common, over every pair."""
    size = len(next(iter(draws)))
    shares = [len(a & b) / size for a, b in itertools.combinations(draws, 2)]
    return statistics.fmean(shares)


def timings(actions: list[Callable[[int], object]], count: int) -> list[list[float]]:
    """CPU seconds each action takes for n = 0 .. count-1, the actions taken in turn (so a
    busy moment on a shared machine costs them alike), after one untimed warm-up each."""
    for action in actions:
        action(-1)
    Widget.close_all()
    found: list[list[float]] = [[] for _ in actions]
    for number in range(count):
        for action, times in zip(actions, found, strict=True):
            start = time.process_time()
            action(number)
            times.append(time.process_time() - start)
            Widget.close_all()  # a kernel shows one final; old widgets would slow the next
    return found


def _p(values: list[float], share: float) -> float:
    return sorted(values)[min(len(values) - 1, int(share * len(values)))]


def main() -> int:
    """Measure the draw, the live quiz and grading with pools; print them against the goals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=1_000)
    parser.add_argument("--pool-size", type=int, default=3)
    arguments = parser.parse_args()
    count, size = arguments.trainees, arguments.pool_size
    quizzes = load_quiz_files(REPO)
    final = next(quiz for quiz in quizzes if quiz.is_summative)
    if final.pools:
        bank, final = final, one_per_slot(final)
        quizzes = [final if quiz.id == final.id else quiz for quiz in quizzes]
        sizes = sorted({len(pool.questions) for pool in bank.pools})
        size_text = "/".join(str(n) for n in sizes)
    else:
        bank, size_text = pooled(final, size), str(size)
    trainees = [f"trainee{number:04d}" for number in range(count)]
    shown = [shown_quiz(bank, trainee) for trainee in trainees]
    draws = [frozenset((q.id, q.stem) for q in quiz.questions) for quiz in shown]  # a variant
    share = shared_share(draws)  # of a template is a question of its own
    print(f"pooled final: {len(final.questions)} slots, each 1 of {size_text} "
          f"({len(bank.questions)} questions in the bank)")  # fmt: skip
    print(f"(a) distinct finals: {len(set(draws)):,} of {count:,} trainees")
    templates = [q for q in bank.questions if is_template(q)]
    seen = [(q.id, q.stem) for quiz in shown for q in quiz.questions if q.id in {t.id for t in
            templates}]  # fmt: skip
    spaces = ", ".join(f"{q.id} ({len(valid_variants(q))} variants)" for q in templates)
    print(f"    templates in the final: {spaces or 'none'}; {len(seen):,} of {count:,} trainees "
          f"were shown one, in {len(set(seen))} distinct variants")  # fmt: skip
    print(
        f"(b) mean share of questions two trainees have in common: {100 * share:.1f} % "
        f"(goal <= {100 * SHARE_GOAL:.0f} %: {'met' if share <= SHARE_GOAL else 'NOT met'})"
    )

    (draw,) = timings([lambda n: drawn_ids(bank, trainees[n])], min(count, 1_000))
    shown, plain = timings(
        [
            lambda n: QuizWidget(bank, recorder=MemoryAnswerLog(), trainee_id=trainees[n]),
            lambda n: QuizWidget(final, recorder=MemoryAnswerLog(), trainee_id=trainees[n]),
        ],
        RENDERS,
    )
    p95 = _p(shown, 0.95)
    p50, base, base95 = _p(shown, 0.5), _p(plain, 0.5), _p(plain, 0.95)
    print(f"(c) draw one final: p50 {1e6 * _p(draw, 0.5):.0f} us, p95 "
          f"{1e6 * _p(draw, 0.95):.0f} us; draw and build the live quiz: p50 {1e3 * p50:.1f} "
          f"ms, p95 {1e3 * p95:.1f} ms CPU (goal <= {1e3 * RENDER_GOAL_S:.0f} ms: "
          f"{'met' if p95 <= RENDER_GOAL_S else 'NOT met'}); ratio to the unpooled final "
          f"(p50 {1e3 * base:.1f} ms, p95 {1e3 * base95:.1f} ms): {p50 / base:.2f}")  # fmt: skip

    course = [bank if quiz.id == final.id else quiz for quiz in quizzes]
    rates = {"pooled": 0.0, "unpooled": 0.0}
    with tempfile.TemporaryDirectory() as temp:
        cohorts = {"pooled": course, "unpooled": quizzes}
        for name, chosen in cohorts.items():
            make_cohort(chosen, count, Path(temp) / name)
        for _round in range(ROUNDS):  # in turn, best of each: a busy moment costs both alike
            for name, chosen in cohorts.items():
                graded, _wall, cpu = time_core(chosen, Path(temp) / name)
                rates[name] = max(rates[name], graded / cpu)
    print(f"(d) grading core, {count:,} trainees: pooled {rates['pooled']:,.0f} trainees/s CPU, "
          f"unpooled {rates['unpooled']:,.0f}/s; ratio {rates['pooled'] / rates['unpooled']:.2f}"
          f" (goal >= {CORE_GOAL_PER_S:,}/s: "
          f"{'met' if rates['pooled'] >= CORE_GOAL_PER_S else 'NOT met'})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
