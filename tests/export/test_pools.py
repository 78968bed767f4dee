"""Exports of a pooled final: a Moodle sub-category and a Canvas question group per pool."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from skinlessons._util.zipped import read_entries
from skinlessons.export.gift import to_gift
from skinlessons.export.moodle_xml import to_moodle_xml
from skinlessons.export.qti import CANVAS_NS, QTI_NS, to_qti
from skinlessons.quiz.loader import load_quiz
from testkit.export import gift_categories

QUIZ = load_quiz(
    Path(__file__).parents[1] / "files" / "course_pools" / "quizzes" / "39_pooled_final.yaml"
)
BASE = "$course$/top/skinlessons/39_pooled_final"
ACIDS = ["pools-salicylic-aha", "pools-glycolic-aha", "pools-mandelic-size"]
DEFER = ["pools-herpes-defer", "pools-isotretinoin-wait", "pools-pregnancy-salicylic"]
EXPECTED = [
    (BASE, ["pools-ph-strength"]),
    (f"{BASE}/slot-acids", ACIDS),
    (f"{BASE}/slot-defer", DEFER),
]
NS = {"q": QTI_NS}
FOLDER = "skinlessons_39_pooled_final"


def test_moodle_xml_puts_each_pool_in_a_sub_category_named_for_its_slot() -> None:
    root = ET.fromstring(to_moodle_xml([QUIZ]).content)
    found: list[tuple[str, list[str]]] = []
    for question in root.iter("question"):
        if question.get("type") == "category":
            found.append((question.findtext("category/text", ""), []))
        else:
            found[-1][1].append(question.findtext("idnumber", ""))
    assert found == EXPECTED


def test_gift_puts_each_pool_in_a_sub_category_named_for_its_slot() -> None:
    text = to_gift([QUIZ]).content.decode("utf-8")
    assert gift_categories(text) == EXPECTED


def test_qti_makes_each_pool_a_canvas_question_group_and_counts_one_draw() -> None:
    entries = read_entries(to_qti([QUIZ]).content)
    root = ET.fromstring(entries[f"{FOLDER}/{FOLDER}.xml"])
    top = root.find("q:assessment/q:section", NS)
    assert top is not None and top.get("ident") == "root_section"
    assert [item.get("ident") for item in top.findall("q:item", NS)] == ["pools-ph-strength"]
    groups = top.findall("q:section", NS)
    assert [group.get("ident") for group in groups] == ["group_slot-acids", "group_slot-defer"]
    for group, members in zip(groups, (ACIDS, DEFER), strict=True):
        selection = group.find("q:selection_ordering/q:selection", NS)
        assert selection is not None
        assert selection.findtext("q:selection_number", "", NS) == "1"
        assert selection.findtext("q:selection_extension/q:points_per_item", "", NS) == "1"
        assert [item.get("ident") for item in group.findall("q:item", NS)] == members
    meta = ET.fromstring(entries[f"{FOLDER}/assessment_meta.xml"])
    assert meta.findtext(f"{{{CANVAS_NS}}}points_possible") == "3"


def test_a_quiz_without_pools_exports_as_before() -> None:
    plain = QUIZ.model_copy(update={"pools": []})
    text = to_gift([plain]).content.decode("utf-8")
    assert text.count("$CATEGORY: ") == 1
    entries = read_entries(to_qti([plain]).content)
    root = ET.fromstring(entries[f"{FOLDER}/{FOLDER}.xml"])
    assert root.findall(".//q:section/q:section", NS) == []
    meta = ET.fromstring(entries[f"{FOLDER}/assessment_meta.xml"])
    assert meta.findtext(f"{{{CANVAS_NS}}}points_possible") == "7"
