"""The item-writing check: each cue fires on a tiny question, and the real course is clean."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from skinlessons._util.yamlsource import read_yaml, validate_document
from skinlessons.cli import main
from skinlessons.errors import QuizFormatError
from skinlessons.quiz.course_checks import LoadedQuiz
from skinlessons.quiz.item_writing import course_findings, quiz_findings
from skinlessons.quiz.loader import load_valid_quizzes
from skinlessons.quiz.models import Quiz

REPO = Path(__file__).resolve().parents[2]
EVEN = ["Glycolic acid peel", "Lactic acid peel", "Mandelic acid peel", "Salicylic acid peel"]


def choice(
    texts: list[str], key: int = 0, *, stem: str = "Which peel?", **extra: Any
) -> dict[str, Any]:
    """A single-choice question with options o0, o1... and the key at ``key``."""
    return {
        "id": extra.pop("id", "q"),
        "type": "single_choice",
        "stem": stem,
        "objectives": ["LO1"],
        "references": ["R1"],
        "options": [{"id": f"o{i}", "text": text} for i, text in enumerate(texts)],
        "key": f"o{key}",
        **extra,
    }


def load(tmp_path: Path, *questions: dict[str, Any], kind: str = "formative") -> LoadedQuiz:
    """Write a quiz of ``questions`` and load it with its document (for lines)."""
    path = tmp_path / f"{kind}_quiz.yaml"
    data = {
        "id": path.stem,
        "title": "T",
        "lesson": path.stem,
        "kind": kind,
        "pass_mark_pct": 75,
        "questions": list(questions),
    }
    with path.open("w", encoding="utf-8") as handle:
        YAML().dump(data, handle)
    doc = read_yaml(path, error_cls=QuizFormatError)
    quiz, problems = validate_document(Quiz, doc, error_cls=QuizFormatError)
    assert quiz is not None, problems
    return LoadedQuiz(quiz, doc)


def cues(tmp_path: Path, *questions: dict[str, Any]) -> list[str]:
    findings, _allowed = quiz_findings(load(tmp_path, *questions))
    return [finding.cue for finding in findings]


def test_even_question_has_no_cue(tmp_path: Path) -> None:
    assert cues(tmp_path, choice(EVEN, 2)) == []


def test_longest_key(tmp_path: Path) -> None:
    texts = ["A glycolic acid peel left on for a timed contact, then neutralized", *EVEN[1:]]
    assert cues(tmp_path, choice(texts)) == [
        "the key is clearly the longest (3.7× the mean distractor length)"
    ]


def test_shortest_key(tmp_path: Path) -> None:
    texts = ["TCA", *EVEN[1:]]
    assert cues(tmp_path, choice(texts)) == [
        "the key is clearly the shortest (distractors average 5.9× its length)"
    ]


def test_key_alone_in_form(tmp_path: Path) -> None:
    texts = ["Glycolic (an AHA)", *EVEN[1:]]
    assert "the key is the only one with a parenthesis among the options" in cues(
        tmp_path, choice(texts)
    )
    reasons = [
        "Supported",
        "Partly, because some peels work",
        "Unsupported, because none work",
        "Misleading, because it is old",
    ]
    assert "the key is the only one without a reason (because, since, so) among the options" in (
        cues(tmp_path, choice(reasons))
    )


def test_all_of_the_above(tmp_path: Path) -> None:
    texts = [*EVEN[:3], "All of the above"]
    found = cues(tmp_path, choice(texts))
    assert "option 'o3' is an all/none-of-the-above option" in found


def test_absolute_words_only_in_distractors(tmp_path: Path) -> None:
    texts = [EVEN[0], EVEN[1], "Never a salicylic peel", EVEN[3]]
    assert cues(tmp_path, choice(texts)) == [
        "absolute words appear only in distractors: 'o2' (never)"
    ]


def test_negative_stem_must_be_emphasised(tmp_path: Path) -> None:
    stem = "Which peel is not self-limiting?"
    assert cues(tmp_path, choice(EVEN, stem=stem)) == [
        "the stem's negative word 'not' is not emphasised"
    ]
    assert cues(tmp_path, choice(EVEN, stem="Which peel is **not** self-limiting?")) == []
    assert cues(tmp_path, choice(EVEN, stem="Which is true at least once?")) == []


def test_near_duplicate_options(tmp_path: Path) -> None:
    texts = ["Glycolic acid peel", "Glycolic acid peels", EVEN[2], EVEN[3]]
    assert cues(tmp_path, choice(texts)) == ["options 'o0' and 'o1' are (nearly) the same"]


def test_explanation_citing_a_letter(tmp_path: Path) -> None:
    question = choice(EVEN, shuffle=False, explanation="So (b) is wrong.")
    assert cues(tmp_path, question) == [
        "the explanation or feedback cites an option letter ('(b)')"
    ]


def test_fixed_position_pattern(tmp_path: Path) -> None:
    first = choice(EVEN, 3, id="one", shuffle=False)
    second = choice(["Grade 1", "Grade 2", "Grade 3", "Grade 4"], 3, id="two", shuffle=False)
    found = cues(tmp_path, first, second)
    assert (
        found.count(
            "the key is option 4 from the top in 2 of the quiz's 2 unshuffled questions, "
            "a position a test-wise trainee can learn"
        )
        == 2
    )
    varied = choice(["Grade 1", "Grade 2", "Grade 3", "Grade 4"], 1, id="two", shuffle=False)
    assert cues(tmp_path, first, varied) == []


def test_allowed_cue_is_listed_not_reported(tmp_path: Path) -> None:
    texts = ["TCA", *EVEN[1:]]
    findings, allowed = quiz_findings(
        load(tmp_path, choice(texts, allow_cue="the agent's usual name"))
    )
    assert findings == []
    assert [(cue.question_id, cue.reason) for cue in allowed] == [("q", "the agent's usual name")]
    assert "allowed cue in 'q' (the agent's usual name): the key is clearly the shortest" in (
        allowed[0].note()
    )


def test_must_pass_topics_need_practice(tmp_path: Path) -> None:
    final = load(
        tmp_path,
        choice(EVEN, id="safe", must_pass=True, topic="hsv"),
        choice(EVEN, id="bare", must_pass=True),
        kind="summative",
    )
    lesson = load(tmp_path, choice(EVEN, id="practice", topic="other"))
    findings, _ = course_findings([final, lesson])
    assert sorted((f.question_id, f.cue) for f in findings) == [
        ("bare", "must-pass question has no topic"),
        ("safe", "must-pass topic 'hsv' is not practised in any lesson self-check"),
    ]
    practised = load(tmp_path, choice(EVEN, id="practice", topic="hsv"))
    findings, _ = course_findings([final, practised])
    assert [f.question_id for f in findings] == ["bare"]


def test_finding_is_located(tmp_path: Path) -> None:
    loaded = load(tmp_path, choice(EVEN, id="even"), choice(["TCA", *EVEN[1:]], id="short"))
    findings, _ = quiz_findings(loaded)
    assert len(findings) == 1
    error = findings[0].error().format()
    assert error.startswith(f"{loaded.doc.path}:{loaded.doc.line_of(('questions', 1))}: ")
    assert "(in 'short') Fix: give the key the same detail" in error


@pytest.fixture(scope="module")
def course() -> list[LoadedQuiz]:
    return load_valid_quizzes(REPO)


def test_real_course_is_clean(course: list[LoadedQuiz]) -> None:
    """Every quiz, lessons and final, has no cue, and every must-pass topic is practised."""
    assert len(course) == 9
    findings, allowed = course_findings(course)
    assert [finding.error().format() for finding in findings] == []
    assert allowed == []
    must_pass = [q for item in course for q in item.quiz.questions if q.must_pass]
    assert len(must_pass) >= 5
    assert all(q.type in ("single_choice", "multiple_answers") for q in must_pass)


def test_check_command_runs_the_item_writing_check(tmp_path: Path) -> None:
    """``check`` on a copy with a cue reports it and exits 1."""
    copy = tmp_path / "course"
    shutil.copytree(REPO / "quizzes", copy / "quizzes")
    final = copy / "quizzes" / "08_final_assessment.yaml"
    text = final.read_text(encoding="utf-8")
    final.write_text(
        text.replace('"An active cold sore on the upper lip"', '"An active cold sore (HSV)"'),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--course", str(copy)])
    assert result.exit_code == 1, result.output
    assert "item-writing cue: the key is the only one with a parenthesis" in result.output
    assert "(in 'final-active-cold-sore')" in result.output
