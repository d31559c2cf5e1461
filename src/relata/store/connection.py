"""Opening the DuckDB file: read-write for ingestion, read-only for everything that only looks."""

from __future__ import annotations

from pathlib import Path

import duckdb

from relata.errors import StoreError
from relata.store.schema import create_statements

DEFAULT_DB = "relata.duckdb"


def open_store(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``; a writable one creates the file and tables."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such store (run `relata ingest` first)")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise StoreError(f"{path}: cannot open the store ({_first_line(exc)})") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a Relata store ({_first_line(exc)})") from None
    if not read_only:
        for statement in create_statements():
            con.execute(statement)
    return con


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
