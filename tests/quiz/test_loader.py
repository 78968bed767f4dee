"""Loading quiz files and checking a course: every problem located, never a crash."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skinlessons.errors import ContentError, ContentErrors
from skinlessons.quiz.loader import (
    collect_course_problems,
    load_course_quizzes,
    load_objectives,
    load_quiz,
)

FILES = Path(__file__).parents[1] / "files" / "quizzes"
COURSE = FILES / "course"


@dataclass(frozen=True)
class Ref:
    """A stand-in for the package's reference records."""

    kind: str
    verified: bool


REFERENCES = {
    "R1": Ref("peer-reviewed", True),
    "R2": Ref("low-authority", True),
    "R3": Ref("textbook", False),
}


def course_with(tmp_path: Path, *extra: str) -> Path:
    """A copy of the valid course with the named fixture files added to its quizzes/."""
    shutil.copytree(COURSE, tmp_path, dirs_exist_ok=True)
    for name in extra:
        shutil.copy(FILES / name, tmp_path / "quizzes" / name)
    return tmp_path


def located(problems: list[ContentError]) -> list[tuple[str, int | None, str]]:
    return [(p.path.name if p.path else "", p.line, p.format()) for p in problems]


def test_valid_course_has_no_problems_and_counts_what_it_checked():
    """The fixture course passes every check; the counts feed the summary line."""
    problems, counts = collect_course_problems(COURSE, references=REFERENCES)
    assert problems == []
    assert counts == {"quizzes": 2, "questions": 8, "objectives": 2}


def test_load_course_quizzes_returns_quizzes_by_id():
    """Loading a sound course gives its objectives and every quiz by id."""
    course = load_course_quizzes(COURSE, references=REFERENCES)
    assert sorted(course.quizzes) == ["01_basics", "07_final"]
    assert [objective.id for objective in course.objectives.course] == ["LO1", "LO2"]
    assert course.quizzes["07_final"].question("final-refer").must_pass


FILE_RULES = [
    (
        "quiz_single_choice_two_keys.yaml",
        15,
        "single choice takes exactly one key, got 2",
        "use type: multiple_answers",
    ),
    (
        "quiz_single_choice_unknown_key.yaml",
        15,
        "key names 'epidermis', which is not an id",
        "use one of: corneum, dermis",
    ),
    (
        "quiz_unknown_type.yaml",
        8,
        "unknown question type 'single_answer'",
        "use one of: single_choice, multiple_answers, true_false, numeric, matching",
    ),
    ("quiz_multiple_answers_unknown_key.yaml", 17, "key names 'basal'", "corneum, dermis"),
    (
        "quiz_multiple_answers_empty_key.yaml",
        15,
        "multiple answers key is empty",
        "at least one correct option",
    ),
    ("quiz_duplicate_option_ids.yaml", 15, "id 'corneum' appears twice in 'options'", "its own id"),
    ("quiz_negative_tolerance.yaml", 15, "tolerance is negative (-0.02)", "0 or more"),
    (
        "quiz_numeric_both_tolerances.yaml",
        13,
        "sets both 'tolerance' and 'relative_tolerance'",
        "keep exactly one",
    ),
    ("quiz_numeric_no_tolerance.yaml", 13, "sets neither 'tolerance' nor", "keep exactly one"),
    (
        "quiz_ordering_not_permutation.yaml",
        16,
        "not an order of all the items (missing: granulosum; twice: corneum)",
        "exactly once",
    ),
    ("quiz_short_text_no_variant.yaml", 12, "lists no accepted answer", "accepted variant"),
    ("quiz_zero_points.yaml", 12, "points must be more than 0 (got 0)", "positive number"),
    ("quiz_missing_key.yaml", 7, "question 'outer-layer' has no key", "add 'key:'"),
    (
        "quiz_letter_in_explanation.yaml",
        12,
        "cites an option letter ('Option B')",
        "set 'shuffle: false'",
    ),
    (
        "quiz_unknown_field.yaml",
        12,
        "Extra inputs are not permitted",
        "check its spelling",
    ),
]


@pytest.mark.parametrize(
    ("name", "line", "message", "hint"), FILE_RULES, ids=[row[0] for row in FILE_RULES]
)
def test_quiz_file_rule_is_reported_at_its_line(name: str, line: int, message: str, hint: str):
    """Each broken rule is reported once, at its file:line, with a fix hint."""
    with pytest.raises(ContentErrors) as caught:
        load_quiz(FILES / name)
    [problem] = caught.value.problems
    assert problem.location == f"{FILES / name}:{line}"
    assert message in problem.message
    assert problem.hint is not None and hint in problem.hint
    assert problem.format().startswith(f"{FILES / name}:{line}: questions.0")


def test_matching_key_reports_missing_prompt_and_unknown_match():
    """A matching key with too few entries and a wrong match gives two located problems."""
    with pytest.raises(ContentErrors) as caught:
        load_quiz(FILES / "quiz_matching_missing_prompt.yaml")
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (19, "key gives no match for prompt(s) rolling (2 key entries for 3 prompts)"),
        (21, "key names 'wide', which is not an id in 'matches'"),
    ]


def test_every_problem_of_a_file_is_reported_at_once():
    """Missing objectives and missing references are both reported, each at its line."""
    with pytest.raises(ContentErrors) as caught:
        load_quiz(FILES / "quiz_no_objectives_or_references.yaml")
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (10, "the question lists no objectives"),
        (11, "the question lists no references"),
    ]


def test_letters_are_fine_when_options_are_not_shuffled():
    """'Option B' in an explanation is accepted with 'shuffle: false'."""
    quiz = load_quiz(FILES / "quiz_letter_without_shuffle.yaml")
    assert quiz.questions[0].shuffle is False


def test_objectives_file_rules_are_located():
    """Unknown course objectives and repeated ids in objectives.yaml are located."""
    path = FILES / "objectives_unknown_course_objective.yaml"
    with pytest.raises(ContentErrors) as caught:
        load_objectives(path)
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (8, "lesson objective 'L01.1' maps to 'LO7', which is not a course objective"),
        (9, "id 'L01.1' is used twice"),
    ]


COURSE_RULES = [
    ("course_id_not_stem.yaml", [
        ("course_id_not_stem.yaml", 1, "quiz id '02_wrong_name' differs from the file name"),
    ]),
    ("course_unknown_refs.yaml", [
        ("course_unknown_refs.yaml", 3, "lesson '09_missing' is not a lesson of objectives.yaml"),
        ("course_unknown_refs.yaml", 10, "objective 'LO99' of question 'refs-check' is not in"),
        ("course_unknown_refs.yaml", 13, "reference 'R404' of question 'refs-check' is not in"),
    ]),
    ("course_duplicate_question_id.yaml", [
        ("01_basics.yaml", 30, "'basics-name' is also used at course_duplicate_question_id.yaml:7"),
        ("course_duplicate_question_id.yaml", 7, "'basics-name' is also used at 01_basics.yaml:30"),
    ]),
    ("course_weak_references.yaml", [
        ("course_weak_references.yaml", 11, "must-pass question 'weak-must-pass' rests only on "
         "low-authority or unverified references (R2, R3)"),
    ]),
    ("course_not_yaml.yaml", [("course_not_yaml.yaml", 4, "not valid YAML")]),
    ("course_top_level_list.yaml", [("course_top_level_list.yaml", 1, "not a list")]),
    ("course_empty.yaml", [("course_empty.yaml", 1, "file is empty")]),
    ("course_binary.yaml", [("course_binary.yaml", 2, "file is not UTF-8 text")]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "expected"), COURSE_RULES, ids=[row[0] for row in COURSE_RULES])
def test_course_problem_is_located_and_other_files_still_checked(
    tmp_path: Path, name: str, expected: list[tuple[str, int | None, str]]
):
    """Each course-level problem names file:line; the sound files are still counted."""
    problems, counts = collect_course_problems(course_with(tmp_path, name), references=REFERENCES)
    found = located(problems)
    assert len(found) == len(expected)
    for (file, line, text), (got_file, got_line, got_text) in zip(expected, found, strict=True):
        assert (got_file, got_line) == (file, line)
        assert text in got_text
    assert counts["quizzes"] >= 2


def test_summative_question_on_weak_references_is_a_problem(tmp_path: Path):
    """A summative question citing only low-authority or unverified sources is reported."""
    course = course_with(tmp_path)
    final = course / "quizzes" / "07_final.yaml"
    text = final.read_text()
    extra = (
        '  - id: final-extra\n    type: true_false\n    stem: "True."\n'
        "    objectives: [LO1]\n    references: [R3]\n    key: true\n"
    )
    final.write_text(text + extra)
    [problem] = collect_course_problems(course, references=REFERENCES)[0]
    assert (problem.path, problem.line) == (final, len(text.splitlines()) + 5)
    assert "summative question 'final-extra' rests only on" in problem.message


def test_course_objective_needs_two_questions_and_a_summative_one(tmp_path: Path):
    """An objective no question assesses is reported at its line in objectives.yaml."""
    course = course_with(tmp_path)
    objectives = course / "quizzes" / "objectives.yaml"
    text = objectives.read_text().replace(
        "lessons:\n", '  - {id: LO3, text: "Refer clients."}\nlessons:\n'
    )
    objectives.write_text(text)
    problems, _ = collect_course_problems(course, references=REFERENCES)
    assert [(p.path, p.line, p.message) for p in problems] == [
        (objectives, 4, "course objective LO3 is assessed by 0 question(s), fewer than 2"),
        (objectives, 4, "course objective LO3 is not assessed in any summative quiz"),
    ]


def test_every_question_type_must_be_used(tmp_path: Path):
    """Without the lesson quiz, the types only it used are reported missing."""
    course = course_with(tmp_path)
    (course / "quizzes" / "01_basics.yaml").unlink()
    problems, _ = collect_course_problems(course, references=REFERENCES)
    messages = [p.message for p in problems]
    assert "no question of type matching, ordering, short_text in the whole course" in messages


def test_summative_quiz_needs_five_must_pass_items(tmp_path: Path):
    """Four must-pass items in the final assessment are too few."""
    course = course_with(tmp_path)
    final = course / "quizzes" / "07_final.yaml"
    final.write_text(final.read_text().replace("must_pass: true", "must_pass: false", 1))
    [problem] = collect_course_problems(course, references=REFERENCES)[0]
    assert (problem.path, problem.line) == (final, 6)
    assert problem.message == "summative quiz '07_final' has 4 must-pass question(s), fewer than 5"


def test_load_course_quizzes_raises_with_every_problem(tmp_path: Path):
    """Loading a course with problems raises ContentErrors listing all of them."""
    course = course_with(tmp_path, "course_unknown_refs.yaml", "course_not_yaml.yaml")
    with pytest.raises(ContentErrors) as caught:
        load_course_quizzes(course, references=REFERENCES)
    assert len(caught.value.problems) == 4
    assert str(caught.value).startswith("4 problems found\n")


VALID_TEXT = (COURSE / "quizzes" / "07_final.yaml").read_text()


def _problems_for(text: str | bytes) -> list[ContentError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "07_final.yaml"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        try:
            load_quiz(path)
        except ContentErrors as errors:
            for problem in errors.problems:
                assert problem.path == path
            return errors.problems
        return []


fuzz = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@fuzz
@given(st.text(max_size=200) | st.binary(max_size=200))
def test_random_input_gives_only_located_content_errors(text: str | bytes):
    """Any text or bytes give our own located problems, never another exception."""
    _problems_for(text)


@st.composite
def mutated_valid_files(draw: st.DrawFn) -> str:
    """The valid final assessment with lines deleted, duplicated, re-indented or spliced."""
    lines = VALID_TEXT.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "splice"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = "  " + lines[index]
        elif action == "dedent":
            lines[index] = lines[index][2:]
        else:
            column = draw(st.integers(0, len(lines[index])))
            noise = draw(st.text(alphabet=":-[]{}&*!|>'\"%@`#, 0a\t", max_size=6))
            lines[index] = lines[index][:column] + noise + lines[index][column:]
    return "\n".join(lines) + "\n"


@fuzz
@given(mutated_valid_files())
def test_mutated_valid_file_gives_only_located_content_errors(text: str):
    """Damaged quiz files give located problems (path and line), never another exception."""
    for problem in _problems_for(text):
        assert problem.line is not None and problem.line >= 1
