"""GIFT exports read back by an independent parser (gift-pegjs) and compared with the YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from skinlessons.export.gift import to_gift
from skinlessons.export.moodle_xml import tags
from skinlessons.quiz.models import (
    AnyQuestion,
    Matching,
    MultipleAnswers,
    Numeric,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from skinlessons.quiz.text import normalise_answer
from testkit.export import bank_quizzes, gift_pegjs, sample_quiz, texts_quiz

ROOT = Path(__file__).resolve().parents[2]
GIFT_TYPES = {
    "single_choice": "MC",
    "multiple_answers": "MC",
    "true_false": "TF",
    "numeric": "Numerical",
    "matching": "Matching",
    "short_text": "Short",
}


def _text(entry: dict[str, Any] | None) -> str | None:
    return None if entry is None else entry["text"]


def _same_choices(question: SingleChoice | MultipleAnswers, parsed: dict[str, Any]) -> None:
    choices = parsed["choices"]
    assert [c["text"]["text"] for c in choices] == [o.text.strip() for o in question.options]
    assert [_text(c["feedback"]) for c in choices] == [o.feedback for o in question.options]
    if isinstance(question, SingleChoice):
        assert [c["isCorrect"] for c in choices] == [o.id == question.key for o in question.options]
        return
    key = set(question.key or ())
    assert [c["weight"] > 0 for c in choices] == [o.id in key for o in question.options]
    assert round(sum(c["weight"] for c in choices if c["weight"] > 0)) == 100


def _compare(question: AnyQuestion, parsed: dict[str, Any]) -> None:
    """One parsed GIFT question against its YAML source."""
    assert parsed["type"] == GIFT_TYPES[question.type]
    assert parsed["title"] == parsed["id"] == question.id
    assert parsed["tags"] == tags(question)
    assert parsed["stem"] == {"format": "markdown", "text": question.stem.strip()}
    assert _text(parsed["globalFeedback"]) == ((question.explanation or "").strip() or None)
    if isinstance(question, SingleChoice | MultipleAnswers):
        _same_choices(question, parsed)
    elif isinstance(question, TrueFalse):
        assert parsed["isTrue"] is question.key
    elif isinstance(question, Numeric):
        assert question.key is not None
        tolerance = question.key.tolerance or abs(question.key.value) * (
            question.key.relative_tolerance or 0
        )
        assert parsed["choices"]["number"] == question.key.value
        assert abs(parsed["choices"]["range"] - tolerance) < 1e-9
    elif isinstance(question, Matching):
        key, texts = question.key or {}, {m.id: m.text for m in question.matches}
        # gift-pegjs leaves Moodle's placeholder for an escaped colon (&&058;, from
        # qformat_gift::escapedchar_pre) in a match answer; Moodle's importer restores it.
        pairs = [
            (p["subquestion"]["text"], p["subanswer"].replace("&&058;", ":"))
            for p in parsed["matchPairs"]
        ]
        assert pairs[: len(question.prompts)] == [
            (p.text, texts[key[p.id]]) for p in question.prompts
        ]
        assert pairs[len(question.prompts) :] == [
            ("", texts[m.id]) for m in question.matches if m.id not in set(key.values())
        ]
    elif isinstance(question, ShortText):
        accepted = {c["text"]["text"] for c in parsed["choices"] if c["isCorrect"]}
        assert {v.strip() for v in question.key or () if v.strip()} <= accepted
        # Every extra variant is one the course accepts too (its own normalisation).
        assert {normalise_answer(v) for v in accepted} == {
            normalise_answer(v) for v in question.key or () if v.strip()
        }


def test_the_whole_bank_parses_and_matches_its_yaml() -> None:
    """Every exported question, read by gift-pegjs, equals its source; ordering is left out."""
    quizzes = bank_quizzes(ROOT)
    parsed = {entry["id"]: entry for entry in gift_pegjs(to_gift(quizzes).content.decode())}
    expected = {q.id: q for quiz in quizzes for q in quiz.questions if q.type != "ordering"}
    assert sorted(parsed) == sorted(expected)
    for question_id, question in expected.items():
        _compare(question, parsed[question_id])


def test_the_sample_of_every_type_matches() -> None:
    """The hand-written sample (one question of each type) reads back as written."""
    quiz = sample_quiz()
    parsed = gift_pegjs(to_gift([quiz]).content.decode())
    questions = [q for q in quiz.questions if q.type != "ordering"]
    assert [entry["id"] for entry in parsed] == [q.id for q in questions]
    for question, entry in zip(questions, parsed, strict=True):
        _compare(question, entry)


SPECIALS = [*"~=#{}:\\<>&\"'%µ×≈−→é", "\n", " ", "Goodman & Baron", "0.5", *"abc"]
_texts = (
    st.lists(st.sampled_from(SPECIALS), min_size=1, max_size=12)
    .map("".join)
    .map(str.strip)
    .filter(lambda text: text and not text.startswith("%") and "->" not in text)
)


@settings(max_examples=30, deadline=None)
@given(stem=_texts, option=_texts, feedback=_texts, explanation=_texts)
def test_special_characters_survive_the_independent_parser(
    stem: str, option: str, feedback: str, explanation: str
) -> None:
    """Stems, options, feedback and explanations with GIFT's reserved characters read back."""
    quiz = texts_quiz(stem, option, feedback, explanation, key="b")
    (parsed,) = gift_pegjs(to_gift([quiz]).content.decode())
    _compare(quiz.questions[0], parsed)
