"""The Moodle XML file read the way Moodle's importer reads it, and graded the way Moodle grades.

``REQUIRED`` lists, per Moodle question type, the elements that ``qformat_xml`` (and, for
ordering, ``qtype_ordering::import_from_xml``) reads without a default, or with a default that
is not what the course means. ``moodle_numeric_value`` follows
``qtype_numerical_answer_processor::apply_units`` with the English language pack (decimal
point ``.``, thousands separator ``,``): the number is read from the start, the rest is the
unit, and a known unit divides the number by its multiplier.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.export import render
from skinlessons.quiz.grading import grade
from skinlessons.quiz.models import Numeric, Ordering
from testkit.export import MOODLE_COMBINED_FEEDBACK, MOODLE_ORDERING_OPTIONS, bank_quizzes

ROOT = Path(__file__).resolve().parents[2]
COMBINED = MOODLE_COMBINED_FEEDBACK
REQUIRED = {
    "multichoice": ("single", "shuffleanswers", "answernumbering", "answer", *COMBINED),
    "truefalse": ("answer",),
    "shortanswer": ("usecase", "answer"),
    "numerical": ("answer", "unitgradingtype", "unitpenalty", "showunits", "unitsleft"),
    "matching": ("shuffleanswers", "subquestion", *COMBINED),
    "ordering": (*MOODLE_ORDERING_OPTIONS, "answer", *COMBINED),
}
"""Elements each question type needs, beside ``name`` and ``questiontext`` (all types)."""
ORDERING_LABELS = (
    "01_skin_and_scars/skin-layers-order",
    "02_how_exfoliation_works/procedure-depth-order",
)
UNIT_NONE = "3"
_NUMBER = re.compile(r"^[+-]?[,\d]*(?:\.(\d*))?(?:(?:e|E|(?:x|\*|×)10(?:\^|\*\*))[+-]?\d+)?")


@functools.cache
def _bank_xml() -> bytes:
    """The course's Moodle XML, rendered once per process (every test only reads it)."""
    return render(bank_quizzes(ROOT), "moodle-xml").content


def _bank() -> ET.Element:
    return ET.fromstring(_bank_xml())


def _questions(root: ET.Element) -> list[ET.Element]:
    return [q for q in root.iter("question") if q.get("type") != "category"]


def test_every_question_holds_every_element_its_importer_needs() -> None:
    """No element the importer reads without a (fitting) default is missing, for any type."""
    questions = _questions(_bank())
    assert {q.get("type") for q in questions} == set(REQUIRED)
    for question in questions:
        present = {child.tag for child in question}
        missing = {"name", "questiontext", *REQUIRED[question.get("type", "")]} - present
        assert not missing, f"{question.findtext('idnumber')} lacks {sorted(missing)}"
        assert (question.findtext("name/text") or "").strip(), "the importer stops on no name"


def test_ordering_questions_add_no_hint_rows_without_a_format() -> None:
    """With ``<shownumcorrect>`` set, the ordering importer adds no default hints (whose NULL
    ``hintformat`` PostgreSQL refuses); every option is what the course means."""
    ordering = [q for q in _questions(_bank()) if q.get("type") == "ordering"]
    in_bank = [
        question.id
        for quiz in bank_quizzes(ROOT)
        for question in quiz.questions
        if isinstance(question, Ordering)
    ]
    assert {"skin-layers-order", "procedure-depth-order"} <= set(in_bank)
    assert [q.findtext("idnumber") for q in ordering] == in_bank
    for question in ordering:
        assert question.findtext("shownumcorrect") == "1"
        assert question.find("hint") is None
        assert question.findtext("selecttype") == "ALL"  # the importer's default is RANDOM
        answers = question.findall("answer")
        assert question.findtext("selectcount") == str(len(answers))
        assert [a.get("fraction") for a in answers] == [str(i) for i in range(1, len(answers) + 1)]


def _export(tmp_path: Path, *extra: str) -> tuple[Path, object]:
    out = tmp_path / "bank.xml"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--course",
            str(ROOT),
            "--format",
            "moodle-xml",
            "--all",
            *extra,
            "--out",
            str(out),
        ],
    )
    return out, result


@pytest.mark.parametrize(
    ("extra", "has_ordering", "needs", "reason"),
    [
        ([], True, "Moodle 4.4 or later", None),
        (["--moodle-version", "4.5"], True, "Moodle 4.4 or later", None),
        (["--moodle-version", "4.1"], False, "Moodle 3.6 or later", "Moodle 4.1 has no ordering"),
        (["--no-ordering"], False, "Moodle 3.6 or later", "left out by --no-ordering"),
    ],
    ids=["default-lts", "4.5", "4.1", "no-ordering"],
)
def test_moodle_version_decides_ordering_and_the_needed_release_is_printed(
    tmp_path: Path, extra: list[str], has_ordering: bool, needs: str, reason: str | None
) -> None:
    """Before 4.4 (or with --no-ordering) ordering is left out, each question named."""
    out, result = _export(tmp_path, *extra)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    kinds = [q.get("type") for q in _questions(ET.fromstring(out.read_bytes()))]
    assert ("ordering" in kinds) is has_ordering
    assert f"The file needs {needs}." in result.stdout  # type: ignore[attr-defined]
    stderr = result.stderr  # type: ignore[attr-defined]
    for label in ORDERING_LABELS:
        assert (f"left out {label} (ordering)" in stderr) is (reason is not None)
    if reason:
        assert reason in stderr


def test_a_bad_moodle_version_is_refused_with_a_fix(tmp_path: Path) -> None:
    """--moodle-version four: exit 1, no traceback, the form to use."""
    out, result = _export(tmp_path, "--moodle-version", "four")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "is not a Moodle release number. Fix: give it as MAJOR.MINOR" in (
        result.stderr  # type: ignore[attr-defined]
    )
    assert not out.exists()


def moodle_numeric_value(response: str, units: dict[str, float]) -> tuple[float | None, str]:
    """The value Moodle grades for ``response`` (None: not a number) and the unit it read."""
    response = response.strip()
    found = _NUMBER.match(response)
    number = found.group(0) if found else ""
    digits = number.replace(",", "")
    if not re.search(r"\d", digits.split("e")[0].split("E")[0]):
        return None, ""
    value = float(re.sub(r"(?:x|\*|×)10(?:\^|\*\*)", "e", digits))
    unit = response[len(number) :].strip()
    return (value / units[unit] if unit in units else value), unit


def moodle_marks(question: ET.Element, response: str) -> float:
    """The fraction Moodle gives ``response``; 0 when Moodle would refuse it as invalid."""
    units = {
        u.findtext("unit_name", ""): float(u.findtext("multiplier", "1"))
        for u in question.iterfind("units/unit")
    }
    value, unit = moodle_numeric_value(response, units)
    if value is None or (unit and question.findtext("showunits") == UNIT_NONE):
        return 0.0  # "Do not include a unit in your response"
    if unit and question.findtext("unitgradingtype") != "0" and unit not in units:
        return 0.0
    for answer in question.iterfind("answer"):
        expected, tolerance = (
            float(answer.findtext("text", "")),
            float(answer.findtext("tolerance", "0")),
        )
        if expected - tolerance - 1e-12 <= value <= expected + tolerance + 1e-12:
            return float(answer.get("fraction", "0")) / 100
    return 0.0


def _promised_forms(question: Numeric) -> list[str]:
    """Each way of typing the right answer that the stem or the unit invites."""
    assert question.key is not None
    value = f"{question.key.value:g}"
    forms = [value]
    if question.unit:
        forms += [f"{value}{question.unit}", f"{value} {question.unit}"]
    if "percent" in question.allow and question.unit != "%":
        percent = f"{question.key.value * 100:g}"
        forms += [f"{percent}%", f"{percent} %"]
    return forms


def _numeric_questions() -> list[Numeric]:
    quizzes = bank_quizzes(ROOT)
    return [q for quiz in quizzes for q in quiz.questions if isinstance(q, Numeric)]


@pytest.mark.parametrize("question", _numeric_questions(), ids=lambda q: q.id)
def test_moodle_grades_every_promised_form_as_the_course_does(question: Numeric) -> None:
    """0.5, 50% and 50 % (or 91 and 91%, 75 µm) are right in Moodle wherever ours says so."""
    exported = next(q for q in _questions(_bank()) if q.findtext("idnumber") == question.id)
    assert question.key is not None
    for form in _promised_forms(question):
        assert grade(question, form).is_correct, f"the course refuses {form!r}"
        assert moodle_marks(exported, form) == 1.0, f"Moodle refuses {form!r}"
    tolerance = question.key.tolerance or abs(question.key.value) * (
        question.key.relative_tolerance or 0
    )
    wrong = f"{question.key.value + 3 * tolerance + 1:g}"
    assert not grade(question, wrong).is_correct
    assert moodle_marks(exported, wrong) == 0.0


def test_the_reader_refuses_a_unit_where_moodle_does() -> None:
    """The Moodle model is not lenient: with no units (showunits 3) '50%' gets no marks."""
    question = ET.fromstring(
        "<question><answer fraction='100'><text>0.5</text><tolerance>0.02</tolerance></answer>"
        "<showunits>3</showunits><unitgradingtype>0</unitgradingtype></question>"
    )
    assert moodle_marks(question, "0.5") == 1.0
    assert moodle_marks(question, "50%") == 0.0
    assert moodle_numeric_value("0,5", {}) == (5.0, "")  # English: ',' separates thousands
