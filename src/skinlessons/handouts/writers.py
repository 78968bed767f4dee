"""Each edition's writer runs beside the kernels, in a forked process where the platform forks.

A forked writer sets nbconvert up and writes the assets and forms while the first kernels are
still running, then exports each lesson's page as soon as its kernel is done, so exporting
overlaps executing instead of following it. Its progress lines come back to this process as
they happen. It is forked before any kernel starts (so no kernel connection is inherited).
With one job (``--jobs 1``), or where the platform cannot fork, the writers work in this
process, page by page, the same way.
"""

from __future__ import annotations

import multiprocessing
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

from .._util.forked import can_fork
from .edition_writer import EditionOutcome, EditionWriter, writer_failed
from .editions import Edition
from .pages import EditionJob, LessonPage
from .report import Progress


class Writer(Protocol):
    """One edition's writer, wherever it runs."""

    def add(self, stem: str, lesson: LessonPage | None) -> None:
        """A lesson is ready (None: it failed)."""

    def finish(self) -> EditionOutcome:
        """Every lesson is in: write the rest and say what was written."""


def _serve(connection: Connection, writer: EditionWriter) -> None:
    """The forked writer: prepare, export each lesson sent, finish, send back the outcome."""
    try:
        writer.progress = lambda line: connection.send(("progress", line))
        writer.prepare()
        while (message := connection.recv())[0] == "add":
            writer.add(message[1], message[2])
        connection.send(("done", writer.finish()))
    except BaseException:
        connection.send(("error", traceback.format_exc(limit=-3)))
    finally:
        connection.close()


class _Forked:
    """A writer in a forked process, talked to over a pipe; a thread relays its progress."""

    def __init__(self, writer: EditionWriter, progress: Progress) -> None:
        self.edition = writer.edition
        context = multiprocessing.get_context("fork")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, writer), daemon=True)
        self._process.start()
        child.close()
        self._outcome: EditionOutcome | None = None
        self._error = ""
        self._relay = threading.Thread(target=self._listen, args=(progress,), daemon=True)
        self._relay.start()

    def _listen(self, progress: Progress) -> None:
        try:
            while True:
                kind, value = self._connection.recv()
                if kind == "progress":
                    progress(value)
                    continue
                if kind == "done":
                    self._outcome = value
                else:
                    self._error = str(value).strip().splitlines()[-1]
                return
        except (EOFError, OSError):
            self._error = "its process stopped unexpectedly"

    def add(self, stem: str, lesson: LessonPage | None) -> None:
        with suppress(OSError):  # the writer has stopped; finish() says why
            self._connection.send(("add", stem, lesson))

    def finish(self) -> EditionOutcome:
        with suppress(OSError):
            self._connection.send(("finish",))
        self._relay.join()
        self._process.join()
        self._connection.close()
        if self._outcome is not None:
            return self._outcome
        return writer_failed(self.edition, self._error)

    def stop(self) -> None:
        """End the process early (the build is being abandoned)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()


def _reason(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


class _Here:
    """A writer in this process; an error stops its edition only, as in a forked writer."""

    def __init__(self, writer: EditionWriter) -> None:
        self._writer = writer
        self._error = ""

    def add(self, stem: str, lesson: LessonPage | None) -> None:
        if self._error:
            return
        try:
            self._writer.add(stem, lesson)
        except Exception as exc:  # the edition stops; finish() says why
            self._error = _reason(exc)

    def finish(self) -> EditionOutcome:
        if not self._error:
            try:
                return self._writer.finish()
            except Exception as exc:  # as a forked writer would report it
                self._error = _reason(exc)
        return writer_failed(self._writer.edition, self._error)


@contextmanager
def edition_writers(
    editions: tuple[Edition, ...], job: EditionJob, out: Path, progress: Progress, *, fork: bool
) -> Iterator[list[Writer]]:
    """One writer per edition, forked if asked and possible; stopped if the build is abandoned."""
    made = [EditionWriter(edition, job, out, progress) for edition in editions]
    if not (fork and can_fork()):
        yield [_Here(writer) for writer in made]
        return
    forked = [_Forked(writer, progress) for writer in made]
    try:
        yield list(forked)
    except BaseException:
        for writer in forked:
            writer.stop()
        raise
