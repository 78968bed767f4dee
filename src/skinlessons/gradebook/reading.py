"""Read the submission files ahead of the grader, on the other cores, in file order.

Reading a file (size limit, decoding, JSON, the lenient parse, the content hash) is the largest
part of a run and needs nothing but the file, so a large batch reads in forked worker
processes while this process grades and stores, one file after another, in the same order as
a serial run: the outputs are identical. A small batch, or a machine with one core or without
``fork``, reads in this process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from .._util.forked import forked_map, worker_count
from .intake import display_name, read_submission
from .records import Rejected, Submission
from .summary import internal_error

Read = Submission | Rejected | str
"""A file read: a submission, a rejection, or the internal-error reason of a reading crash."""


def reading_workers(files: int) -> int:
    """Worker processes for a batch of ``files``: one per core beyond this one, or none."""
    return worker_count(files, alongside=True)


def read_files(
    paths: Sequence[Path], root: Path, limit: int, workers: int | None = None
) -> Iterator[Read]:
    """Each file of ``paths`` read, in order (``workers``: processes; default by batch size)."""

    def read(index: int) -> Read:
        path = paths[index]
        try:
            return read_submission(path, root, limit=limit)
        except Exception as error:  # defence in depth: this file alone is rejected
            return internal_error("reading", display_name(path, root), error)

    count = reading_workers(len(paths)) if workers is None else workers
    return forked_map(read, len(paths), count)
