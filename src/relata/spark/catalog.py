"""DuckDB over the job's Parquet output: a small database file of views, so that ``relata stats``,
``relata query`` and ``relata export`` read the Spark output as they read a store."""

from __future__ import annotations

from pathlib import Path

import duckdb

from relata.spark.job import TABLES
from relata.store.schema import VIEWS

CATALOG_NAME = "relata.duckdb"


def attach_parquet(con: duckdb.DuckDBPyConnection, out: str | Path) -> None:
    """Views named like the store's tables over ``OUT/<table>/*.parquet``, plus the store's views."""
    root = Path(out).resolve()
    for table in TABLES:
        pattern = str(root / table / "*.parquet").replace("'", "''")
        con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet('{pattern}')")
    for name, query in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {query}")


def write_catalog(out: str | Path) -> Path:
    """``OUT/relata.duckdb``: the views of :func:`attach_parquet`, for a local output folder."""
    path = Path(out) / CATALOG_NAME
    con = duckdb.connect(str(path))
    try:
        attach_parquet(con, out)
    finally:
        con.close()
    return path
