"""QTI 1.2 for Canvas: a zip with ``imsmanifest.xml`` and, per quiz, an assessment and its meta.

The layout is the one Canvas exports and imports (Settings → Import course content → "QTI
.zip file")::

    imsmanifest.xml
    skinlessons_03_chemical/skinlessons_03_chemical.xml     the questions (QTI 1.2 ASI)
    skinlessons_03_chemical/assessment_meta.xml             Canvas quiz settings

Each item carries Canvas's ``question_type`` and ``points_possible`` metadata; its title (the
question name in Canvas) is the question id, with `` [must-pass]`` after a must-pass question's
id. Ordering has no Canvas QTI 1.2 type: those questions are skipped and listed in the result.
A pool of a pooled final becomes a Canvas question group (a ``<section>`` with
``<selection_ordering>``: pick ``draw`` of its items, each worth the pool's points).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import partial
from typing import Final

from .._util.zipped import zip_bytes
from ..quiz.models import AnyQuestion, Quiz
from ..quiz.pools import Pool
from ._common import ExportOptions, Rendered, slots
from ._fractions import number
from ._qti_items import WRITERS, ItemContext, ItemParts, item_parts, mattext
from ._text import plain

QTI_NS: Final = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NS: Final = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS: Final = "http://canvas.instructure.com/xsd/cccv1p0"
CANVAS_TYPES: Final = {
    "single_choice": "multiple_choice_question",
    "multiple_answers": "multiple_answers_question",
    "true_false": "true_false_question",
    "numeric": "numerical_question",
    "matching": "matching_question",
    "ordering": "",
    "short_text": "short_answer_question",
}
"""Our question type → Canvas's ``question_type`` ('' for ordering, which Canvas lacks)."""
MUST_PASS_MARK: Final = " [must-pass]"
assert set(CANVAS_TYPES) == set(WRITERS)
NOTICE: Final = (
    "skinlessons question export (QTI 1.2 for Canvas). It contains the answer keys: "
    "never give this file to trainees."
)


def quiz_ident(quiz: Quiz) -> str:
    """The identifier of a quiz's assessment (and its folder in the package)."""
    return f"skinlessons_{quiz.id}"


def _to_text(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def _metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    block = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        field = ET.SubElement(block, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def item_title(question: AnyQuestion) -> str:
    """The item's title, which Canvas shows as the question name."""
    return question.id + (MUST_PASS_MARK if question.must_pass else "")


def _item(section: ET.Element, question: AnyQuestion, context: ItemContext) -> None:
    parts: ItemParts = item_parts(question, context)
    item = ET.SubElement(section, "item", ident=question.id, title=item_title(question))
    meta = ET.SubElement(item, "itemmetadata")
    _metadata(
        meta,
        {
            "question_type": CANVAS_TYPES[question.type],
            "points_possible": number(question.points),
        },
    )
    presentation = ET.SubElement(item, "presentation")
    mattext(presentation, question.stem)
    presentation.extend(parts.responses)
    item.append(parts.processing)
    feedback = dict(parts.feedback)
    if question.explanation:
        feedback["general_fb"] = question.explanation
    for ident, text in feedback.items():
        block = ET.SubElement(item, "itemfeedback", ident=ident)
        mattext(ET.SubElement(block, "flow_mat"), text)


def assessment_xml(quiz: Quiz, result: Rendered) -> bytes:
    """The QTI 1.2 assessment of one quiz; ordering questions are added to ``result.skipped``."""
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = ET.SubElement(root, "assessment", ident=quiz_ident(quiz), title=quiz.title)
    _metadata(assessment, {"cc_maxattempts": "1"})
    root_section = ET.SubElement(assessment, "section", ident="root_section")
    context = ItemContext(quiz, result)
    for pool, questions in slots(quiz):
        section = root_section if pool is None else _question_group(root_section, pool, questions)
        result.write_each(quiz, questions, partial(_item, section, context=context))
    return _to_text(root)


def _question_group(parent: ET.Element, pool: Pool, questions: list[AnyQuestion]) -> ET.Element:
    """A Canvas question group for a pool: ``draw`` of its questions, each worth its points."""
    group = ET.SubElement(parent, "section", ident=f"group_{pool.id}", title=pool.id)
    selection = ET.SubElement(ET.SubElement(group, "selection_ordering"), "selection")
    ET.SubElement(selection, "selection_number").text = str(pool.draw)
    extension = ET.SubElement(selection, "selection_extension")
    points = max((question.points for question in questions), default=0.0)
    ET.SubElement(extension, "points_per_item").text = number(points)
    return group


def _points(quiz: Quiz) -> float:
    """One attempt's points (a pool: ``draw`` items of its points); ordering is left out."""
    total = 0.0
    for pool, questions in slots(quiz):
        kept = [question for question in questions if question.type != "ordering"]
        if pool is None:
            total += sum(question.points for question in kept)
        elif kept:
            total += min(pool.draw, len(kept)) * max(question.points for question in kept)
    return total


def assessment_meta_xml(quiz: Quiz) -> bytes:
    """Canvas's ``assessment_meta.xml``: title, description, points, unpublished."""
    ident = quiz_ident(quiz)
    points = _points(quiz)
    root = ET.Element("quiz", identifier=ident, xmlns=CANVAS_NS)
    fields = {
        "title": quiz.title,
        "description": f"<p>{plain(quiz.title)}: exported from skinlessons ({quiz.kind}).</p>",
        "shuffle_answers": "false",
        "scoring_policy": "keep_highest",
        "quiz_type": "assignment" if quiz.is_summative else "practice_quiz",
        "points_possible": number(points),
        "allowed_attempts": "1" if quiz.is_summative else "-1",
        "available": "false",
    }
    for tag, text in fields.items():
        ET.SubElement(root, tag).text = text
    return _to_text(root)


def manifest_xml(quizzes: list[Quiz]) -> bytes:
    """``imsmanifest.xml``: one QTI resource per quiz, each depending on its meta file."""
    root = ET.Element("manifest", identifier="skinlessons_manifest", xmlns=MANIFEST_NS)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    for quiz in quizzes:
        ident = quiz_ident(quiz)
        resource = ET.SubElement(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
        ET.SubElement(resource, "file", href=f"{ident}/{ident}.xml")
        ET.SubElement(resource, "dependency", identifierref=f"{ident}_meta")
        meta = ET.SubElement(
            resources,
            "resource",
            identifier=f"{ident}_meta",
            type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
            href=f"{ident}/assessment_meta.xml",
        )
        ET.SubElement(meta, "file", href=f"{ident}/assessment_meta.xml")
    root.insert(0, ET.Comment(f" {NOTICE} "))
    return _to_text(root)


def to_qti(quizzes: Iterable[Quiz], options: ExportOptions | None = None) -> Rendered:
    """A Canvas QTI 1.2 package (zip bytes) with one assessment per quiz."""
    chosen = list(quizzes)
    result = Rendered(b"", needs="Canvas (Classic Quizzes, or New Quizzes through its QTI import)")
    entries = {"imsmanifest.xml": manifest_xml(chosen)}
    for quiz in chosen:
        ident = quiz_ident(quiz)
        entries[f"{ident}/{ident}.xml"] = assessment_xml(quiz, result)
        entries[f"{ident}/assessment_meta.xml"] = assessment_meta_xml(quiz)
    result.content = zip_bytes(entries)
    return result
