"""QTI 1.2 for Canvas: a zip with ``imsmanifest.xml`` and, per quiz, an assessment and its meta.

The layout is the one Canvas exports and imports (Settings → Import course content → "QTI
.zip file")::

    imsmanifest.xml
    skinlessons_03_chemical/skinlessons_03_chemical.xml     the questions (QTI 1.2 ASI)
    skinlessons_03_chemical/assessment_meta.xml             Canvas quiz settings

Each item carries Canvas's ``question_type`` and ``points_possible`` metadata. Ordering has no
Canvas QTI 1.2 type: those questions are skipped and listed in the result.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Final

from .._util.zipped import zip_bytes
from ..quiz.models import AnyQuestion, Ordering, Quiz
from ._common import Rendered, Skipped, html_block, plain
from ._fractions import number
from ._qti_items import ItemParts, item_parts

QTI_NS: Final = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NS: Final = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS: Final = "http://canvas.instructure.com/xsd/cccv1p0"
CANVAS_TYPES: Final = {
    "single_choice": "multiple_choice_question",
    "multiple_answers": "multiple_answers_question",
    "true_false": "true_false_question",
    "numeric": "numerical_question",
    "matching": "matching_question",
    "short_text": "short_answer_question",
}
"""Our question type → Canvas's ``question_type``; ordering has none."""
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


def _item(section: ET.Element, question: AnyQuestion, notes: list[str]) -> None:
    item = ET.SubElement(section, "item", ident=question.id, title=question.id)
    meta = ET.SubElement(item, "itemmetadata")
    _metadata(
        meta,
        {
            "question_type": CANVAS_TYPES[question.type],
            "points_possible": number(question.points),
        },
    )
    parts: ItemParts = item_parts(question, notes)
    presentation = ET.SubElement(item, "presentation")
    material = ET.SubElement(presentation, "material")
    ET.SubElement(material, "mattext", texttype="text/html").text = html_block(question.stem)
    presentation.extend(parts.responses)
    item.append(parts.processing)
    feedback = dict(parts.feedback)
    if question.explanation:
        feedback["general_fb"] = html_block(question.explanation)
    for ident, html in feedback.items():
        block = ET.SubElement(item, "itemfeedback", ident=ident)
        flow = ET.SubElement(ET.SubElement(block, "flow_mat"), "material")
        ET.SubElement(flow, "mattext", texttype="text/html").text = html


def assessment_xml(quiz: Quiz, skipped: list[Skipped], notes: list[str]) -> bytes:
    """The QTI 1.2 assessment of one quiz; ordering questions are appended to ``skipped``."""
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = ET.SubElement(root, "assessment", ident=quiz_ident(quiz), title=quiz.title)
    _metadata(assessment, {"cc_maxattempts": "1"})
    section = ET.SubElement(assessment, "section", ident="root_section")
    for question in quiz.questions:
        if isinstance(question, Ordering):
            skipped.append(Skipped(quiz.id, question.id, question.type))
            continue
        _item(section, question, notes)
    return _to_text(root)


def assessment_meta_xml(quiz: Quiz) -> bytes:
    """Canvas's ``assessment_meta.xml``: title, description, points, unpublished."""
    ident = quiz_ident(quiz)
    points = sum(question.points for question in quiz.questions if question.type != "ordering")
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


def to_qti(quizzes: Iterable[Quiz]) -> Rendered:
    """A Canvas QTI 1.2 package (zip bytes) with one assessment per quiz."""
    chosen = list(quizzes)
    result = Rendered(b"")
    entries = {"imsmanifest.xml": manifest_xml(chosen)}
    for quiz in chosen:
        ident = quiz_ident(quiz)
        entries[f"{ident}/{ident}.xml"] = assessment_xml(quiz, result.skipped, result.notes)
        entries[f"{ident}/assessment_meta.xml"] = assessment_meta_xml(quiz)
        skipped = {item.question_id for item in result.skipped if item.quiz_id == quiz.id}
        result.exported += [f"{quiz.id}/{q.id}" for q in quiz.questions if q.id not in skipped]
    result.content = zip_bytes(entries)
    return result
