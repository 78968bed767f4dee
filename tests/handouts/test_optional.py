"""Optional "Deeper" parts in the handouts: folded in a <details>, usable, opened for print.

The fixture course gets one optional section in ``01_basics``; both editions are built once.
The trainee edition folds it closed, the instructor edition shows it open; on paper it is
printed in full, and in the browser it stays axe-clean and works from the keyboard.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from skinlessons.handouts.optional import HEADING_COLLAPSED_KEY
from testkit.browser import (
    axe_serious_violations,
    describe_violations,
    launched_browser,
    offline_page,
)
from testkit.handouts import Build, copy_course, run_build

pytestmark = pytest.mark.slow

TITLE = "Deeper: OPTIONAL-TITLE-ETA"
TEXT = "OPTIONAL-TEXT-ZETA"
SUMMARY = "Optional part: open or close it"


def _add_section(notebook: Path) -> None:
    """Put a folded Deeper section (heading, text, an instructor note) before the quiz part."""
    stored = json.loads(notebook.read_text("utf-8"))
    cells = stored["cells"]
    at = next(i for i, c in enumerate(cells) if "Check your understanding" in "".join(c["source"]))
    cells[at:at] = [
        {
            "cell_type": "markdown",
            "id": "optional-heading",
            "metadata": {HEADING_COLLAPSED_KEY: True},
            "source": [f"### {TITLE}"],
        },
        {"cell_type": "markdown", "id": "optional-text", "metadata": {}, "source": [TEXT]},
        {
            "cell_type": "markdown",
            "id": "optional-note",
            "metadata": {"tags": ["instructor"]},
            "source": ["OPTIONAL-NOTE-THETA"],
        },
    ]
    notebook.write_text(json.dumps(stored), "utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("handouts-optional")
    course = copy_course(root / "course")
    _add_section(course / "notebooks" / "01_basics.ipynb")
    build = run_build(course, root)
    assert build.report.ok, build.report.problems
    return build


def _optional(html: str) -> list[Tag]:
    return BeautifulSoup(html, "html.parser").select("details.handout-optional")


@pytest.mark.parametrize(("edition", "opened"), [("trainee", False), ("instructor", True)])
def test_the_section_is_folded_under_its_heading(built: Build, edition: str, opened: bool) -> None:
    (details,) = _optional(built.page(edition, "01_basics"))
    assert details.has_attr("open") is opened
    summary = details.find("summary")
    assert isinstance(summary, Tag) and summary.get_text(strip=True) == SUMMARY
    assert TEXT in details.get_text()
    heading = details.find_previous_sibling()
    assert isinstance(heading, Tag) and heading.find("h3") is not None
    assert heading.get_text(strip=True) == TITLE
    assert "Check your understanding" not in details.get_text()  # the next part is core
    assert ("OPTIONAL-NOTE-THETA" in details.get_text()) is (edition == "instructor")


def test_a_page_without_deeper_sections_has_no_details(built: Build) -> None:
    assert _optional(built.page("trainee", "02_tools")) == []


@pytest.mark.parametrize(
    ("edition", "scripts"),
    [("trainee", ["assets/quiz.js", "assets/print.js"]), ("instructor", ["assets/print.js"])],
)
def test_every_page_loads_the_print_script(built: Build, edition: str, scripts: list[str]) -> None:
    soup = BeautifulSoup(built.page(edition, "01_basics"), "html.parser")
    assert [script.get("src") for script in soup.select("script[src]")] == scripts
    assert (built.out / edition / "assets" / "print.js").is_file()


@pytest.fixture(scope="module")
def page(built: Build) -> Iterator[Any]:
    with (
        launched_browser() as browser,
        offline_page(browser, built.out / "trainee" / "01_basics.html") as opened,
    ):
        yield opened


@pytest.mark.browser
def test_the_folded_page_is_accessible(page: Any) -> None:
    violations = axe_serious_violations(page)
    assert violations == [], describe_violations(violations)


@pytest.mark.browser
def test_the_keyboard_opens_and_closes_the_section(page: Any) -> None:
    text = page.get_by_text(TEXT)
    summary = page.locator("details.handout-optional > summary")
    assert not text.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    text.wait_for(state="visible")
    page.keyboard.press("Space")
    text.wait_for(state="hidden")


@pytest.mark.browser
def test_print_shows_the_section_and_the_screen_folds_it_again(page: Any) -> None:
    text = page.get_by_text(TEXT)
    page.emulate_media(media="print")
    try:
        assert text.is_visible()  # the stylesheet prints the inside of a closed <details>
        assert not page.locator("details.handout-optional > summary").is_visible()
    finally:
        page.emulate_media(media="screen")
    assert not text.is_visible()
    details = page.locator("details.handout-optional")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert details.evaluate("d => d.open") is True  # the script, for other browsers
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert details.evaluate("d => d.open") is False
