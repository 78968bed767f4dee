"""Every lesson notebook runs top to bottom in a fresh kernel, as a trainee would run it.

The lessons execute once per test run. The real-course handout build (the session fixture
``real_course_build``, shared with ``handouts/test_real_course.py``) runs each lesson in its own
fresh kernel: every code cell but the ones the build renders at export, the quiz and the
reference list. Those cells run here, each lesson's after its first code cell (the imports),
in one fresh kernel started in ``notebooks/`` with ``SKINLESSONS_MODE=test`` (no real answer log
is written) and a throwaway ``SKINLESSONS_HOME``. A failure names the notebook, the cell index
and the error.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from skinlessons.handouts.cache import skips_execution
from skinlessons.names import HOME_ENV, MODE_ENV, NOTEBOOK_DIR
from testkit.handouts import Build

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / NOTEBOOK_DIR
NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
CELL_TIMEOUT_S = 120

pytestmark = pytest.mark.slow


def failing_cell(nb: nbformat.NotebookNode) -> tuple[int, str] | None:
    """The index and error line of the first cell whose outputs hold an error, if any."""
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index, f"{output.get('ename')}: {output.get('evalue')}"
    return None


def run_cells(nb: nbformat.NotebookNode, origins: list[str], working_dir: Path) -> str | None:
    """Execute ``nb`` in a fresh kernel started in ``working_dir``; describe a failure, if any.

    ``origins`` names each cell (``name: cell N``) for the message.
    """
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(working_dir)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        found = failing_cell(nb)
        if found is None:
            return f"a cell failed with {error.ename}: {error.evalue}"
        index, message = found
        return f"{origins[index]} failed with {message}"
    return None


def run_notebook(path: Path, working_dir: Path) -> str | None:
    """Execute ``path`` in a fresh kernel started in ``working_dir``; describe a failure, if any."""
    nb = nbformat.read(path, as_version=4)
    return run_cells(
        nb, [f"{path.name}: cell {index}" for index in range(len(nb.cells))], working_dir
    )


def cells_the_build_skips(paths: list[Path]) -> tuple[nbformat.NotebookNode, list[str]]:
    """One notebook: per lesson, its first code cell, then each cell the build does not run.

    Also returns, per cell of that notebook, where it comes from (``name: cell N``).
    """
    combined = nbformat.v4.new_notebook()
    origins = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        code = [(index, cell) for index, cell in enumerate(nb.cells) if cell.cell_type == "code"]
        chosen = code[:1] + [(index, cell) for index, cell in code[1:] if skips_execution(cell)]
        for index, cell in chosen:
            combined.cells.append(nbformat.v4.new_code_cell(cell.source))
            origins.append(f"{path.name}: cell {index}")
    return combined, origins


@pytest.fixture
def unattended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kernels started in this test write no real answer log and use a throwaway home."""
    monkeypatch.setenv(MODE_ENV, "test")
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda path: path.stem)
def test_notebook_runs_in_a_fresh_kernel(path: Path, real_course_build: Build) -> None:
    """The build ran the lesson in a fresh kernel, without an error in any cell.

    ``cached`` means another worker's build executed it in this run: the cache starts empty
    and keeps only notebooks that ran without an error.
    """
    runs = [run for run in real_course_build.report.executions if run.name == path.name]
    assert [run.status for run in runs] != [], f"{path.name} was not executed by the build"
    if runs[0].status not in ("executed", "cached"):
        pytest.fail(runs[0].progress_line(), pytrace=False)


@pytest.mark.usefixtures("unattended")
def test_cells_the_build_renders_itself_run_in_a_kernel() -> None:
    """The quiz and reference-list cells, which the build leaves to the export, run too."""
    combined, origins = cells_the_build_skips(NOTEBOOK_PATHS)
    assert len(origins) > len(NOTEBOOK_PATHS)  # more than the first cells: the skipped ones
    failure = run_cells(combined, origins, NOTEBOOKS)
    if failure:
        pytest.fail(failure, pytrace=False)


@pytest.mark.usefixtures("unattended")
def test_a_failing_cell_is_reported_with_notebook_cell_and_error(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1 + 1"), nbformat.v4.new_code_cell("1 / 0")]
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(nb, path)
    assert run_notebook(path, tmp_path) == (
        "99_broken.ipynb: cell 1 failed with ZeroDivisionError: division by zero"
    )
