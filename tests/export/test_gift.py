"""GIFT export: the golden sample, Moodle's rules for each type, and escaping that round-trips."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skinlessons.errors import ExportError
from skinlessons.export.gift import escape, to_gift
from skinlessons.quiz.models import Quiz
from testkit.export import (
    check_golden,
    gift_answers,
    gift_questions,
    gift_unescape,
    one_question_quiz,
    sample_quiz,
)

GIFT_SPECIALS = "~=#{}:\\\n<>&\"'%→µ"


def _gift(quiz: Quiz) -> str:
    return to_gift([quiz]).content.decode("utf-8")


def _block(text: str, question_id: str) -> str:
    return next(block for block in text.split("\n\n") if f"[id:{question_id}]" in block)


def test_sample_matches_golden_file() -> None:
    """The sample quiz exports to the hand-checked GIFT file."""
    check_golden("50_export_sample.gift.txt", _gift(sample_quiz()))


def test_ordering_is_skipped_and_named() -> None:
    """GIFT has no ordering type: the question is left out and reported by id."""
    result = to_gift([sample_quiz()])
    assert [item.label() for item in result.skipped] == [
        "50_export_sample/sample-ordering (ordering)"
    ]
    assert "sample-ordering" not in result.content.decode("utf-8")
    assert "50_export_sample/sample-short" in result.exported


def test_category_per_lesson_and_title_from_id() -> None:
    """A $CATEGORY line names the lesson; each question's ::title:: is its id."""
    text = _gift(sample_quiz())
    assert "$CATEGORY: $course$/top/skinlessons/50_export_sample" in text
    titles = [question["title"] for question in gift_questions(text)]
    assert titles == [q.id for q in sample_quiz().questions if q.type != "ordering"]


def test_multiple_answers_key_weights_sum_to_100_and_wrong_is_negative() -> None:
    """Three keys weigh 33.33333% each (Moodle's grade value); the wrong option is negative."""
    block = _block(_gift(sample_quiz()), "sample-multiple")
    weights = [float(w) for w in re.findall(r"^~%(-?[0-9.]+)%", block, flags=re.M)]
    assert weights == [33.33333, 33.33333, 33.33333, -33.33333]
    assert round(sum(w for w in weights if w > 0), 2) == 100


def test_single_choice_marks_the_key_with_equals_and_keeps_feedback() -> None:
    """The key starts with '=', others with '~'; option feedback follows '#'."""
    block = _block(_gift(sample_quiz()), "sample-single")
    assert '\n=pH 3 (< 4 & "strong")#Right\\: lower pH' in block
    assert "\n~pH 5#No\\: 5 > 3." in block


def test_true_false_numeric_and_general_feedback() -> None:
    """{F} for a false statement, {#value:tolerance}, and '####' before the explanation."""
    text = _gift(sample_quiz())
    assert "{F\n####It shaves dead cells and vellus hair only.\n}" in _block(
        text, "sample-true-false"
    )
    assert "{#0.5:0.02}" in _block(text, "sample-numeric")


def test_relative_tolerance_becomes_absolute_and_is_said() -> None:
    """25% of 80 is written as ±20, with a comment and a note saying so."""
    result = to_gift([sample_quiz()])
    block = _block(result.content.decode("utf-8"), "sample-relative")
    assert "{#80:20\n" in block
    assert "// question 'sample-relative': relative tolerance 25% of 80" in block
    assert any("sample-relative" in note for note in result.notes)


def test_matching_pairs_and_distractor() -> None:
    """Each prompt is '=prompt -> match'; an unused match is '= -> distractor'."""
    block = _block(_gift(sample_quiz()), "sample-matching")
    assert "=Glycolic acid -> AHA\n=Salicylic acid -> BHA\n= -> Enzyme\n" in block


def test_short_text_lists_each_variant() -> None:
    """Every accepted variant becomes an '=' answer, also with a trailing mark ours ignores."""
    block = _block(_gift(sample_quiz()), "sample-short")
    assert "{\n=stratum corneum\n=stratum corneum.\n" in block
    assert "\n=horny layer\n" in block
    assert "\n=horny layer\\:\n" in block


def test_arrow_in_matching_text_is_refused_with_a_fix() -> None:
    """'->' cannot be escaped in GIFT: the export stops and says what to write instead."""
    quiz = one_question_quiz(
        {
            "id": "arrow",
            "type": "matching",
            "stem": "s",
            "prompts": [{"id": "a", "text": "a -> b"}],
            "matches": [{"id": "m", "text": "m"}],
            "key": {"a": "m"},
        }
    )
    with pytest.raises(ExportError, match=r"'->'.*Fix: write '→' instead"):
        to_gift([quiz])


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a:b", "a\\:b"),
        ("{x}", "\\{x\\}"),
        ("~=#", "\\~\\=\\#"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\nend", "crlf\\nend"),
    ],
    ids=["colon", "braces", "tilde-equals-hash", "backslash", "newline", "crlf"],
)
def test_escape_table(text: str, escaped: str) -> None:
    """Each reserved character gets its backslash; line breaks become '\\n'."""
    assert escape(text) == escaped


_texts = st.text(alphabet=st.sampled_from(list(GIFT_SPECIALS) + list("abc xyz")), min_size=1)
_option_texts = _texts.filter(lambda t: t.strip() and not t.startswith("%"))


@settings(max_examples=60, deadline=None)
@given(stem=_texts.filter(str.strip), options=st.lists(_option_texts, min_size=2, max_size=4))
def test_escaped_single_choice_reads_back_the_same(stem: str, options: list[str]) -> None:
    """A GIFT reader recovers the stem, every option and the key from the escaped text."""
    quiz = one_question_quiz(
        {
            "id": "q",
            "type": "single_choice",
            "stem": stem,
            "options": [{"id": f"o{i}", "text": t, "feedback": t} for i, t in enumerate(options)],
            "key": "o1",
            "explanation": stem,
        }
    )
    (question,) = gift_questions(_gift(quiz))
    # Texts are written trimmed, as Moodle's GIFT importer keeps them.
    assert gift_unescape(question["stem"]) == stem.replace("\r\n", "\n").replace("\r", "\n").strip()
    answers, general = gift_answers(question["answers"])
    assert general == stem.replace("\r\n", "\n").replace("\r", "\n").strip()
    expected = [
        ("=" if i == 1 else "~", text.strip(), text.strip()) for i, text in enumerate(options)
    ]
    assert answers == expected
