import json

from typer.testing import CliRunner

from relata.cli import app

runner = CliRunner()
GOOD = "Ghana and Togo agreed on Tuesday to reopen their border, the Ghanaian government said.\n"


def test_bad_inputs_reported_others_processed(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "also_good.txt").write_text(GOOD.replace("Tuesday", "Thursday"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["source"].rsplit("/", 1)[1] for r in records) == ["also_good.txt", "good.txt"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any(e.startswith(f"relata: {tmp_path / 'empty.txt'}: ") and "empty" in e for e in errors)
    assert any(e.startswith(f"relata: {tmp_path / 'image.png'}: ") and "binary" in e for e in errors)


def test_extract_all_good_exits_zero_and_validates(tmp_path, record_validator):
    (tmp_path / "good.txt").write_text(GOOD)
    result = runner.invoke(app, ["extract", str(tmp_path / "good.txt"), "--published", "2024-02-06"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    record_validator(record)
    assert record["published"] == "2024-02-06"


def test_ingest_idempotent_stats_json(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(tmp_path / "good.txt"), "--db", db, "-q"]).exit_code == 0
    first = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert runner.invoke(app, ["ingest", str(tmp_path / "good.txt"), "--db", db, "-q"]).exit_code == 0
    second = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert first == second
    assert {"documents", "actors", "quotes", "events", "claims", "times"} <= set(first)
    assert first["documents"] == 1


def test_usage_errors_exit_two(tmp_path):
    assert runner.invoke(app, ["extract"]).exit_code == 2
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "x"), "--format", "xml"]).exit_code == 2


def test_query_refuses_writes(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    db = str(tmp_path / "s.duckdb")
    runner.invoke(app, ["ingest", str(tmp_path / "good.txt"), "--db", db, "-q"])
    result = runner.invoke(app, ["query", "DELETE FROM documents", "--db", db])
    assert result.exit_code == 1 and "read-only" in result.stderr
    result = runner.invoke(app, ["query", "SELECT count(*) AS n FROM documents", "--db", db, "--format", "json"])
    assert json.loads(result.stdout) == [{"n": 1}]


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("relata ")


def test_ingest_rebuilds_derived_tables(tmp_path):
    from relata.store import open_store

    (tmp_path / "a.txt").write_text("Released: March 4, 2024\n\n" + GOOD)
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db, "-q"]).exit_code == 0
    with open_store(db, read_only=True) as con:
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        grouped = con.execute("SELECT count(*) FROM event_groups").fetchone()[0]
        assert grouped == events
        con.execute("SELECT count(*) FROM claim_groups").fetchone()


def test_summary_is_one_line_however_long_the_path(tmp_path):
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / ("and-another-one-" * 4)
    deep.mkdir(parents=True)
    (deep / "good.txt").write_text("Kenya and Uganda signed a border agreement on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(deep / "good.txt"), "--db", str(deep / "s.duckdb")])
    assert result.exit_code == 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"relata: {deep / 's.duckdb'}: ") and last.endswith("1 added")


def test_no_derive_skips_the_rebuild_and_derive_does_it(tmp_path):
    from relata.store import open_store

    (tmp_path / "a.txt").write_text("Released: March 4, 2024\n\n" + GOOD)
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--no-derive"])
    assert result.exit_code == 0
    assert f"run `relata derive --db {db}`" in result.stderr

    def grouped():
        with open_store(db, read_only=True) as con:
            tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            events = con.execute("SELECT count(*) FROM events").fetchone()[0]
            groups = con.execute("SELECT count(*) FROM event_groups").fetchone()[0] if "event_groups" in tables else 0
            return events, groups

    events, groups = grouped()
    assert events > 0 and groups == 0
    result = runner.invoke(app, ["derive", "--db", db])
    assert result.exit_code == 0 and "event groups" in result.stderr
    assert grouped() == (events, events)


def test_derive_updates_from_the_new_documents_and_full_rebuilds(tmp_path):
    (tmp_path / "in").mkdir()
    for n, country in enumerate(("Chile", "Peru", "Ghana", "Nepal", "Laos")):
        (tmp_path / "in" / f"{n}.txt").write_text(
            f"Released: March {n + 1}, 2024\n\n{country} and Spain signed a trade deal.")
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "-q"]).exit_code == 0
    result = runner.invoke(app, ["derive", "--db", db])
    assert result.exit_code == 0 and "already up to date" in result.stderr
    (tmp_path / "b.txt").write_text("Released: March 9, 2024\n\nKenya and Uganda signed a border agreement.")
    assert runner.invoke(app, ["ingest", str(tmp_path / "b.txt"), "--db", db, "--no-derive", "-q"]).exit_code == 0
    result = runner.invoke(app, ["derive", "--db", db])
    assert result.exit_code == 0 and "updated from 1 added or removed document(s)" in result.stderr
    result = runner.invoke(app, ["derive", "--db", db, "--full"])
    assert result.exit_code == 0 and "rebuilt from the whole store" in result.stderr
