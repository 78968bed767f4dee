"""Checking the clean course works out no line: the careful YAML parse, which knows where each
value stands, runs only for a file that has something to report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from skinlessons._util.yamlsource import read_yaml, validate_document
from skinlessons.course import objectives_file, quiz_dir
from skinlessons.quiz.course_checks import coverage_problems
from skinlessons.quiz.item_writing import course_findings
from skinlessons.quiz.loader import collect_course_problems, load_valid_quizzes
from skinlessons.quiz.models import Objectives

REPO = Path(__file__).resolve().parents[2]


def test_item_writing_checks_of_the_clean_course_ask_for_no_line() -> None:
    loaded = load_valid_quizzes(REPO)
    assert len(loaded) >= 9
    findings, allowed = course_findings(loaded)
    assert (findings, allowed) == ([], [])
    assert [item.doc.path.name for item in loaded if item.doc.lines_known] == []


def test_coverage_of_the_clean_course_asks_for_no_line() -> None:
    loaded = load_valid_quizzes(REPO)
    doc = read_yaml(objectives_file(REPO))
    objectives, problems = validate_document(Objectives, doc)
    assert problems == [] and objectives is not None
    assert coverage_problems(loaded, objectives, doc, quiz_dir(REPO)) == []
    assert not doc.lines_known


def test_a_coverage_gap_still_names_its_line(tmp_path: Path) -> None:
    """The same check with a quiz left out: the objectives it alone assessed are reported on
    their own lines of objectives.yaml."""
    course = tmp_path / "course"
    shutil.copytree(REPO / "quizzes", course / "quizzes")
    (course / "quizzes" / "08_final_assessment.yaml").unlink()
    problems, _counts = collect_course_problems(course)
    gaps = [p for p in problems if "not assessed in any summative quiz" in p.format()]
    assert gaps
    lines = objectives_file(course).read_text(encoding="utf-8").splitlines()
    for gap in gaps:
        assert gap.line is not None
        objective_id = gap.format().split("course objective ")[1].split()[0]
        assert objective_id in lines[gap.line - 1], gap.format()


def test_loading_every_quiz_leaves_ruamel_unimported() -> None:
    """What a lesson kernel or ``grade`` does with clean quizzes: a fresh process loads them
    all (and the projection's quiz version) without importing ruamel.yaml."""
    script = (
        "import sys\n"
        "from skinlessons.quiz.loader import load_course_quizzes\n"
        "from skinlessons.quiz.projection import quiz_version\n"
        f"course = load_course_quizzes({str(REPO)!r})\n"
        "print(len({quiz_version(quiz) for quiz in course.quizzes.values()}),"
        " 'ruamel.yaml' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == [str(len(load_valid_quizzes(REPO))), "False"]
