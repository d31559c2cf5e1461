"""Running the pipeline over many inputs: records for ``extract``, store updates for ``ingest``.

Both stream: documents are read, cleaned and parsed in batches, so memory does not grow with the
number of inputs. Errors come back as values, one per failed input, in input order. With
``workers`` > 1 the batches are parsed in worker processes (:mod:`relata.parallel`), a bounded
number at a time; the results, and the store writes, stay in this process and in input order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from relata.clean import clean_document
from relata.clean.document import CleanDocument
from relata.errors import InputError
from relata.ingest import DEFAULT_MAX_BYTES, RawDocument, read_inputs
from relata.parallel import ToClean, WorkerPool
from relata.records import DocumentRecord

if TYPE_CHECKING:
    import duckdb

BATCH_SIZE = 16
# Inputs whose stored hashes are looked up in one query, before any of them is cleaned or parsed.
LOOKUP_CHUNK = 256


@dataclass(frozen=True)
class IngestOutcome:
    source: str
    status: str  # added, replaced, linked, unchanged, failed
    document_id: str | None = None
    error: InputError | None = None


def cleaned_inputs(
    inputs: Iterable[str], published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    unchanged: Callable[[list[RawDocument]], list[bool]] | None = None, in_workers: bool = False,
) -> Iterator[tuple[RawDocument, CleanDocument | ToClean] | InputError | IngestOutcome]:
    """Cleaned documents of ``inputs`` in input order (see :func:`cleaned`)."""
    return cleaned(read_inputs(inputs, max_bytes=max_bytes), published, unchanged, in_workers)


def cleaned(
    raws: Iterable[RawDocument | InputError], published: str | None = None,
    unchanged: Callable[[list[RawDocument]], list[bool]] | None = None, in_workers: bool = False,
) -> Iterator[tuple[RawDocument, CleanDocument | ToClean] | InputError | IngestOutcome]:
    """``(raw, clean)`` pairs and errors, in order. ``unchanged`` is asked about chunks of raw
    documents at once; those it flags are reported as unchanged and never cleaned nor parsed.
    ``in_workers``: the documents are left for the worker processes to clean (``(raw, ToClean)``
    pairs; a document that cannot be cleaned comes back from them as an error in its place)."""
    raws = iter(raws)
    while chunk := list(islice(raws, LOOKUP_CHUNK)):
        documents = [raw for raw in chunk if isinstance(raw, RawDocument)]
        flagged = unchanged(documents) if unchanged is not None and documents else [False] * len(documents)
        flags = iter(flagged)
        for raw in chunk:
            if isinstance(raw, InputError):
                yield raw
            elif next(flags):
                yield IngestOutcome(raw.source, "unchanged")
            elif in_workers:
                yield raw, ToClean(raw, published)
            else:
                try:
                    yield raw, clean_document(raw, published=published)
                except InputError as exc:
                    yield exc


def extract_records(
    inputs: Iterable[str], published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = BATCH_SIZE, workers: int = 1, own_process: bool = False,
) -> Iterator[DocumentRecord | InputError]:
    """A record (or the reason there is none) for every document in ``inputs``, in order.

    ``own_process``: the caller owns this process (the command line), so once the model and
    tables are loaded to parse here they may be frozen out of garbage collection."""
    with _pool(workers) as pool:
        stream = cleaned_inputs(inputs, published, max_bytes, in_workers=pool is not None)
        for item, _raw in batched_records(stream, batch_size, pool, own_process):
            yield item


def ingest(
    con: duckdb.DuckDBPyConnection, inputs: Iterable[str], published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES, batch_size: int = BATCH_SIZE, workers: int = 1,
    own_process: bool = False,
) -> Iterator[IngestOutcome]:
    """Store every document of ``inputs``; unchanged ones are skipped before parsing
    (``own_process``: see :func:`extract_records`)."""

    # The store (and DuckDB) is imported where a store is used: `extract` never needs it (a
    # tenth of a second to import, and DuckDB's binding wants the collector's frozen objects
    # back at exit, a full collection of them: see pipeline.freeze_loaded).
    from relata.store import stored_hashes

    def unchanged(raws: list[RawDocument]) -> list[bool]:
        stored = stored_hashes(con, [raw.source for raw in raws])
        return [stored.get(raw.source) == source_hash(raw, published) for raw in raws]

    with _pool(workers) as pool:
        stream = cleaned_inputs(inputs, published, max_bytes, unchanged=unchanged, in_workers=pool is not None)
        yield from _stored(con, batched_records(stream, batch_size, pool, own_process), published, batch_size)


def source_hash(raw: RawDocument, published: str | None) -> str:
    """What the store keeps per source to tell an unchanged input: content and the date given."""
    return f"{raw.content_hash}:{published or ''}"


def batched_records(stream, batch_size: int, pool: WorkerPool | None = None, own_process: bool = False):
    """Pairs ``(result, raw)``: records for cleaned documents, other items passed through, all in
    input order. Documents are processed ``batch_size`` at a time; with a ``pool``, up to
    ``pool.window`` batches are in the workers at once, so memory stays bounded."""
    run = pool.submit if pool is not None else _InProcess(own_process).run
    in_flight = pool.window if pool is not None else 0
    window: deque = deque()
    items: list = []  # stream items since the last batch went out, documents and others
    documents: list[CleanDocument] = []
    for item in stream:
        if not documents and not window:
            if not isinstance(item, tuple):
                yield item, None  # nothing is waiting ahead of it
                continue
        items.append(item)
        if isinstance(item, tuple):
            documents.append(item[1])
            if len(documents) >= batch_size:
                window.append((items, run(documents, batch_size)))
                items, documents = [], []
                while len(window) > in_flight:
                    yield from _in_order(*window.popleft())
    if items:
        window.append((items, run(documents, batch_size) if documents else _Done([])))
    while window:
        yield from _in_order(*window.popleft())


@dataclass(frozen=True)
class _Done:
    results: list

    def result(self) -> list:
        return self.results


class _InProcess:
    """Batches parsed in this process. With ``own_process``, the model and tables are loaded
    before the first batch and then frozen out of garbage collection, as in a worker: they
    live as long as the process, and every full collection would walk them again."""

    def __init__(self, own_process: bool):
        self.freeze = own_process

    def run(self, documents: list[CleanDocument], batch_size: int) -> _Done:
        # Imported here: with workers, this process never parses, nor loads spaCy (half a second
        # before the first batch can go out).
        from relata.pipeline import freeze_loaded, process, warm_up

        if self.freeze:
            warm_up()
            freeze_loaded()
            self.freeze = False
        return _Done(list(process(documents, batch_size=batch_size)))


def _in_order(items: list, pending) -> Iterator[tuple]:
    results = iter(pending.result())
    for item in items:
        if isinstance(item, tuple):
            yield next(results), item[0]
        else:
            yield item, None


def _pool(workers: int):
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    return WorkerPool(workers) if workers > 1 else nullcontext(None)


def _stored(con, results, published: str | None, batch_size: int) -> Iterator[IngestOutcome]:
    """Outcomes in input order; records are written ``batch_size`` at a time, one transaction each."""
    from relata.store import write_records

    waiting: list[tuple] = []
    records = 0

    def flush() -> Iterator[IngestOutcome]:
        batch = [(item, raw.source, source_hash(raw, published))
                 for item, raw in waiting if isinstance(item, DocumentRecord)]
        written = iter(write_records(con, batch))
        for item, raw in waiting:
            if isinstance(item, DocumentRecord):
                result = next(written)
                yield IngestOutcome(raw.source, result.status, result.document_id)
            else:
                yield _outcome(item)
        waiting.clear()

    for item, raw in results:
        if not records and not isinstance(item, DocumentRecord):
            yield _outcome(item)
            continue
        waiting.append((item, raw))
        records += isinstance(item, DocumentRecord)
        if records >= batch_size:
            yield from flush()
            records = 0
    yield from flush()


def _outcome(item: IngestOutcome | InputError) -> IngestOutcome:
    return item if isinstance(item, IngestOutcome) else IngestOutcome(item.source, "failed", error=item)
