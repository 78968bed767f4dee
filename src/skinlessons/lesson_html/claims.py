"""The myth-vs-fact table: each claim a lesson checks, its verdict in words and what is known."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .tables import esc, markers, table_html
from .words import CLAIMED_BY_WORDS, VERDICT_WORDS

if TYPE_CHECKING:
    from ..facts import Claim


def lesson_claims(claims: Mapping[str, Claim], lesson_id: str) -> list[Claim]:
    """The article's claims discussed in ``lesson_id``, in the article's order."""
    found = [claim for claim in claims.values() if lesson_id in claim.lessons]
    return sorted(found, key=lambda claim: claim.number)


def verdict_words(claim: Claim) -> str:
    """The verdict for trainees: ``Partly supported (name misleading)``."""
    words = VERDICT_WORDS.get(claim.verdict, claim.verdict.replace("-", " ").capitalize())
    return f"{words} ({claim.verdict_detail})" if claim.verdict_detail else words


def myths_html(claims: Sequence[Claim], lesson_id: str) -> str:
    """The myth-vs-fact table: claim, verdict in words, what is known, references."""
    if not claims:
        return f"<p>No claim of the article is checked in lesson {esc(lesson_id)}.</p>"
    if all(claim.claimed_by == "article" for claim in claims):
        caption = "Myth vs fact: the article's claims checked in this lesson"
        headers = ["Claim", "What the article says"]
        who: list[list[object]] = [[] for _ in claims]
    else:  # trade claims: say who makes each one
        caption = "Myth vs fact: claims checked in this lesson"
        headers = ["Claim", "Who says it", "What is said"]
        who = [[CLAIMED_BY_WORDS[claim.claimed_by]] for claim in claims]
    rows = [
        [
            claim.number,
            *by,
            claim.claim,
            verdict_words(claim),
            claim.known,
            markers(claim.references),
        ]
        for claim, by in zip(claims, who, strict=True)
    ]
    return table_html(caption, [*headers, "Verdict", "What is known", "References"], rows)
