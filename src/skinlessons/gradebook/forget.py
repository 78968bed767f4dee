"""Delete one trainee's personal data from a grading output folder (``--forget``).

Removes the trainee's rows from the gradebook (then compacts the file, so the deleted data does
not linger in free pages), their feedback page and certificate, and the CSV files that list
trainees (the next ``skinlessons grade`` writes them again without the trainee).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import GradingError
from . import lms_csv
from .feedback_pages import CERTIFICATE_DIR, FEEDBACK_DIR, page_name
from .store import GRADEBOOK_FILE, open_gradebook
from .summary import FILES_LOG

TRAINEE_LISTS = (
    lms_csv.MOODLE_FILE,
    lms_csv.CANVAS_FILE,
    lms_csv.FORMATIVE_FILE,
    lms_csv.ROSTER_CHECK_FILE,
    FILES_LOG,
)
"""Output files that name trainees; ``--forget`` removes them."""


@dataclass(frozen=True)
class ForgetReport:
    """What was removed: the submission file names the trainee had, and output files."""

    trainee_id: str
    sources: list[str]
    removed: list[Path]

    def lines(self) -> list[str]:
        """What to tell the instructor, including what is left for them to do."""
        lines = [
            f"Removed {len(self.sources)} submission(s) of {self.trainee_id} from the gradebook "
            f"and {len(self.removed)} output file(s)."
        ]
        lines += [
            f"Delete this submission file too, or the next run adds it back: {name}"
            for name in self.sources
        ]
        lines.append("Run skinlessons grade again to rewrite the CSV files and the report.")
        return lines


def forget_trainee(out: Path, trainee_id: str) -> ForgetReport:
    """Delete every record of ``trainee_id`` in the output folder ``out``.

    Raises:
        GradingError: ``out`` holds no gradebook.
    """
    if not (out / GRADEBOOK_FILE).is_file():
        raise GradingError(
            f"there is no gradebook in {out}. Fix: pass the --out folder of an earlier run."
        )
    book = open_gradebook(out)
    try:
        sources = book.forget(trainee_id)
    finally:
        book.close()
    name = page_name(trainee_id)
    candidates = [out / FEEDBACK_DIR / name, out / CERTIFICATE_DIR / name]
    candidates += [out / file_name for file_name in TRAINEE_LISTS]
    removed = [path for path in candidates if path.is_file()]
    for path in removed:
        path.unlink()
    return ForgetReport(trainee_id, sources, removed)
