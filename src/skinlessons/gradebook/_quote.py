"""The one way a reason quotes a value: ``repr`` style, at most ~80 characters, with an ellipsis.

A trainee controls the values a reason quotes (an id, a file name, an answer); a 10 kB id must
not become a 10 kB row in ``files.csv`` or a screenful in the summary.
"""

from __future__ import annotations

from typing import Final

QUOTE_LIMIT: Final = 80
"""The most characters a quoted value takes in a reason, quotes and ellipsis included."""
REASON_LIMIT: Final = 600
"""The most characters a whole reason takes (a last guard; quoted values are already short)."""
ELLIPSIS: Final = "…"


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` itself if it fits in ``limit`` characters, else its start and an ellipsis."""
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)] + ELLIPSIS


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` as a reason quotes it (``repr``), at most ``limit`` characters long.

    A long value keeps its opening quote and ends in ``…'``, so the reader still sees that
    it was text and where it was cut.
    """
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # an int above Python's digit limit, deep nesting
        return f"<{type(value).__name__} too large to show>"
    if len(text) <= limit:
        return text
    closing = text[-1] if isinstance(value, str) else ""
    return text[: limit - len(ELLIPSIS) - len(closing)] + ELLIPSIS + closing


def bounded_reason(reason: str) -> str:
    """A reason cut to :data:`REASON_LIMIT` characters, keeping its end (the how-to-fix)."""
    if len(reason) <= REASON_LIMIT:
        return reason
    tail = REASON_LIMIT // 3
    return reason[: REASON_LIMIT - tail - len(ELLIPSIS)] + ELLIPSIS + reason[-tail:]
