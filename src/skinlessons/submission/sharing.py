"""One copy of each repeated value of a cohort's submissions: ids, texts, lists of choices.

A cohort gives the same question ids and the same answers thousands of times; a batch of
10,000 trainees holds every submission at once, so each short text is interned and each short
list or object of texts (a multiple-answers or ordering response, a matching) is kept once and
shared. Responses are read, never changed in place, so sharing them is safe. A record
unpickled from a worker process goes through the same function (``format.AnswerRecord``).
"""

from __future__ import annotations

import sys
from typing import Any, Final

_TEXT_LENGTH: Final = 100
"""Texts up to this length are interned (a longer one is free text, rarely repeated)."""
_ITEMS: Final = 24
"""Lists and objects of up to this many texts are shared."""
_CAPACITY: Final = 200_000
"""At most this many distinct lists and objects are kept for sharing (then no more are)."""
_held: dict[tuple[Any, ...], Any] = {}


def shared(value: Any) -> Any:
    """``value`` with its short texts interned and its short lists and objects of texts shared
    (an equal value already seen is returned instead of a copy)."""
    if isinstance(value, str):
        return sys.intern(value) if len(value) <= _TEXT_LENGTH else value
    if isinstance(value, list):
        items = [shared(item) for item in value]
        if len(items) > _ITEMS or not all(type(item) is str for item in items):
            return items
        return _held_copy(("list", *items), items)
    if isinstance(value, dict):
        pairs = {shared(key): shared(item) for key, item in value.items()}
        if len(pairs) > _ITEMS or not all(type(item) is str for item in pairs.values()):
            return pairs
        return _held_copy(("dict", *pairs.items()), pairs)
    return value


def _held_copy(key: tuple[Any, ...], value: Any) -> Any:
    found = _held.get(key)
    if found is not None:
        return found
    if len(_held) < _CAPACITY:
        _held[key] = value
    return value
