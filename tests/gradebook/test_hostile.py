"""A hostile cohort: no CSV cell can run as a formula, ids are stripped where they enter, two
runs on one ``--out`` are safe, and nothing is written outside ``--out`` (not even in $HOME)."""

from __future__ import annotations

import csv
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.errors import TraineeIdError
from skinlessons.gradebook.summary import GRADED, REJECTED
from skinlessons.names import HOME_ENV
from skinlessons.submission.trainee_ids import validate_trainee_id
from skinlessons.trainee.identity import set_trainee_id
from testkit.gradebook import (
    COURSE,
    final_answers,
    grade_cli,
    grade_in_process,
    make_submission,
    read_csv,
    write_json,
)
from testkit.trainee import isolate_trainee

FORMULA_FIRST = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
"""What a spreadsheet may see at the start of a cell: a plain number is not a formula."""
HOSTILE = ['=HYPERLINK("http://evil.test","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]


def _formula_cells(out: Path) -> list[tuple[str, str]]:
    """Every cell of every CSV file in ``out`` that a spreadsheet would run as a formula."""
    found = []
    for path in sorted(out.glob("*.csv")):
        text = path.read_text(encoding="utf-8")
        assert not text.startswith("\ufeff")
        for row in read_csv_rows(path):
            found += [
                (path.name, cell)
                for cell in row
                if cell.startswith(FORMULA_FIRST) and not NUMBER.fullmatch(cell)
            ]
    return found


def read_csv_rows(path: Path) -> list[list[str]]:
    """Every row of a CSV file, header included."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """Files with formula names, ids that are formulas, and a roster full of formulas."""
    folder = tmp_path / "in"
    names = ["=SUM(1+1).json", "+calc.json", "@evil.json", "-minus.json", "\tTab.json"]
    for number, name in enumerate(names):
        write_json(folder, name, make_submission(f"trainee{number}", final_answers("1101")))
    for number, trainee in enumerate(HOSTILE):
        write_json(folder, f"id{number}.json", make_submission(trainee, final_answers("1111")))
    write_json(folder, "=cut.json", "not a submission")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "trainee_id,username,id_number,email,name,canvas_id,sis_user_id,sis_login_id,section\n"
        'trainee0,=1+1,@id,+mail@x.test,"=HYPERLINK(""x"")",-5a,@sis,=login,+Evening\n'
        "trainee1,t1,1001,t1@x.test,-Minus Name,501,S1,t1,Day\n"
        "trainee2,,,,Blank Moodle Ids,502,S2,t2,Day\n"
        "=evil,=evil,,,@name,,,,\n"
        " trainee3 ,t3,1003,t3@x.test,Spaced Id,503,S3,t3,Day\n",
        encoding="utf-8",
    )
    return folder, roster


def test_no_cell_of_any_csv_can_run_as_a_formula(
    hostile: tuple[Path, Path], tmp_path: Path
) -> None:
    """Every CSV written for a hostile cohort: no cell starts with a formula character unless
    it is a plain number; formula ids are rejected; formula roster cells are listed."""
    folder, roster = hostile
    out = tmp_path / "out"
    result = grade_cli(folder, out, "--roster", str(roster))
    assert result.returncode == 0, result.stderr
    written = {path.name for path in out.glob("*.csv")}
    assert written == {
        "files.csv",
        "grades_moodle.csv",
        "grades_canvas.csv",
        "formative_progress.csv",
        "roster_check.csv",
    }
    assert _formula_cells(out) == []
    files = {row["File"]: row for row in read_csv(out / "files.csv")}
    assert files["'=SUM(1+1).json"]["Status"] == GRADED
    assert files["\\tTab.json"]["Status"] == GRADED  # a tab in a name is shown escaped
    for number, trainee in enumerate(HOSTILE):
        row = files[f"id{number}.json"]
        assert (row["Status"], row["Trainee ID"]) == (REJECTED, "")
        assert f"begins with {trainee[0]!r}, which spreadsheets run as a formula" in row["Reason"]
    moodle = read_csv(out / "grades_moodle.csv")
    assert moodle[0]["Username"] == "'=1+1"
    assert moodle[0]["Full name"] == '\'=HYPERLINK("x")'
    canvas = read_csv(out / "grades_canvas.csv")
    assert canvas[1]["Section"] == "'+Evening" and canvas[1]["SIS User ID"] == "'@sis"
    problems = [row["Problem"] for row in read_csv(out / "roster_check.csv")]
    for column in ("username", "id_number", "email", "name", "canvas_id", "sis_user_id"):
        assert any(f"the roster's {column} " in problem for problem in problems), column
    assert any("the roster's trainee_id '=evil' begins with '='" in p for p in problems)
    blank = [p for p in problems if p.startswith("no username in the roster")]
    assert len(blank) == 1 and "user of the row above" in blank[0]


def test_ids_are_stripped_where_they_enter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """set_trainee_id, submit --trainee, grade and the roster all strip surrounding spaces and
    keep case; grade notes the stripping in files.csv; the roster row still matches."""
    isolate_trainee(monkeypatch, tmp_path)
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    assert set_trainee_id("  Ana.Pass \t").value == "Ana.Pass"
    submitted = tmp_path / "mine.json"
    command = [
        "submit",
        "--course",
        str(COURSE),
        "--trainee",
        " Ana.Pass ",
        "--out",
        str(submitted),
    ]
    assert CliRunner().invoke(main, command).exit_code == 0
    assert '"trainee_id": "Ana.Pass"' in submitted.read_text(encoding="utf-8")
    folder = tmp_path / "in"
    write_json(folder, "spaced.json", make_submission(" Ana.Pass ", final_answers("1111")))
    write_json(
        folder, "plain.json", make_submission("Ana.Pass", final_answers("0000"), first_seq=9)
    )
    roster = tmp_path / "roster.csv"
    roster.write_text("trainee_id,username\n  Ana.Pass  ,ana.p\n", encoding="utf-8")
    out = tmp_path / "out"
    result = grade_in_process(folder, out, "--roster", str(roster), course=COURSE)
    assert result.exit_code == 0, result.output
    files = {row["File"]: row for row in read_csv(out / "files.csv")}
    assert files["spaced.json"]["Trainee ID"] == "Ana.Pass"
    assert "had spaces around it; they were removed" in files["spaced.json"]["Reason"]
    assert files["plain.json"]["Status"] == GRADED  # the same trainee, the later submission
    assert files["spaced.json"]["Status"] == "superseded"
    assert [row["Username"] for row in read_csv(out / "grades_moodle.csv")] == ["ana.p"]


@pytest.mark.parametrize("trainee", ["=1+1", "+cmd", "-2", "@SUM"])
def test_set_trainee_id_refuses_a_formula_id(
    trainee: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No LMS login begins with = + - @: the id is refused with what to do; submit exits 2."""
    isolate_trainee(monkeypatch, tmp_path)
    with pytest.raises(TraineeIdError, match="which spreadsheets run as a formula"):
        set_trainee_id(trainee)
    with pytest.raises(TraineeIdError, match="1 to 100 letters"):
        validate_trainee_id(f" {trainee} ")
    command = ["submit", "--course", str(COURSE), "--trainee", trainee]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 2
    assert "spreadsheets run as a formula" in result.stderr


HOLDER = """
import sys, time
from pathlib import Path
from skinlessons.gradebook import GradeOptions, grade_folder
folder, out, course, marker, release = map(Path, sys.argv[1:6])
def progress(done, total):
    if done == 1:
        marker.write_text("holding")
        deadline = time.monotonic() + 120
        while not release.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
grade_folder(GradeOptions(submissions=folder, out=out, course=course), progress=progress)
"""


def test_a_second_run_on_the_same_out_stops_at_once(tmp_path: Path) -> None:
    """While one run holds --out (paused after its first file), a second run exits 1 with the
    message and no traceback; the first then finishes and the gradebook is consistent."""
    folder = tmp_path / "in"
    for trainee in ("ana", "ben", "cai"):
        write_json(folder, f"{trainee}.json", make_submission(trainee, final_answers("1111")))
    out, marker, release = tmp_path / "out", tmp_path / "holding", tmp_path / "release"
    arguments = [str(folder), str(out), str(COURSE), str(marker), str(release)]
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, *arguments], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and holder.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marker.exists(), "the first run did not start"
        second = grade_cli(folder, out, course=COURSE)
        assert second.returncode == 1
        assert f"another grade run is using {out}; wait for it or use another --out" in (
            second.stderr
        )
        assert "Traceback" not in second.stderr
    finally:
        release.write_text("go")
        _stdout, stderr = holder.communicate(timeout=120)
    assert holder.returncode == 0, stderr
    connection = sqlite3.connect(out / "gradebook.sqlite")
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT COUNT(*) FROM submissions").fetchone() == (3,)
    finally:
        connection.close()
    after = grade_cli(folder, out, course=COURSE)  # the lock is free again
    assert after.returncode == 0, after.stderr


def test_nothing_is_written_outside_out_not_even_in_home(tmp_path: Path) -> None:
    """With an empty $HOME and temporary folder, a run leaves both empty (matplotlib's cache
    and config go to a folder of the run, removed at the end)."""
    folder = tmp_path / "in"
    for trainee in ("ana", "ben"):
        write_json(folder, f"{trainee}.json", make_submission(trainee, final_answers("1011")))
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("XDG_", "MPL")) and name not in {"HOME", "TMPDIR"}
    }
    env.update(HOME=str(home), TMPDIR=str(temp))
    before = sorted(folder.rglob("*"))
    command = [sys.executable, "-c", "from skinlessons.cli import main; main()", "grade",
               str(folder), "--out", str(tmp_path / "out"), "--course", str(COURSE)]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert list(home.rglob("*")) == []
    assert list(temp.rglob("*")) == []
    assert sorted(folder.rglob("*")) == before
    assert (tmp_path / "out" / "item_analysis.html").exists()


def test_collect_skips_link_loops_pipes_and_folders_with_reasons(tmp_path: Path) -> None:
    """Hostile homes (a home, a data folder or a file that is a link loop, a pipe or a folder
    named like a submission, a sparse 6 MB file): each is skipped with a reason, the good home
    is still collected, exit 0, no traceback."""
    homes = tmp_path / "homes"
    good = homes / "ana" / ".skinlessons" / "submissions"
    good.mkdir(parents=True)
    (good / "submission-ana-0123456789.json").write_text("{}", encoding="utf-8")
    (homes / "loop").symlink_to(homes / "loop")
    (homes / "dataloop" / ".skinlessons").mkdir(parents=True)
    (homes / "dataloop" / ".skinlessons" / "submissions").symlink_to("submissions")
    odd = homes / "odd" / ".skinlessons" / "submissions"
    odd.mkdir(parents=True)
    (odd / "submission-a-loop.json").symlink_to("submission-a-loop.json")
    os.mkfifo(odd / "submission-b-pipe.json")
    (odd / "submission-c-folder.json").mkdir()
    with open(odd / "submission-d-huge.json", "wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    out = tmp_path / "collected"
    arguments = ["collect", *(str(homes / name) for name in ("ana", "dataloop", "loop", "odd"))]
    result = CliRunner().invoke(main, [*arguments, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    skipped = [line for line in result.stdout.splitlines() if line.startswith("Skipped ")]
    assert len(skipped) == 6, result.stdout
    for name in ("loop:", "submissions:", "a-loop.json:", "b-pipe.json:", "c-folder.json:"):
        assert any(name in line for line in skipped), name
    assert any("d-huge.json: 6291456 bytes is larger" in line for line in skipped)
    assert "Collected 1 submission file(s) from 1 home(s)." in result.stdout
