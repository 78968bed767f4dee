"""Which sitting of a pooled final the trainee is on: ``$SKINLESSONS_SITTING``, else the first.

An instructor who allows a re-sit tells the trainee (or sets it on the hub) to use sitting 2, 3,
...; the draw then picks afresh. The live quiz and ``submit`` both read it here.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import SubmissionError
from ..names import SITTING_ENV
from ..quiz.draw import FIRST_SITTING
from ..submission.parse import MAX_SITTING


def current_sitting(environ: Mapping[str, str]) -> int:
    """The sitting set in the environment, or the first one.

    Raises:
        SubmissionError: the variable is set to anything but a whole number from 1.
    """
    text = environ.get(SITTING_ENV, "").strip()
    if not text:
        return FIRST_SITTING
    if text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_SITTING:
        return int(text)
    raise SubmissionError(
        f"{SITTING_ENV} is {text!r}, not a sitting number. Fix: set it to the re-sit number "
        f"your instructor gave you (2, 3, ... up to {MAX_SITTING}), or unset it for the "
        "first sitting."
    )
