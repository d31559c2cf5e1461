"""Writing records: one transaction per batch of documents, so a crash never leaves half a document.

A record becomes rows by :func:`record_rows`, the one mapping from records to the store's columns
(the Spark job writes the same rows as Parquet). Rows go into DuckDB as Arrow tables, one insert
per table and batch, which is far cheaper than a statement per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from relata.records import DocumentRecord
from relata.store.schema import ITEM_TABLES, RECORD_TABLES, written_columns

ARROW_TYPES = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}
_BATCH_VIEW = "_relata_batch"


@dataclass(frozen=True)
class WriteResult:
    status: str  # "added", "replaced", "linked" (same text already stored under another source)
    document_id: str


def record_rows(r: DocumentRecord) -> dict[str, list[tuple]]:
    """The rows of ``r`` for every table a record fills, in ``written_columns`` order."""
    return {
        "documents": [
            (r.id, r.source, r.title, r.author, r.outlet, r.published, r.language, r.text, list(r.warnings))
        ],
        "document_actors": [
            (r.id, a.id, a.name, a.kind, a.country, list(a.aliases), i, a.sector) for i, a in enumerate(r.actors)
        ],
        "entities": [(r.id, i, e.start, e.end, e.text, e.label, e.actor) for i, e in enumerate(r.entities)],
        "quotes": [
            (r.id, i, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_name, q.cue)
            for i, q in enumerate(r.quotes)
        ],
        "events": [
            (r.id, i, e.start, e.end, e.trigger, e.type, e.mode, float(e.intensity), e.source, e.target,
             e.date, e.attributed_to, *_location_row(e.location), e.cameo)
            for i, e in enumerate(r.events)
        ],
        "claims": [
            (r.id, i, c.start, c.end, c.text, float(c.value), c.unit, c.qualifier, c.measure, c.period,
             c.change, c.attributed_to)
            for i, c in enumerate(r.claims)
        ],
        "times": [(r.id, i, t.start, t.end, t.text, t.value) for i, t in enumerate(r.times)],
    }


def _location_row(location) -> tuple:
    if location is None:
        return None, None, None, None
    return location.name, location.country, location.lat, location.lon


def arrow_table(table: str, rows: Sequence[tuple]) -> pa.Table:
    """``rows`` of ``table`` as an Arrow table with the store's column names and types."""
    names, kinds = zip(*written_columns(table), strict=True)
    values = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    arrays = [pa.array(list(v), type=ARROW_TYPES[k]) for v, k in zip(values, kinds, strict=True)]
    return pa.Table.from_arrays(arrays, names=list(names))


def stored_hash(con: duckdb.DuckDBPyConnection, source: str) -> str | None:
    """The content hash recorded for ``source``, or ``None`` when it was never stored."""
    return stored_hashes(con, [source]).get(source)


def stored_hashes(con: duckdb.DuckDBPyConnection, sources: Sequence[str]) -> dict[str, str]:
    """The content hashes recorded for those of ``sources`` the store holds, in one query."""
    if not sources:
        return {}
    return dict(con.execute(
        "SELECT s.source, s.content_hash FROM sources s JOIN documents d ON d.id = s.document_id "
        "WHERE s.source IN (SELECT unnest(?))",
        [list(sources)],
    ).fetchall())


def write_record(
    con: duckdb.DuckDBPyConnection, record: DocumentRecord, source_key: str, content_hash: str
) -> WriteResult:
    """Store ``record`` for ``source_key``, replacing what that source held before, atomically."""
    return write_records(con, [(record, source_key, content_hash)])[0]


def write_records(
    con: duckdb.DuckDBPyConnection, items: Sequence[tuple[DocumentRecord, str, str]]
) -> list[WriteResult]:
    """Store each ``(record, source_key, content_hash)`` in one transaction, with the same outcome
    as calling :func:`write_record` on them in order."""
    if not items:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        results = _write_batch(con, items)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return results


@dataclass
class _Pending:
    """Rows waiting for their one insert per table."""

    rows: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in RECORD_TABLES})
    sources: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    def add(self, record: DocumentRecord) -> None:
        for table, rows in record_rows(record).items():
            self.rows[table].extend(rows)

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        added = [row[0] for row in self.rows["documents"]]
        for table, rows in self.rows.items():
            _insert(con, f"INSERT INTO {table}", table, rows)
            rows.clear()
        mark_pending(con, added)
        if self.sources:
            _insert(con, "INSERT OR REPLACE INTO sources", "sources", list(self.sources.values()),
                    stamp="updated_at")
            self.sources.clear()


def _write_batch(con: duckdb.DuckDBPyConnection, items: Sequence[tuple[DocumentRecord, str, str]]):
    keys = [key for _, key, _ in items]
    held = dict(con.execute(
        "SELECT source, document_id FROM sources WHERE source IN (SELECT unnest(?))", [keys]
    ).fetchall())
    stored = _stored_ids(con, {record.id for record, _, _ in items})
    pending = _Pending()
    results = []
    for record, key, content_hash in items:
        previous = held.get(key)
        replaced = previous is not None and previous != record.id
        if replaced:
            pending.flush(con)  # the orphan check below must see every earlier write
            if _drop_if_orphaned(con, previous, key):
                stored.discard(previous)
        exists = record.id in stored
        if not exists:
            pending.add(record)
            stored.add(record.id)
        pending.sources[key] = (key, record.id, content_hash)
        held[key] = record.id
        results.append(WriteResult("replaced" if replaced else "linked" if exists else "added", record.id))
    pending.flush(con)
    return results


def _stored_ids(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    rows = con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
    return {row[0] for row in rows}


def _insert(con, statement: str, table: str, rows: list[tuple], stamp: str | None = None) -> None:
    if not rows:
        return
    names = [name for name, _ in written_columns(table)]
    target = ", ".join(f'"{name}"' for name in names + ([stamp] if stamp else []))
    select = "SELECT *" + (", current_timestamp" if stamp else "")
    con.register(_BATCH_VIEW, arrow_table(table, rows))
    try:
        con.execute(f"{statement} ({target}) {select} FROM {_BATCH_VIEW}")
    finally:
        con.unregister(_BATCH_VIEW)


def _drop_if_orphaned(con: duckdb.DuckDBPyConnection, document_id: str, source_key: str) -> bool:
    others = con.execute(
        "SELECT count(*) FROM sources WHERE document_id = ? AND source <> ?", [document_id, source_key]
    ).fetchall()[0][0]  # fetchall: a half-read result would block the next register()
    if others == 0:
        delete_document(con, document_id)
    return others == 0


def delete_document(con: duckdb.DuckDBPyConnection, document_id: str) -> None:
    for table in ITEM_TABLES:
        con.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    con.execute("DELETE FROM documents WHERE id = ?", [document_id])
    mark_pending(con, [document_id])


def mark_pending(con: duckdb.DuckDBPyConnection, document_ids: Sequence[str]) -> None:
    """Note documents added or removed, in the caller's transaction, for the next update of the
    derived tables (``relata.analyze.derived``)."""
    if document_ids:
        con.execute("INSERT OR IGNORE INTO derive_pending SELECT unnest(?)", [list(document_ids)])
