"""The DuckDB store: an embedded file, one table per item kind, keyed by document id."""

from relata.store.connection import DEFAULT_DB, open_store
from relata.store.reader import export, query, record, records, stats
from relata.store.writer import (
    WriteResult,
    record_rows,
    stored_hash,
    stored_hashes,
    write_record,
    write_records,
)

__all__ = [
    "DEFAULT_DB", "open_store", "export", "query", "record", "records", "stats",
    "WriteResult", "record_rows", "stored_hash", "stored_hashes", "write_record", "write_records",
]
