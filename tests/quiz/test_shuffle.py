"""Per-trainee option order: deterministic, a permutation, and fair over many trainees."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from skinlessons.quiz.models import QUESTION_ADAPTER, AnyQuestion
from skinlessons.quiz.shuffle import option_order, permute
from testkit.strategies import questions

BASE: dict[str, Any] = {"stem": "S", "objectives": ["LO1"], "references": ["R1"]}
OPTION_IDS = ["epidermis", "dermis", "subcutis", "muscle"]


def choice(*, shuffle: bool = True, question_id: str = "layers") -> AnyQuestion:
    return QUESTION_ADAPTER.validate_python(
        {
            **BASE,
            "id": question_id,
            "type": "single_choice",
            "shuffle": shuffle,
            "options": [{"id": i, "text": i} for i in OPTION_IDS],
            "key": "dermis",
        }
    )


def test_order_is_pinned_for_a_known_trainee():
    """A trainee's order stays the same across releases, so reopened lessons look the same."""
    assert option_order("jdoe", choice()) == ["subcutis", "dermis", "muscle", "epidermis"]


def test_file_order_without_trainee_or_with_shuffle_off():
    """No trainee id, or 'shuffle: false', keeps the options in file order."""
    assert option_order(None, choice()) == OPTION_IDS
    assert option_order("", choice()) == OPTION_IDS
    assert option_order("jdoe", choice(shuffle=False)) == OPTION_IDS


def test_order_depends_on_question_id():
    """The same trainee sees different orders in different questions (for most ids)."""
    orders = {tuple(option_order("jdoe", choice(question_id=f"q{n}"))) for n in range(20)}
    assert len(orders) > 5


def test_types_without_options_have_no_order():
    """True/false, numeric and short text questions have nothing to shuffle."""
    question = QUESTION_ADAPTER.validate_python(
        {**BASE, "id": "t", "type": "true_false", "key": True}
    )
    assert option_order("jdoe", question) == []


@given(st.text(min_size=1, max_size=20), questions())
def test_order_is_a_deterministic_permutation(trainee_id: str, question: AnyQuestion):
    """The same trainee and question always give the same permutation of the ids."""
    first = option_order(trainee_id, question)
    assert first == option_order(trainee_id, question)
    assert sorted(first) == sorted(option_order(None, question))


def test_every_option_takes_every_position_over_many_trainees():
    """Over 400 trainees each option appears at each position, roughly evenly."""
    counts = Counter(
        (option_id, position)
        for n in range(400)
        for position, option_id in enumerate(option_order(f"trainee{n}", choice()))
    )
    assert len(counts) == len(OPTION_IDS) ** 2
    assert min(counts.values()) > 400 / len(OPTION_IDS) * 0.6


def test_permute_covers_every_order_of_three():
    """All 6 orders of three ids occur (no order is unreachable)."""
    seen = {
        tuple(permute(["a", "b", "c"], trainee_id=f"t{n}", question_id="q")) for n in range(200)
    }
    assert len(seen) == 6
