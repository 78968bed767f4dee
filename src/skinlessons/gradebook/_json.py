"""Canonical JSON text of a JSON value, fast: what the gradebook stores and memoises by.

Sorted keys, ``", "`` and ``": "`` separators, Unicode kept (``json.dumps`` with
``sort_keys=True, ensure_ascii=False``): the same text for the same value, whatever its key order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from json import encoder as _json_encoder
from typing import Any, Final

_encode: Final = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_make_c_encoder = getattr(_json_encoder, "c_make_encoder", None)
_one_shot: Callable[[Any, int], Sequence[str]] | None = (
    None
    if _make_c_encoder is None
    else _make_c_encoder(
        None,
        json.JSONEncoder().default,
        _json_encoder.encode_basestring,
        None,
        ": ",
        ", ",
        True,
        False,
        True,
    )
)
"""The C encoder that ``_encode`` builds afresh for every list or object, built once (without
the circular-reference check: the values come from JSON, which has no cycles)."""


def canonical_json(value: Any) -> str:
    """``value`` as canonical JSON text: sorted keys, ``", "`` and ``": "``, Unicode kept."""
    if type(value) is str or _one_shot is None:
        return _encode(value)
    return "".join(_one_shot(value, 0))
