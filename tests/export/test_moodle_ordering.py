"""Ordering questions in Moodle XML, checked against the ordering question type's own code.

The ordering type (``qtype_ordering``, core since Moodle 4.4) writes these elements in its
``export_to_xml()``: ``layouttype``, ``selecttype``, ``selectcount``, ``gradingtype``,
``showgrading``, ``numberingstyle``, the combined feedback (``correctfeedback``,
``partiallycorrectfeedback``, ``incorrectfeedback``), ``shownumcorrect`` and one ``answer`` per
item, its ``fraction`` the item's place. Its ``import_from_xml()`` reads each of them with a
default that is not what the course means (``selecttype`` RANDOM shows a random subset,
``selectcount`` 6, ``numberingstyle`` '1', which is no style at all), and without
``shownumcorrect`` it adds two hints that have no text format (a NOT NULL column). Each
option's value goes through ``set_options_for_import()``, whose ``switch`` falls back to a
default for any word it does not know; the sets below are its ``case`` labels.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

import pytest

from skinlessons.export import render
from skinlessons.quiz.grading import grade
from skinlessons.quiz.loader import load_course_quizzes
from skinlessons.quiz.models import Ordering
from testkit.export import (
    MOODLE_COMBINED_FEEDBACK,
    MOODLE_ORDERING_OPTIONS,
    sample_quiz,
    shown_text,
)

ROOT = Path(__file__).resolve().parents[2]
HEADER = ("name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden")
"""The elements ``qformat_xml::import_headers`` reads for every question type."""
ORDERING_EXPORT = (*MOODLE_ORDERING_OPTIONS, *MOODLE_COMBINED_FEEDBACK, "answer")
"""What the ordering type's ``export_to_xml()`` writes, in its order."""
KNOWN = {
    "layouttype": {"HORIZONTAL", "HORI", "H", "1", "VERTICAL", "VERT", "V", "0"},
    "selecttype": {"ALL", "EXACT", "RANDOM", "REL", "CONTIGUOUS", "CONTIG"},
    "gradingtype": {
        "ALL_OR_NOTHING",
        "ABS",
        "ABSOLUTE",
        "ABSOLUTE_POSITION",
        "REL",
        "RELATIVE",
        "RELATIVE_NEXT_EXCLUDE_LAST",
        "RELATIVE_NEXT_INCLUDE_LAST",
        "RELATIVE_ONE_PREVIOUS_AND_NEXT",
        "RELATIVE_ALL_PREVIOUS_AND_NEXT",
        "LONGEST_ORDERED_SUBSET",
        "LONGEST_CONTIGUOUS_SUBSET",
        "RELATIVE_TO_CORRECT",
    },
    "showgrading": {"SHOW", "TRUE", "YES", "1", "HIDE", "FALSE", "NO", "0"},
    "numberingstyle": {"none", "123", "abc", "ABCD", "iii", "IIII"},
}
"""The words ``set_options_for_import()`` knows for each option (anything else: its default)."""


def _course_ordering() -> list[tuple[Ordering, ET.Element]]:
    quizzes = list(load_course_quizzes(ROOT).quizzes.values())
    root = ET.fromstring(render(quizzes, "moodle-xml").content)
    written = {q.findtext("idnumber"): q for q in root.iter("question")}
    found = [
        (question, written[question.id])
        for quiz in quizzes
        for question in quiz.questions
        if isinstance(question, Ordering)
    ]
    # The bank grows; these two have been ordering questions since the first export.
    assert {"skin-layers-order", "procedure-depth-order"} <= {q.id for q, _ in found}
    return found


@pytest.fixture(scope="module")
def ordering() -> list[tuple[Ordering, ET.Element]]:
    return _course_ordering()


def test_every_element_the_ordering_type_exports_is_written(
    ordering: list[tuple[Ordering, ET.Element]],
) -> None:
    """Each ordering question holds every element of ``export_to_xml()``, each once (answers
    once per item), and the headers every type reads."""
    for question, element in ordering:
        tags = [child.tag for child in element]
        for tag in (*HEADER, *ORDERING_EXPORT):
            want = len(question.items) if tag == "answer" else 1
            assert tags.count(tag) == want, (question.id, tag)
        assert element.get("type") == "ordering"


def test_each_option_is_a_word_the_importer_knows_and_means_the_course(
    ordering: list[tuple[Ordering, ET.Element]],
) -> None:
    """No option falls back to the importer's default; together they show every item, in a
    column, with the grading details, and grade by next neighbours."""
    for question, element in ordering:
        values = {tag: element.findtext(tag) for tag in KNOWN}
        for tag, known in KNOWN.items():
            assert values[tag] in known, (question.id, tag, values[tag])
        assert values == {
            "layouttype": "VERTICAL",
            "selecttype": "ALL",
            "gradingtype": "RELATIVE_NEXT_EXCLUDE_LAST",
            "showgrading": "SHOW",
            "numberingstyle": "none",
        }
        count = element.findtext("selectcount") or ""
        assert count.isdigit() and int(count) == len(question.items)


def test_no_hint_rows_and_combined_feedback_with_a_format(
    ordering: list[tuple[Ordering, ET.Element]],
) -> None:
    """``shownumcorrect`` is set, so the importer adds no hints; no hint is written either;
    each combined feedback names its text format (the importer reads it without a default)."""
    for question, element in ordering:
        assert element.findtext("shownumcorrect") == "1", question.id
        assert element.find("hint") is None
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            feedback = element.find(tag)
            assert feedback is not None and feedback.get("format") == "html"
            assert feedback.find("text") is not None


def test_answers_are_the_items_in_key_order(ordering: list[tuple[Ordering, ET.Element]]) -> None:
    """The answers, read as the importer reads them (text, format, fraction = place), are the
    YAML items in the key's order, each with a text format."""
    for question, element in ordering:
        answers = element.findall("answer")
        items = {item.id: item.text for item in question.items}
        assert [shown_text(a.findtext("text") or "") for a in answers] == [
            shown_text(items[item_id]) for item_id in question.key or ()
        ]
        assert [a.get("fraction") for a in answers] == [str(i) for i in range(1, len(items) + 1)]
        assert {a.get("format") for a in answers} == {"html"}


def _moodle_next_excluding_last(key: list[str], response: list[str]) -> Fraction:
    """Moodle's RELATIVE_NEXT_EXCLUDE_LAST: each key item but the last is right when the
    response puts its key successor directly after it (``get_next_answerids``)."""

    def successors(order: list[str]) -> dict[str, str]:
        return dict(itertools.pairwise(order))

    wanted, given = successors(key), successors(response)
    return Fraction(sum(given.get(item) == then for item, then in wanted.items()), len(wanted))


def test_moodle_and_the_course_agree_on_right_orders_and_differ_as_the_readme_says() -> None:
    """A right order is full marks in both; the README's example (key A B C D, answer
    A C B D) is 2 of 3 for the course and 0 of 3 for Moodle, as the export warns."""
    question = next(q for q in sample_quiz().questions if isinstance(q, Ordering))
    key = list(question.key or ())
    result = grade(question, key)
    assert result.is_correct and _moodle_next_excluding_last(key, key) == 1
    four = Ordering.model_validate(
        {
            "id": "abcd",
            "type": "ordering",
            "stem": "Order them.",
            "objectives": ["L50.1"],
            "references": ["R1"],
            "items": [{"id": x, "text": x.upper()} for x in "abcd"],
            "key": list("abcd"),
        }
    )
    answer = list("acbd")
    result = grade(four, answer)
    assert result.max_points == 1
    assert Fraction(result.score).limit_denominator(100) == Fraction(2, 3)
    assert _moodle_next_excluding_last(list("abcd"), answer) == 0
