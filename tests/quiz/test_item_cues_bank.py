"""The real quiz bank against the test-wise strategies: no key found by length, words or form.

The item-writing check flags a key clearly longer (1.3×) than its distractors; these tests are
stricter on the bank itself: a reader who always picks the longest option, the option with the
most words, or the option alone in its form must never land on a single-choice key without a
tie (a tie only gives chance). The benchmark ``benchmarks/test_wise.py`` prints the same
strategies' scores per quiz.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skinlessons.quiz.course_checks import LoadedQuiz
from skinlessons.quiz.item_features import length, odd_forms, word_count
from skinlessons.quiz.loader import load_valid_quizzes
from skinlessons.quiz.models import SingleChoice

REPO = Path(__file__).resolve().parents[2]
REWRITTEN = (
    "jacob-most-common-subtype",
    "fitzpatrick-basis",
    "cold-sore-history-peel-series",
    "keloid-history-before-peels",
    "plan-shallow-boxcar-type-v",
    "skin-turnover-time",
)


@pytest.fixture(scope="module")
def course() -> list[LoadedQuiz]:
    return load_valid_quizzes(REPO)


def _single_choice(course: list[LoadedQuiz]) -> dict[str, SingleChoice]:
    return {
        q.id: q
        for item in course
        for q in item.quiz.questions
        if isinstance(q, SingleChoice) and q.key is not None
    }


def _alone_at_top(values: list[int], index: int) -> bool:
    """True when ``values[index]`` is the one highest value (no tie)."""
    return values[index] == max(values) and values.count(values[index]) == 1


def _key_index(question: SingleChoice) -> int:
    return question.option_ids().index(str(question.key))


def test_no_key_is_alone_the_longest_or_wordiest(course: list[LoadedQuiz]) -> None:
    """Across every quiz, no single-choice key is the one longest or the one wordiest option."""
    found = []
    for qid, question in _single_choice(course).items():
        texts = [option.text for option in question.options]
        key = _key_index(question)
        if _alone_at_top([length(t) for t in texts], key):
            found.append(f"{qid}: longest")
        if _alone_at_top([word_count(t) for t in texts], key):
            found.append(f"{qid}: most words")
        if odd_forms(texts, [key]):
            found.append(f"{qid}: odd form {odd_forms(texts, [key])}")
    assert found == []


@pytest.mark.parametrize("qid", REWRITTEN)
def test_rewritten_keys_tie_at_most_with_chance(course: list[LoadedQuiz], qid: str) -> None:
    """The six keys the audit named: neither longest nor wordiest, even in a tie with others
    (a tie at the top beats chance when fewer options than all share it)."""
    question = _single_choice(course)[qid]
    texts = [option.text for option in question.options]
    key = _key_index(question)
    for measure in (length, word_count):
        values = [measure(text) for text in texts]
        top = [i for i, value in enumerate(values) if value == max(values)]
        assert key not in top or len(top) == len(texts), (measure.__name__, values)
