"""The words a lesson shows for the codes of the course data: verdicts, who makes a claim,
kinds of source and practice topics. One module, so the wording is reviewed in one place."""

from __future__ import annotations

from typing import Final

VERDICT_WORDS: Final = {
    "supported": "Supported",
    "largely-supported": "Largely supported",
    "partly-supported": "Partly supported",
    "overstated": "Overstated",
    "unsupported": "Unsupported",
}
"""A claim's verdict, as the myth-vs-fact table says it."""
CLAIMED_BY_WORDS: Final = {
    "article": "The marketing article",
    "trade": "Clinic and trade practice",
}
"""Who makes a claim, when a lesson checks trade claims too."""
KIND_WORDS: Final = {
    "peer-reviewed": "peer-reviewed",
    "regulator": "regulator",
    "textbook": "textbook",
    "secondary": "secondary source",
    "low-authority": "low-authority source",
}
"""The kind of a source, in the reference list."""
TOPIC_TITLES: Final = {
    "consultation": "Consultation and intake",
    "consent": "Informed consent",
    "test-area": "The test area",
    "session": "The session, described (knowledge, not a licence to perform)",
    "aftercare": "Aftercare",
    "complications": "Complications and first response",
    "hygiene": "Infection control and sharps",
    "documentation": "Documentation",
}
"""Each practice topic as the caption of its table."""
