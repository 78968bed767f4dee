"""Per-trainee option order: a permutation fixed by the trainee id and the question id.

The same trainee always sees the same order (after a restart, on another machine), different
trainees see different orders, and grading never depends on it because responses carry ids.
The permutation is a Fisher-Yates shuffle driven by SHA-256 in counter mode, so it does not
change with the Python version the way :mod:`random` may.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any, Final

from . import models
from .models import AnyQuestion

_WORD_BYTES: Final = 8
_WORD_RANGE: Final = 1 << (8 * _WORD_BYTES)


class _Stream:
    """Uniform integers drawn from SHA-256(seed, counter)."""

    def __init__(self, seed: bytes) -> None:
        self._seed = seed
        self._counter = 0
        self._buffer = b""

    def _word(self) -> int:
        if len(self._buffer) < _WORD_BYTES:
            block = hashlib.sha256(self._seed + self._counter.to_bytes(8, "big")).digest()
            self._counter += 1
            self._buffer += block
        word, self._buffer = self._buffer[:_WORD_BYTES], self._buffer[_WORD_BYTES:]
        return int.from_bytes(word, "big")

    def below(self, bound: int) -> int:
        """A uniform integer in ``[0, bound)``, by rejection (no modulo bias)."""
        limit = _WORD_RANGE - _WORD_RANGE % bound
        while True:
            word = self._word()
            if word < limit:
                return word % bound


def permute(ids: Sequence[str], *, trainee_id: str, question_id: str) -> list[str]:
    """``ids`` in the order this trainee sees for this question (deterministic)."""
    seed = hashlib.sha256(f"{trainee_id}\x00{question_id}".encode()).digest()
    stream = _Stream(seed)
    order = list(ids)
    for index in range(len(order) - 1, 0, -1):
        other = stream.below(index + 1)
        order[index], order[other] = order[other], order[index]
    return order


def shuffled_ids(question: AnyQuestion) -> list[str]:
    """The ids a question shows in a shuffled order: options, matches or items, in file order.

    Other types (true/false, numeric, short text) have none: the list is empty.
    """
    return _SHUFFLED[type(question)](question)


def _none(question: Any) -> list[str]:
    return []


_SHUFFLED: Final[dict[type[Any], Callable[[Any], list[str]]]] = {
    models.SingleChoice: lambda question: [option.id for option in question.options],
    models.MultipleAnswers: lambda question: [option.id for option in question.options],
    models.TrueFalse: _none,
    models.Numeric: _none,
    models.Matching: lambda question: [match.id for match in question.matches],
    models.Ordering: lambda question: [item.id for item in question.items],
    models.ShortText: _none,
}


def option_order(trainee_id: str | None, question: AnyQuestion) -> list[str]:
    """The order in which ``trainee_id`` sees the question's options (matches, items).

    Args:
        trainee_id: the trainee; None (no trainee known, e.g. an instructor preview) keeps
            the file order.
        question: any question; types without options give an empty list.

    Returns:
        A permutation of the option (match, item) ids; the file order when the question sets
        ``shuffle: false`` or there is no trainee id.
    """
    ids = shuffled_ids(question)
    if not question.shuffle or not trainee_id:
        return ids
    return permute(ids, trainee_id=trainee_id, question_id=question.id)
