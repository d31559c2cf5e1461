"""Batched writes: one transaction per batch, the same outcome as writing records one by one."""

from relata.records import Actor, Claim, DocumentRecord, EntityMention, Event, Location, Quote, TimeExpression
from relata.store import open_store, record_rows, write_record, write_records
from relata.store.schema import RECORD_TABLES, TABLES, columns, written_columns


def _record(doc_id: str, text: str = "Russia and China held talks.") -> DocumentRecord:
    actors = (Actor("RUS", "Russia", "state", "RUS", ("Moscow",)), Actor("CHN", "China", "state", "CHN"))
    return DocumentRecord(
        id=doc_id, source=f"{doc_id}.txt", title="Talks", author=None, outlet="Wire", published="2024-05-16",
        language="en", text=text, warnings=("w",), actors=actors,
        entities=(EntityMention(0, 6, "Russia", "GPE", "RUS"),),
        quotes=(Quote(0, 6, "Russia", "direct", "RUS", "Russia", "said"),),
        events=(Event(0, 28, "held talks", "CONSULT", None, 1.0, "RUS", "CHN", None, None,
                      location=Location("Moscow", "RUS")),),
        claims=(Claim(0, 6, "Russia", 2.0, "count", "exact", None, None, False, None),),
        times=(TimeExpression(0, 6, "Russia", "2024"),),
    )


def _dump(con) -> dict:
    out = {}
    for table in RECORD_TABLES + ("sources",):
        names = ", ".join(f'"{n}"' for n, _ in written_columns(table))
        out[table] = con.execute(f"SELECT {names} FROM {table} ORDER BY ALL").fetchall()
    return out


def test_record_rows_match_the_store_columns():
    rows = record_rows(_record("a"))
    assert set(rows) == set(RECORD_TABLES)
    for table, table_rows in rows.items():
        assert table_rows and all(len(r) == len(written_columns(table)) for r in table_rows), table


def test_columns_are_read_from_the_table_definitions():
    assert [n for n, _ in columns("sources")] == ["source", "document_id", "content_hash", "updated_at"]
    assert ("end", "INTEGER") in columns("quotes") and ("aliases", "VARCHAR[]") in columns("document_actors")
    assert all(columns(t) for t in TABLES)


def test_a_batch_writes_what_single_writes_would(tmp_path):
    # added, linked (same text under another source), replaced (a source whose text changed),
    # and a replacement whose old document is still held by another source.
    first = [(_record("a"), "a.txt", "h1"), (_record("b", "B."), "b.txt", "h2"), (_record("a"), "copy.txt", "h3")]
    second = [(_record("c", "C."), "a.txt", "h4"), (_record("d", "D."), "b.txt", "h5"), (_record("d", "D."), "e.txt", "h6")]
    one, batch = open_store(tmp_path / "one.duckdb"), open_store(tmp_path / "batch.duckdb")
    singles = [write_record(one, *item) for item in first + second]
    batched = write_records(batch, first) + write_records(batch, second)
    assert batched == singles
    assert [r.status for r in batched] == ["added", "added", "linked", "replaced", "replaced", "linked"]
    assert _dump(batch) == _dump(one)
    assert {r[0] for r in batch.execute("SELECT id FROM documents").fetchall()} == {"a", "c", "d"}


def test_a_failed_batch_leaves_nothing(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    write_records(con, [(_record("a"), "a.txt", "h1")])
    before = _dump(con)
    broken = _record("z")
    object.__setattr__(broken, "claims", (Claim(0, 1, "R", "not a number", "count", "exact", None, None, False, None),))
    try:
        write_records(con, [(_record("y", "Y."), "y.txt", "h"), (broken, "z.txt", "h")])
    except (ValueError, TypeError):
        pass
    else:
        raise AssertionError("the broken record should fail")
    assert _dump(con) == before
