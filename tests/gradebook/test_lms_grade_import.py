"""``grades_moodle.csv`` and ``grades_canvas.csv`` read the way Moodle's and Canvas's grade
importers read them (``tests/lms_importers.py`` follows their source step by step): every
trainee's grade lands on that trainee, under every identity column the file offers, and
nothing in the file stops the import."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skinlessons.gradebook.lms_csv import number
from skinlessons.quiz.loader import load_course_quizzes
from testkit.gradebook import final_answers, make_submission, run_grade, write_json
from testkit.lms_importers import (
    ImportStopped,
    canvas_delimiter,
    canvas_import,
    canvas_number,
    moodle_import,
    unformat_float,
)

# Trainee → (final marks, roster row after trainee_id); names with a comma, a semicolon,
# quotes and letters outside ASCII, as real rosters have them.
ROSTER = {
    "ana": ("1111", 'ana.m,1001,ana@example.org,"Ana María, Ortiz",501,S1001,ana.m,Evening'),
    "ben": ("1110", "ben.k,1002,ben@example.org,Ben; Kay,502,S1002,ben.k,Evening"),
    "cai": ("1100", 'cai.l,1003,cai@example.org,"Cai ""CJ"" Li",503,S1003,cai.l,Day'),
    "dee": ("0000", "dee.o,1004,dee@example.org,Zoë Ångström,504,S1004,dee.o,Day"),
}
EXPECTED = {"ana": (4.0, 100.0), "ben": (3.0, 75.0), "cai": (2.0, 50.0), "dee": (0.0, 0.0)}
HEADER = "trainee_id,username,id_number,email,name,canvas_id,sis_user_id,sis_login_id,section\n"


def _graded(tmp_path: Path, roster_rows: dict[str, str]) -> Path:
    folder = tmp_path / "handed-in"
    for trainee, (marks, _row) in ROSTER.items():
        write_json(folder, f"{trainee}.json", make_submission(trainee, final_answers(marks)))
    roster = tmp_path / "roster.csv"
    lines = "".join(f"{trainee},{row}\n" for trainee, row in roster_rows.items())
    roster.write_text(HEADER + lines, encoding="utf-8")
    out = tmp_path / "out"
    run_grade(folder, out, roster=roster)
    return out


def _fields(trainee: str) -> list[str]:
    return next(csv.reader([ROSTER[trainee][1]]))


def _moodle_users() -> list[dict[str, str]]:
    """The Moodle site: one user per trainee (user id = the trainee id), plus someone else."""
    users = [{"id": "other", "username": "x.y", "idnumber": "9", "email": "x@example.org"}]
    for trainee in ROSTER:
        username, id_number, email, *_ = _fields(trainee)
        users.append({"id": trainee, "username": username, "idnumber": id_number, "email": email})
    return users


@pytest.fixture(scope="module")
def full_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run where the roster fills every identity cell."""
    tmp = tmp_path_factory.mktemp("lms")
    return _graded(tmp, {trainee: row for trainee, (_m, row) in ROSTER.items()})


@pytest.mark.parametrize(
    ("column", "field"),
    [("Username", "username"), ("ID number", "useridnumber"), ("Email address", "useremail")],
)
@pytest.mark.parametrize("decsep", [".", ","])
def test_moodle_imports_every_grade_onto_its_trainee(
    full_out: Path, column: str, field: str, decsep: str
) -> None:
    """Mapped on any identity column, with an English or a decimal-comma language pack, each
    trainee gets their own points and percentage; the file has no BOM and is UTF-8."""
    data = (full_out / "grades_moodle.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    grades = {"Final assessment": "points", "Percentage": "percent"}
    imported = moodle_import(
        data, _moodle_users(), map_from=column, map_to=field, grades=grades, decsep=decsep
    )
    assert imported == {t: {"points": p, "percent": pc} for t, (p, pc) in EXPECTED.items()}


def test_moodle_stops_on_status_text_in_a_grade_column(full_out: Path) -> None:
    """Why the README says to leave ``Status`` as "Ignore": text in a grade column is
    "badgrade", and the whole import stops."""
    data = (full_out / "grades_moodle.csv").read_bytes()
    with pytest.raises(ImportStopped, match="badgrade"):
        moodle_import(
            data, _moodle_users(), map_from="Username", map_to="username", grades={"Status": "s"}
        )


def test_blank_email_column_is_left_out_because_moodle_would_misplace_or_stop(
    tmp_path: Path,
) -> None:
    """Why ``grades_moodle.csv`` has no ``Email address`` column when the roster gives no
    email (the change in ``test_gradebook_run``): Moodle's ``map_user_data_with_value`` skips a
    blank user cell without resetting the student, so a blank row's grade goes to the user of
    the row above, and a file whose mapped column is blank in its first row stops with
    "usermappingerrorusernotfound". A column only some rows fill is left out for the same
    reason. Any column our file offers imports every trainee correctly."""
    users = _moodle_users()
    blank_below = b"Email address,Final assessment\nana@example.org,4\n,3\n"
    assert moodle_import(
        blank_below,
        users,
        map_from="Email address",
        map_to="useremail",
        grades={"Final assessment": "p"},
    ) == {"ana": {"p": 3.0}}  # ben's 3 overwrote ana's 4
    with pytest.raises(ImportStopped, match="usermappingerrorusernotfound"):
        moodle_import(
            b"Email address,Final assessment\n,4\n",
            users,
            map_from="Email address",
            map_to="useremail",
            grades={"Final assessment": "p"},
        )
    rows = {}
    for trainee in ROSTER:
        username, id_number, email, *rest = _fields(trainee)
        mail = "" if trainee in ("ana", "cai") else email  # blank for some, filled for others
        rows[trainee] = ",".join(_quote([username, id_number, mail, *rest]))
    out = _graded(tmp_path, rows)
    data = (out / "grades_moodle.csv").read_bytes()
    header = next(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert header[:3] == ["Username", "ID number", "Full name"]
    for column, field in (("Username", "username"), ("ID number", "useridnumber")):
        imported = moodle_import(
            data, users, map_from=column, map_to=field, grades={"Final assessment": "p"}
        )
        assert imported == {t: {"p": p} for t, (p, _pc) in EXPECTED.items()}
    check = (out / "roster_check.csv").read_text(encoding="utf-8")
    assert check.count("'Email address' column was left out") == 2


def _quote(cells: list[str]) -> list[str]:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return [buffer.getvalue()]


def _canvas_students(with_ids: bool = True) -> list[dict[str, str]]:
    students = []
    for trainee in ROSTER:
        *_, name, canvas_id, sis_user, sis_login, _section = _fields(trainee)
        students.append(
            {"id": canvas_id if with_ids else f"9{canvas_id}", "name": name,
             "sortable_name": name, "sis_user_id": sis_user, "login_id": sis_login}
        )  # fmt: skip
    return students


def test_canvas_reads_the_header_points_and_matches_each_student_by_id(full_out: Path) -> None:
    """The five identity columns are taken as student columns (none becomes an assignment),
    ``Final assessment`` is the one assignment and matches the course's by title, the
    ``Points Possible`` row is read, and every row lands on its student, none new."""
    data = (full_out / "grades_canvas.csv").read_bytes()
    assert canvas_delimiter(data) == ","  # a name with ';' does not make it a ';' file
    result = canvas_import(data, _canvas_students(), ["Final assessment"])
    assert result.assignments == ["Final assessment"] and result.new_assignments == []
    assert result.points_possible == {"Final assessment": "4"}
    assert result.new_students == []
    by_canvas_id = {_fields(t)[4]: number(p) for t, (p, _pc) in EXPECTED.items()}
    assert result.grades == {cid: {"Final assessment": g} for cid, g in by_canvas_id.items()}


def test_canvas_matches_on_sis_ids_when_the_canvas_id_is_not_known(full_out: Path) -> None:
    """With Canvas ids that do not match (a roster from another course), ``SIS User ID``
    still finds each student."""
    data = (full_out / "grades_canvas.csv").read_bytes()
    students = _canvas_students(with_ids=False)
    result = canvas_import(data, students, ["Final assessment"])
    assert result.new_students == []
    assert sorted(result.grades) == sorted(s["id"] for s in students)


def test_canvas_leaves_a_row_without_any_id_out_of_the_file(tmp_path: Path) -> None:
    """A trainee with none of ID, SIS User ID and SIS Login ID would be matched on the name
    alone (``process_student``), so the row is not written, and roster_check says why."""
    rows = {t: row for t, (_m, row) in ROSTER.items()}
    username, id_number, email, name, *_ids, section = _fields("ben")
    rows["ben"] = ",".join(_quote([username, id_number, email, name, "", "", "", section]))
    out = _graded(tmp_path, rows)
    result = canvas_import(
        (out / "grades_canvas.csv").read_bytes(), _canvas_students(), ["Final assessment"]
    )
    assert "502" not in result.grades and len(result.grades) == 3
    assert "left out of grades_canvas.csv" in (out / "roster_check.csv").read_text("utf-8")


@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False))
def test_scores_read_back_in_every_importer(value: object) -> None:
    """A score as we write it (``number``) reads back as the same value in Moodle with
    either decimal separator and through Canvas's decimal-comma converter."""
    amount = float(str(value))
    text = number(amount)
    assert unformat_float(text, ".") == unformat_float(text, ",") == round(amount, 2)
    assert float(canvas_number(text)) == round(amount, 2)


def test_the_real_final_stays_under_moodles_grade_limit() -> None:
    """Moodle's import refuses a grade above ``gradepointmax`` (100 unless raised): the
    course's final, the only graded quiz, is worth less, so its points always import."""
    quizzes = load_course_quizzes(Path(__file__).resolve().parents[2]).quizzes.values()
    finals = [quiz for quiz in quizzes if quiz.is_summative]
    assert len(finals) == 1
    assert sum(question.points for question in finals[0].questions) <= 100
