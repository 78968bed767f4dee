"""Benchmark `skinlessons build` against running `jupyter nbconvert` once per notebook and edition.

Prints absolute times and ratios for: (a) a cold build of both editions vs the serial nbconvert
baseline, (b) a rebuild with nothing changed, (c) a rebuild after changing one notebook, next to
the time of executing that one notebook alone. Uses the course's notebooks/ if it has any, else
the handout test fixture course. Run: ``python benchmarks/build.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.handouts_support import FIXTURE_COURSE, ensure_facts  # noqa: E402

from skinlessons.handouts import BuildOptions, build_handouts  # noqa: E402


def _course_source() -> Path:
    return REPO if any((REPO / "notebooks").glob("*.ipynb")) else FIXTURE_COURSE


def _copy_course(source: Path, destination: Path) -> Path:
    for name in ("notebooks", "quizzes"):
        shutil.copytree(source / name, destination / name)
    return destination


def _timed(label: str, action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    print(f"  {label}: {seconds:.2f} s", flush=True)
    return seconds


def _baseline(course: Path, out: Path) -> None:
    """`jupyter nbconvert --execute --to html` per notebook, per edition, one after another."""
    env = {**os.environ, "SKINLESSONS_COURSE": str(course), "SKINLESSONS_MODE": "build"}
    jupyter = Path(sys.executable).with_name("jupyter")
    for notebook in sorted((course / "notebooks").glob("*.ipynb")):
        for edition in ("trainee", "instructor"):
            subprocess.run(
                [
                    str(jupyter),
                    "nbconvert",
                    "--execute",
                    "--to",
                    "html",
                    "--allow-errors",
                    "--output-dir",
                    str(out / edition),
                    str(notebook),
                ],
                env=env,
                cwd=notebook.parent,
                capture_output=True,
                check=False,
            )


def _build(course: Path, root: Path) -> list[str]:
    lines: list[str] = []
    options = BuildOptions(course=course, out=root / "out", cache_dir=root / "cache")
    report = build_handouts(options, progress=lines.append)
    failed = [r.name for r in report.executions if r.status == "failed"]
    if failed:
        print(f"    (notebooks failing in this course: {', '.join(failed)})")
    return lines


def main() -> None:
    """Run the three measurements and print them."""
    ensure_facts()
    source = _course_source()
    with tempfile.TemporaryDirectory(prefix="skinlessons-bench-") as scratch:
        root = Path(scratch)
        course = _copy_course(source, root / "course")
        notebooks = sorted((course / "notebooks").glob("*.ipynb"))
        print(
            f"Course: {len(notebooks)} notebooks ({'repository' if source == REPO else 'fixture'}),"
            f" {os.cpu_count()} cores"
        )
        baseline = _timed(
            "baseline, nbconvert CLI per notebook per edition",
            lambda: _baseline(course, root / "baseline"),
        )
        cold = _timed("(a) cold build, both editions", lambda: _build(course, root))
        warm = _timed("(b) rebuild, nothing changed", lambda: _build(course, root))
        changed = notebooks[-1]
        notebook = nbformat.read(changed, as_version=4)
        notebook.cells.append(new_code_cell("1 + 1"))
        nbformat.write(notebook, changed)
        one = _timed(f"(c) rebuild after changing {changed.name}", lambda: _build(course, root))
        alone_nb = nbformat.read(changed, as_version=4)
        client = NotebookClient(
            alone_nb, kernel_name="python3", resources={"metadata": {"path": str(changed.parent)}}
        )
        os.environ.update(SKINLESSONS_COURSE=str(course), SKINLESSONS_MODE="build")
        alone = _timed(f"    executing {changed.name} alone with nbclient", client.execute)
    print(f"(a) cold / baseline      = {cold / baseline:.3f}   (goal <= 0.2)")
    print(f"(b) no-change / baseline = {warm / baseline:.3f}   (goal <= 0.05)")
    print(f"(c) one changed / that notebook alone = {one / alone:.2f}   (goal: close to 1)")


if __name__ == "__main__":
    main()
