"""Benchmark `skinlessons build` as fresh processes, against nbconvert and Jupyter Book 1.

Every timing is a fresh process on a scratch copy of the course, as an author would run it:

- baseline: `jupyter nbconvert --execute --to html` once per notebook and edition, serially;
- cold: `skinlessons build` with an empty cache (default jobs, and `--jobs 1`);
- no-op: `skinlessons build` again with nothing changed;
- markdown edit: one markdown cell of one lesson changed (must execute nothing);
- code edit, per lesson: one code cell appended, against executing that notebook alone
  (`jupyter nbconvert --execute --to notebook`, a fresh process too);
- the same cold / no-op / markdown / code scenarios for Jupyter Book 1 (Sphinx with
  jupyter-cache), when ``--jupyter-book`` names its command (``make bench-build`` installs it
  with the project in its own venv under build/).

Prints seconds and the ratios the goals are stated in. Run: ``python benchmarks/build.py``
(``--lessons N`` limits the per-lesson code-edit scenario to the first N lessons).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GOALS = {
    "cold": 0.13,  # x the serial nbconvert baseline
    "noop": 0.5,  # seconds
    "code": 1.2,  # x executing that notebook alone
}


def _copy_course(destination: Path) -> Path:
    for name in ("notebooks", "quizzes"):
        shutil.copytree(REPO / name, destination / name)
    return destination


def _env(course: Path) -> dict[str, str]:
    return {**os.environ, "SKINLESSONS_COURSE": str(course), "SKINLESSONS_MODE": "build"}


def _run(command: Sequence[str], course: Path, cwd: Path | None = None) -> tuple[float, str]:
    """Run one fresh process; its wall time and its stderr (progress lines)."""
    started = time.perf_counter()
    done = subprocess.run(
        list(command), env=_env(course), cwd=cwd, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(f"    (exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]})")
    return seconds, done.stderr


def _notebooks(course: Path) -> list[Path]:
    return sorted((course / "notebooks").glob("*.ipynb"))


def _edit_markdown(notebook: Path) -> None:
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    cell.source += "\n\nA sentence added by the build benchmark."
    nbformat.write(nb, notebook)


def _edit_code(notebook: Path) -> None:
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(new_code_cell("1 + 1"))
    nbformat.write(nb, notebook)


def _executed(progress: str) -> int:
    return sum(line.startswith("executed") for line in progress.splitlines())


def _nbconvert(notebook: Path, to: str, out: Path, course: Path) -> float:
    command = [str(BIN / "jupyter"), "nbconvert", "--execute", "--allow-errors", "--to", to]
    seconds, _ = _run([*command, "--output-dir", str(out), str(notebook)], course, notebook.parent)
    return seconds


def _baseline(course: Path, out: Path) -> float:
    return sum(
        _nbconvert(notebook, "html", out / edition, course)
        for notebook in _notebooks(course)
        for edition in ("trainee", "instructor")
    )


class Ours:
    """`skinlessons build` on one scratch course, always a fresh process."""

    def __init__(self, course: Path) -> None:
        self.course = course

    def build(self, *extra: str) -> tuple[float, str]:
        command = [str(BIN / "skinlessons"), "build", "--course", str(self.course), *extra]
        return _run(command, self.course)

    def forget_cache(self) -> None:
        shutil.rmtree(self.course / "build", ignore_errors=True)


class JupyterBook1:
    """A Jupyter Book 1 project over a copy of the same notebooks (execute: cache)."""

    def __init__(self, command: Path, course: Path) -> None:
        self.command = command
        self.course = course
        self.book = course / "book"
        self.book.mkdir()
        stems = [notebook.stem for notebook in _notebooks(course)]
        for stem in stems:
            shutil.copy(course / "notebooks" / f"{stem}.ipynb", self.book)
        (self.book / "_config.yml").write_text(
            "title: skinlessons\nonly_build_toc_files: true\n"
            "execute:\n  execute_notebooks: cache\n  timeout: 600\n  allow_errors: true\n",
            encoding="utf-8",
        )
        chapters = "".join(f"  - file: {stem}\n" for stem in stems[1:])
        (self.book / "_toc.yml").write_text(
            f"format: jb-book\nroot: {stems[0]}\nchapters:\n{chapters}", encoding="utf-8"
        )

    def notebook(self, stem: str) -> Path:
        return self.book / f"{stem}.ipynb"

    def build(self) -> float:
        seconds, _ = _run([str(self.command), "build", str(self.book)], self.course, self.book)
        return seconds


def _line(label: str, seconds: float, ratio: str = "") -> None:
    print(f"  {label:<52} {seconds:7.2f} s  {ratio}", flush=True)


def _measure_ours(course: Path, lessons: int) -> dict[str, float]:
    ours = Ours(course)
    times: dict[str, float] = {}
    times["baseline"] = _baseline(course, course / "baseline")
    _line("baseline: serial nbconvert, per notebook and edition", times["baseline"])
    times["cold1"], _ = ours.build("--jobs", "1")
    _line("cold build, --jobs 1", times["cold1"])
    ours.forget_cache()
    times["cold"], _ = ours.build()
    _line("cold build, default jobs", times["cold"], f"= {times['cold'] / times['baseline']:.3f}x")
    times["noop"], _ = ours.build()
    _line("no-op build", times["noop"])
    notebooks = _notebooks(course)
    _edit_markdown(notebooks[1])
    times["markdown"], progress = ours.build()
    _line(
        f"markdown edit in {notebooks[1].name}",
        times["markdown"],
        f"executed {_executed(progress)}",
    )
    worst = 0.0
    for notebook in notebooks[:lessons]:
        _edit_code(notebook)
        rebuilt, _ = ours.build()
        alone = _nbconvert(notebook, "notebook", course / "alone", course)
        worst = max(worst, rebuilt / alone)
        _line(
            f"code edit in {notebook.name} (alone {alone:.2f} s)",
            rebuilt,
            f"= {rebuilt / alone:.2f}x",
        )
    times["code_worst"] = worst
    return times


def _measure_jb1(command: Path, course: Path) -> dict[str, float]:
    book = JupyterBook1(command, course)
    stem = _notebooks(course)[1].stem
    times = {"cold": book.build()}
    _line("Jupyter Book 1: cold build", times["cold"])
    times["noop"] = book.build()
    _line("Jupyter Book 1: no-op build", times["noop"])
    _edit_markdown(book.notebook(stem))
    times["markdown"] = book.build()
    _line(f"Jupyter Book 1: markdown edit in {stem}", times["markdown"])
    _edit_code(book.notebook(stem))
    times["code"] = book.build()
    _line(f"Jupyter Book 1: code edit in {stem}", times["code"])
    return times


def main(argv: Sequence[str] | None = None) -> None:
    """Run the scenarios and print times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jupyter-book", type=Path, default=None, help="Jupyter Book 1 command")
    parser.add_argument("--lessons", type=int, default=None, help="code-edit scenario: first N")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="skinlessons-bench-") as scratch:
        ours_course = _copy_course(Path(scratch) / "ours")
        count = len(_notebooks(ours_course))
        print(f"Course: {count} notebooks, {os.cpu_count()} cores; every build a fresh process")
        ours = _measure_ours(ours_course, args.lessons or count)
        jb1 = None
        if args.jupyter_book is not None:
            jb1_course = _copy_course(Path(scratch) / "jb1")
            jb1 = _measure_jb1(args.jupyter_book.resolve(), jb1_course)
    print("Ratios:")
    cold = ours["cold"] / ours["baseline"]
    print(f"  cold / serial nbconvert        = {cold:.3f}  (goal <= {GOALS['cold']})")
    print(f"  no-op build                    = {ours['noop']:.2f} s  (goal <= {GOALS['noop']} s)")
    print(f"  worst code edit / alone        = {ours['code_worst']:.2f}  (goal <= {GOALS['code']})")
    if jb1 is None:
        print("  Jupyter Book 1: not measured (run `make bench-build` to install and compare it)")
        return
    for name, label in (("cold", "cold"), ("noop", "no-op"), ("markdown", "markdown edit")):
        print(f"  ours / Jupyter Book 1, {label:<14} = {ours[name] / jb1[name]:.2f}")
    print(f"  ours --jobs 1 / Jupyter Book 1 cold = {ours['cold1'] / jb1['cold']:.2f}")


if __name__ == "__main__":
    main()
