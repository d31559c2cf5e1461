"""``relata actors`` and ``relata dyad`` on the hand-written fixture store, and dyad on the seeds."""

from __future__ import annotations

import csv
import io
import json

import pytest
from tests.analyze.test_dyad import build_fixture_store
from typer.testing import CliRunner

from relata.cli import app
from relata.store import open_store

runner = CliRunner()
WIDE = {"COLUMNS": "200"}  # rich tables wrap at the terminal width; keep cells on one line


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "fixture.duckdb"
    build_fixture_store(path).close()
    return str(path)


def test_actors_json_lists_counts_kind_and_country(db):
    result = runner.invoke(app, ["actors", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    actors = {a["id"]: a for a in json.loads(result.stdout)}
    assert actors["xi-jinping"]["kind"] == "person" and actors["xi-jinping"]["country"] == "CHN"
    assert actors["CHN"]["documents"] == 5
    assert {"mentions", "events", "aliases"} <= set(actors["CHN"])


def test_actors_csv_and_limit(db):
    result = runner.invoke(app, ["actors", "--db", db, "--format", "csv", "--limit", "3"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3 and rows[0]["id"] == "CHN"  # most documents (no entity mentions here)


def test_actors_table(db):
    result = runner.invoke(app, ["actors", "--db", db], env=WIDE)
    assert result.exit_code == 0 and "Xi Jinping" in result.stdout and "sergey-lavrov" in result.stdout


def test_dyad_json_counts_events_once(db):
    result = runner.invoke(app, ["dyad", "China", "Russia", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["events_total"] == 6 and data["reports_total"] == 9
    assert [p["label"] for p in data["periods"]] == ["2024-05", "2024-06"]
    assert [(e["date"], e["type"], len(e["reports"])) for e in data["events"][:3]] == [
        ("2024-05-16", "AID", 1), ("2024-05-16", "CONSULT", 3), ("2024-05-16", "CONSULT", 1)]
    visit = data["events"][1]
    assert {r["outlet"] for r in visit["reports"]} == {"Reuters", "AP", "Xinhua"}
    assert data["a"]["member_ids"][0] == "CHN" and "xi-jinping" in data["a"]["member_ids"]


def test_dyad_table_shows_sentences_and_documents(db):
    result = runner.invoke(app, ["dyad", "Putin", "Xi", "--db", db, "--by", "day"], env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert "2 events from 4 reports" in result.stdout
    for text in ("2024-05-16", "2024-05-30", "Xinhua on China", "CONSULT", "Vladimir Putin → Xi Jinping"):
        assert text in result.stdout, text


def test_dyad_csv_has_one_row_per_report(db):
    result = runner.invoke(app, ["dyad", "RUS", "CHN", "--db", db, "--format", "csv", "--by", "year"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 9 and {r["period"] for r in rows} == {"2024"}
    assert len({r["event_id"] for r in rows}) == 6
    accusation = [r for r in rows if r["type"] == "ACCUSE" and r["direction"] == "a_to_b"]
    assert [r["sentence"] for r in accusation] == [
        "Russia accused China of stalling the pipeline talks.", "Moscow again accused Beijing of stalling."]


def test_dyad_unknown_actor_exits_one_with_close_matches(db):
    result = runner.invoke(app, ["dyad", "China", "Lavroff", "--db", db])
    assert result.exit_code == 1
    assert "no actor matches 'Lavroff'" in result.stderr and "sergey-lavrov" in result.stderr


def test_usage_errors_exit_two(db):
    assert runner.invoke(app, ["dyad", "China", "Russia", "--db", db, "--by", "week"]).exit_code == 2
    assert runner.invoke(app, ["dyad", "China", "Russia", "--db", db, "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["actors", "--db", db, "--limit", "0"]).exit_code == 2


def test_missing_store_exits_one(tmp_path):
    result = runner.invoke(app, ["actors", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.stderr


def test_dyad_china_russia_on_the_seeds(seeds, tmp_path):
    db = str(tmp_path / "seeds.duckdb")
    ingested = runner.invoke(app, ["ingest", *map(str, seeds), "--db", db, "-q"])
    assert ingested.exit_code == 0, ingested.stderr
    result = runner.invoke(app, ["dyad", "China", "Russia", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["events_total"] >= 1 and data["reports_total"] >= data["events_total"]
    with open_store(db, read_only=True) as con:
        texts = dict(con.execute("SELECT id, text FROM documents").fetchall())
    for event in data["events"]:
        for report in event["reports"]:
            assert texts[report["document_id"]][report["start"]:report["end"]] == report["sentence"]
            assert report["document_source"].endswith(".txt")
    table = runner.invoke(app, ["dyad", "China", "Russia", "--db", db], env=WIDE)
    assert table.exit_code == 0 and "Events and their reports" in table.stdout
