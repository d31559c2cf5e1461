import json

import pytest

from relata.corpus import extract_records, ingest
from relata.errors import QueryError, StoreError
from relata.records import to_dict
from relata.store import export, open_store, query, records, stats

STORY = """Peru and Bolivia sign water pact
Release Date: June 4, 2024

LIMA - Peru and Bolivia signed an agreement on Monday to share water from Lake Titicaca, the
Peruvian foreign ministry said. "This protects farmers on both shores," Foreign Minister Elena Ramos said.
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "pact.txt").write_text(STORY)
    (folder / "other.txt").write_text(STORY.replace("Monday", "Friday").replace("June 4", "June 7"))
    return folder


def test_ingest_twice_changes_nothing(tmp_path, corpus):
    con = open_store(tmp_path / "s.duckdb")
    first = [o.status for o in ingest(con, [str(corpus)])]
    before = stats(con)
    second = [o.status for o in ingest(con, [str(corpus)])]
    assert first == ["added", "added"] and second == ["unchanged", "unchanged"]
    assert stats(con) == before and before["documents"] == 2


def test_changed_input_replaces_its_document(tmp_path, corpus):
    con = open_store(tmp_path / "s.duckdb")
    list(ingest(con, [str(corpus)]))
    old_ids = {r[0] for r in con.execute("SELECT id FROM documents").fetchall()}
    (corpus / "pact.txt").write_text(STORY.replace("farmers", "fishermen"))
    outcomes = list(ingest(con, [str(corpus)]))
    assert sorted(o.status for o in outcomes) == ["replaced", "unchanged"]
    ids = {r[0] for r in con.execute("SELECT id FROM documents").fetchall()}
    assert len(ids) == 2 and len(ids & old_ids) == 1
    orphans = con.execute(
        "SELECT count(*) FROM times WHERE document_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0


def test_store_round_trips_the_records(tmp_path, corpus):
    con = open_store(tmp_path / "s.duckdb")
    list(ingest(con, [str(corpus)]))
    direct = {r.id: to_dict(r) for r in extract_records([str(corpus)])}
    stored = {r.id: to_dict(r) for r in records(con)}
    assert stored == direct
    out = tmp_path / "export.jsonl"
    export(con, "jsonl", out)
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["id"]: r for r in exported} == direct
    files = export(con, "parquet", tmp_path / "pq")
    assert {p.name for p in files} >= {"documents.parquet", "quotes.parquet", "events.parquet"}


def test_query_is_read_only(tmp_path, corpus):
    path = tmp_path / "s.duckdb"
    con = open_store(path)
    list(ingest(con, [str(corpus)]))
    con.close()
    ro = open_store(path, read_only=True)
    cols, rows = query(ro, "SELECT count(*) AS n FROM documents")
    assert cols == ["n"] and rows == [(2,)]
    for sql in ("DELETE FROM documents", "drop table quotes", "  insert into documents select * from documents"):
        with pytest.raises(QueryError):
            query(ro, sql)
    with pytest.raises(QueryError):
        query(ro, "SELECT * FROM no_such_table")


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "none.duckdb", read_only=True)
