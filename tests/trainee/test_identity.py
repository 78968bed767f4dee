"""The trainee id: validation, where it comes from, where it is kept, and its file-name slug."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from skinlessons.errors import TraineeIdError
from skinlessons.names import HOME_ENV, HUB_USER_ENV, MODE_ENV, TRAINEE_ENV
from skinlessons.submission.format import data_home
from skinlessons.submission.trainee_ids import trainee_slug, validate_trainee_id
from skinlessons.trainee.identity import (
    SAVED_SOURCE,
    current_trainee_id,
    require_trainee_id,
    set_trainee_id,
)
from testkit.trainee import all_files

pytestmark = pytest.mark.usefixtures("fake_home")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("jdoe", "jdoe"),
        ("j.doe", "j.doe"),
        ("jane_doe-2", "jane_doe-2"),
        ("jdoe@example.org", "jdoe@example.org"),
        ("a+b", "a+b"),
        ("20231234", "20231234"),
        ("Müller", "Müller"),
        ("  jdoe \n", "jdoe"),
        ("x" * 100, "x" * 100),
    ],
    ids=["plain", "dot", "underscore-dash", "email", "plus", "number", "accent", "trimmed", "100"],
)
def test_valid_trainee_ids_are_accepted_trimmed(value: str, expected: str) -> None:
    """Letters, digits and . _ - @ + make a valid id; surrounding spaces are dropped."""
    assert validate_trainee_id(value) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("j doe", "contains a space"),
        ("j\tdoe", "contains a space"),
        ("../jdoe", "path separator '/'"),
        ("a\\b", "path separator '\\\\'"),
        ("j\x00doe", "control character (U+0000)"),
        ("j\u200bdoe", "control character (U+200B)"),
        ("x" * 101, "101 characters long, the limit is 100"),
        ("jdoe!", "contains '!', which is not allowed"),
        ("YOUR-LMS-USERNAME", "replace YOUR-LMS-USERNAME with your own"),
        (42, "must be text in quotes, got 42"),
        (None, "must be text in quotes, got None"),
    ],
    ids=[
        "empty",
        "blank",
        "space",
        "tab",
        "slash",
        "backslash",
        "nul",
        "zero-width",
        "too-long",
        "bang",
        "placeholder",
        "number",
        "none",
    ],
)
def test_invalid_trainee_ids_say_what_is_wrong_and_allowed(value: object, fragment: str) -> None:
    """Each rejected id names its problem and states the rule."""
    with pytest.raises(TraineeIdError) as caught:
        validate_trainee_id(value)
    assert fragment in str(caught.value)
    assert "1 to 100 letters, digits and the characters . _ - @ +" in str(caught.value)


def test_no_id_anywhere_gives_none_and_require_explains_how_to_set_one() -> None:
    """Without a saved id or variables there is no id; requiring one says how to set it."""
    assert current_trainee_id() is None
    with pytest.raises(TraineeIdError, match=r"quiz\.set_trainee_id.*--trainee"):
        require_trainee_id()


def test_trainee_variable_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """$SKINLESSONS_TRAINEE gives the id when none is saved."""
    monkeypatch.setenv(TRAINEE_ENV, "jdoe")
    found = current_trainee_id()
    assert found is not None
    assert (found.value, found.source) == ("jdoe", TRAINEE_ENV)


def test_hub_user_is_the_default_on_a_hub(monkeypatch: pytest.MonkeyPatch) -> None:
    """$JUPYTERHUB_USER gives the id when neither a saved id nor $SKINLESSONS_TRAINEE exist."""
    monkeypatch.setenv(HUB_USER_ENV, "hubuser")
    found = current_trainee_id()
    assert found is not None
    assert (found.value, found.source) == ("hubuser", HUB_USER_ENV)


def test_trainee_variable_wins_over_hub_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """$SKINLESSONS_TRAINEE is preferred to $JUPYTERHUB_USER."""
    monkeypatch.setenv(HUB_USER_ENV, "hubuser")
    monkeypatch.setenv(TRAINEE_ENV, "jdoe")
    found = current_trainee_id()
    assert found is not None and found.value == "jdoe"


def test_saved_id_wins_over_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """An id set with set_trainee_id is remembered and preferred to the defaults."""
    monkeypatch.setenv(HUB_USER_ENV, "hubuser")
    monkeypatch.setenv(TRAINEE_ENV, "other")
    set_trainee_id("jdoe")
    found = current_trainee_id()
    assert found is not None
    assert (found.value, found.source) == ("jdoe", SAVED_SOURCE)


def test_invalid_variable_is_reported_with_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad $JUPYTERHUB_USER is an error naming the variable, not a silent fallback."""
    monkeypatch.setenv(HUB_USER_ENV, "bad user")
    with pytest.raises(TraineeIdError, match=r"^\$JUPYTERHUB_USER: .*contains a space"):
        current_trainee_id()


def test_set_trainee_id_saves_in_the_default_home(fake_home: Path) -> None:
    """Without $SKINLESSONS_HOME the id is saved in ~/.skinlessons of the trainee's home."""
    set_trainee_id(" jdoe ")
    saved = fake_home / ".skinlessons" / "trainee.json"
    assert json.loads(saved.read_text(encoding="utf-8")) == {"trainee_id": "jdoe"}


def test_set_trainee_id_saves_under_skinlessons_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_home: Path
) -> None:
    """$SKINLESSONS_HOME moves the data folder; nothing goes to the user's home."""
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "elsewhere"))
    set_trainee_id("jdoe")
    assert data_home() == tmp_path / "elsewhere"
    assert all_files(tmp_path / "elsewhere") == [tmp_path / "elsewhere" / "trainee.json"]
    assert all_files(fake_home) == []


def test_set_trainee_id_rejects_bad_ids_and_keeps_the_old_one() -> None:
    """A rejected id is not saved."""
    set_trainee_id("jdoe")
    with pytest.raises(TraineeIdError):
        set_trainee_id("j doe")
    found = current_trainee_id()
    assert found is not None and found.value == "jdoe"


def test_unattended_set_trainee_id_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In build/test mode the id is kept in memory only."""
    monkeypatch.setenv(MODE_ENV, "build")
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    set_trainee_id("jdoe")
    assert not (tmp_path / "data").exists()
    found = current_trainee_id()
    assert found is not None and found.value == "jdoe"


def test_corrupt_saved_id_file_says_how_to_fix(fake_home: Path) -> None:
    """A damaged trainee.json is reported with its path and the fix."""
    saved = fake_home / ".skinlessons" / "trainee.json"
    saved.parent.mkdir()
    saved.write_text("{not json", encoding="utf-8")
    with pytest.raises(TraineeIdError, match=r"trainee\.json cannot be read.*set your id again"):
        current_trainee_id()


@pytest.mark.parametrize(
    "value", ["jdoe", "J.Doe", "../../etc/passwd", "Müller@uni.example", "---", "x" * 100]
)
def test_slug_is_safe_for_file_names(value: str) -> None:
    """The slug holds only lowercase ASCII letters, digits and dashes, and no dots."""
    slug = trainee_slug(value)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
    assert len(slug) <= 60


def test_slugs_of_different_ids_differ_even_when_they_look_alike() -> None:
    """Ids that simplify to the same text still get different slugs (the hash part)."""
    assert trainee_slug("J.Doe") != trainee_slug("j-doe")
    assert trainee_slug("jdoe") == trainee_slug("jdoe")
    assert trainee_slug("jdoe").startswith("jdoe-")


def test_trainee_can_check_which_id_is_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """quiz.trainee_id() shows the id in force, or how to set one when there is none."""
    from skinlessons import quiz

    assert "not set yet" in quiz.trainee_id()._repr_markdown_()
    assert 'quiz.set_trainee_id("YOUR-LMS-USERNAME")' in quiz.trainee_id()._repr_markdown_()
    monkeypatch.setenv(HUB_USER_ENV, "hub.user")
    shown = quiz.trainee_id()._repr_markdown_()
    assert "**hub.user**" in shown
