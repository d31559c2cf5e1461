"""A store written by an older Relata gains the optional columns added since, keeping its rows."""

from __future__ import annotations

import duckdb

from relata.store.connection import open_store
from relata.store.schema import TABLES

ADDED_COLUMNS = [("document_actors", "sector"), ("events", "cameo"), ("events", "location_lat"),
                 ("events", "location_lon")]


def _old_schema(columns: str, dropped: list[str]) -> str:
    kept = [c for c in columns.split(",") if not any(f"{name} " in c.strip() + " " and c.strip().startswith(name)
                                                     for name in dropped)]
    return ",".join(kept)


def test_an_old_store_gains_the_added_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for table, definition in TABLES.items():
        dropped = [c for t, c in ADDED_COLUMNS if t == table]
        con.execute(f"CREATE TABLE {table} ({_old_schema(definition, dropped)})")
    con.execute("INSERT INTO document_actors VALUES ('d1', 'RUS', 'Russia', 'state', 'RUS', [], 0)")
    assert "sector" not in [r[0] for r in con.execute("DESCRIBE document_actors").fetchall()]
    con.close()

    con = open_store(path)
    described = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    assert {"cameo", "location_lat", "location_lon"} <= described
    assert con.execute("SELECT actor_id, sector FROM document_actors").fetchall() == [("RUS", None)]
    assert con.execute("SELECT id, sector FROM actors").fetchall() == [("RUS", None)]
    con.close()
