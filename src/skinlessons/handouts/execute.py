"""Execute lesson notebooks once each, in parallel, with nbclient; reuse cached executions.

All kernels run in one asyncio loop (kernels are separate processes anyway), at most ``jobs``
at a time. Each kernel starts in the staged key-free course's notebooks folder, with the
environment pointing the package at that course and saying the run is unattended.
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

from .cache import ExecutionCache, cache_key

Status = Literal["executed", "cached", "failed"]


@dataclass(frozen=True)
class NotebookFailure:
    """Where and why a notebook failed: 1-based cell number, the cell's first line, the error."""

    cell_number: int | None
    cell_line: str
    error: str

    def describe(self, name: str) -> str:
        """``name: cell N (`first line`): Error: value``, for the build report."""
        where = f"cell {self.cell_number} (`{self.cell_line}`)" if self.cell_number else "kernel"
        return f"{name}: {where}: {self.error}"


@dataclass(frozen=True)
class ExecutionResult:
    """The outcome for one notebook: the executed notebook, or why it failed."""

    path: Path
    status: Status
    seconds: float
    notebook: NotebookNode | None = None
    failure: NotebookFailure | None = None
    key: str = ""

    @property
    def name(self) -> str:
        """The notebook's file name."""
        return self.path.name


@dataclass(frozen=True)
class ExecutionSettings:
    """How kernels run: where, with which extra environment, for how long per cell."""

    cwd: Path
    env: Mapping[str, str]
    cache: ExecutionCache
    package_fingerprint: str
    quizzes_fingerprint: str
    jobs: int
    timeout_s: int = 600
    kernel_name: str = "python3"


def _failure(notebook: NotebookNode, exc: BaseException) -> NotebookFailure:
    """Find the failing cell (the first with an error output, else the last one started)."""
    for number, cell in enumerate(notebook.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first = (cell.source.strip().splitlines() or [""])[0][:60]
                return NotebookFailure(number, first, f"{output.ename}: {output.evalue}")
    if isinstance(exc, CellExecutionError):
        return NotebookFailure(None, "", f"{exc.ename}: {exc.evalue}")
    return NotebookFailure(None, "", f"{type(exc).__name__}: {exc}".strip())


async def _execute_one(
    path: Path, settings: ExecutionSettings, slots: asyncio.Semaphore
) -> ExecutionResult:
    source = nbformat.read(path, as_version=4)
    key = cache_key(source, settings.package_fingerprint, settings.quizzes_fingerprint)
    cached = settings.cache.get(path.stem, key)
    if cached is not None:
        return ExecutionResult(path, "cached", 0.0, notebook=cached, key=key)
    async with slots:
        started = time.perf_counter()
        notebook = copy.deepcopy(source)
        client = NotebookClient(
            notebook,
            timeout=settings.timeout_s,
            kernel_name=settings.kernel_name,
            resources={"metadata": {"path": str(settings.cwd)}},
            # Kernel start-up notices (e.g. "running over TCP without encryption" on a
            # local build) are not the author's business; errors still show.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
        try:
            await client.async_execute(env=dict(settings.env))
        except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as exc:
            seconds = time.perf_counter() - started
            return ExecutionResult(path, "failed", seconds, failure=_failure(notebook, exc))
        seconds = time.perf_counter() - started
    settings.cache.put(path.stem, key, notebook)
    return ExecutionResult(path, "executed", seconds, notebook=notebook, key=key)


async def _execute_all(
    paths: list[Path],
    settings: ExecutionSettings,
    on_result: Callable[[ExecutionResult], None],
) -> list[ExecutionResult]:
    slots = asyncio.Semaphore(max(1, settings.jobs))

    async def run(path: Path) -> ExecutionResult:
        result = await _execute_one(path, settings, slots)
        on_result(result)
        return result

    return list(await asyncio.gather(*(run(path) for path in paths)))


def execute_notebooks(
    paths: list[Path],
    settings: ExecutionSettings,
    on_result: Callable[[ExecutionResult], None] = lambda result: None,
) -> list[ExecutionResult]:
    """Execute (or fetch from the cache) every notebook; failures are results, not exceptions.

    Args:
        paths: the staged notebooks to run (in the key-free course copy).
        settings: kernel folder, environment, cache, parallelism and timeout.
        on_result: called once per notebook as soon as it is done (for progress lines).

    Returns:
        One result per path, in the order given.
    """
    return asyncio.run(_execute_all(paths, settings, on_result))
