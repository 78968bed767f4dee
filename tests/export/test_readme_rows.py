"""Each row of the README's export tables, checked on the whole bank in every format.

The rows: what each format writes and which Moodle release it needs; which question types
each carries; and, per grading rule, what each format writes and which warning it prints
(multiple-answers weights, a unit, a percentage, a fraction, a decimal comma, short answers,
ordering partial credit, must-pass). Scoring by the LMSs themselves is checked in
``test_export_moodle_import`` (Moodle's numerical grading) and ``test_export_qti_import``
(Canvas's multiple-answers rule).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

import pytest

from skinlessons._util.zipped import read_entries
from skinlessons.export import render
from skinlessons.export._common import Rendered, categories, category
from skinlessons.quiz.models import MultipleAnswers, Numeric, Ordering, Quiz, ShortText
from testkit.export import bank_quizzes

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FORMATS = ("gift", "moodle-xml", "qti")
LMS = {"gift": "Moodle", "moodle-xml": "Moodle", "qti": "Canvas"}


@pytest.fixture(scope="module")
def quizzes() -> list[Quiz]:
    return bank_quizzes(ROOT)


@pytest.fixture(scope="module")
def exports(quizzes: list[Quiz]) -> dict[str, Rendered]:
    return {fmt: render(quizzes, fmt) for fmt in FORMATS}


def _of(quizzes: list[Quiz], kind: type) -> list[tuple[Quiz, object]]:
    return [(quiz, q) for quiz in quizzes for q in quiz.questions if isinstance(q, kind)]


def _warnings(rendered: Rendered, quiz: Quiz, question: object) -> str:
    label = f"{quiz.id}/{question.id}: "  # type: ignore[attr-defined]
    return "\n".join(w for w in rendered.warnings if w.startswith(label))


def _row(first_cell: str) -> str:
    found = [line for line in README.splitlines() if line.startswith(f"| {first_cell} |")]
    assert len(found) == 1, first_cell
    return found[0]


def test_format_rows_name_what_is_written_and_the_release_needed(
    quizzes: list[Quiz], exports: dict[str, Rendered]
) -> None:
    """gift: a $CATEGORY per lesson, ::id:: titles, [markdown], id and tag lines, Moodle 3.6;
    moodle-xml: a category per lesson, idnumbers, tags, CDATA, 4.4 with ordering; qti: a zip
    with the manifest and two files per quiz."""
    gift = exports["gift"].content.decode("utf-8")
    # A lesson's own category holds its questions in no pool; a final whose every question is
    # in a pool has only its pools' sub-categories, each below the lesson's path.
    lessons = {
        f"$CATEGORY: {category(quiz)}\n"
        for quiz in quizzes
        if category(quiz) in dict(categories(quiz))
    }
    assert {line + "\n" for line in gift.splitlines() if line + "\n" in lessons} == lessons
    for quiz in quizzes:
        names = [name for name, _questions in categories(quiz)]
        assert all(name.startswith(category(quiz)) for name in names), names
        assert f"$CATEGORY: {category(quiz)}" in gift
    # Beyond the lesson categories: one sub-category per pool or template question.
    sub = sum(len(categories(quiz)) - 1 for quiz in quizzes)
    assert gift.count("$CATEGORY:") == len(quizzes) + sub
    assert "Moodle 3.6 or later" in _row("`gift`") and "3.6 or later" in exports["gift"].needs
    for label in exports["gift"].exported:
        question_id = label.split("/")[1]
        assert f"::{question_id}::[markdown]" in gift and f"// [id:{question_id}]" in gift
    assert re.search(r"^// \[tag:L\d\d\.\d\]$", gift, re.M)
    root = ET.fromstring(exports["moodle-xml"].content)
    questions = [q for q in root.iter("question") if q.get("type") != "category"]
    assert len(root.findall("question[@type='category']")) == len(quizzes) + sub
    assert [q.findtext("idnumber") for q in questions] == [
        label.split("/")[1] for label in exports["moodle-xml"].exported
    ]
    assert all(q.find("tags/tag/text") is not None for q in questions)
    assert b"<![CDATA[" in exports["moodle-xml"].content
    assert "4.4 or later" in exports["moodle-xml"].needs and "4.4 or later" in _row("`moodle-xml`")
    names = set(read_entries(exports["qti"].content))
    assert "imsmanifest.xml" in names
    for quiz in quizzes:
        folder = f"skinlessons_{quiz.id}"
        assert {f"{folder}/assessment_meta.xml", f"{folder}/{folder}.xml"} <= names


def test_type_rows_ordering_only_in_moodle_xml(
    quizzes: list[Quiz], exports: dict[str, Rendered]
) -> None:
    """Every other type is in every format; ordering is left out of GIFT and QTI, named."""
    ordering = {q.id for _quiz, q in _of(quizzes, Ordering)}  # type: ignore[attr-defined]
    everything = {q.id for quiz in quizzes for q in quiz.questions}
    assert "left out (warning)" in _row("ordering")
    for fmt, rendered in exports.items():
        left_out = {s.question_id for s in rendered.skipped}
        assert left_out == (set() if fmt == "moodle-xml" else ordering)
        assert len(rendered.exported) == len(set(rendered.exported))
        assert {label.split("/")[1] for label in rendered.exported} == everything - left_out


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml"])
def test_multiple_answers_row_weights_follow_our_rule(
    quizzes: list[Quiz], exports: dict[str, Rendered], fmt: str
) -> None:
    """Each right option about +100/k, each wrong one −100/k, the right ones summing to 100."""
    content = exports[fmt].content.decode("utf-8")
    for _quiz, question in _of(quizzes, MultipleAnswers):
        assert isinstance(question, MultipleAnswers)
        k = len(question.key or ())
        if fmt == "gift":
            block = content.split(f"::{question.id}::", 1)[1].split("\n}\n", 1)[0]
            weights = [Fraction(w) for w in re.findall(r"^[~]%(-?[\d.]+)%", block, re.M)]
        else:
            element = next(
                q for q in ET.fromstring(exports[fmt].content).iter("question")
                if q.findtext("idnumber") == question.id
            )  # fmt: skip
            weights = [Fraction(a.get("fraction", "")) for a in element.findall("answer")]
        right = [w for w in weights if w > 0]
        assert len(right) == k and abs(sum(right) - 100) < Fraction(1, 10**4)
        assert all(abs(w + Fraction(100, k)) < Fraction(1, 10**4) for w in weights if w <= 0)


def test_unit_percent_and_fraction_rows(quizzes: list[Quiz], exports: dict[str, Rendered]) -> None:
    """A unit: Moodle XML writes it (µm also as μm) and does not warn; GIFT and QTI warn.
    A percentage the stem allows: Moodle XML writes a % unit ×100; GIFT and QTI warn. A
    fraction: every format warns. A decimal comma: every format warns, per question."""
    root = ET.fromstring(exports["moodle-xml"].content)
    for quiz, question in _of(quizzes, Numeric):
        assert isinstance(question, Numeric)
        element = next(q for q in root.iter("question") if q.findtext("idnumber") == question.id)
        units = {u.findtext("unit_name"): u.findtext("multiplier") for u in element.iter("unit")}
        for fmt, rendered in exports.items():
            said = _warnings(rendered, quiz, question)
            assert "decimal comma (0,5)" in said, (fmt, question.id)
            unit_warned = f"the unit ({question.unit}) cannot be typed" in said
            assert unit_warned is (bool(question.unit) and fmt != "moodle-xml"), (fmt, question.id)
            percent_warned = "the stem allows a percentage" in said
            allows_percent = "percent" in question.allow and question.unit != "%"
            assert percent_warned is (allows_percent and fmt != "moodle-xml")
            assert ("a fraction such as 1/2" in said) is ("fraction" in question.allow)
        if question.unit:
            assert units[question.unit] == "1"
            assert question.unit != "µm" or units["μm"] == "1"
        if "percent" in question.allow and question.unit != "%":
            assert units["%"] == "100"


def test_short_answer_ordering_and_must_pass_rows(
    quizzes: list[Quiz], exports: dict[str, Rendered]
) -> None:
    """Short answers: the single-space and trailing-mark variants are written, and each format
    warns; ordering: Moodle XML warns about partial credit; must-pass: a tag in GIFT and
    Moodle XML, ``[must-pass]`` after the name in QTI, on exactly the must-pass questions."""
    for quiz, question in _of(quizzes, ShortText):
        assert isinstance(question, ShortText)
        for fmt, rendered in exports.items():
            assert f"{LMS[fmt]} does not" in _warnings(rendered, quiz, question)
        answer = (question.key or [""])[0]
        assert f"{answer}." in exports["moodle-xml"].content.decode("utf-8")
    for quiz, question in _of(quizzes, Ordering):
        assert "RELATIVE_NEXT_EXCLUDE_LAST" in _warnings(exports["moodle-xml"], quiz, question)
    must_pass = sorted(q.id for quiz in quizzes for q in quiz.questions if q.must_pass)
    gift = exports["gift"].content.decode("utf-8")
    tagged = re.findall(r"// \[id:([^\]]+)\]\n(?:// \[tag:[^\]]+\]\n)*// \[tag:must-pass\]", gift)
    assert sorted(tagged) == must_pass
    root = ET.fromstring(exports["moodle-xml"].content)
    moodle = [
        q.findtext("idnumber") for q in root.iter("question")
        if "must-pass" in [t.text for t in q.iterfind("tags/tag/text")]
    ]  # fmt: skip
    assert sorted(moodle) == must_pass
    titles = [
        re.findall(r'<item [^>]*title="([^"]+) \[must-pass\]"', data.decode("utf-8"))
        for data in read_entries(exports["qti"].content).values()
    ]
    assert sorted(t for found in titles for t in found) == must_pass
    assert "tag `must-pass`" in _row("must-pass")
