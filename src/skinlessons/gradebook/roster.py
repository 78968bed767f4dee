"""The class roster: trainee id → the LMS user (username, id number, SIS ids, name, section).

A roster is a UTF-8 CSV file (a spreadsheet's "CSV UTF-8" export works, byte-order mark and
all) with a header row. Only ``trainee_id`` is required; the other columns are optional::

    trainee_id,username,id_number,email,name,canvas_id,sis_user_id,sis_login_id,section
    jdoe,jdoe,20231234,jdoe@example.org,Jane Doe,4711,S20231234,jdoe,Evening group

Without a roster the trainee id stands for the LMS user: it is written as the Moodle
``Username`` and the Canvas ``SIS Login ID``.

A roster cell that a spreadsheet would read as a formula (it begins with ``=``, ``+``, ``-`` or
``@``) is written neutralised (with a leading apostrophe, so an LMS cannot match it as it is)
and listed in ``roster_check.csv``, as is every trainee or identity column the LMS files leave
out because a cell is blank (:mod:`skinlessons.gradebook.lms_identity`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Final

from ..errors import ContentError, ContentErrors
from ._quote import quoted
from .lms_csv import is_formula_like
from .lms_identity import plan_identities

ROSTER_COLUMNS: Final = (
    "trainee_id",
    "username",
    "id_number",
    "email",
    "name",
    "canvas_id",
    "sis_user_id",
    "sis_login_id",
    "section",
)


class RosterFormatError(ContentError):
    """A problem in the roster CSV file."""


@dataclass(frozen=True)
class RosterEntry:
    """One trainee's LMS identity (blank strings where the roster has no value)."""

    trainee_id: str
    username: str = ""
    id_number: str = ""
    email: str = ""
    name: str = ""
    canvas_id: str = ""
    sis_user_id: str = ""
    sis_login_id: str = ""
    section: str = ""

    @classmethod
    def for_unrostered(cls, trainee_id: str) -> RosterEntry:
        """The identity assumed without a roster: the trainee id is the LMS login."""
        return cls(trainee_id, username=trainee_id, sis_login_id=trainee_id)

    @property
    def display_name(self) -> str:
        """The name to print on pages: the roster name, else the trainee id."""
        return self.name or self.trainee_id


@dataclass(frozen=True)
class RosterCheck:
    """Who submitted but is not on the roster, and who is on it but did not submit."""

    unknown_ids: list[str]
    non_submitters: list[RosterEntry]
    cell_problems: list[tuple[RosterEntry, str]] = field(default_factory=list)
    """Roster cells to fix before importing: formula-like cells, blank LMS identities."""


def load_roster(path: Path) -> dict[str, RosterEntry]:
    """Read a roster CSV into trainee id → entry.

    Raises:
        ContentErrors: the file cannot be read, has no ``trainee_id`` column, has a blank id
            or lists an id twice (each problem with its line).
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentErrors(
            [
                RosterFormatError(
                    f"cannot read the roster ({exc})",
                    path=path,
                    hint="export it from the spreadsheet as CSV UTF-8.",
                )
            ]
        ) from exc
    reader = csv.DictReader(text.splitlines())
    header = [name.strip().lower() for name in reader.fieldnames or []]
    if "trainee_id" not in header:
        raise ContentErrors(
            [
                RosterFormatError(
                    "the roster has no 'trainee_id' column",
                    path=path,
                    line=1,
                    hint="start it with a header row such as: " + ",".join(ROSTER_COLUMNS),
                )
            ]
        )
    reader.fieldnames = header
    problems: list[ContentError] = []
    entries: dict[str, RosterEntry] = {}
    for row in reader:
        line = reader.line_num
        values = {name: (row.get(name) or "").strip() for name in ROSTER_COLUMNS}
        trainee_id = values["trainee_id"]
        if not trainee_id:
            problems.append(
                RosterFormatError(
                    "blank trainee_id", path=path, line=line, hint="fill it in or delete the row."
                )
            )
        elif trainee_id in entries:
            twice = f"trainee_id {trainee_id!r} is listed twice"
            problems.append(
                RosterFormatError(twice, path=path, line=line, hint="keep one row per trainee.")
            )
        else:
            entries[trainee_id] = RosterEntry(**values)
    if problems:
        raise ContentErrors(problems)
    return entries


def _formula_problems(roster: dict[str, RosterEntry]) -> list[tuple[RosterEntry, str]]:
    """Formula-like cells of every roster row."""
    problems = []
    for _trainee_id, entry in sorted(roster.items()):
        for column, value in asdict(entry).items():
            if is_formula_like(value):
                problems.append(
                    (
                        entry,
                        f"the roster's {column} {quoted(value)} begins with {value[0]!r}, which "
                        "spreadsheets run as a formula: it was written with a leading "
                        "apostrophe and no LMS will match it; correct it in the roster",
                    )
                )
    return problems


def check_roster(roster: dict[str, RosterEntry] | None, submitted: Iterable[str]) -> RosterCheck:
    """Compare the roster with the trainee ids that submitted (no roster: nothing to flag)."""
    ids = sorted(set(submitted))
    if roster is None:
        return RosterCheck([], [])
    seen = set(ids)
    return RosterCheck(
        unknown_ids=[trainee_id for trainee_id in ids if trainee_id not in roster],
        non_submitters=[entry for tid, entry in sorted(roster.items()) if tid not in seen],
        cell_problems=_formula_problems(roster)
        + plan_identities([roster[tid] for tid in ids if tid in roster]).problems,
    )


def identity_of(roster: dict[str, RosterEntry] | None, trainee_id: str) -> RosterEntry | None:
    """The trainee's LMS identity: the roster entry, the assumed one, or None if unlisted."""
    if roster is None:
        return RosterEntry.for_unrostered(trainee_id)
    return roster.get(trainee_id)
