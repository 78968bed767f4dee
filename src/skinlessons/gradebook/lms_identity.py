"""Which trainees and identity columns go into the LMS grade files, so every row imports.

What the two importers do with identity cells (read in their source):

* **Moodle** (``grade/import/csv``, ``gradeimport_csv_load_data::prepare_import_grade_data``):
  the instructor maps one column to a user field (username, ID number or email address).
  A row whose cell in that column is blank keeps the user of the row *above* (the student id
  is not reset between rows), so its grade silently goes to the wrong trainee; on the first
  row it stops the import ("user not found"). A cell that matches no Moodle user stops the
  whole import ("user mapping error"), and nothing is imported.
* **Canvas** (``GradebookImporter#process_student``): a row is matched on ``ID``, then
  ``SIS User ID``, then ``SIS Login ID``, and only then on the student's *name*; blank cells
  are skipped. A row with none of the three ids is matched on the name alone.

So ``grades_moodle.csv`` never holds a blank identity cell: it keeps every identity column
that all its rows fill, and when no column is filled for every trainee, it keeps the fullest
one and leaves out the trainees without it. ``grades_canvas.csv`` leaves out trainees with
none of Canvas's three ids. Each trainee or column left out is listed in ``roster_check.csv``
with what to fill in. Pure: no files, no Moodle or Canvas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # annotations only: roster.py imports this module
    from .roster import RosterEntry

MOODLE_IDENTITIES: Final = {
    "username": "Username",
    "id_number": "ID number",
    "email": "Email address",
}
"""Roster columns Moodle's grade import can match users on, and their grades_moodle.csv header."""
CANVAS_IDENTITIES: Final = ("canvas_id", "sis_user_id", "sis_login_id")
"""Roster columns Canvas's gradebook import matches students on (``ID``, ``SIS User ID``,
``SIS Login ID``), in the order it tries them."""
ABOVE: Final = "Moodle's import gives a row with a blank user field to the user of the row above"


@dataclass(frozen=True)
class IdentityPlan:
    """The identity columns and rows of the two LMS files, and what to fix in the roster."""

    moodle_fields: tuple[str, ...]
    """Roster fields written as Moodle identity columns (in ``MOODLE_IDENTITIES`` order)."""
    moodle_left_out: frozenset[str]
    """Trainee ids left out of grades_moodle.csv (no value in the kept identity column)."""
    canvas_left_out: frozenset[str]
    """Trainee ids left out of grades_canvas.csv (none of Canvas's three ids)."""
    problems: list[tuple[RosterEntry, str]] = field(default_factory=list)
    """Per trainee, what was left out and how to fix it (for roster_check.csv)."""


def _filled(entry: RosterEntry, name: str) -> bool:
    return bool(getattr(entry, name))


def _moodle_rows(entries: Sequence[RosterEntry]) -> tuple[str | None, list[RosterEntry]]:
    """(the column that decides who is left out, or None; the entries that are written)."""
    counts = {name: sum(_filled(e, name) for e in entries) for name in MOODLE_IDENTITIES}
    if any(count == len(entries) for count in counts.values()):
        return None, list(entries)
    fullest = max(MOODLE_IDENTITIES, key=lambda name: counts[name])  # first on a tie
    return fullest, [e for e in entries if _filled(e, fullest)]


def plan_identities(entries: Sequence[RosterEntry]) -> IdentityPlan:
    """Decide the LMS files' identity columns and rows for the trainees that go to the LMS.

    Args:
        entries: the LMS identity of every trainee written to the grade files, in file order.
    """
    fullest, written = _moodle_rows(entries)
    kept = tuple(n for n in MOODLE_IDENTITIES if all(_filled(e, n) for e in written))
    used = {n for n in MOODLE_IDENTITIES if any(_filled(e, n) for e in entries)}
    problems: list[tuple[RosterEntry, str]] = []
    written_ids = {e.trainee_id for e in written}
    for entry in entries:
        if entry.trainee_id not in written_ids:
            problems.append(
                (
                    entry,
                    f"no {fullest} in the roster: left out of grades_moodle.csv, because "
                    f"{ABOVE} (or stops at the first row); fill it in and run grade again",
                )
            )
            continue
        for name in sorted(used - set(kept)):
            if not _filled(entry, name):
                problems.append(
                    (
                        entry,
                        f"no {name} in the roster, while other rows have one: the "
                        f"{MOODLE_IDENTITIES[name]!r} column was left out of grades_moodle.csv, "
                        f"because {ABOVE}; to match users on it, fill it in and run grade again",
                    )
                )
    canvas_left_out = {
        e.trainee_id for e in entries if not any(_filled(e, n) for n in CANVAS_IDENTITIES)
    }
    problems += [
        (
            entry,
            "no canvas_id, sis_user_id or sis_login_id in the roster: left out of "
            "grades_canvas.csv, because Canvas would match the row on the name alone; fill "
            "one in and run grade again",
        )
        for entry in entries
        if entry.trainee_id in canvas_left_out
    ]
    return IdentityPlan(
        moodle_fields=kept or ((fullest or "username"),),
        moodle_left_out=frozenset(e.trainee_id for e in entries) - written_ids,
        canvas_left_out=frozenset(canvas_left_out),
        problems=problems,
    )
