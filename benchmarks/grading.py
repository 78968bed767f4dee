"""Time batch grading: 1,000 synthetic trainees answering every quiz of the course.

Run: ``python benchmarks/grading.py [--trainees N]``. Submissions are made with the project's
own builder (``build_submission``) from a seeded answer log: each trainee has an ability, each
question a difficulty, and the chance of a right answer follows a logistic curve, so the
cohort has realistic spread (wrong options, off-tolerance numbers, typos, blanks, retries on
lesson checks). Prints:

(a) the grading core alone (parsed submissions → graded results): goal >= 1,000 trainees/s;
(b) the whole ``skinlessons grade`` command (gradebook, CSV files, one feedback page per
    trainee, certificates, report): goal <= 15 s. Wall and CPU time are both shown; on a
    shared machine the CPU time is the fairer figure;
(c) the whole command for a large cohort (``--large``, 10,000 trainees): wall and CPU time and
    peak memory (RSS) of the grading process, each as a ratio to its goal (<= 40 s, <= 400 MB;
    a ratio of 1 or less meets it). ``--large 0`` skips it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from skinlessons.gradebook.intake import read_submission
from skinlessons.gradebook.records import Submission
from skinlessons.gradebook.regrade import Grader
from skinlessons.logic.variants import shown_quiz
from skinlessons.quiz.loader import load_quiz_files
from skinlessons.quiz.models import AnyQuestion, Quiz
from skinlessons.quiz.projection import quiz_version
from skinlessons.trainee.recording import AnswerEvent
from skinlessons.trainee.submit import build_submission

REPO = Path(__file__).resolve().parent.parent
CORE_GOAL_PER_S = 1_000
COMMAND_GOAL_S = 15.0
LARGE_COHORT = 10_000
LARGE_GOAL_S = 40.0
LARGE_GOAL_MB = 400.0
SEED = 20261125


def _wrong(question: AnyQuestion, rng: random.Random) -> Any:
    """A plausible wrong response of the question's shape."""
    key = question.key_value()
    if question.type == "single_choice":
        return rng.choice([o.id for o in question.options if o.id != key])  # type: ignore[union-attr]
    if question.type == "multiple_answers":
        ids = [o.id for o in question.options]  # type: ignore[union-attr]
        return rng.sample(ids, rng.randint(1, len(ids)))
    if question.type == "true_false":
        return not key
    if question.type == "numeric":
        value = key.value * rng.choice([0.1, 0.5, 2.0, 10.0]) + 1
        return f"{value:.3g}".replace(".", ",")
    if question.type == "matching":
        matches = list(key.values())
        rng.shuffle(matches)
        return dict(zip(key, matches, strict=True))
    if question.type == "ordering":
        order = list(key)
        first, second = rng.sample(range(len(order)), 2)
        order[first], order[second] = order[second], order[first]
        return order
    return rng.choice(["epidermis", "dermis", "the top layer", "stratum lucidum"])


def _right(question: AnyQuestion, rng: random.Random) -> Any:
    key = question.key_value()
    if question.type == "numeric":
        return f"{key.value:g}".replace(".", "," if rng.random() < 0.3 else ".")
    if question.type == "short_text":
        return rng.choice(key).upper() if rng.random() < 0.2 else rng.choice(key)
    return key


def _answer(question: AnyQuestion, ability: float, rng: random.Random) -> Any:
    difficulty = (int.from_bytes(question.id.encode()[:4], "big") % 300) / 100 - 1.5
    chance = 1 / (1 + math.exp(-(ability - difficulty)))
    return _right(question, rng) if rng.random() < chance else _wrong(question, rng)


def make_cohort(quizzes: list[Quiz], count: int, folder: Path) -> None:
    """Write ``count`` submission files into ``folder`` (seeded, reproducible)."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    versions = {quiz.id: quiz_version(quiz) for quiz in quizzes}
    for number in range(count):
        trainee = f"trainee{number:04d}"
        ability = rng.gauss(0.6, 1.0)
        events: list[AnswerEvent] = []
        for quiz in quizzes:
            version = versions[quiz.id]
            for question in shown_quiz(quiz, trainee).questions:  # their draw, their variants
                if rng.random() < 0.04:
                    continue
                is_check = not quiz.is_summative
                response = _answer(question, ability, rng)
                events.append(AnswerEvent(len(events) + 1, quiz.id, version, question.id,
                                          response, is_check))  # fmt: skip
                if is_check and response != question.key_value() and rng.random() < 0.7:
                    events.append(AnswerEvent(len(events) + 1, quiz.id, version, question.id,
                                              _right(question, rng), True))  # fmt: skip
        document = build_submission(events, quizzes, trainee, created_at="2026-11-30T12:00:00Z")
        (folder / f"{trainee}.json").write_text(json.dumps(document.to_json()), encoding="utf-8")


def time_core(quizzes: list[Quiz], folder: Path) -> tuple[int, float, float]:
    """(trainees, wall s, CPU s) to grade every parsed submission with a fresh grader."""
    parsed = [read_submission(path, folder) for path in sorted(folder.iterdir())]
    submissions = [item for item in parsed if isinstance(item, Submission)]
    start, start_cpu = time.perf_counter(), time.process_time()
    grader = Grader({quiz.id: quiz for quiz in quizzes})
    for submission in submissions:
        grader.grade_submission(submission)
    return len(submissions), time.perf_counter() - start, time.process_time() - start_cpu


def time_command(folder: Path, out: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of ``skinlessons grade`` in a fresh process."""
    start = time.perf_counter()
    command = [sys.executable, "-c", "from skinlessons.cli import main; main()", "grade",
               str(folder), "--out", str(out), "--course", str(REPO)]  # fmt: skip
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)  # this child's own usage, not all children's
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"skinlessons grade failed with exit status {child.returncode}")
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return wall, usage.ru_utime + usage.ru_stime, peak_mb


def main() -> int:
    """Generate the cohort, time both parts, print the figures against their goals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=LARGE_COHORT)
    arguments = parser.parse_args()
    count, large = arguments.trainees, arguments.large
    quizzes = load_quiz_files(REPO)
    with tempfile.TemporaryDirectory() as temp:
        folder, out = Path(temp) / "submissions", Path(temp) / "graded"
        make_cohort(quizzes, count, folder)
        graded, wall, cpu = time_core(quizzes, folder)
        questions = sum(len(quiz.questions) for quiz in quizzes)
        print(f"(a) grading core: {graded} trainees x {questions} questions: "
              f"{graded / wall:,.0f} trainees/s wall ({wall:.2f} s), {graded / cpu:,.0f} "
              f"trainees/s CPU ({cpu:.2f} s); goal >= {CORE_GOAL_PER_S:,}/s: "
              f"{'met' if graded / cpu >= CORE_GOAL_PER_S else 'NOT met'} (CPU)")  # fmt: skip
        wall, cpu, peak = time_command(folder, out)
        pages = len(list((out / "feedback").iterdir()))
        print(f"(b) whole command: {wall:.1f} s wall, {cpu:.1f} s CPU, {peak:.0f} MB peak RSS "
              f"for {count} submissions, {pages} feedback pages; goal <= {COMMAND_GOAL_S:g} s: "
              f"{'met' if cpu <= COMMAND_GOAL_S else 'NOT met'} (CPU)")  # fmt: skip
    if large:
        time_large(quizzes, large)
    return 0


def time_large(quizzes: list[Quiz], count: int) -> None:
    """(c): the whole command on ``count`` trainees, as ratios to the time and memory goals."""
    with tempfile.TemporaryDirectory() as temp:
        folder, out = Path(temp) / "submissions", Path(temp) / "graded"
        make_cohort(quizzes, count, folder)
        wall, cpu, peak = time_command(folder, out)
    print(f"(c) whole command, {count:,} trainees: {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"{peak:.0f} MB peak RSS; ratio to goal (<= 1 meets it): wall "
          f"{wall / LARGE_GOAL_S:.2f}, CPU {cpu / LARGE_GOAL_S:.2f} of {LARGE_GOAL_S:g} s, "
          f"memory {peak / LARGE_GOAL_MB:.2f} of {LARGE_GOAL_MB:g} MB")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
