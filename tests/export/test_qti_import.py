"""The whole bank's QTI package read back item by item, as Canvas reads it, against the YAML.

Canvas's QTI importer takes the ``question_type`` and ``points_possible`` metadata of each item,
the text of each ``<mattext>`` (see ``testkit.export.canvas_shows``) and, from
``<resprocessing>``, which responses score: for multiple answers only the options tested inside
the ``<and>`` (not under ``<not>``) are right, and Canvas applies its own partial credit.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

from skinlessons._util.zipped import read_entries
from skinlessons.export import render
from skinlessons.export._text import html_block
from skinlessons.export.qti import CANVAS_TYPES, MUST_PASS_MARK
from skinlessons.quiz.grading import grade
from skinlessons.quiz.models import (
    AnyQuestion,
    Matching,
    MultipleAnswers,
    Numeric,
    Option,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from skinlessons.quiz.text import normalise_answer
from testkit.export import bank_quizzes, canvas_shows, shown_text

ROOT = Path(__file__).resolve().parents[2]
NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}


def _items() -> tuple[dict[str, ET.Element], list[str]]:
    quizzes = bank_quizzes(ROOT)
    rendered = render(quizzes, "qti")
    items: dict[str, ET.Element] = {}
    for name, data in read_entries(rendered.content).items():
        if name.endswith(".xml") and "/" in name and not name.endswith("assessment_meta.xml"):
            for item in ET.fromstring(data).iterfind(".//q:item", NS):
                assert item.get("ident", "") not in items, "an item is written twice"
                items[item.get("ident", "")] = item
    return items, [skipped.label() for skipped in rendered.skipped]


def _shown(element: ET.Element | None) -> str:
    assert element is not None
    return canvas_shows(element.get("texttype", ""), element.text or "")


def _meta(item: ET.Element) -> dict[str, str]:
    fields = item.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS)
    return {f.findtext("q:fieldlabel", "", NS): f.findtext("q:fieldentry", "", NS) for f in fields}


def _scoring(item: ET.Element) -> list[ET.Element]:
    conditions = item.findall("q:resprocessing/q:respcondition", NS)
    return [c for c in conditions if c.find("q:setvar", NS) is not None]


def _feedback(item: ET.Element) -> dict[str, str]:
    return {
        block.get("ident", ""): _shown(block.find("q:flow_mat/q:material/q:mattext", NS))
        for block in item.iterfind("q:itemfeedback", NS)
    }


def _texts(question: AnyQuestion, item: ET.Element) -> None:
    presentation = item.find("q:presentation", NS)
    assert presentation is not None
    assert _shown(presentation.find("q:material/q:mattext", NS)) == shown_text(
        html_block(question.stem)
    )
    feedback = _feedback(item)
    assert feedback.get("general_fb") == (
        shown_text(html_block(question.explanation)) if question.explanation else None
    )
    options: list[Option] = getattr(question, "options", [])
    labels = presentation.findall("q:response_lid/q:render_choice/q:response_label", NS)
    if options:
        assert [_shown(label.find("q:material/q:mattext", NS)) for label in labels] == [
            shown_text(html_block(option.text)) for option in options
        ]
    for option in options:
        if option.feedback:
            assert feedback[f"{option.id}_fb"] == shown_text(html_block(option.feedback))


def _right_responses(question: AnyQuestion, item: ET.Element) -> None:
    last = _scoring(item)[-1]
    if isinstance(question, SingleChoice | TrueFalse):
        key = question.key if isinstance(question, SingleChoice) else str(question.key).lower()
        assert last.findtext("q:conditionvar/q:varequal", None, NS) == key
    elif isinstance(question, MultipleAnswers):
        both = last.find("q:conditionvar/q:and", NS)
        assert both is not None
        right = {v.text for v in both.findall("q:varequal", NS)}
        wrong = {v.text for v in both.findall("q:not/q:varequal", NS)}
        assert right == set(question.key or ())
        assert wrong == {o.id for o in question.options} - right
    elif isinstance(question, Numeric):
        assert question.key is not None
        low = float(last.findtext(".//q:vargte", "nan", NS))
        high = float(last.findtext(".//q:varlte", "nan", NS))
        tolerance = question.key.tolerance or abs(question.key.value) * (
            question.key.relative_tolerance or 0
        )
        assert abs(low - (question.key.value - tolerance)) < 1e-9
        assert abs(high - (question.key.value + tolerance)) < 1e-9
    elif isinstance(question, Matching):
        tests = [c.find("q:conditionvar/q:varequal", NS) for c in _scoring(item)]
        pairs = {t.get("respident"): t.text for t in tests if t is not None}
        assert pairs == {f"response_{p}": m for p, m in (question.key or {}).items()}
    elif isinstance(question, ShortText):
        accepted = {v.text or "" for v in last.findall("q:conditionvar/q:varequal", NS)}
        keys = [v for v in question.key or () if v.strip()]
        assert {v.strip() for v in keys} <= accepted
        assert {normalise_answer(v) for v in accepted} == {normalise_answer(v) for v in keys}


def test_every_question_reads_back_as_its_yaml() -> None:
    """Each item: Canvas type, points, name (must-pass marked), texts and right responses."""
    items, skipped = _items()
    quizzes = bank_quizzes(ROOT)
    questions = {q.id: (quiz.id, q) for quiz in quizzes for q in quiz.questions}
    expected = {qid for qid, (_quiz, q) in questions.items() if q.type != "ordering"}
    assert set(items) == expected
    assert sorted(skipped) == sorted(
        f"{quiz_id}/{qid} (ordering)" for qid, (quiz_id, q) in questions.items() if qid not in items
    )
    for question_id in expected:
        question, item = questions[question_id][1], items[question_id]
        assert _meta(item)["question_type"] == CANVAS_TYPES[question.type]
        assert float(_meta(item)["points_possible"]) == question.points
        assert item.get("title") == question.id + (MUST_PASS_MARK if question.must_pass else "")
        _texts(question, item)
        _right_responses(question, item)


def canvas_multiple_answers_score(chosen: set[str], right: set[str], points: float) -> float:
    """Classic Quizzes' score for a multiple-answers response (``UserAnswer#score``): each
    right option chosen earns points/k, each wrong one chosen costs points/k, never below 0."""
    k = len(right) or 1
    score = len(chosen & right) / k * points - len(chosen - right) / k * points
    return max(score, 0.0)


def test_canvas_multiple_answers_scoring_equals_ours() -> None:
    """For every multiple-answers question and every response, Canvas's score equals ours."""
    quizzes = bank_quizzes(ROOT)
    for question in (q for quiz in quizzes for q in quiz.questions):
        if not isinstance(question, MultipleAnswers):
            continue
        ids = [o.id for o in question.options]
        for size in range(1, len(ids) + 1):
            for chosen in combinations(ids, size):
                ours = grade(question, list(chosen)).score
                canvas = canvas_multiple_answers_score(
                    set(chosen), set(question.key or ()), question.points
                )
                assert abs(ours - canvas) < 1e-9, (question.id, chosen)
