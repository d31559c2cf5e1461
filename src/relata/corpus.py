"""Running the pipeline over many inputs: records for ``extract``, store updates for ``ingest``.

Both stream: documents are read, cleaned and parsed in batches, so memory does not grow with the
number of inputs. Errors come back as values, one per failed input, in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import duckdb

from relata.clean import clean_document
from relata.clean.document import CleanDocument
from relata.errors import InputError
from relata.ingest import DEFAULT_MAX_BYTES, RawDocument, read_inputs
from relata.pipeline import process
from relata.records import DocumentRecord
from relata.store import stored_hash, write_record

BATCH_SIZE = 16


@dataclass(frozen=True)
class IngestOutcome:
    source: str
    status: str  # added, replaced, linked, unchanged, failed
    document_id: str | None = None
    error: InputError | None = None


def cleaned_inputs(
    inputs: Iterable[str], published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    skip: Callable[[RawDocument], bool] | None = None,
) -> Iterator[tuple[RawDocument, CleanDocument] | InputError | IngestOutcome]:
    for raw in read_inputs(inputs, max_bytes=max_bytes):
        if isinstance(raw, InputError):
            yield raw
            continue
        if skip is not None and skip(raw):
            yield IngestOutcome(raw.source, "unchanged")
            continue
        try:
            yield raw, clean_document(raw, published=published)
        except InputError as exc:
            yield exc


def extract_records(
    inputs: Iterable[str], published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = BATCH_SIZE,
) -> Iterator[DocumentRecord | InputError]:
    """A record (or the reason there is none) for every document in ``inputs``, in order."""
    for item, _raw in batched_records(cleaned_inputs(inputs, published, max_bytes), batch_size):
        yield item


def ingest(
    con: duckdb.DuckDBPyConnection, inputs: Iterable[str], published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES, batch_size: int = BATCH_SIZE,
) -> Iterator[IngestOutcome]:
    """Store every document of ``inputs``; unchanged ones are skipped before parsing."""

    def unchanged(raw: RawDocument) -> bool:
        return stored_hash(con, raw.source) == source_hash(raw, published)

    stream = cleaned_inputs(inputs, published, max_bytes, skip=unchanged)
    for item, raw in batched_records(stream, batch_size):
        if isinstance(item, IngestOutcome):
            yield item
        elif isinstance(item, InputError):
            yield IngestOutcome(item.source, "failed", error=item)
        else:
            result = write_record(con, item, raw.source, source_hash(raw, published))
            yield IngestOutcome(raw.source, result.status, result.document_id)


def source_hash(raw: RawDocument, published: str | None) -> str:
    """What the store keeps per source to tell an unchanged input: content and the date given."""
    return f"{raw.content_hash}:{published or ''}"


def batched_records(stream, batch_size: int):
    """Pairs ``(result, raw)``: records for cleaned documents, other items passed through in order."""
    pending: list[tuple[RawDocument, CleanDocument]] = []

    def flush():
        cleaned = [clean for _, clean in pending]
        for (raw, _), result in zip(pending, process(cleaned, batch_size=batch_size), strict=True):
            yield result, raw
        pending.clear()

    for item in stream:
        if isinstance(item, tuple):
            pending.append(item)
            if len(pending) >= batch_size:
                yield from flush()
        else:
            # Keep input order: documents waiting in the batch go out before this item.
            yield from flush()
            yield item, None
    yield from flush()
