"""Drive a lesson in JupyterLab from playwright: open it, Run All, wait until every cell ran.

The cells' run state comes from JupyterLab's notebook model (the test server exposes the app):
collapsed plumbing cells show no prompt on the page to read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .jupyterlab import LabServer

ROOT = Path(__file__).resolve().parents[2]
"""The repository."""
ARTIFACTS = ROOT / "test-artifacts"
TRAINEE = "e2e.trainee"
RUN_TIMEOUT_MS = 120_000
STEP_TIMEOUT_MS = 30_000
STARTED_TIMEOUT_MS = 45_000
"""How long Run All may take to start a cell: a first kernel on a busy machine is slow, and a
reload (the retry) loses the outputs of a run that had in fact begun."""
RUN_ALL_ATTEMPTS = 3


CODE_CELLS_JS = """
notebook => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.context || !panel.context.path.endsWith(notebook)) {
    return null;
  }
  return panel.content.widgets.map((cell, index) => ({index, cell}))
    .filter(({cell}) => cell.model.type === 'code')
    .map(({index, cell}) => ({
      index,
      running: cell.model.executionState === 'running',
      ran: cell.model.executionCount !== null,
      editorShown: [...cell.node.querySelectorAll('.jp-InputArea-editor')]
        .some(editor => editor.checkVisibility()),
    }));
}
"""
"""Each code cell of the open notebook: its index, execution state and whether its editor shows.

The state comes from the notebook model: a collapsed cell has no prompt on the page to read.
"""
STARTED_JS = f"nb => ({CODE_CELLS_JS})(nb)?.some(cell => cell.running || cell.ran)"
FINISHED_JS = f"nb => ({CODE_CELLS_JS})(nb)?.every(cell => !cell.running)"


def prepare_lab_page(page: Any) -> None:
    """Step timeout, and keep Python 3 when JupyterLab asks which kernel a workspace starts."""
    page.set_default_timeout(STEP_TIMEOUT_MS)
    page.add_locator_handler(
        page.locator(".jp-Dialog").filter(has_text="Select Kernel"),
        lambda dialog: dialog.locator(".jp-mod-accept").click(),
    )


def open_and_run_all(page: Any, lab: LabServer, workspace: str, notebook: str) -> None:
    page.goto(lab.url(f"lab/workspaces/{workspace}/tree/notebooks/{notebook}"))
    for _attempt in range(RUN_ALL_ATTEMPTS):
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(
            timeout=RUN_TIMEOUT_MS
        )
        page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(r"^Run$")).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function(STARTED_JS, arg=notebook, timeout=STARTED_TIMEOUT_MS)
            break
        except PlaywrightTimeoutError:
            # While JupyterLab is still settling its kernel session it can drop the run
            # (the websocket it used is replaced); a reload reconnects to the same kernel.
            page.reload()
    page.locator(".skinlessons-quiz").first.wait_for(timeout=RUN_TIMEOUT_MS)
    page.wait_for_function(FINISHED_JS, arg=notebook, timeout=RUN_TIMEOUT_MS)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    tracebacks = [text for text in errors.all_inner_texts() if "Traceback" in text]
    assert tracebacks == [], f"{notebook} raised:\n" + "\n".join(tracebacks)
