"""Reading the store back: counts, whole records, read-only SQL, and exports."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb

from relata.errors import QueryError
from relata.records import (
    Actor,
    Claim,
    DocumentRecord,
    EntityMention,
    Event,
    Location,
    Quote,
    TimeExpression,
    to_dict,
)
from relata.store.schema import ITEM_TABLES, select_columns

COUNTED = ("documents", "actors", "entities", "quotes", "events", "claims", "times")
EXPORT_TABLES = ("documents", "sources", "actors") + ITEM_TABLES
_WRITE_SQL = re.compile(
    r"^\s*(insert|update|delete|create|drop|alter|attach|detach|copy|export|import|install|load|"
    r"pragma|set|call|checkpoint|vacuum|begin|commit|rollback)\b",
    re.IGNORECASE,
)


def stats(con: duckdb.DuckDBPyConnection) -> dict:
    """Counts of documents and of every item kind, plus the most quoted speakers."""
    out = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in COUNTED}
    out["sources"] = con.execute("SELECT count(*) FROM sources").fetchone()[0]
    out["top_speakers"] = [
        {"speaker": name, "quotes": n}
        for name, n in con.execute(
            "SELECT speaker_name, count(*) AS n FROM quotes WHERE speaker_name IS NOT NULL "
            "GROUP BY speaker_name ORDER BY n DESC, speaker_name LIMIT 5"
        ).fetchall()
    ]
    return out


def _check_read_only(sql: str) -> None:
    if _WRITE_SQL.match(sql):
        raise QueryError("only read-only queries are allowed (SELECT, WITH, DESCRIBE, SHOW ...)")


def query_table(con: duckdb.DuckDBPyConnection, sql: str):
    """A read-only query's result as an Arrow table."""
    _check_read_only(sql)
    try:
        relation = con.sql(sql)
        if relation is None:  # a statement without a result
            import pyarrow as pa

            return pa.table({})
        return relation.to_arrow_table()
    except duckdb.Error as exc:
        raise QueryError(str(exc).strip().splitlines()[0]) from None


def query(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    """Column names and rows of a read-only query."""
    _check_read_only(sql)
    try:
        cursor = con.execute(sql)
    except duckdb.Error as exc:
        raise QueryError(str(exc).strip().splitlines()[0]) from None
    if cursor.description is None:
        return [], []
    return [d[0] for d in cursor.description], cursor.fetchall()


def records(con: duckdb.DuckDBPyConnection) -> Iterator[DocumentRecord]:
    """Every stored document as a full record, in a stable order (publication date, then id)."""
    ids = [row[0] for row in con.execute("SELECT id FROM documents ORDER BY published NULLS LAST, id").fetchall()]
    for document_id in ids:
        yield record(con, document_id)


def record(con: duckdb.DuckDBPyConnection, document_id: str) -> DocumentRecord | None:
    row = con.execute(
        "SELECT id, source, title, author, outlet, published, language, text, warnings "
        "FROM documents WHERE id = ?",
        [document_id],
    ).fetchone()
    if row is None:
        return None

    def items(table: str, columns: str) -> list[tuple]:
        # columns: a select list; see select_columns for stores written by an older Relata
        return con.execute(
            f"SELECT {columns} FROM {table} WHERE document_id = ? ORDER BY position", [document_id]
        ).fetchall()

    actors = tuple(
        Actor(id=a, name=n, kind=k, country=c, aliases=tuple(al or ()), sector=s)
        for a, n, k, c, al, s in items("document_actors", select_columns(
            con, "document_actors", ["actor_id", "name", "kind", "country", "aliases", "sector"]))
    )
    event_columns = select_columns(con, "events", [
        "start", "end", "trigger", "type", "mode", "intensity", "source", "target", "date", "attributed_to",
        "location_name", "location_country", "location_lat", "location_lon", "cameo"])
    events = tuple(
        Event(*e[:10], location=Location(*e[10:14]) if e[10] else None, cameo=e[14])
        for e in items("events", event_columns)
    )
    return DocumentRecord(
        id=row[0], source=row[1], title=row[2], author=row[3], outlet=row[4], published=row[5],
        language=row[6], text=row[7], warnings=tuple(row[8] or ()),
        entities=tuple(EntityMention(*e) for e in items("entities", 'start, "end", text, label, actor')),
        actors=actors,
        quotes=tuple(Quote(*q) for q in items(
            "quotes", 'start, "end", text, kind, speaker, speaker_name, cue')),
        events=events,
        claims=tuple(Claim(*c) for c in items(
            "claims", 'start, "end", text, value, unit, qualifier, measure, period, change, attributed_to')),
        times=tuple(TimeExpression(*t) for t in items("times", 'start, "end", text, value')),
    )


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: Path) -> list[Path]:
    """Write the store as JSON Lines records (one file) or CSV/Parquet tables (one file per table)."""
    out = Path(out)
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for rec in records(con):
                handle.write(json.dumps(to_dict(rec), ensure_ascii=False) + "\n")
        return [out]
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown export format {fmt!r} (jsonl, csv, parquet)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in EXPORT_TABLES:
        path = out / f"{table}.{fmt}"
        arrow = con.sql(f"SELECT * FROM {table}").to_arrow_table()
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(arrow, path)
        else:
            _write_csv(arrow, path)
        written.append(path)
    return written


def _write_csv(arrow, path: Path) -> None:
    # Lists (aliases, warnings) become JSON strings: one cell, readable by any CSV tool.
    rows = arrow.to_pylist()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(arrow.column_names)
        for row in rows:
            writer.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                             for v in row.values()])
