"""Lesson 07's tables: practice facts with their labels, dated regulations, trade myths."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from skinlessons import lesson
from skinlessons.facts import load_facts
from skinlessons.facts.practice import CHECK_RULES_NOTE, LABEL_WORDS
from skinlessons.lesson_html.practice import TOPIC_TITLES, practice_html, regulations_html
from skinlessons.names import NOTEBOOK_DIR

ROOT = Path(__file__).resolve().parents[1]
LESSON_ID = "07_consultation_to_aftercare"
SHOW_PRACTICE = re.compile(r'lesson\.show_practice\("([a-z-]+)"\)')


def lesson_cells() -> list[dict[str, object]]:
    path = ROOT / NOTEBOOK_DIR / f"{LESSON_ID}.ipynb"
    cells: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return cells


def source(cell: dict[str, object]) -> str:
    text = cell["source"]
    return text if isinstance(text, str) else "".join(text)  # type: ignore[arg-type]


def test_each_practice_fact_shows_its_label_beside_it() -> None:
    """A row holds the fact's name, its label in words, the fact and its references."""
    facts = load_facts()
    markup = practice_html(facts, ["aftercare"])
    assert "<caption>Aftercare</caption>" in markup
    for fact in facts.practice("aftercare"):
        refs = " ".join(f"[{ref}]" for ref in fact.references)
        row = f'<th scope="row">{html.escape(fact.name)}</th><td>{LABEL_WORDS[fact.label]}</td>'
        assert row in markup
        assert f"<td>{refs}</td>" in markup


def test_an_unknown_topic_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown practice topic.*'aftercre'.*consultation"):
        practice_html(load_facts(), ["aftercre"])


def test_every_regulation_shows_its_date_and_the_check_your_rules_note() -> None:
    regulations = list(load_facts().regulations.values())
    markup = regulations_html(regulations)
    for regulation in regulations:
        dated = f"Last checked {regulation.last_checked} (as of {regulation.as_of})"
        assert html.escape(dated) in markup
    assert markup.endswith(f"<strong>Check your current rules.</strong> {CHECK_RULES_NOTE}</p>")


def test_lesson_07_shows_every_practice_topic_and_the_regulations() -> None:
    """All 50 practice facts reach the lesson: each topic's table is shown once."""
    calls = [m for cell in lesson_cells() for m in SHOW_PRACTICE.findall(source(cell))]
    assert sorted(calls) == sorted(TOPIC_TITLES)
    assert any("lesson.show_regulations()" in source(cell) for cell in lesson_cells())


def test_lesson_07_prose_cites_every_reference_its_tables_show() -> None:
    """The reference list is built from prose markers, so every table reference is cited."""
    facts = load_facts()
    cited = set(lesson.reference_ids_in(ROOT / NOTEBOOK_DIR / f"{LESSON_ID}.ipynb"))
    shown = {ref for fact in facts.practice_facts.values() for ref in fact.references}
    shown |= {ref for reg in facts.regulations.values() for ref in reg.references}
    assert sorted(shown - cited, key=lambda ref: int(ref[1:])) == []


def test_trade_claims_are_lesson_07s_and_their_table_says_who_claims() -> None:
    """Claims from trade practice carry a 'who says it' column; article claims keep theirs."""
    claims = lesson.lesson_claims(load_facts().claims, LESSON_ID)
    assert [claim.number for claim in claims] == [18, 19, 20]
    assert {claim.claimed_by for claim in claims} == {"trade"}
    markup = lesson.myths_html(claims, LESSON_ID)
    assert "<caption>Myth vs fact: claims checked in this lesson</caption>" in markup
    assert '<th scope="col">Who says it</th>' in markup
    assert '<th scope="row">18</th><td>Clinic and trade practice</td>' in markup
    article = lesson.myths_html(lesson.lesson_claims(load_facts().claims, "05_manual"), "05_manual")
    assert "the article&#x27;s claims checked in this lesson" in article
    assert "Who says it" not in article
