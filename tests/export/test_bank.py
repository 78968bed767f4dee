"""Every export of the real question bank, and the ``skinlessons export`` command."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from skinlessons._util.zipped import read_entries
from skinlessons.cli import main
from skinlessons.errors import ExportError
from skinlessons.export import render
from skinlessons.export._variants import with_fixed_variants
from skinlessons.quiz.loader import load_course_quizzes
from skinlessons.quiz.projection import key_free
from testkit.export import gift_questions

ROOT = Path(__file__).resolve().parents[2]
UNSUPPORTED = {"gift": {"ordering"}, "moodle-xml": set(), "qti": {"ordering"}}
SUFFIX = {"gift": ".gift.txt", "moodle-xml": ".xml", "qti": ".zip"}


def _export(tmp_path: Path, fmt: str, *extra: str) -> tuple[Path, object]:
    out = tmp_path / f"bank{SUFFIX[fmt]}"
    result = CliRunner().invoke(
        main, ["export", "--course", str(ROOT), "--format", fmt, *extra, "--out", str(out)]
    )
    return out, result


def _ids_in_file(fmt: str, path: Path) -> list[str]:
    if fmt == "gift":
        return [question["title"] for question in gift_questions(path.read_text("utf-8"))]
    if fmt == "moodle-xml":
        root = ET.fromstring(path.read_bytes())
        return [
            q.findtext("idnumber", "") for q in root.iter("question") if q.get("type") != "category"
        ]
    ids = []
    for name, content in read_entries(path.read_bytes()).items():
        root = ET.fromstring(content)  # every XML in the package parses
        if not name.endswith("assessment_meta.xml"):
            ids += [i.get("ident", "") for i in root.iterfind(".//{*}item")]
    return ids


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti"])
def test_whole_bank_is_written_well_formed_with_each_question_once(
    tmp_path: Path, fmt: str
) -> None:
    """--all writes a parseable file holding every supported question of the bank exactly once."""
    out, result = _export(tmp_path, fmt, "--all")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    course = load_course_quizzes(ROOT)
    expected = sorted(
        q.id
        for quiz in course.quizzes.values()
        for q in with_fixed_variants(quiz).questions  # a template: its fixed variants
        if q.type not in UNSUPPORTED[fmt]
    )
    assert sorted(_ids_in_file(fmt, out)) == expected
    skipped = [
        q.id
        for quiz in course.quizzes.values()
        for q in quiz.questions
        if q.type in UNSUPPORTED[fmt]
    ]
    stderr = result.stderr  # type: ignore[attr-defined]
    assert all(question_id in stderr for question_id in skipped)
    assert "contains the answer keys (including the summative 08_final_assessment)" in stderr


def test_one_quiz_and_unknown_quiz(tmp_path: Path) -> None:
    """--quiz exports just that quiz; an unknown id exits 1 naming the known ones."""
    out, result = _export(tmp_path, "moodle-xml", "--quiz", "03_chemical")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    course = load_course_quizzes(ROOT)
    assert sorted(_ids_in_file("moodle-xml", out)) == sorted(
        q.id for q in with_fixed_variants(course.quizzes["03_chemical"]).questions
    )
    _out, bad = _export(tmp_path, "gift", "--quiz", "99_nope")
    assert bad.exit_code == 1  # type: ignore[attr-defined]
    assert (
        "no quiz '99_nope' in the course. Fix: use --quiz with one of 00_start_here" in bad.stderr
    )  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [[], ["--all", "--quiz", "03_chemical"]], ids=["neither", "both"])
def test_quiz_or_all_is_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    """Neither or both of --quiz/--all: exit 2 with the rule."""
    out, result = _export(tmp_path, "gift", *args)
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "exactly one of the two" in result.stderr  # type: ignore[attr-defined]
    assert not out.exists()


def test_key_free_copy_is_refused(tmp_path: Path) -> None:
    """A trainee's key-free quiz cannot be exported: the message says where to export from."""
    final = load_course_quizzes(ROOT).quizzes["08_final_assessment"]
    with pytest.raises(ExportError, match=r"08_final_assessment is a key-free trainee copy.*Fix"):
        render([key_free(final)], "moodle-xml")
