"""Every lesson notebook runs top to bottom in a fresh kernel, as a trainee would run it.

One test per notebook, so ``pytest -n 2`` spreads them over two workers. The kernel starts in
``notebooks/`` with ``SKINLESSONS_MODE=test`` (no real answer log is written) and a throwaway
``SKINLESSONS_HOME``; a failure names the notebook, the cell index and the error.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from skinlessons.names import HOME_ENV, MODE_ENV, NOTEBOOK_DIR

ROOT = Path(__file__).resolve().parents[1]
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


def run_notebook(path: Path, working_dir: Path) -> str | None:
    """Execute ``path`` in a fresh kernel started in ``working_dir``; describe a failure, if any."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(working_dir)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        index, message = failing_cell(nb) or ("?", f"{error.ename}: {error.evalue}")
        return f"{path.name}: cell {index} failed with {message}"
    return None


@pytest.fixture
def unattended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kernels started in this test write no real answer log and use a throwaway home."""
    monkeypatch.setenv(MODE_ENV, "test")
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))


@pytest.mark.usefixtures("unattended")
@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda path: path.stem)
def test_notebook_runs_in_a_fresh_kernel(path: Path) -> None:
    failure = run_notebook(path, NOTEBOOKS)
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
