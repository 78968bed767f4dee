"""The trainee release: deterministic, key-free, trainee notebooks, a checked wheel."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from skinlessons.cli import main
from skinlessons.errors import ReleaseError
from skinlessons.quiz.loader import load_course_quizzes, load_quiz
from skinlessons.release import build_release, normalise_wheel, quiz_files_in_wheel
from skinlessons.release.wheel import build_wheel, project_dir
from testkit.release import FINAL, all_texts, copy_course, edit_quiz, first, plant_sentinels

pytestmark = pytest.mark.slow  # builds the wheel and release archives

SENTINEL = "SENTINEL-9c1d"
SENTINEL_NUMBER = "7373.4242"


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's wheel, built once for the session."""
    return build_wheel(project_dir(), tmp_path_factory.mktemp("wheel"))


def _release(course: Path, out: Path, wheel: Path) -> bytes:
    return build_release(course, out=out, wheel=wheel).path.read_bytes()


def _set(question_type: str, field: str, value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        first(data, question_type)[field] = value

    return change


def _numeric_key(field: str, value: float) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        first(data, "numeric")["key"][field] = value

    return change


def _other_option(question_type: str) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        question = first(data, question_type)
        ids = [option["id"] for option in question["options"]]
        key = question["key"]
        if question_type == "single_choice":
            question["key"] = next(i for i in ids if i != key)
        else:
            question["key"] = [i for i in ids if i not in key] or ids[:1]

    return change


def _add_missing_types(data: Any) -> None:
    """Give the final the types it lacks (short text, ordering, true/false), so their keys
    can be changed too."""
    template = data["questions"][0]
    common = {"objectives": template["objectives"], "references": template["references"]}
    data["questions"].append(
        {"id": "added-short", "type": "short_text", "stem": "Name it.", "key": ["x"], **common}
    )
    items = [{"id": "one", "text": "One"}, {"id": "two", "text": "Two"}]
    data["questions"].append(
        {"id": "added-order", "type": "ordering", "stem": "Order.", "items": items, **common}
    )
    data["questions"][-1]["key"] = ["one", "two"]
    data["questions"].append(
        {"id": "added-true-false", "type": "true_false", "stem": "True?", "key": True, **common}
    )


def _swap_order(data: Any) -> None:
    first(data, "ordering")["key"] = ["two", "one"]


def _other_match(data: Any) -> None:
    question = first(data, "matching")
    prompts = list(question["key"])
    question["key"][prompts[0]], question["key"][prompts[1]] = (
        question["key"][prompts[1]],
        question["key"][prompts[0]],
    )


def _option_feedback(data: Any) -> None:
    first(data, "single_choice")["options"][0]["feedback"] = "Changed feedback."


SUMMATIVE_CHANGES = {
    "single-choice-key": _other_option("single_choice"),
    "multiple-answers-key": _other_option("multiple_answers"),
    "true-false-key": lambda data: first(data, "true_false").update(
        key=not first(data, "true_false")["key"]
    ),
    "numeric-value": _numeric_key("value", 12345.5),
    "numeric-tolerance": _numeric_key("tolerance", 0.125),
    "short-text-variants": _set("short_text", "key", ["a different accepted answer"]),
    "matching-key": _other_match,
    "ordering-key": _swap_order,
    "explanation": _set("single_choice", "explanation", "A rewritten explanation."),
    "option-feedback": _option_feedback,
}


@pytest.fixture(scope="module")
def every_type(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> tuple[Path, bytes, Any]:
    """The course with a final of every question type, its release archive and its final,
    made once for the summative changes below (each changes a copy of it)."""
    root = tmp_path_factory.mktemp("every-type")
    course = copy_course(root / "course")
    edit_quiz(course, FINAL, _add_missing_types)
    return course, _release(course, root / "one", wheel), load_course_quizzes(course).quizzes[FINAL]


@pytest.mark.parametrize("change", SUMMATIVE_CHANGES.values(), ids=SUMMATIVE_CHANGES.keys())
def test_archive_is_byte_identical_when_a_summative_key_changes(
    tmp_path: Path, wheel: Path, every_type: tuple[Path, bytes, Any], change: Callable[[Any], None]
) -> None:
    """Changing a summative key, tolerance, explanation or feedback leaves every byte as it was."""
    unchanged, before, full_before = every_type
    course = shutil.copytree(unchanged, tmp_path / "course")
    edit_quiz(course, FINAL, change)
    assert load_course_quizzes(course).quizzes[FINAL] != full_before  # the change is real
    assert _release(course, tmp_path / "two", wheel) == before


@pytest.mark.parametrize(
    ("quiz_id", "change"),
    [
        ("03_chemical", _set("single_choice", "explanation", "A rewritten explanation.")),
        (FINAL, _set("single_choice", "stem", "A rewritten question.")),
    ],
    ids=["formative-explanation", "summative-stem"],
)
def test_archive_changes_when_trainee_content_changes(
    tmp_path: Path, wheel: Path, quiz_id: str, change: Callable[[Any], None]
) -> None:
    """What trainees should see (a formative explanation, a summative stem) does change it."""
    course = copy_course(tmp_path / "course")
    before = _release(course, tmp_path / "one", wheel)
    edit_quiz(course, quiz_id, change)
    assert _release(course, tmp_path / "two", wheel) != before


def _plant_sentinels(data: Any) -> None:
    plant_sentinels(data, SENTINEL, SENTINEL_NUMBER, tail=" and more words")


def test_no_summative_key_or_explanation_anywhere_in_the_archive(
    tmp_path: Path, wheel: Path
) -> None:
    """No planted sentinel and no real final explanation is in any file or wheel entry."""
    real = load_course_quizzes(copy_course(tmp_path / "real")).quizzes[FINAL]
    explanations = [q.explanation for q in real.questions if q.explanation]
    texts = all_texts(_release(tmp_path / "real", tmp_path / "real-out", wheel))
    assert [n for n, text in texts.items() if any(e in text for e in explanations)] == []
    course = copy_course(tmp_path / "course")
    edit_quiz(course, FINAL, _plant_sentinels)
    texts = all_texts(_release(course, tmp_path / "out", wheel))
    # the wheel was read
    assert any(name.endswith(".whl!skinlessons/cli/__init__.py") for name in texts)
    leaks = [n for n, t in texts.items() if SENTINEL in t or SENTINEL_NUMBER in t]
    assert leaks == []


def test_archive_layout_notebooks_and_quizzes(tmp_path: Path, wheel: Path) -> None:
    """Trainee notebooks (no tagged cells, no outputs), keys only where formative, env files."""
    course = copy_course(tmp_path / "course")
    archive = zipfile.ZipFile(io.BytesIO(_release(course, tmp_path / "out", wheel)))
    names = archive.namelist()
    folder = names[0].split("/")[0]
    assert names == sorted(names) and all(n.startswith(f"{folder}/") for n in names)
    assert {n.split("/", 1)[1] for n in names} >= {
        "README.md",
        "requirements.txt",
        "runtime.txt",
        f"wheels/{wheel.name}",
        "quizzes/objectives.yaml",
        f"quizzes/{FINAL}.yaml",
        "notebooks/00_start_here.ipynb",
    }
    assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in archive.infolist()} == {0o100644}
    requirement = archive.read(f"{folder}/requirements.txt").decode().splitlines()[-1]
    assert requirement == f"./wheels/{wheel.name}"
    for name in names:
        if name.endswith(".ipynb"):
            notebook = json.loads(archive.read(name))
            tags = {t for cell in notebook["cells"] for t in cell["metadata"].get("tags", [])}
            assert not tags & {"instructor", "solution"}, name
            code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
            assert all(c["outputs"] == [] and c["execution_count"] is None for c in code), name
            assert "widgets" not in notebook["metadata"]
    unpacked = tmp_path / "unpacked"
    archive.extractall(unpacked)
    for path in sorted((unpacked / folder / "quizzes").glob("0*.yaml")):
        quiz = load_quiz(path)
        assert quiz.key_free == quiz.is_summative, path.name


def test_wheel_is_reproducible_and_ships_no_quiz(tmp_path: Path, wheel: Path) -> None:
    """A second build gives the same bytes; no entry is a quiz file."""
    again = build_wheel(project_dir(), tmp_path)
    assert again.read_bytes() == wheel.read_bytes()
    assert quiz_files_in_wheel(wheel.read_bytes()) == []


def test_wheel_normalising_fixes_times_and_modes_only() -> None:
    """Two zips differing only in dates and permissions normalise to the same bytes."""
    made = []
    for date, mode in (((2024, 5, 6, 7, 8, 10), 0o100755), ((1999, 1, 2, 3, 4, 6), 0o100600)):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in ("b.py", "a.dist-info/RECORD"):
                info = zipfile.ZipInfo(name, date_time=date)
                info.external_attr = mode << 16
                archive.writestr(info, f"content of {name}")
        made.append(normalise_wheel(buffer.getvalue()))
    assert made[0] == made[1]
    assert zipfile.ZipFile(io.BytesIO(made[0])).namelist() == ["b.py", "a.dist-info/RECORD"]


def test_a_wheel_with_a_quiz_file_is_refused(tmp_path: Path) -> None:
    """Quiz files as package data stop the release, naming the entry and the fix."""
    bad = tmp_path / "skinlessons-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("skinlessons/__init__.py", "")
        archive.writestr("skinlessons/data/final.yaml", "id: x\nquestions: []\n")
    assert quiz_files_in_wheel(bad.read_bytes()) == ["skinlessons/data/final.yaml"]
    course = copy_course(tmp_path / "course")
    with pytest.raises(
        ReleaseError, match=r"contains quiz files: skinlessons/data/final.yaml.*Fix"
    ):
        build_release(course, out=tmp_path / "out", wheel=bad)


def test_an_explanation_left_in_a_lesson_is_refused(tmp_path: Path, wheel: Path) -> None:
    """A summative explanation pasted into an untagged cell stops the release with its place."""
    course = copy_course(tmp_path / "course")
    final = load_course_quizzes(course).quizzes[FINAL]
    question = next(q for q in final.questions if q.explanation)
    path = course / "notebooks" / "03_chemical.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append(
        {"cell_type": "markdown", "id": "leak", "metadata": {}, "source": question.explanation}
    )
    path.write_text(json.dumps(notebook), encoding="utf-8")
    with pytest.raises(ReleaseError, match=rf"03_chemical.ipynb contains .* {FINAL}/{question.id}"):
        build_release(course, out=tmp_path / "out", wheel=wheel)


def test_release_command_prints_the_archive(tmp_path: Path, wheel: Path) -> None:
    """`skinlessons release` exits 0 and names the archive it wrote."""
    course = copy_course(tmp_path / "course")
    result = CliRunner().invoke(
        main,
        ["release", "--course", str(course), "--out", str(tmp_path / "d"), "--wheel", str(wheel)],
    )
    assert result.exit_code == 0, result.output
    written = tmp_path / "d" / "skinlessons-trainee-0.1.0.zip"
    assert written.is_file()
    assert f"Trainee release: {written}" in result.stdout
