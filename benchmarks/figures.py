"""Time each figure and widget call the lessons make, in fresh processes, CPU time.

Every case runs in a new Python process (Agg backend, as an executing lesson uses) several
times. A child first runs the lesson's import cell, then imports the heavy libraries (``libs``:
matplotlib and ipywidgets, which the first figure of a lesson pays for), then makes the call
once (``first``: our modules' import and first-draw costs included) and again (``again``, the
median of a few calls, as a later cell of the same lesson pays). A call is what the lesson's
cell does: ``show_figure(*figures.plot_...())`` builds the PNG display bundle, a widget cell
builds the widget and its display bundle (the live view plus the static PNG).

Since the machine is shared, absolute times drift between runs; each child therefore also
times a fixed reference drawing: a plain matplotlib figure of the same size as the case's
figure (one axes, one line, a title) saved as PNG at the same dpi. The ratios ``first/ref``
and ``again/ref`` are comparable across runs and machines. ``--save FILE`` keeps a run as
JSON; ``--compare FILE`` prints each case's ratio after/before against such a saved run (by
the reference ratios, so machine load cancels out).

Usage::

    python benchmarks/figures.py [--runs N] [--only NAME ...] [--save FILE] [--compare FILE]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

AGAIN_CALLS = 3
REFERENCE_CALLS = 5
FIGURE_DPI = 100
"""What ``show_figure`` renders at."""
WIDGET_DPI = 80
"""What the widgets render at."""

IMPORT_CELL = (
    "from skinlessons import figures, lesson, quiz, widgets\n"
    "from skinlessons.display import show_figure\n"
    "from skinlessons.facts import load_facts\n"
    "facts = load_facts()\n"
)
"""Lesson 01's first cell, without its header (the header is lesson HTML, not a figure)."""


def _show(plot: Callable[[], tuple[Any, str]]) -> tuple[Any, float, int]:
    """What ``show_figure(*plot())`` does, without a kernel to display to."""
    from skinlessons.display import close_figure, figure_bundle

    figure, alt = plot()
    data, _ = figure_bundle(figure, alt)
    close_figure(figure)
    return figure, FIGURE_DPI, len(data["image/png"]) * 3 // 4


def _widget(build: Callable[[], Any]) -> tuple[Any, float, int]:
    """What a cell that returns a widget does: build it, then its display bundle."""
    app = build()
    data, _ = app._repr_mimebundle_()
    figure = app.chart.figure if hasattr(app, "chart") else app.live.figure
    return figure, WIDGET_DPI, len(data["image/png"]) * 3 // 4


def _figures() -> Any:
    from skinlessons import figures

    return figures


def _widgets() -> Any:
    from skinlessons import widgets

    return widgets


CASES: dict[str, Callable[[], tuple[Any, float, int]]] = {
    "plot_skin_cross_section (01, 05)": lambda: _show(_figures().plot_skin_cross_section),
    "plot_scar_surfaces (01)": lambda: _show(_figures().plot_scar_surfaces),
    "plot_pih_pie (01, 07)": lambda: _show(_figures().plot_pih_pie),
    "plot_frost (07)": lambda: _show(_figures().plot_frost),
    "plot_erythema_endpoint (07)": lambda: _show(_figures().plot_erythema_endpoint),
    "plot_free_acid_curve (03)": lambda: _show(
        lambda: _figures().plot_free_acid_curve(
            "glycolic", ph=3.83, concentration_pct=20, compare_ph=2.8
        )
    ),
    "depth_explorer() (02)": lambda: _widget(_widgets().depth_explorer),
    "depth_explorer('dermabrasion') (04)": lambda: _widget(
        lambda: _widgets().depth_explorer("dermabrasion")
    ),
    "depth render_state (04)": lambda: _show(
        lambda: (
            _widgets()
            .depth_explorer("diamond-microdermabrasion")
            .render_state(procedure_id="diamond-microdermabrasion", passes=1)
        )
    ),
    "acid_explorer() (03)": lambda: _widget(lambda: _widgets().acid_explorer(agent="glycolic")),
    "decision_aid() (06)": lambda: _widget(_widgets().decision_aid),
    "decision render_state (06, 07)": lambda: _show(
        lambda: (
            _widgets()
            .decision_aid()
            .render_state(phototype_id="IV", contraindication_ids=["isotretinoin"])
        )
    ),
    "scar_identifier() (01)": lambda: _widget(_widgets().scar_identifier),
}


def _cpu() -> float:
    return time.process_time()


def _reference(size: tuple[float, float], dpi: float) -> float:
    """CPU seconds of the fixed reference drawing: a plain figure of ``size`` saved as PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    start = _cpu()
    figure = Figure(figsize=size)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot([0, 1, 2, 3], [0, 1, 0, 1])
    axes.set_title("reference")
    figure.savefig(io.BytesIO(), format="png", dpi=dpi)
    return _cpu() - start


def child(name: str) -> dict[str, float]:
    """Run one case in this (fresh) process and return its times in seconds."""
    start = _cpu()
    exec(IMPORT_CELL, {})
    import_cell = _cpu() - start
    start = _cpu()
    import ipywidgets  # noqa: F401
    import matplotlib.backends.backend_agg
    import matplotlib.figure  # noqa: F401

    libs = _cpu() - start
    start = _cpu()
    figure, dpi, png_bytes = CASES[name]()
    first = _cpu() - start
    again = []
    for _ in range(AGAIN_CALLS):
        start = _cpu()
        CASES[name]()
        again.append(_cpu() - start)
    size = tuple(figure.get_size_inches())
    _reference(size, dpi)
    reference = statistics.median(_reference(size, dpi) for _ in range(REFERENCE_CALLS))
    return {
        "import_cell": import_cell,
        "libs": libs,
        "first": first,
        "again": statistics.median(again),
        "reference": reference,
        "png_bytes": float(png_bytes),
    }


def run_case(name: str, runs: int) -> dict[str, float]:
    """Medians over ``runs`` fresh processes of one case."""
    env = {**os.environ, "MPLBACKEND": "Agg"}
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, "--child", name],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def _ratios(result: dict[str, float]) -> tuple[float, float]:
    return result["first"] / result["reference"], result["again"] / result["reference"]


def report(results: dict[str, dict[str, float]], before: dict[str, dict[str, float]]) -> None:
    """Print one line per case (ms, ratios to the reference drawing, PNG size)."""
    head = f"{'case':38} {'libs':>6} {'first':>6} {'again':>6} {'ref':>5} {'1st/ref':>7}"
    head += f" {'ag/ref':>6} {'PNG kB':>6}"
    if before:
        head += f" {'1st a/b':>7} {'ag a/b':>6}"
    print(head)
    for name, r in results.items():
        first, again = _ratios(r)
        line = (
            f"{name:38} {1000 * r['libs']:6.0f} {1000 * r['first']:6.0f} "
            f"{1000 * r['again']:6.0f} {1000 * r['reference']:5.0f} {first:7.2f} {again:6.2f} "
            f"{r['png_bytes'] / 1000:6.1f}"
        )
        if name in before:
            old_first, old_again = _ratios(before[name])
            line += f" {first / old_first:7.2f} {again / old_again:6.2f}"
        print(line)
    cells = statistics.median(r["import_cell"] for r in results.values())
    print(f"\nlesson import cell (median over cases): {1000 * cells:.0f} ms CPU")
    print("times: CPU ms, median of fresh processes; ref: a plain figure of the same size as PNG")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=None, help="cases whose name contains this")
    parser.add_argument("--save", type=Path, help="write the results to this JSON file")
    parser.add_argument("--compare", type=Path, help="a JSON file from an earlier --save")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.stdout, real = io.StringIO(), sys.stdout  # the lesson header prints nothing here
        result = child(args.child)
        sys.stdout = real
        print(json.dumps(result))
        return
    names = [n for n in CASES if not args.only or any(part in n for part in args.only)]
    results = {name: run_case(name, args.runs) for name in names}
    before = json.loads(args.compare.read_text("utf-8")) if args.compare else {}
    report(results, before)
    if args.save:
        args.save.write_text(json.dumps(results, indent=1), "utf-8")


if __name__ == "__main__":
    main()
