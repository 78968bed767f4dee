"""Hypothesis strategies for quiz questions, quizzes and trainee responses."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from skinlessons.quiz.models import QUESTION_ADAPTER, QUESTION_TYPES, AnyQuestion, Quiz

slugs = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4})?", fullmatch=True)
# Texts free of option-letter citations (the models reject those while shuffling is on).
texts = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs"), exclude_characters="\x00"),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() != "")
plain_words = st.from_regex(r"[a-z]{3,8}( [a-z]{3,8}){0,2}", fullmatch=True)
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
points = st.sampled_from([0.5, 1.0, 2.0, 3.0])


def _entries(ids: list[str]) -> st.SearchStrategy[list[dict[str, Any]]]:
    return st.lists(texts, min_size=len(ids), max_size=len(ids)).map(
        lambda words: [{"id": i, "text": w} for i, w in zip(ids, words, strict=True)]
    )


@st.composite
def question_data(draw: st.DrawFn, question_type: str | None = None) -> dict[str, Any]:
    """A valid question mapping (as read from YAML) of ``question_type`` or of any type."""
    kind = question_type or draw(st.sampled_from(QUESTION_TYPES))
    data: dict[str, Any] = {
        "id": draw(slugs),
        "type": kind,
        "stem": draw(texts),
        "points": draw(points),
        "objectives": ["LO1"],
        "references": ["R1"],
        "shuffle": draw(st.booleans()),
        "must_pass": draw(st.booleans()),
        "explanation": draw(st.none() | plain_words),
    }
    if kind in {"single_choice", "multiple_answers"}:
        ids = draw(st.lists(slugs, min_size=2, max_size=6, unique=True))
        data["options"] = draw(_entries(ids))
        if kind == "single_choice":
            data["key"] = draw(st.sampled_from(ids))
        else:
            data["key"] = draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
    elif kind == "true_false":
        data["key"] = draw(st.booleans())
    elif kind == "numeric":
        data["unit"] = draw(st.sampled_from([None, "%", "µm", "mm"]))
        data["allow"] = draw(st.lists(st.sampled_from(["fraction", "percent"]), unique=True))
        tolerance = draw(
            st.sampled_from(["tolerance", "relative_tolerance"]).flatmap(
                lambda name: st.floats(0, 0.5).map(lambda amount: {name: amount})
            )
        )
        data["key"] = {"value": draw(finite), **tolerance}
    elif kind == "matching":
        prompt_ids = draw(st.lists(slugs, min_size=1, max_size=5, unique=True))
        match_ids = draw(st.lists(slugs, min_size=len(prompt_ids), max_size=7, unique=True))
        data["prompts"] = draw(_entries(prompt_ids))
        data["matches"] = draw(_entries(match_ids))
        data["key"] = dict(zip(prompt_ids, draw(st.permutations(match_ids)), strict=False))
    elif kind == "ordering":
        ids = draw(st.lists(slugs, min_size=2, max_size=6, unique=True))
        data["items"] = draw(_entries(ids))
        data["key"] = draw(st.permutations(ids))
    else:
        data["key"] = draw(st.lists(plain_words, min_size=1, max_size=3))
    return data


def questions(question_type: str | None = None) -> st.SearchStrategy[AnyQuestion]:
    """Valid questions (models) of ``question_type`` or of any type."""
    return question_data(question_type).map(QUESTION_ADAPTER.validate_python)


@st.composite
def quizzes(draw: st.DrawFn) -> Quiz:
    """A valid quiz of one to five questions with distinct ids."""
    items = draw(
        st.lists(question_data(), min_size=1, max_size=5, unique_by=lambda data: data["id"])
    )
    return Quiz.model_validate(
        {
            "id": "05_manual",
            "title": draw(texts),
            "lesson": "05_manual",
            "kind": draw(st.sampled_from(["formative", "summative"])),
            "pass_mark_pct": draw(st.integers(0, 100)),
            "questions": items,
        }
    )


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    finite,
    st.text(max_size=10),
    st.lists(st.text(max_size=5), max_size=4),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
    st.lists(st.integers(), max_size=3),
)
"""Responses of any shape, most of them wrong for any given question."""


@st.composite
def responses(draw: st.DrawFn, question: AnyQuestion) -> object:
    """A response to ``question``: well-shaped (right or wrong) or junk."""
    if draw(st.booleans()):
        return draw(junk)
    if question.type in {"single_choice", "multiple_answers"}:
        ids = [option.id for option in question.options]  # type: ignore[union-attr]
        if question.type == "single_choice":
            return draw(st.sampled_from(ids))
        return draw(st.lists(st.sampled_from(ids), unique=True))
    if question.type == "true_false":
        return draw(st.booleans())
    if question.type == "numeric":
        return draw(finite.map(str) | st.text(max_size=12))
    if question.type == "matching":
        prompts = [prompt.id for prompt in question.prompts]  # type: ignore[union-attr]
        matches = [match.id for match in question.matches]  # type: ignore[union-attr]
        return draw(st.fixed_dictionaries({p: st.sampled_from(matches) for p in prompts}))
    if question.type == "ordering":
        return draw(st.permutations([item.id for item in question.items]))  # type: ignore[union-attr]
    return draw(plain_words)
