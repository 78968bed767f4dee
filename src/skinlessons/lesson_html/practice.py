"""Tables of the practice facts and the dated regulations, each fact with its label beside it.

Lesson 07 shows them through :func:`skinlessons.lesson.show_practice` and
:func:`skinlessons.lesson.show_regulations`; these functions return the markup, so tests need
no notebook. A practice fact's label (evidence, practice convention, course rule, sources
disagree, inference) and a regulation's date last checked are never left out.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..facts.practice import CHECK_RULES_NOTE
from .tables import markers, table_html
from .words import TOPIC_TITLES

if TYPE_CHECKING:
    from ..facts import Facts, Regulation


def practice_html(facts: Facts, topics: Sequence[str]) -> str:
    """One table per topic: what, the label in words, the fact, its references.

    Raises:
        ValueError: a topic that is not one of :data:`TOPIC_TITLES` (the message lists them).
    """
    unknown = [topic for topic in topics if topic not in TOPIC_TITLES]
    if unknown:
        raise ValueError(f"unknown practice topic(s) {unknown}; known: {', '.join(TOPIC_TITLES)}")
    headers = ("What", "How strong", "What to know", "References")
    tables = []
    for topic in topics:
        rows = [
            (fact.name, fact.label_text, fact.fact, markers(fact.references))
            for fact in facts.practice(topic)
        ]
        tables.append(table_html(TOPIC_TITLES[topic], headers, rows))
    return "".join(tables)


def regulations_html(regulations: Iterable[Regulation]) -> str:
    """The dated regulations: where, status, summary, when last checked, references.

    The table is followed by the note to check the current rules before acting on any entry.
    """
    headers = ("Where", "Status", "Summary", "Dated regulation", "References")
    rows = [
        (
            regulation.jurisdiction,
            regulation.status,
            regulation.summary,
            f"Last checked {regulation.last_checked} (as of {regulation.as_of})",
            markers(regulation.references),
        )
        for regulation in regulations
    ]
    table = table_html("The rules where you work: dated examples", headers, rows)
    note = f"<strong>Check your current rules.</strong> {html.escape(CHECK_RULES_NOTE)}"
    return f'{table}<p class="skinlessons-check-rules">{note}</p>'
