"""The submission format (``skinlessons.submission``): what the writer writes, the reader reads."""

from __future__ import annotations

import json

import pytest

from skinlessons.submission.format import (
    FORMAT,
    FORMAT_VERSION,
    AnswerRecord,
    QuizAnswers,
    SubmissionDocument,
    file_name,
    is_submission_name,
)
from skinlessons.submission.parse import parse

DOCUMENT = SubmissionDocument(
    trainee_id="jdoe",
    created_at="2026-11-25T16:00:00Z",
    package_version="0.1.0",
    last_seq=9,
    quizzes={
        "08_final_assessment": QuizAnswers(
            "08_final_assessment",
            "3f2a9c1e0b7d4a65",
            "summative",
            {"q1": AnswerRecord("a", 9, 1, "a"), "q2": AnswerRecord(["x", "y"], 4, 1, ["x", "y"])},
        )
    },
)


def test_a_written_document_parses_back_to_itself() -> None:
    """to_json() then parse() gives the same document, through real JSON text."""
    text = json.dumps(DOCUMENT.to_json())
    assert parse(json.loads(text)) == DOCUMENT
    assert DOCUMENT.to_json()["format"] == FORMAT
    assert DOCUMENT.to_json()["format_version"] == FORMAT_VERSION
    assert DOCUMENT.answer_count == 2


@pytest.mark.parametrize("version", [True, 1.0, "1", None, 3, 0])
def test_only_the_integer_version_is_read(version: object) -> None:
    """JSON true is not the number 1, and a float or text version is not a version."""
    document = DOCUMENT.to_json() | {"format_version": version}
    reason = parse(document)
    assert isinstance(reason, str)
    assert "format version" in reason


@pytest.mark.parametrize("value", [[], "text", 3, None])
def test_anything_but_a_submission_object_gives_a_reason(value: object) -> None:
    assert isinstance(parse(value), str)


def test_file_names_are_slugs_the_collector_recognises() -> None:
    name = file_name("J.Doe@example.org")
    assert name.startswith("submission-j-doe-example-org-") and name.endswith(".json")
    assert "@" not in name
    assert is_submission_name(name)
    assert not is_submission_name("notes.json")
    assert not is_submission_name("submission-x.ipynb")
