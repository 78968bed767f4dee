"""QTI 1.2 for Canvas: the golden sample, the package layout, item metadata and scoring."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from skinlessons._util.zipped import read_entries
from skinlessons.export._text import html_block
from skinlessons.export.qti import CANVAS_TYPES, to_qti
from skinlessons.quiz.models import Quiz
from testkit.export import (
    canvas_shows,
    check_golden,
    one_question_quiz,
    qti_as_text,
    sample_quiz,
    shown_text,
    texts_quiz,
)

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
ASSESSMENT = "skinlessons_50_export_sample/skinlessons_50_export_sample.xml"


def _items() -> dict[str, ET.Element]:
    entries = read_entries(to_qti([sample_quiz()]).content)
    root = ET.fromstring(entries[ASSESSMENT])
    return {item.get("ident", ""): item for item in root.iterfind(".//q:item", NS)}


def _meta(item: ET.Element) -> dict[str, str]:
    fields = item.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS)
    return {f.findtext("q:fieldlabel", "", NS): f.findtext("q:fieldentry", "", NS) for f in fields}


def test_sample_matches_golden_files() -> None:
    """The sample quiz exports to the hand-checked manifest, meta and assessment XML."""
    check_golden("50_export_sample.qti.txt", qti_as_text(to_qti([sample_quiz()]).content))


def test_package_layout_canvas_imports() -> None:
    """imsmanifest.xml points at the assessment and its assessment_meta.xml, both present."""
    entries = read_entries(to_qti([sample_quiz()]).content)
    assert sorted(entries) == [
        "imsmanifest.xml",
        "skinlessons_50_export_sample/assessment_meta.xml",
        ASSESSMENT,
    ]
    manifest = ET.fromstring(entries["imsmanifest.xml"])
    hrefs = {element.get("href") for element in manifest.iter() if element.tag.endswith("file")}
    assert hrefs == {ASSESSMENT, "skinlessons_50_export_sample/assessment_meta.xml"}


def test_items_carry_canvas_type_and_points_and_ordering_is_skipped() -> None:
    """Every item has question_type and points_possible; ordering is left out and reported."""
    items = _items()
    quiz = sample_quiz()
    expected = {
        q.id: (CANVAS_TYPES[q.type], f"{q.points:g}")
        for q in quiz.questions
        if q.type != "ordering"
    }
    found = {
        ident: (_meta(item)["question_type"], _meta(item)["points_possible"])
        for ident, item in items.items()
    }
    assert found == expected
    assert [s.question_id for s in to_qti([quiz]).skipped] == ["sample-ordering"]


def test_scoring_marks_the_keys() -> None:
    """Single choice scores its key; multiple answers require keys and exclude the rest."""
    items = _items()
    single = items["sample-single"]
    scoring = single.findall("q:resprocessing/q:respcondition", NS)[-1]
    assert scoring.findtext("q:conditionvar/q:varequal", None, NS) == "ph-3"
    assert scoring.findtext("q:setvar", None, NS) == "100"
    multiple = items["sample-multiple"].findall("q:resprocessing/q:respcondition", NS)[-1]
    both = multiple.find("q:conditionvar/q:and", NS)
    assert both is not None
    assert [v.text for v in both.findall("q:varequal", NS)] == ["glycolic", "lactic", "mandelic"]
    assert [v.text for v in both.findall("q:not/q:varequal", NS)] == ["salicylic"]


def test_numeric_band_uses_absolute_tolerance() -> None:
    """80 ± 25 % is accepted as 60..100."""
    condition = _items()["sample-relative"].findall("q:resprocessing/q:respcondition", NS)[-1]
    assert condition.findtext(".//q:vargte", None, NS) == "60"
    assert condition.findtext(".//q:varlte", None, NS) == "100"


def test_matching_adds_a_share_per_pair() -> None:
    """Each right pair adds 50 of the 100 points; every match (with the distractor) is offered."""
    item = _items()["sample-matching"]
    adds = [c.findtext("q:setvar", None, NS) for c in item.iterfind(".//q:respcondition", NS)]
    assert adds[-2:] == ["50", "50"]
    labels = item.findall("q:presentation/q:response_lid[1]/q:render_choice/q:response_label", NS)
    assert [label.get("ident") for label in labels] == ["aha", "bha", "enzyme"]


SPECIALS = [*"<>&\"'\n]]>é中 µ×≈−→", "&amp;", "Goodman & Baron", *"abc"]
_texts = st.lists(st.sampled_from(SPECIALS), min_size=1).map("".join).filter(str.strip)


def _mattexts(quiz: Quiz) -> list[tuple[str, str]]:
    entries = read_entries(to_qti([quiz]).content)
    root = ET.fromstring(entries[ASSESSMENT])
    return [
        (element.get("texttype", ""), element.text or "")
        for element in root.iterfind(".//q:mattext", NS)
    ]


@settings(max_examples=60, deadline=None)
@given(stem=_texts, option=_texts, feedback=_texts, explanation=_texts)
def test_every_text_reads_in_canvas_as_in_the_source(
    stem: str, option: str, feedback: str, explanation: str
) -> None:
    """Stem, options, feedback and explanation read in Canvas exactly as our own rendering."""
    quiz = texts_quiz(stem, option, feedback, explanation, key="a")
    shown = [canvas_shows(texttype, text) for texttype, text in _mattexts(quiz)]
    expected = [stem, option, "other", feedback, explanation]
    assert shown == [shown_text(html_block(text)) for text in expected]


def test_the_goodman_and_baron_explanation_reads_right() -> None:
    """The reported case: a lone paragraph with '&' is not shown as '&amp;' in Canvas."""
    quiz = one_question_quiz(
        {
            "id": "q",
            "type": "true_false",
            "stem": "s",
            "key": True,
            "explanation": "Graded with the Goodman & Baron scale.",
        }
    )
    texttype, text = _mattexts(quiz)[-1]
    assert canvas_shows(texttype, text) == "Graded with the Goodman & Baron scale."
