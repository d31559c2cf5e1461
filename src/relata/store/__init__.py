"""The DuckDB store: an embedded file, one table per item kind, keyed by document id."""

from relata.store.connection import DEFAULT_DB, open_store
from relata.store.reader import export, query, record, records, stats
from relata.store.writer import WriteResult, stored_hash, write_record

__all__ = [
    "DEFAULT_DB", "open_store", "export", "query", "record", "records", "stats",
    "WriteResult", "stored_hash", "write_record",
]
