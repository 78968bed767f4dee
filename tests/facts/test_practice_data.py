"""The practice facts (consultation to aftercare) and the dated regulations, as data."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest

from skinlessons.facts import collect_fact_problems, load_facts
from skinlessons.facts.loader import default_data_dir
from skinlessons.facts.practice import (
    CHECK_RULES_NOTE,
    LABEL_WORDS,
    PracticeLabel,
    PracticeTopic,
)


@pytest.mark.parametrize("topic", typing.get_args(PracticeTopic))
def test_every_topic_of_the_lesson_has_facts(topic: str) -> None:
    assert load_facts().practice(topic), topic


def test_every_label_has_words_and_is_used() -> None:
    labels = {fact.label for fact in load_facts().practice_facts.values()}
    assert labels == set(typing.get_args(PracticeLabel)) == set(LABEL_WORDS)


@pytest.mark.parametrize(
    ("fact_id", "label"),
    [
        ("isotretinoin-wait", "practice-convention"),
        ("isotretinoin-course-rule", "course-rule"),
        ("salicylate-allergy", "practice-convention"),
        ("test-spot-site", "practice-convention"),
        ("test-spot-timing", "sources-disagree"),
        ("pregnancy-sources", "sources-disagree"),
        ("pregnancy-course-rule", "course-rule"),
        ("same-day-combinations", "course-rule"),
        ("darker-skin-endpoints", "inference"),
        ("aha-frost", "practice-convention"),
    ],
)
def test_the_fact_sheet_labels_are_kept(fact_id: str, label: str) -> None:
    """Facts the sheet marks as weak or as the course's own rule carry that label."""
    assert load_facts().practice_facts[fact_id].label == label


def test_eye_splash_fact_says_water_fifteen_minutes_and_never_neutralise() -> None:
    fact = load_facts().practice_facts["eye-splash"].fact
    assert "at least 15 minutes" in fact
    assert "never try to neutralize" in fact


def test_every_regulation_is_dated_and_cited() -> None:
    facts = load_facts()
    assert {"england", "scotland", "eu-cosmetics"} <= set(facts.regulations)
    for regulation in facts.regulations.values():
        assert regulation.dated_label.startswith("Dated regulation, last checked 20")
        assert set(regulation.references) <= set(facts.references)
    assert "check your current rules" in CHECK_RULES_NOTE


def _copy_with(tmp_path: Path, name: str, text: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    (data / name).write_text(text, encoding="utf-8")
    return data


def test_an_unknown_label_is_a_located_error(tmp_path: Path) -> None:
    text = (
        "practice_facts:\n"
        "  - {id: a, name: A, topic: consent, label: common-sense, fact: f, references: [R17]}\n"
    )
    messages = [str(p) for p in collect_fact_problems(_copy_with(tmp_path, "practice.yaml", text))]
    assert any("practice.yaml:2" in m and "label" in m for m in messages), messages


def test_an_undated_regulation_is_a_located_error(tmp_path: Path) -> None:
    text = (
        "regulations:\n"
        "  - id: x\n    jurisdiction: X\n    status: s\n    summary: s\n"
        "    last_checked: recently\n    as_of: a\n    references: [R217]\n"
    )
    problems = collect_fact_problems(_copy_with(tmp_path, "regulations.yaml", text))
    messages = [str(p) for p in problems]
    assert any("regulations.yaml:6" in m and "is not a date" in m for m in messages), messages


def test_an_unknown_reference_in_a_practice_fact_is_reported(tmp_path: Path) -> None:
    text = (
        "practice_facts:\n"
        "  - {id: a, name: A, topic: consent, label: evidence, fact: f, references: [R9999]}\n"
    )
    messages = [str(p) for p in collect_fact_problems(_copy_with(tmp_path, "practice.yaml", text))]
    assert any("practice.yaml:2" in m and "R9999" in m for m in messages), messages
