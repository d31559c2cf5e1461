"""Writing records: one transaction per document, so a crash never leaves half a document."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from relata.records import DocumentRecord
from relata.store.schema import ITEM_TABLES


@dataclass(frozen=True)
class WriteResult:
    status: str  # "added", "replaced", "linked" (same text already stored under another source)
    document_id: str


def stored_hash(con: duckdb.DuckDBPyConnection, source: str) -> str | None:
    """The content hash recorded for ``source``, or ``None`` when it was never stored."""
    row = con.execute(
        "SELECT s.content_hash FROM sources s JOIN documents d ON d.id = s.document_id WHERE s.source = ?",
        [source],
    ).fetchone()
    return row[0] if row else None


def write_record(
    con: duckdb.DuckDBPyConnection, record: DocumentRecord, source_key: str, content_hash: str
) -> WriteResult:
    """Store ``record`` for ``source_key``, replacing what that source held before, atomically."""
    con.execute("BEGIN TRANSACTION")
    try:
        previous = con.execute("SELECT document_id FROM sources WHERE source = ?", [source_key]).fetchone()
        exists = con.execute("SELECT 1 FROM documents WHERE id = ?", [record.id]).fetchone() is not None
        if previous and previous[0] != record.id:
            _drop_if_orphaned(con, previous[0], source_key)
        if not exists:
            _insert_document(con, record)
        con.execute(
            "INSERT OR REPLACE INTO sources (source, document_id, content_hash, updated_at) "
            "VALUES (?, ?, ?, current_timestamp)",
            [source_key, record.id, content_hash],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if previous and previous[0] != record.id:
        return WriteResult("replaced", record.id)
    return WriteResult("added" if not exists else "linked", record.id)


def _drop_if_orphaned(con: duckdb.DuckDBPyConnection, document_id: str, source_key: str) -> None:
    others = con.execute(
        "SELECT count(*) FROM sources WHERE document_id = ? AND source <> ?", [document_id, source_key]
    ).fetchone()[0]
    if others == 0:
        delete_document(con, document_id)


def delete_document(con: duckdb.DuckDBPyConnection, document_id: str) -> None:
    for table in ITEM_TABLES:
        con.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    con.execute("DELETE FROM documents WHERE id = ?", [document_id])


def _insert_document(con: duckdb.DuckDBPyConnection, r: DocumentRecord) -> None:
    con.execute(
        "INSERT INTO documents (id, source, title, author, outlet, published, language, text, warnings) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [r.id, r.source, r.title, r.author, r.outlet, r.published, r.language, r.text, list(r.warnings)],
    )
    _insert_many(con, "document_actors", [
        (r.id, a.id, a.name, a.kind, a.country, list(a.aliases), i) for i, a in enumerate(r.actors)
    ])
    _insert_many(con, "entities", [
        (r.id, i, e.start, e.end, e.text, e.label, e.actor) for i, e in enumerate(r.entities)
    ])
    _insert_many(con, "quotes", [
        (r.id, i, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_name, q.cue)
        for i, q in enumerate(r.quotes)
    ])
    _insert_many(con, "events", [
        (r.id, i, e.start, e.end, e.trigger, e.type, e.mode, float(e.intensity), e.source, e.target,
         e.date, e.attributed_to, e.location.name if e.location else None,
         e.location.country if e.location else None)
        for i, e in enumerate(r.events)
    ])
    _insert_many(con, "claims", [
        (r.id, i, c.start, c.end, c.text, float(c.value), c.unit, c.qualifier, c.measure, c.period,
         c.change, c.attributed_to)
        for i, c in enumerate(r.claims)
    ])
    _insert_many(con, "times", [
        (r.id, i, t.start, t.end, t.text, t.value) for i, t in enumerate(r.times)
    ])


def _insert_many(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" for _ in rows[0])
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
