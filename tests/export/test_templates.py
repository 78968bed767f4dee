"""Exports of a template: a Moodle category or a Canvas question group of fixed variants."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from skinlessons._util.zipped import read_entries
from skinlessons.export import render
from skinlessons.export.qti import QTI_NS
from skinlessons.logic.variants import FIXED_COUNT, fixed_variants, realise
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Numeric
from testkit.export import gift_categories

QUIZ = load_quiz(
    Path(__file__).parents[1] / "files" / "course_templates" / "quizzes" / "38_template_final.yaml"
)
QUESTION_ID = "templates-free-acid"
BASE = "$course$/top/skinlessons/38_template_final"
VARIANTS = [f"{QUESTION_ID}-v{number}" for number in range(1, FIXED_COUNT + 1)]
NS = {"q": QTI_NS}
FOLDER = "skinlessons_38_template_final"


def _template() -> Numeric:
    question = QUIZ.question(QUESTION_ID)
    assert isinstance(question, Numeric)
    return question


def test_fixed_variants_are_a_spread_of_distinct_valid_variants() -> None:
    chosen = fixed_variants(_template())
    assert len(chosen) == FIXED_COUNT
    assert len({tuple(sorted(v.items())) for v in chosen}) == FIXED_COUNT
    assert fixed_variants(_template()) == chosen
    assert {v["agent"] for v in chosen} == {"glycolic", "lactic"}


def test_gift_writes_the_template_as_a_category_of_fixed_variants_with_their_keys() -> None:
    text = render([QUIZ], "gift").content.decode("utf-8")
    found = gift_categories(text)
    assert found == [(BASE, ["templates-ph-strength"]), (f"{BASE}/{QUESTION_ID}", VARIANTS)]
    first = realise(_template(), fixed_variants(_template())[0])
    assert first.key is not None
    assert f"{{#{first.key.value!r}:0.3" in text or f"{{#{first.key.value}:0.3" in text
    assert "{agent_name}" not in text and "free-acid-pct" not in text
    assert "1 + 10^(pH − pKa)" in text  # the explanation's words, never a formula to evaluate


def test_moodle_xml_puts_the_variants_in_a_sub_category_named_for_the_question() -> None:
    root = ET.fromstring(render([QUIZ], "moodle-xml").content)
    categories = [
        q.findtext("category/text", "")
        for q in root.iter("question")
        if q.get("type") == "category"
    ]
    assert categories == [BASE, f"{BASE}/{QUESTION_ID}"]


def test_qti_makes_the_template_a_question_group_picking_one_variant() -> None:
    entries = read_entries(render([QUIZ], "qti").content)
    root = ET.fromstring(entries[f"{FOLDER}/{FOLDER}.xml"])
    groups = root.findall("q:assessment/q:section/q:section", NS)
    assert [group.get("ident") for group in groups] == [f"group_{QUESTION_ID}"]
    assert [item.get("ident") for item in groups[0].findall("q:item", NS)] == VARIANTS
    number = groups[0].findtext("q:selection_ordering/q:selection/q:selection_number", "", NS)
    assert number == "1"


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti"])
def test_a_quiz_without_templates_exports_unchanged(fmt: str) -> None:
    plain = QUIZ.model_copy(update={"questions": [QUIZ.questions[0]]})
    assert render([plain], fmt).exported == ["38_template_final/templates-ph-strength"]
