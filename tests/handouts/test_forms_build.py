"""`skinlessons build` writes the five practitioner forms into both editions and links them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from skinlessons.handouts.editions import EDITIONS
from skinlessons.handouts.forms import FORMS, FORMS_DIR
from skinlessons.handouts.site import EDITION_LABELS
from testkit.handouts import Build, broken_links, page_links

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("edition", EDITIONS)
def test_both_editions_hold_the_forms_and_their_index_links_them(
    built: Build, edition: str
) -> None:
    assert built.report.ok, built.report.problems
    folder = built.out / edition
    written = sorted(path.name for path in (folder / FORMS_DIR).glob("*.html"))
    assert written == sorted(f"{form.slug}.html" for form in FORMS)
    assert (folder / "assets" / "forms.css").is_file()
    links = page_links(folder / "index.html")
    assert [link for link in links if link.startswith(f"{FORMS_DIR}/")] == [
        form.href for form in FORMS
    ]
    assert broken_links(folder / FORMS_DIR) == []
    for form in FORMS:
        page = BeautifulSoup((folder / form.href).read_text(encoding="utf-8"), "html.parser")
        label = page.select_one(".handout-edition")
        assert label is not None and label.get_text() == EDITION_LABELS[edition]
        sheets = [str(link["href"]) for link in page.select('link[rel="stylesheet"]')]
        assert sheets == ["../assets/handout.css", "../assets/forms.css"]


def test_only_the_instructor_edition_has_the_notes_on_screening_answers(built: Build) -> None:
    notes = {
        edition: (built.out / edition / FORMS_DIR / "consultation.html")
        .read_text(encoding="utf-8")
        .count('class="form-instructor-note"')
        for edition in EDITIONS
    }
    assert notes["trainee"] == 0
    assert notes["instructor"] > 20


def test_the_build_stamp_lists_the_forms(built: Build) -> None:
    """A build with nothing to do checks that every form it wrote is still there."""
    stamp = (built.out / ".build-stamp.json").read_text(encoding="utf-8")
    for edition in EDITIONS:
        for form in FORMS:
            assert f'"{edition}/{form.href}"' in stamp
