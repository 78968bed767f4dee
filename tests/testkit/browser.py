"""Helpers for tests that drive the Debian Chromium with playwright.

The browser is the system package (``apt-get install chromium``), never a playwright download.
Under ``CI=true`` a missing browser fails the test; elsewhere it skips with the command to run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

AXE_JS = Path(__file__).parents[1] / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MM_TO_CSS_PX = 96 / 25.4
A4_MM = (210, 297)
PRINT_MARGIN_MM = 15  # the @page margin of the handout stylesheet
PRINTABLE_WIDTH_PX = int((A4_MM[0] - 2 * PRINT_MARGIN_MM) * MM_TO_CSS_PX)
PRINTABLE_HEIGHT_PX = (A4_MM[1] - 2 * PRINT_MARGIN_MM) * MM_TO_CSS_PX
"""The printable area of an A4 handout page, in CSS pixels."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Path of the Chromium binary, or fail (CI) / skip (elsewhere) saying how to install it."""
    candidate = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if Path(candidate).exists():
        return candidate
    message = "Chromium is missing. Install it with: sudo apt-get install -y chromium"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def launched_browser() -> Iterator[Any]:
    """A headless Chromium browser for one test module or session."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class RequestLog:
    """Requests a page tried to make outside the allowed schemes/hosts (all were aborted)."""

    blocked: list[str] = field(default_factory=list)


def block_outside_requests(context: Any, allowed_prefixes: tuple[str, ...] = ()) -> RequestLog:
    """Abort every request that is not ``file:``/``data:``/``blob:`` or an allowed prefix."""
    log = RequestLog()

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", *allowed_prefixes)):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort()

    context.route("**/*", handle)
    return log


@contextmanager
def offline_page(browser: Any, path: Path) -> Iterator[Any]:
    """A page opened from ``path`` on disk in its own context, every outside request aborted."""
    context = browser.new_context()
    block_outside_requests(context)
    try:
        page = context.new_page()
        page.goto(path.as_uri(), wait_until="load")
        yield page
    finally:
        context.close()


def axe_serious_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A/AA) on the page; return the serious and critical violations."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [v for v in result["violations"] if v.get("impact") in {"serious", "critical"}]


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """A readable summary for assertion messages."""
    lines = []
    for violation in violations:
        targets = [node.get("target") for node in violation.get("nodes", [])][:3]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)
