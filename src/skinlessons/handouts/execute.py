"""Execute the lesson notebooks that are not in the cache, in parallel, with nbclient.

All kernels run in one asyncio loop (kernels are separate processes anyway), at most ``jobs``
at a time. Each kernel starts in the staged key-free course's notebooks folder, with the
environment pointing the package at that course and saying the run is unattended. Cells the
export renders itself (quizzes, the reference list) are skipped: they are rendered once, there.
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat import NotebookNode

from .cache import ExecutionCache, skips_execution
from .cells import SKIP_EXECUTION_TAG
from .report import ExecutionResult, NotebookFailure


@dataclass(frozen=True)
class ExecutionJob:
    """One notebook to run: its course path, the notebook as it is now, its cache key."""

    path: Path
    notebook: NotebookNode
    key: str


@dataclass(frozen=True)
class ExecutionSettings:
    """How kernels run: where, with which extra environment, for how long per cell."""

    cwd: Path
    env: Mapping[str, str]
    cache: ExecutionCache
    jobs: int
    timeout_s: int = 600
    kernel_name: str = "python3"


def _first_line(cell: NotebookNode) -> str:
    return (cell.source.strip().splitlines() or [""])[0][:60]


def _failure(notebook: NotebookNode, exc: BaseException) -> NotebookFailure:
    """Find the failing cell (the first with an error output, else the last one started)."""
    for number, cell in enumerate(notebook.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                error = f"{output.ename}: {output.evalue}"
                return NotebookFailure(number, _first_line(cell), error)
    if isinstance(exc, CellExecutionError):
        return NotebookFailure(None, "", f"{exc.ename}: {exc.evalue}")
    error = f"{type(exc).__name__}: {(str(exc).strip().splitlines() or [''])[0]}".strip()
    started = [
        number
        for number, cell in enumerate(notebook.cells, start=1)
        if "iopub.execute_input" in cell.get("metadata", {}).get("execution", {})
    ]
    if not started:
        return NotebookFailure(None, "", error)
    return NotebookFailure(started[-1], _first_line(notebook.cells[started[-1] - 1]), error)


def _kernel_copy(notebook: NotebookNode) -> NotebookNode:
    """A copy to execute, with the cells the kernel must not run tagged for nbclient to skip."""
    runnable = copy.deepcopy(notebook)
    for cell in runnable.cells:
        if cell.cell_type == "code" and skips_execution(cell):
            tags = cell.metadata.setdefault("tags", [])
            if SKIP_EXECUTION_TAG not in tags:
                tags.append(SKIP_EXECUTION_TAG)
    return runnable


async def _execute_one(
    job: ExecutionJob, settings: ExecutionSettings, slots: asyncio.Semaphore
) -> ExecutionResult:
    async with slots:
        started = time.perf_counter()
        notebook = _kernel_copy(job.notebook)
        client = NotebookClient(
            notebook,
            timeout=settings.timeout_s,
            kernel_name=settings.kernel_name,
            resources={"metadata": {"path": str(settings.cwd)}},
            skip_cells_with_tag=SKIP_EXECUTION_TAG,
            # Kernel start-up notices (e.g. "running over TCP without encryption" on a
            # local build) are not the author's business; errors still show.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
        try:
            await client.async_execute(env=dict(settings.env))
        except Exception as exc:  # a cell error, a timeout, a dead kernel, an invalid output...
            seconds = time.perf_counter() - started
            return ExecutionResult(job.path, "failed", seconds, failure=_failure(notebook, exc))
        seconds = time.perf_counter() - started
    settings.cache.put(job.path.stem, job.key, notebook)
    return ExecutionResult(job.path, "executed", seconds, notebook=notebook, key=job.key)


async def _execute_all(
    jobs: list[ExecutionJob],
    settings: ExecutionSettings,
    on_result: Callable[[ExecutionResult], None],
) -> list[ExecutionResult]:
    slots = asyncio.Semaphore(max(1, settings.jobs))

    async def run(job: ExecutionJob) -> ExecutionResult:
        result = await _execute_one(job, settings, slots)
        on_result(result)
        return result

    return list(await asyncio.gather(*(run(job) for job in jobs)))


def execute_notebooks(
    jobs: list[ExecutionJob],
    settings: ExecutionSettings,
    on_result: Callable[[ExecutionResult], None] = lambda result: None,
) -> list[ExecutionResult]:
    """Execute every notebook and store each in the cache; failures are results, not exceptions.

    Args:
        jobs: the notebooks to run, as they are now, with their cache keys.
        settings: kernel folder, environment, cache, parallelism and timeout.
        on_result: called once per notebook as soon as it is done (for progress lines).

    Returns:
        One result per job, in the order given; an executed result holds the kernel's copy.
    """
    return asyncio.run(_execute_all(jobs, settings, on_result))
