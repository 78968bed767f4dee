"""Normalise short typed answers so that trivial differences do not cost a trainee the mark."""

from __future__ import annotations

import unicodedata
from typing import Final

TRAILING_PUNCTUATION: Final = ".,;:!?…。"


def normalise_answer(text: str) -> str:
    """The comparable form of a short answer.

    Unicode NFKC (full-width letters, ligatures, no-break spaces become plain ones), case
    folding, whitespace trimmed and collapsed to single spaces, trailing punctuation removed.
    ``"  Stratum   CORNEUM. "`` and ``"stratum corneum"`` compare equal.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    collapsed = " ".join(folded.split())
    return collapsed.rstrip(TRAILING_PUNCTUATION).rstrip()
