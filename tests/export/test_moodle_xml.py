"""Moodle XML export: the golden sample, each type's elements, and text that parses back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from skinlessons.export._moodle_types import cdata
from skinlessons.export._text import html_block, html_inline
from skinlessons.export.moodle_xml import to_moodle_xml
from skinlessons.quiz.models import Quiz
from testkit.export import check_golden, one_question_quiz, sample_quiz


def _root(quiz: Quiz) -> ET.Element:
    return ET.fromstring(to_moodle_xml([quiz]).content)


def _question(root: ET.Element, question_id: str) -> ET.Element:
    return next(q for q in root.iter("question") if q.findtext("idnumber") == question_id)


def test_sample_matches_golden_file() -> None:
    """The sample quiz exports to the hand-checked Moodle XML file."""
    check_golden("50_export_sample.moodle.xml", to_moodle_xml([sample_quiz()]).content.decode())


def test_every_type_including_ordering_is_exported_once() -> None:
    """One <question> per question, ordering included, after one category for the lesson."""
    root = _root(sample_quiz())
    kinds = [question.get("type") for question in root.iter("question")]
    assert kinds == [
        "category",
        "multichoice",
        "multichoice",
        "truefalse",
        "numerical",
        "numerical",
        "matching",
        "ordering",
        "shortanswer",
    ]
    category = root.find("question/category/text")
    assert category is not None and category.text == "$course$/top/skinlessons/50_export_sample"


def test_choice_settings_fractions_and_feedback() -> None:
    """<single>, <shuffleanswers> from shuffle, weights snapped, option feedback kept."""
    root = _root(sample_quiz())
    single = _question(root, "sample-single")
    assert single.findtext("single") == "true"
    assert single.findtext("shuffleanswers") == "false"
    assert single.findtext("defaultgrade") == "2"
    assert [a.get("fraction") for a in single.findall("answer")] == ["100", "0"]
    assert single.findtext("answer/feedback/text") == html_block(
        "Right: lower pH, more acid & more H⁺."
    )
    multiple = _question(root, "sample-multiple")
    assert multiple.findtext("single") == "false"
    assert multiple.findtext("shuffleanswers") == "true"
    fractions = [float(a.get("fraction", "nan")) for a in multiple.findall("answer")]
    assert fractions == [33.33333, 33.33333, 33.33333, -33.33333]


def test_numeric_ordering_and_matching_details() -> None:
    """Tolerance made absolute, unit kept; ordering answers in key order; a distractor."""
    root = _root(sample_quiz())
    relative = _question(root, "sample-relative")
    assert relative.findtext("answer/text") == "80"
    assert relative.findtext("answer/tolerance") == "20"
    assert relative.findtext("units/unit/unit_name") == "µm"
    ordering = _question(root, "sample-ordering")
    assert [a.findtext("text") for a in ordering.findall("answer")] == [
        "Stratum corneum",
        "Basal layer",
        "Dermis",
    ]
    assert [a.get("fraction") for a in ordering.findall("answer")] == ["1", "2", "3"]
    matching = _question(root, "sample-matching")
    pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in matching.iter("subquestion")]
    assert pairs == [("Glycolic acid", "AHA"), ("Salicylic acid", "BHA"), ("", "Enzyme")]


def test_general_feedback_and_idnumber() -> None:
    """<generalfeedback> holds the explanation as HTML; <idnumber> is the question id."""
    short = _question(_root(sample_quiz()), "sample-short")
    assert short.findtext("generalfeedback/text") == "<p>The <em>stratum corneum</em>.</p>"
    assert short.findtext("name/text") == "sample-short"
    assert short.findtext("usecase") == "0"


def test_cdata_end_marker_is_split() -> None:
    """A ']]>' inside HTML cannot end the CDATA section early."""
    parsed = ET.fromstring(f"<t>{cdata('a]]>b')}</t>")
    assert parsed.text == "a]]>b"


_texts = st.text(
    alphabet=st.sampled_from(list("<>&\"'\n]]>{}#~=:\\é中 µ→") + list("abc")), min_size=1
).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(stem=_texts, option=_texts, variant=_texts)
def test_text_parses_back_to_the_same(stem: str, option: str, variant: str) -> None:
    """HTML specials, ']]>', Unicode and line breaks come back from the parsed XML unchanged."""
    choice = one_question_quiz(
        {
            "id": "q",
            "type": "single_choice",
            "stem": stem,
            "options": [{"id": "a", "text": option}, {"id": "b", "text": "other"}],
            "key": "a",
            "explanation": stem,
        }
    )
    question = _question(_root(choice), "q")
    assert question.findtext("questiontext/text") == html_block(stem)
    assert question.findtext("generalfeedback/text") == html_block(stem)
    assert question.findtext("answer/text") == html_inline(option)
    short = one_question_quiz({"id": "s", "type": "short_text", "stem": "s", "key": [variant]})
    # Moodle's importer trims answer texts; the variant is written as the trainee would type it.
    assert _question(_root(short), "s").findtext("answer/text") == variant.strip()
