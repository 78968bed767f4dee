"""Time ``import skinlessons`` and loading the course data in fresh interpreters.

Each statement runs in a new Python process several times; the median wall time and the median
CPU time (user + system, of the child process) are compared with a bare interpreter start.
Prints the ratio and the seconds added, and whether the goal (at most 0.3 s added) is met.
The verdict uses CPU time, which a busy machine disturbs far less than wall time. It also
lists any heavy library (matplotlib, ipywidgets, nbconvert, numpy) that the statement
imported, since none belongs on the import path.

Usage::

    python benchmarks/import_time.py [--runs N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

GOAL_ADDED_S = 0.3
HEAVY = ("matplotlib", "ipywidgets", "nbconvert", "numpy")
BASELINE = "pass"
STATEMENTS = {
    "import skinlessons": "import skinlessons",
    "load_facts()": "import skinlessons.facts as f; f.load_facts()",
    "logic modules + load_facts()": (
        "from skinlessons import chemistry, depth, suitability; "
        "import skinlessons.facts as f; f.load_facts()"
    ),
}


def _child_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(statement: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one fresh interpreter running ``statement``."""
    cpu_before, start = _child_cpu_s(), time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True)
    return time.perf_counter() - start, _child_cpu_s() - cpu_before


def median_time(statement: str, runs: int) -> tuple[float, float]:
    """Median (wall, CPU) seconds over ``runs`` fresh interpreters, after one warm-up."""
    run_once(statement)
    samples = [run_once(statement) for _ in range(runs)]
    return (
        statistics.median(wall for wall, _ in samples),
        statistics.median(cpu for _, cpu in samples),
    )


def heavy_imports(statement: str) -> list[str]:
    """The heavy libraries present in ``sys.modules`` after ``statement``."""
    probe = f"{statement}; import sys; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def main() -> int:
    """Run the benchmark and print one line per statement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="fresh interpreters per statement")
    args = parser.parse_args()

    bare_wall, bare_cpu = median_time(BASELINE, args.runs)
    print(
        f"bare interpreter start: wall {bare_wall:.3f} s, CPU {bare_cpu:.3f} s "
        f"(medians of {args.runs})"
    )
    worst_added = 0.0
    for label, statement in STATEMENTS.items():
        wall, cpu = median_time(statement, args.runs)
        worst_added = max(worst_added, cpu - bare_cpu)
        heavy = heavy_imports(statement)
        print(
            f"{label:30s} wall {wall:.3f} s ({wall / bare_wall:4.1f}x, {wall - bare_wall:+.3f} s)"
            f"  CPU {cpu:.3f} s ({cpu / bare_cpu:4.1f}x, {cpu - bare_cpu:+.3f} s)"
            f"  heavy imports: {', '.join(heavy) or 'none'}"
        )
    verdict = "met" if worst_added <= GOAL_ADDED_S else "NOT met"
    print(f"goal (adds <= {GOAL_ADDED_S} s CPU): {verdict}; worst added {worst_added:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
