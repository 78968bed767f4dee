"""Play test-wise trainees through the quiz bank: how far do cues alone get them?

Run: ``python benchmarks/test_wise.py [COURSE]``. Each strategy sees only the stems and option
texts of the single-choice and multiple-answers questions (never a key) and picks:

- *longest*: the option with the most characters;
- *most words*: the option with the most words;
- *odd form*: the option that is alone in having (or lacking) a form feature (a reason, a hedge,
  a number, a colon, a semicolon, a parenthesis);
- *position*: for ``shuffle: false`` questions, the best single fixed position of the quiz
  (counted from the top or the bottom); shuffled questions give it chance.

For multiple answers a strategy picks every option scoring above the question's mean. Ties
are broken at random, so a question scores its expected value (1/ties when the key is among
the tied options). Chance is 1/options for single choice and 1/(2^options - 1) for an exact
multiple-answers pick. A *decisive* hit is a question the strategy answers right with no tie.
Goal: on the final no strategy scores more than chance + 10 points, and no strategy answers a
must-pass single-choice or multiple-answers question right decisively.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from skinlessons.quiz.item_features import length, mean, odd_forms, word_count
from skinlessons.quiz.loader import load_valid_quizzes
from skinlessons.quiz.models import AnyQuestion, MultipleAnswers, Quiz, SingleChoice

GOAL_MARGIN_POINTS = 10.0
Metric = Callable[[Sequence[str]], list[float]]


def _per_option(measure: Callable[[str], int]) -> Metric:
    return lambda texts: [float(measure(text)) for text in texts]


def _odd_form(texts: Sequence[str]) -> list[float]:
    return [float(len(odd_forms(texts, [index]))) for index in range(len(texts))]


METRICS: dict[str, Metric] = {
    "longest": _per_option(length),
    "most words": _per_option(word_count),
    "odd form": _odd_form,
}


@dataclass
class Tally:
    """Expected right answers of one strategy over a quiz's option questions."""

    score: float = 0.0
    decisive_must_pass: int = 0


Choice = SingleChoice | MultipleAnswers


def _keys(question: Choice) -> set[int]:
    ids = question.option_ids()
    keys = question.key if isinstance(question.key, list) else [question.key]
    return {ids.index(key) for key in keys if key in ids}


def chance(question: Choice) -> float:
    """The chance of a blind exact guess."""
    count = len(question.options)
    return 1 / count if isinstance(question, SingleChoice) else 1 / (2**count - 1)


def play(question: Choice, values: list[float]) -> tuple[float, bool]:
    """(expected score, decisive hit) of a strategy giving each option ``values``."""
    keys = _keys(question)
    if isinstance(question, SingleChoice):
        best = max(values)
        tied = {index for index, value in enumerate(values) if value == best}
        return (1 / len(tied) if keys & tied else 0.0), tied == keys
    picked = {index for index, value in enumerate(values) if value > mean(values)}
    if not picked:
        return chance(question), False
    return float(picked == keys), picked == keys


def _positions(questions: list[Choice]) -> dict[str, list[float]]:
    """Per fixed position, the expected score on each question (chance when shuffled)."""
    places = {f"{side} {n}" for side in ("top", "bottom") for n in range(1, 7)}
    scores: dict[str, list[float]] = {place: [] for place in places}
    for question in questions:
        count, keys = len(question.options), _keys(question)
        for place in places:
            side, n = place.split()
            index = int(n) - 1 if side == "top" else count - int(n)
            if question.shuffle or isinstance(question, MultipleAnswers):
                scores[place].append(chance(question))
            else:
                scores[place].append(float(0 <= index < count and keys == {index}))
    return scores


def _is_choice(question: AnyQuestion) -> bool:
    return isinstance(question, SingleChoice | MultipleAnswers) and question.key is not None


def quiz_row(quiz: Quiz) -> tuple[int, float, dict[str, Tally]]:
    """(option questions, chance %, strategy → tally in % with decisive must-pass hits)."""
    questions: list[Choice] = [q for q in quiz.questions if _is_choice(q)]  # type: ignore[misc]
    tallies = {name: Tally() for name in METRICS}
    for question in questions:
        texts = [option.text for option in question.options]
        for name, metric in METRICS.items():
            score, decisive = play(question, metric(texts))
            tallies[name].score += score
            tallies[name].decisive_must_pass += int(decisive and question.must_pass)
    if questions:
        by_place = _positions(questions)
        best = max(by_place, key=lambda place: sum(by_place[place]))
        tallies[f"position ({best})"] = Tally(sum(by_place[best]))
    total = len(questions) or 1
    for tally in tallies.values():
        tally.score = 100 * tally.score / total
    return len(questions), 100 * sum(map(chance, questions)) / total, tallies


def main(course: Path | None = None) -> int:
    """Print each strategy's score against chance per quiz; 1 if the final misses the goal."""
    met = True
    for item in load_valid_quizzes(course):
        quiz = item.quiz
        count, base, tallies = quiz_row(quiz)
        if not count:
            continue
        print(f"{quiz.id} ({count} option questions, chance {base:.0f}%)")
        for name, tally in tallies.items():
            margin = tally.score - base
            extra = f", {tally.decisive_must_pass} must-pass right" if quiz.is_summative else ""
            print(f"  {name:<22} {tally.score:5.1f}%  ({margin:+5.1f} points{extra})")
            if quiz.is_summative and (margin > GOAL_MARGIN_POINTS or tally.decisive_must_pass):
                met = False
    print("Goal met on the final." if met else "Goal NOT met on the final.")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
