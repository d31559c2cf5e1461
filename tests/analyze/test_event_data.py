"""Event data on the examples: the documented columns, one row per stored event, files that read
back into DuckDB with the store's counts, CAMEO-derived columns, and stores lacking new columns."""

from __future__ import annotations

import re
from dataclasses import replace

import duckdb
import pytest
from tests.conftest import ROOT
from typer.testing import CliRunner

from relata.analyze.event_data import COLUMNS, SCHEMA, event_table, write_events
from relata.analyze.selection import Selection
from relata.cli import app
from relata.records import Actor, DocumentRecord, Event, Location
from relata.store import open_store, write_record

DOC = ROOT / "docs" / "event-data.md"


@pytest.fixture(scope="module")
def table(examples_db):
    with open_store(examples_db, read_only=True) as con:
        return event_table(con)


def test_every_column_is_documented_in_order():
    documented = re.findall(r"^\| (`[^|]+`) \|", DOC.read_text(encoding="utf-8"), re.MULTILINE)
    names = [n for cell in documented for n in re.findall(r"`(\w+)`", cell)]
    assert names == [name for name, _, _ in COLUMNS]


def test_one_row_per_stored_event(table, examples_db):
    assert table.schema == SCHEMA
    with open_store(examples_db, read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM events").fetchone()[0]
        groups = con.execute("SELECT count(DISTINCT group_id) FROM event_groups").fetchone()[0]
        texts = dict(con.execute("SELECT id, text FROM documents").fetchall())
    assert table.num_rows == stored > 100
    rows = table.to_pylist()
    assert len({r["event_group_id"] for r in rows}) == groups
    assert len({r["event_id"] for r in rows}) == stored
    for row in rows:
        assert texts[row["document_id"]][row["start"]:row["end"]] == row["sentence"]
        assert row["quad_class"] in (1, 2, 3, 4) and -10 <= row["goldstein"] <= 10
        assert row["negated"] is False
        assert (row["location_lat"] is None) == (row["location_lon"] is None)
        if row["source_id"]:
            assert row["source_name"] and row["source_kind"]
    by_type = {r["plover_type"] for r in rows}
    assert {"CONSULT", "ACCUSE"} <= by_type
    assert {r["quad_class"] for r in rows if r["plover_type"] == "CONSULT"} == {1}
    assert {r["quad_class"] for r in rows if r["plover_type"] == "ASSAULT"} <= {4}


@pytest.mark.parametrize("fmt", ["events-csv", "events-parquet"])
def test_the_export_reads_back_with_the_store_counts(examples_db, tmp_path, fmt):
    out = tmp_path / ("events.csv" if fmt == "events-csv" else "events.parquet")
    result = CliRunner().invoke(app, ["export", "--db", str(examples_db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    read = f"read_csv('{out}')" if fmt == "events-csv" else f"'{out}'"
    reader = duckdb.connect()
    columns = [row[0] for row in reader.execute(f"DESCRIBE SELECT * FROM {read}").fetchall()]
    assert columns == [name for name, _, _ in COLUMNS]
    exported = reader.execute(
        f"SELECT count(*), count(DISTINCT event_group_id), count(DISTINCT document_id), "
        f"count(location_lat) FROM {read}").fetchone()
    by_type = dict(reader.execute(f"SELECT plover_type, count(*) FROM {read} GROUP BY ALL").fetchall())
    with open_store(examples_db, read_only=True) as con:
        stored = con.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(DISTINCT group_id) FROM event_groups), "
            "(SELECT count(DISTINCT document_id) FROM events), (SELECT count(location_lat) FROM events)").fetchone()
        stored_types = dict(con.execute("SELECT type, count(*) FROM events GROUP BY ALL").fetchall())
    assert exported == stored
    assert by_type == stored_types
    sentences = reader.execute(f"SELECT sentence FROM {read} WHERE sentence LIKE '%\"%' LIMIT 1").fetchall()
    assert sentences, "a sentence with quotation marks survives the round trip"


def test_selection_narrows_the_table(examples_db):
    with open_store(examples_db, read_only=True) as con:
        consult = event_table(con, Selection.of(types="CONSULT", date_from="2024"))
    assert consult.num_rows >= 1
    assert set(consult.column("plover_type").to_pylist()) == {"CONSULT"}
    assert all(d.year >= 2024 for d in consult.column("date").to_pylist())


def _record(**event_fields) -> DocumentRecord:
    text = "Basra police arrested protesters in Basra on Monday."
    return DocumentRecord(
        id="doc-basra", source="https://news.example/basra", title="Arrests", author=None, outlet="Wire",
        published="2024-05-20", language="en", text=text,
        actors=(Actor("basra-irq", "Basra", "location", "IRQ"), Actor("IRQ", "Iraq", "state", "IRQ")),
        events=(Event(0, len(text), "arrested", "COERCE", "arrest", -5.0, "IRQ", "basra-irq", "2024-05-20", None,
                      location=Location("Basra", "IRQ", 30.50852, 47.7804), **event_fields),),
    )


def test_cameo_and_sector_come_from_the_record(tmp_path):
    db = tmp_path / "store.duckdb"
    with open_store(db) as con:
        write_record(con, _record(), "basra", "h")
        before = event_table(con).to_pylist()[0]
        assert before["cameo"] is None and before["source_sector"] is None
        assert (before["quad_class"], before["goldstein"]) == (4, -5.0)  # from COERCE/arrest
        assert before["target_kind"] == "location"
        assert before["target_lat"] == pytest.approx(30.5, abs=0.1)  # a place actor gets coordinates
        assert before["url"] == "https://news.example/basra"
    record = _record(cameo="1823")
    actors = (record.actors[0], replace(record.actors[1], sector="GOV"))
    with open_store(tmp_path / "coded.duckdb") as con:
        write_record(con, replace(record, actors=actors), "basra", "h")
        after = event_table(con).to_pylist()[0]
    assert after["cameo"] == "1823" and after["source_sector"] == "GOV"
    assert after["quad_class"] == 4 and after["goldstein"] == -9.0  # 1823: ASSAULT, the type's score


def test_a_store_from_before_coordinates_still_exports(tmp_path):
    db = tmp_path / "old.duckdb"
    with open_store(db) as con:
        write_record(con, _record(), "basra", "h")
        con.execute("ALTER TABLE events DROP COLUMN location_lat")
        con.execute("ALTER TABLE events DROP COLUMN location_lon")
    with open_store(db, read_only=True) as con:  # read-only: not migrated
        row = event_table(con).to_pylist()[0]
        assert row["location_name"] == "Basra" and row["location_lat"] is None
        write_events(con, "events-csv", tmp_path / "e.csv")
    with open_store(db) as con:  # writable: the columns come back, empty
        assert "location_lat" in {r[0] for r in con.execute("DESCRIBE events").fetchall()}
