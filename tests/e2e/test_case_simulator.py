"""Lesson 07 in JupyterLab: the case simulator, driven with the keyboard alone.

JupyterLab runs over a copy of the course (as in the lesson-03 walk-through); Chromium runs
lesson 07 top to bottom, then asks an intake question, chooses a decision and checks it with
Tab, Space and Enter only, and reads the verdict in words.
"""

from __future__ import annotations

from typing import Any

import pytest

from testkit.browser import launched_browser
from testkit.jupyterlab import LabServer
from testkit.lab_driver import ARTIFACTS, STEP_TIMEOUT_MS, open_and_run_all, prepare_lab_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = "07_consultation_to_aftercare.ipynb"
ISOTRETINOIN = "Ask: Have you ever taken isotretinoin"


def _simulator(page: Any) -> Any:
    view = page.locator(".jp-OutputArea-output").filter(has_text="3. Decide:")
    view.scroll_into_view_if_needed()
    return view


@pytest.mark.usefixtures("lab")
def test_case_simulator_works_with_the_keyboard(lab: tuple[LabServer, Any]) -> None:
    server, _home = lab
    with launched_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        prepare_lab_page(page)
        try:
            _drive_by_keyboard(page, server)
        except Exception:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "e2e-case-simulator-failure.png"), full_page=True)
            raise


def _drive_by_keyboard(page: Any, server: LabServer) -> None:
    """Run the lesson, then ask, decide and check with Tab, Space and Enter only."""
    open_and_run_all(page, server, "case-keyboard", LESSON)
    view = _simulator(page)
    client = view.get_by_role("combobox", name="Client:")
    client.focus()
    page.keyboard.press("Tab")  # the first intake question is next in the tab order
    first = view.get_by_role("checkbox").first
    assert first.evaluate("el => el === document.activeElement")
    question = view.get_by_role("checkbox", name=ISOTRETINOIN)
    question.focus()
    page.keyboard.press("Space")
    view.get_by_text("I'm on it now, month four.").wait_for(timeout=STEP_TIMEOUT_MS)
    refer = view.get_by_role("radio", name="Refer")
    refer.focus()
    page.keyboard.press("Space")
    assert refer.is_checked()
    button = view.get_by_role("button", name="Check my decision")
    button.focus()
    page.keyboard.press("Enter")
    view.get_by_text("Right decision.").wait_for(timeout=STEP_TIMEOUT_MS)
    assert "the expected decision is Refer" in view.inner_text()
