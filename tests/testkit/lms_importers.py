"""The two LMS grade importers, step by step as their source reads a CSV file (for the tests).

* **Moodle** ``grade/import/csv``: ``csv_import_reader::load_csv_content`` (convert to UTF-8,
  drop a BOM, normalise line ends, trim the file, every row as many cells as the header, else
  "csvweirdcolumns"), then ``gradeimport_csv_load_data::prepare_import_grade_data`` with
  ``map_user_data_with_value`` (a blank user cell keeps the user of the row before; a value no
  user has stops the import, "usermappingerror"; a row still without a user stops it,
  "usermappingerrorusernotfound"), ``update_grade_item`` (blank or ``-`` is no grade; otherwise
  ``unformat_float($value, true)``: spaces dropped, the language pack's decimal separator read
  as ``.``, then PHP ``is_numeric`` or "badgrade") and ``insert_grade_record`` (above
  ``gradepointmax``, 100 by default: "gradevaluetoobig").
* **Canvas** ``GradebookImporter``: the delimiter guessed from the first three lines
  (``identify_delimiter``), each field through the ``decimal_comma_to_period`` converter, the
  header checked (``row_has_student_headers?``, ``update_column_count``, the last student column
  must be ``Section``), non-assignment columns dropped by ``NON_ASSIGNMENT_COLUMN_HEADERS``,
  assignments matched by title, a ``Points Possible`` row, and ``process_student``: ``ID``, then
  ``SIS User ID``, then ``SIS Login ID``, then the name (a student nobody matches is new).

These are models of third-party code for reading our files as the LMSs do, not our code.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Final

PHP_NUMERIC: Final = re.compile(r"[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*")
MOODLE_USER_FIELDS: Final = {"userid": "id", "useridnumber": "idnumber", "useremail": "email",
                             "username": "username"}  # fmt: skip
CANVAS_NON_ASSIGNMENT: Final = re.compile(
    "Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade"
    "|Override Score|Override Grade|Override Status"
)


class ImportStopped(Exception):
    """The importer stopped, with the name of its language string."""


def unformat_float(value: str, decsep: str = ".") -> float | None:
    """Moodle's ``unformat_float($value, true)``: None for blank, ImportStopped if not a number."""
    value = value.strip()
    if value == "":
        return None
    value = value.replace(" ", "").replace(decsep, ".")
    if not PHP_NUMERIC.fullmatch(value):
        raise ImportStopped("badgrade")
    return float(value)


def moodle_rows(data: bytes, encoding: str = "utf-8") -> list[list[str]]:
    """``csv_import_reader::load_csv_content``: the header, then the data rows."""
    text = data.decode(encoding).removeprefix("\ufeff")
    text = re.sub(r"\r\n?", "\n", text).strip()
    rows = [row for row in csv.reader(io.StringIO(text)) if row != []]
    if not rows:
        raise ImportStopped("csvemptyfile")
    if any(len(row) != len(rows[0]) for row in rows):
        raise ImportStopped("csvweirdcolumns")
    return [[cell.strip() for cell in rows[0]], *rows[1:]]


def moodle_import(
    data: bytes,
    users: list[dict[str, str]],
    *,
    map_from: str,
    map_to: str,
    grades: dict[str, str],
    decsep: str = ".",
    gradepointmax: float = 100,
) -> dict[str, dict[str, float | None]]:
    """Import ``data`` into a Moodle whose users are ``users`` (dicts with ``id``,
    ``username``, ``idnumber``, ``email``), the user found by column ``map_from`` as
    ``map_to``, each column of ``grades`` into the grade item it names.

    Returns user id → grade item → grade (None: no grade); raises ImportStopped.
    """
    header, *lines = moodle_rows(data)
    wanted = MOODLE_USER_FIELDS[map_to]
    user_column = header.index(map_from)
    grade_columns = {header.index(column): item for column, item in grades.items()}
    imported: dict[str, dict[str, float | None]] = {}
    student: str | None = None
    for line in lines:
        if len(line) <= 1:
            continue
        row_grades: dict[str, float | None] = {}
        for index, raw in enumerate(line):
            value = raw.strip()
            if index == user_column:
                if value:  # "Skip invalid row with blank user field": the student stays
                    found = [user["id"] for user in users if user.get(wanted) == value]
                    if not found:
                        raise ImportStopped("usermappingerror")
                    student = found[0]
            elif index in grade_columns:
                grade = None if value in ("", "-") else unformat_float(value, decsep)
                row_grades[grade_columns[index]] = grade
        if student is None:
            raise ImportStopped("usermappingerrorusernotfound")
        for item, grade in row_grades.items():
            if grade is not None and grade > gradepointmax:
                raise ImportStopped("gradevaluetoobig")
            imported.setdefault(student, {})[item] = grade
    return imported


def canvas_number(text: str) -> str:
    """Canvas's ``decimal_comma_to_period`` converter on one field."""
    if not re.fullmatch(r"-?[0-9.,]+%?", text):
        return text
    *parts, last = re.split(r"[,.]", text)
    return f"{''.join(parts)}.{last}" if parts else last


def canvas_delimiter(data: bytes) -> str:
    """``identify_delimiter`` over the first three lines."""
    lines = data.decode("utf-8").splitlines(keepends=True)[:3]
    counts = {}
    for separator in (";", ","):
        try:
            sizes = [len(next(csv.reader([line], delimiter=separator), [])) for line in lines]
        except csv.Error:
            sizes = [0, -1]
        counts[separator] = sizes[0] if len(set(sizes)) == 1 else 0
    return ";" if counts[";"] > counts[","] else ","


@dataclass
class CanvasImport:
    """What Canvas's importer made of a file."""

    assignments: list[str]
    points_possible: dict[str, str] = field(default_factory=dict)
    grades: dict[str, dict[str, str]] = field(default_factory=dict)
    new_students: list[str] = field(default_factory=list)
    new_assignments: list[str] = field(default_factory=list)


def _student_columns(header: list[str]) -> tuple[int, int | None, int | None]:
    """``update_column_count``: (student columns, SIS User ID column, SIS Login ID column)."""
    if not (len(header) > 3 and "Student" in header[0] and "ID" in header[1]):
        raise ImportStopped("Invalid header row")
    count, sis_user, sis_login = 3, None, None
    if re.search(r"SIS\s+Login\s+ID", header[2]):
        count, sis_login = 4, 2
    elif re.search(r"SIS\s+User\s+ID", header[2]) and re.search(r"SIS\s+Login\s+ID", header[3]):
        extra = 1 if re.search(r"Integration\s+ID", header[4] if len(header) > 4 else "") else 0
        count, sis_user, sis_login = 5 + extra, 2, 3
    if "Section" not in header[count - 1]:
        raise ImportStopped("Invalid header row")
    return count, sis_user, sis_login


def canvas_import(
    data: bytes, students: list[dict[str, str]], assignments: list[str]
) -> CanvasImport:
    """Import ``data`` into a Canvas course with ``students`` (dicts with ``id``, ``name``,
    ``sortable_name``, ``sis_user_id``, ``login_id``) and published ``assignments`` (titles)."""
    separator = canvas_delimiter(data)
    text = data.decode("utf-8")
    rows = [
        [canvas_number(cell) for cell in row]
        for row in csv.reader(io.StringIO(text), delimiter=separator)
        if row and not re.fullmatch(r"[;, ]+", separator.join(row))
    ]
    header, *rest = rows
    count, sis_user, sis_login = _student_columns(header)
    titles = [t for t in header[count:] if not CANVAS_NON_ASSIGNMENT.search(t)]
    result = CanvasImport(assignments=titles)
    result.new_assignments = [t for t in titles if t not in assignments]
    index = {title: header.index(title) for title in titles}
    for row in rest:
        if "Points Possible" in row[0]:
            result.points_possible = {t: row[i] for t, i in index.items()}
            continue
        if all(re.fullmatch(r"\s*(Muted|Manual Posting.*)?\s*", c, re.I) for c in row):
            continue
        student = _canvas_student(row, students, sis_user, sis_login)
        if student is None:
            result.new_students.append(row[0])
            continue
        result.grades[student] = {t: row[i].strip() for t, i in index.items()}
    return result


def _canvas_student(
    row: list[str], students: list[dict[str, str]], sis_user: int | None, sis_login: int | None
) -> str | None:
    """``process_student``: the id of the student the row is matched to, or None (new)."""
    by_id = {s["id"]: s["id"] for s in students}
    if row[1]:
        digits = re.match(r"\s*[+-]?\d+", row[1])  # Ruby's String#to_i
        if digits and str(int(digits.group())) in by_id:
            return by_id[str(int(digits.group()))]
    for column, key in ((sis_user, "sis_user_id"), (sis_login, "login_id")):
        if column is not None and row[column]:
            found = [s["id"] for s in students if s.get(key) == row[column]]
            if found:
                return found[0]
    named = [s["id"] for s in students if row[0] in (s["name"], s["sortable_name"])]
    return named[0] if named else None
