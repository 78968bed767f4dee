"""Time ``import skinlessons`` and loading the course data in fresh interpreters.

Each statement runs in a new Python process several times; the median wall time is compared
with a bare interpreter start. Prints the ratio and the seconds added, and whether the goal
(at most 0.3 s added) is met. It also lists any heavy library (matplotlib, ipywidgets,
nbconvert, numpy) that the statement imported, since none belongs on the import path.

Usage::

    python benchmarks/import_time.py [--runs N]
"""

from __future__ import annotations

import argparse
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
        "import skinlessons.chemistry, skinlessons.depth, skinlessons.suitability; "
        "import skinlessons.facts as f; f.load_facts()"
    ),
}


def run_once(statement: str) -> float:
    """Wall time in seconds of one fresh interpreter running ``statement``."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True)
    return time.perf_counter() - start


def median_time(statement: str, runs: int) -> float:
    """Median wall time in seconds over ``runs`` fresh interpreters (after one warm-up)."""
    run_once(statement)
    return statistics.median(run_once(statement) for _ in range(runs))


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

    bare = median_time(BASELINE, args.runs)
    print(f"bare interpreter start: {bare:.3f} s (median of {args.runs})")
    worst_added = 0.0
    for label, statement in STATEMENTS.items():
        total = median_time(statement, args.runs)
        added = total - bare
        worst_added = max(worst_added, added)
        heavy = heavy_imports(statement)
        print(
            f"{label:30s} {total:.3f} s  ratio {total / bare:4.2f}x  added {added:+.3f} s"
            f"  heavy imports: {', '.join(heavy) or 'none'}"
        )
    verdict = "met" if worst_added <= GOAL_ADDED_S else "NOT met"
    print(f"goal (import adds <= {GOAL_ADDED_S} s): {verdict}, worst added {worst_added:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
