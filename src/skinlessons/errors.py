"""The exception hierarchy, and the one place that formats a problem's location.

Every message has the shape *what is wrong — where — how to fix it*. Library code raises these;
the CLI prints them and exits 1. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class SkinlessonsError(Exception):
    """Base class of every error this package raises on purpose."""

    def _render_traceback_(self) -> list[str]:
        """Show notebook users the message alone, not a traceback (IPython calls this)."""
        return [f"Error: {self}"]


class ContentError(SkinlessonsError, ValueError):
    """A problem in a content file (facts, quizzes, objectives, notebooks), with its location.

    Args:
        message: what is wrong, stating the rule that was broken.
        path: the file, if known.
        line: 1-based line in that file, if known.
        field: dotted path of the offending field (``questions.2.tolerance``), if known.
        item_id: the id of the record concerned (a question id, a reference id...), if known.
        hint: how to fix it, in one sentence.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        field: str | None = None,
        item_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.field = field
        self.item_id = item_id
        self.hint = hint
        super().__init__(self.format())

    @property
    def location(self) -> str:
        """``path:line`` (or as much of it as is known), the prefix editors can jump to."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    def format(self) -> str:
        """The full one-line message: ``path:line: field: message (id 'x'). Fix: hint``."""
        parts = []
        if self.location:
            parts.append(f"{self.location}:")
        if self.field:
            parts.append(f"{self.field}:")
        text = self.message
        if self.item_id:
            text += f" (in '{self.item_id}')"
        parts.append(text)
        out = " ".join(parts)
        if self.hint:
            out += f" Fix: {self.hint}"
        return out

    def sort_key(self) -> tuple[str, int, str]:
        """Order problems by file, then line, then message."""
        return (str(self.path or ""), self.line or 0, self.message)


class DataFileError(ContentError):
    """A problem in the package's course data (facts, references, rules)."""


class QuizFormatError(ContentError):
    """A problem in a quiz file or in quizzes/objectives.yaml."""


class LessonFormatError(ContentError):
    """A problem in a lesson notebook's structure."""


class CaseFormatError(ContentError):
    """A problem in quizzes/cases.yaml (the virtual clients)."""


class ContentErrors(SkinlessonsError, ValueError):
    """Several content problems found at once; ``problems`` lists every one of them."""

    def __init__(self, problems: Iterable[ContentError]) -> None:
        self.problems = sorted(problems, key=ContentError.sort_key)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__("\n".join([head, *(p.format() for p in self.problems)]))


class CourseNotFoundError(SkinlessonsError, FileNotFoundError):
    """The course folder (the one holding quizzes/objectives.yaml) could not be found."""


class TraineeIdError(SkinlessonsError, ValueError):
    """A trainee id is missing or not acceptable."""


class SubmissionError(SkinlessonsError, ValueError):
    """A submission file cannot be read or graded."""


class GradingError(SkinlessonsError):
    """Grading could not go on (not a problem with one submission: those are reported)."""


class HandoutBuildError(SkinlessonsError):
    """Building the HTML handouts failed."""


class ExportError(SkinlessonsError):
    """A quiz could not be exported to an LMS format."""


class ReleaseError(SkinlessonsError):
    """The trainee release could not be built, or would have carried an answer key."""
