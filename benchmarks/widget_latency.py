"""Time one widget update (a control changes -> figure redrawn -> PNG ready), Agg backend.

For each widget, the in-place update (set a control's value: the callback updates the artists
of the one figure, redraws only what changed over a cached background and encodes the PNG the
live view shows) is compared, in the same run, with a naive ``ipywidgets.interact``-style
update that builds a new figure for the new state and renders it as the notebook's inline
backend does (``savefig(format="png", bbox_inches="tight")``). The static PNG in the widget's
display bundle reuses the live picture, so it costs nothing extra per update.

Prints p50 and p95 per widget and the speed-up. Goal: p95 <= 50 ms and >= 3x faster than naive.
Run: ``python benchmarks/widget_latency.py [--updates N]``.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")

from skinlessons.widgets import (
    acid_explorer,
    decision_aid,
    depth_explorer,
    scar_identifier,
)

GOAL_P95_S = 0.050
GOAL_SPEEDUP = 3.0
DPI = 80


@dataclass(frozen=True)
class Case:
    """A widget, a way to move one of its controls, and the state that move produces."""

    name: str
    build: Callable[[], Any]
    move: Callable[[Any, int], None]
    state: Callable[[Any], dict[str, Any]]


def _acid_move(app: Any, step: int) -> None:
    app.ph.value = round(2.0 + 0.05 * (step % 60), 2)


def _depth_move(app: Any, step: int) -> None:
    app.passes.value = 1 + step % 6


def _decision_move(app: Any, step: int) -> None:
    box = app.checks["isotretinoin"]
    box.value = not box.value


def _scar_move(app: Any, step: int) -> None:
    box = app.checks["narrow" if step % 2 else "v-shaped"]
    box.value = not box.value


CASES = [
    Case(
        "depth explorer",
        lambda: depth_explorer("crystal-microdermabrasion"),
        _depth_move,
        lambda app: vars(app.state),
    ),
    Case("acid explorer", acid_explorer, _acid_move, lambda app: vars(app.state)),
    Case(
        "decision aid",
        decision_aid,
        _decision_move,
        lambda app: {
            "scar_id": app.state.scar_id,
            "phototype_id": app.state.phototype_id,
            "contraindication_ids": sorted(app.state.contraindication_ids),
        },
    ),
    Case(
        "scar identifier",
        scar_identifier,
        _scar_move,
        lambda app: {"features": list(app.state.features)},
    ),
]


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p95) of ``samples``, in the samples' unit."""
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]


Samples = tuple[list[float], list[float]]
"""Wall-clock and CPU seconds, one pair per update."""


def time_in_place(case: Case, updates: int) -> Samples:
    """Seconds per in-place update: set a control, the callback redraws and encodes the PNG."""
    app = case.build()
    case.move(app, 0)  # warm caches (fonts, background)
    wall, cpu = [], []
    for step in range(1, updates + 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        case.move(app, step)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def time_naive(case: Case, updates: int) -> Samples:
    """Seconds per naive update: a new figure for the new state, rendered like inline plots."""
    app = case.build()
    wall, cpu = [], []
    for step in range(1, updates + 1):
        case.move(app, step)  # only to get the next state; not timed
        state = case.state(app)
        start, start_cpu = time.perf_counter(), time.process_time()
        figure, _alt = app.render_state(**state)
        figure.savefig(io.BytesIO(), format="png", dpi=DPI, bbox_inches="tight")
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=60, help="updates timed per widget")
    args = parser.parse_args()
    print(f"load average (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    header = "in-place p50 / p95      naive p50 / p95       speed-up"
    print(f"{'widget':<16} {'clock':<5} {header}  goal (p95, speed-up)")
    all_met = True
    for case in CASES:
        fast, slow = time_in_place(case, args.updates), time_naive(case, args.updates)
        for label, index in (("wall", 0), ("cpu", 1)):
            fast_p50, fast_p95 = percentiles(fast[index])
            slow_p50, slow_p95 = percentiles(slow[index])
            speedup = slow_p50 / fast_p50
            met = fast_p95 <= GOAL_P95_S and speedup >= GOAL_SPEEDUP
            if label == "wall":
                all_met &= met
            print(
                f"{case.name if index == 0 else '':<16} {label:<5} "
                f"{1000 * fast_p50:>6.1f} / {1000 * fast_p95:>5.1f} ms   "
                f"{1000 * slow_p50:>7.1f} / {1000 * slow_p95:>6.1f} ms   {speedup:>6.1f}x  "
                f"{'met' if met else 'NOT met'}"
            )
    print(
        f"Goal on wall-clock time: p95 <= {1000 * GOAL_P95_S:.0f} ms and >= {GOAL_SPEEDUP:g}x "
        f"faster than naive: {'met for every widget' if all_met else 'not met for every widget'}"
        ". CPU time shows the cost without other processes competing for the CPUs."
    )


if __name__ == "__main__":
    main()
