"""Grade CSV files an LMS imports, the formative progress, and the roster check.

All files are UTF-8 without a byte-order mark, comma-separated, one header row, decimal point
(columns in the README, "Grading submissions"; what Moodle's and Canvas's importers read is
checked there too). Which trainees and identity columns the LMS files hold is decided by
:mod:`skinlessons.gradebook.lms_identity`, so no row can be matched to the wrong user.
Only the final assessment is graded; formative quizzes go to their own file
and never count. Trainees who are not on the roster are left out of the LMS files (the LMS could
not match them) and listed in ``roster_check.csv``.

Every cell of every CSV file of a run goes through :func:`write_csv`, the one owner of CSV
injection (OWASP): a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return, and is not a plain number, is written with a leading apostrophe, so no spreadsheet runs
it as a formula.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..cases import CasesFile
from ..cases.record import CASES_ID
from ..submission.trainee_ids import FORMULA_STARTS
from .case_progress import case_counts
from .lms_identity import MOODLE_IDENTITIES, plan_identities

if TYPE_CHECKING:  # annotations only: roster.py uses this module's formula rule
    from .cohort import TraineeOutcome
    from .roster import RosterCheck

MOODLE_FILE: Final = "grades_moodle.csv"
CANVAS_FILE: Final = "grades_canvas.csv"
FORMATIVE_FILE: Final = "formative_progress.csv"
ROSTER_CHECK_FILE: Final = "roster_check.csv"
FINAL_COLUMN: Final = "Final assessment"
MOODLE_COLUMNS: Final = (
    "Username",
    "ID number",
    "Email address",
    "Full name",
    FINAL_COLUMN,
    "Percentage",
    "Status",
)
CANVAS_COLUMNS: Final = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section", FINAL_COLUMN)
CANVAS_POINTS_ROW: Final = "Points Possible"
FORMATIVE_COLUMNS: Final = (
    "Trainee ID",
    "Quiz",
    "Answered",
    "Questions",
    "Score",
    "Max points",
    "Percentage",
    "Checks",
)
ROSTER_CHECK_COLUMNS: Final = ("Trainee ID", "Name", "Problem")
NOT_ON_ROSTER: Final = "submitted, but not on the roster: match the id by hand"
NO_SUBMISSION: Final = "on the roster, but no submission was received"
FORMULA_PREFIXES: Final = (*FORMULA_STARTS, "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP)."""
NEUTRALISER: Final = "'"
_PLAIN_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def is_formula_like(text: str) -> bool:
    """True if a spreadsheet would read ``text`` as a formula (a plain number is not one)."""
    return text.startswith(FORMULA_PREFIXES) and _PLAIN_NUMBER.fullmatch(text) is None


def neutralised(text: str) -> str:
    """``text`` as it is written into a CSV cell: formula-like text gets a leading apostrophe."""
    return NEUTRALISER + text if is_formula_like(text) else text


def number(value: float) -> str:
    """A score as text: at most two decimals, no trailing zeros (``12``, ``12.5``)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """Write one CSV file of the run: UTF-8, comma-separated, ``header`` then ``rows``.

    Every cell is :func:`neutralised`, so nothing a trainee or a roster wrote runs as a formula.
    """
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralised(cell) for cell in header])
        writer.writerows([neutralised(cell) for cell in row] for row in rows)
    return path


def _final(outcome: TraineeOutcome) -> tuple[str, str]:
    if outcome.final is None:
        return "", ""
    result = outcome.final.result
    return number(result.score), number(result.percentage)


def _canvas_points(outcome: TraineeOutcome, max_points: float) -> str:
    """The final's points out of ``max_points``; scaled if this trainee's draw was worth less
    (a voided question in their draw of a pooled final), so every trainee is out of the same."""
    if outcome.final is None:
        return ""
    result = outcome.final.result
    if result.max_points == max_points or not result.max_points:
        return number(result.score)
    return number(result.percentage * max_points / 100)


def _on_roster(outcomes: Sequence[TraineeOutcome]) -> list[TraineeOutcome]:
    return [outcome for outcome in outcomes if outcome.is_on_roster]


def moodle_table(outcomes: Sequence[TraineeOutcome]) -> tuple[list[str], list[list[str]]]:
    """The header and rows of ``grades_moodle.csv`` (see :func:`write_moodle`)."""
    rostered = _on_roster(outcomes)
    plan = plan_identities([outcome.identity for outcome in rostered])
    header = [MOODLE_IDENTITIES[name] for name in plan.moodle_fields]
    header += [column for column in MOODLE_COLUMNS if column not in MOODLE_IDENTITIES.values()]
    rows = []
    for outcome in rostered:
        who = outcome.identity
        if who.trainee_id in plan.moodle_left_out:
            continue
        # Moodle usernames are always lowercase, and its import compares them exactly.
        ids = [
            getattr(who, name).lower() if name == "username" else getattr(who, name)
            for name in plan.moodle_fields
        ]
        score, percentage = _final(outcome)
        rows.append([*ids, who.display_name, score, percentage, outcome.status])
    return header, rows


def write_moodle(out: Path, outcomes: Sequence[TraineeOutcome]) -> Path:
    """``grades_moodle.csv``: map users on Username, ID number or Email address.

    No identity cell is ever blank (Moodle's import would give that row's grade to the user of
    the row above): an identity column is written only when every row fills it, and a
    trainee without the fullest one is left out (both listed in ``roster_check.csv``).
    """
    header, rows = moodle_table(outcomes)
    return write_csv(out / MOODLE_FILE, header, rows)


def write_canvas(out: Path, outcomes: Sequence[TraineeOutcome], max_points: float) -> Path:
    """``grades_canvas.csv``: Canvas's five identity columns, then the points of the final.

    A trainee with none of ``ID``, ``SIS User ID`` and ``SIS Login ID`` is left out (Canvas
    would match the row on the name alone) and listed in ``roster_check.csv``.
    """
    rostered = _on_roster(outcomes)
    plan = plan_identities([outcome.identity for outcome in rostered])
    rows: list[Sequence[str]] = [(CANVAS_POINTS_ROW, "", "", "", "", number(max_points))]
    for outcome in rostered:
        who = outcome.identity
        if who.trainee_id in plan.canvas_left_out:
            continue
        score = _canvas_points(outcome, max_points)
        rows.append(
            (who.display_name, who.canvas_id, who.sis_user_id, who.sis_login_id, who.section, score)
        )
    return write_csv(out / CANVAS_FILE, CANVAS_COLUMNS, rows)


def write_formative(
    out: Path, outcomes: Sequence[TraineeOutcome], cases: CasesFile | None = None
) -> Path:
    """``formative_progress.csv``: one row per trainee and lesson quiz (never counted), and
    one for the virtual clients when the course has them (decided; right first time)."""
    return write_csv(out / FORMATIVE_FILE, FORMATIVE_COLUMNS, _formative_rows(outcomes, cases))


def _formative_rows(
    outcomes: Sequence[TraineeOutcome], cases: CasesFile | None
) -> Iterator[tuple[str, ...]]:
    """The rows of ``formative_progress.csv``, one at a time (a large cohort has many)."""
    for outcome in outcomes:
        for quiz_id, quiz in sorted(outcome.graded.quizzes.items()):
            if quiz.kind != "formative":
                continue
            result = quiz.result
            answers = outcome.submission.quizzes.get(quiz_id)
            checks = sum(a.attempts for a in answers.answers.values()) if answers else 0
            yield (
                outcome.trainee_id,
                quiz_id,
                str(quiz.answered_count),
                str(len(result.results)),
                number(result.score),
                number(result.max_points),
                number(result.percentage),
                str(checks),
            )
        if cases is not None:
            found = case_counts(outcome.submission.quizzes.get(CASES_ID), cases)
            share = 100 * found.right_first_time / found.total if found.total else 0.0
            yield (outcome.trainee_id, CASES_ID, str(found.decided), str(found.total),
                   str(found.right_first_time), str(found.total), number(share),
                   str(found.checks))  # fmt: skip


def write_roster_check(out: Path, check: RosterCheck) -> Path:
    """``roster_check.csv``: unknown ids, roster trainees who sent nothing, cells to fix."""
    rows = [(trainee_id, "", NOT_ON_ROSTER) for trainee_id in check.unknown_ids]
    rows += [(entry.trainee_id, entry.name, NO_SUBMISSION) for entry in check.non_submitters]
    rows += [(entry.trainee_id, entry.name, problem) for entry, problem in check.cell_problems]
    return write_csv(out / ROSTER_CHECK_FILE, ROSTER_CHECK_COLUMNS, rows)
