"""Parsing and extraction in worker processes, for ``ingest --workers N`` and ``extract --workers N``.

Each worker is a fresh interpreter (the ``spawn`` start method: no inherited locks or threads, the
same on Linux and macOS) that loads the spaCy model once and then turns batches of cleaned
documents into records. Records travel back pickled as the frozen dataclasses they are. The
caller decides how many batches are in flight (:attr:`WorkerPool.window`), keeps input order and
does all writing, so a single process owns the store.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from relata.clean.document import CleanDocument
from relata.errors import ExtractionError, InputError
from relata.ingest.raw import RawDocument
from relata.records import DocumentRecord

START_METHOD = "spawn"


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it): what the
    commands use unless told ``--workers N``."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # macOS, Windows
        return max(1, os.cpu_count() or 1)


PARENT_CHECK_SECONDS = 1.0
PR_SET_PDEATHSIG = 1  # prctl(2)


class WorkerPool:
    """``workers`` processes; started on the first batch, so a run with nothing to parse (an
    unchanged corpus) never loads the model. Use as a context manager."""

    def __init__(self, workers: int):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        # Two batches per worker: one being parsed, one queued, so no worker waits for input.
        self.window = 2 * workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, documents: list[CleanDocument], batch_size: int) -> PendingBatch:
        """Start processing ``documents``; the returned handle's ``result()`` gives the records."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(START_METHOD),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
        return PendingBatch(self._executor.submit(_process_batch, documents, batch_size))

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


@dataclass(frozen=True)
class PendingBatch:
    future: Future

    def result(self) -> list[DocumentRecord | InputError]:
        return [item.error() if isinstance(item, _Failure) else item for item in self.future.result()]


@dataclass(frozen=True)
class ToClean:
    """A raw document the worker cleans before parsing (``clean_document(raw, published)``), so
    that cleaning, language identification included, is spread over the workers too."""

    raw: RawDocument
    published: str | None = None


@dataclass(frozen=True)
class _Failure:
    """An :class:`InputError` in transit (exceptions with extra arguments do not unpickle)."""

    source: str
    reason: str
    kind: type[InputError] = ExtractionError
    line: int | None = None

    def error(self) -> InputError:
        return self.kind(self.source, self.reason, self.line)


def _start_worker(parent: int) -> None:
    from relata.pipeline import freeze_loaded, warm_up

    # the pool's own process, passed in: a parent killed while this one was still starting is
    # already gone by now, and os.getppid() would name whoever adopted the orphan
    _exit_with_parent(parent)
    # This process exists to parse: the model and tables live as long as it does.
    warm_up()
    freeze_loaded()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (``kill -9`` mid-ingest) would wait for work forever: it
    leaves as soon as it is orphaned."""

    try:  # Linux: the kernel ends the worker with its parent
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(0)  # the parent died before the request took effect

    def watch() -> None:  # elsewhere, and as a second guard: look every second
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="relata-parent-watch", daemon=True).start()


def _process_batch(documents: list[CleanDocument | ToClean], batch_size: int) -> list[DocumentRecord | _Failure]:
    from relata.clean import clean_document
    from relata.pipeline import process

    results: list = []
    cleaned: list[CleanDocument] = []
    for document in documents:
        if isinstance(document, ToClean):
            try:
                document = clean_document(document.raw, published=document.published)
            except InputError as exc:
                results.append(_Failure(exc.source, exc.reason, type(exc), exc.line))
                continue
        results.append(None)  # filled in order below
        cleaned.append(document)
    records = iter(process(cleaned, batch_size=batch_size))
    return [
        _failure(next(records)) if item is None else item for item in results
    ]


def _failure(item: DocumentRecord | InputError) -> DocumentRecord | _Failure:
    if isinstance(item, InputError):
        return _Failure(item.source, item.reason, type(item), item.line)
    return item
