"""Time reading the course's YAML files: the quick reader against the careful one.

Run: ``python benchmarks/yaml_read.py [--repeat N]``. Reads every file of ``quizzes/`` and the
package's data folder ``N`` times (default 3) with ``read_yaml`` (the quick reader, which a
clean file never leaves) and with the careful ruamel.yaml parse alone, and prints the best CPU
time of each and their ratio. A third line times ``read_yaml`` followed by one ``line_of`` per
file, the cost of a file that has a problem to report.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from skinlessons._util.yamllines import careful_load
from skinlessons._util.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parents[1]


def course_files() -> list[Path]:
    return sorted(
        [
            *(ROOT / "quizzes").glob("*.yaml"),
            *(ROOT / "src" / "skinlessons" / "data").glob("*.yaml"),
        ]
    )


def best_cpu(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    files = course_files()
    texts = [path.read_text(encoding="utf-8") for path in files]
    quick = best_cpu(lambda: [read_yaml(path) for path in files], repeat)
    careful = best_cpu(lambda: [careful_load(text) for text in texts], repeat)
    located = best_cpu(lambda: [read_yaml(path).line_of(("id",)) for path in files], repeat)
    print(f"{len(files)} files, {sum(map(len, texts)) // 1024} kB, best CPU time of {repeat}:")
    print(f"  read_yaml (quick reader)   {quick:7.3f} s")
    print(f"  careful parse alone        {careful:7.3f} s   quick/careful = {quick / careful:.3f}")
    print(f"  read_yaml, then a line     {located:7.3f} s   (a file with a problem)")


if __name__ == "__main__":
    main()
