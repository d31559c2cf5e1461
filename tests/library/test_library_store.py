"""``relata.Store`` on the examples: the same answers as the command line's JSON for the same
query, filters as keyword arguments, ingesting, and the README's "From Python" example."""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
from datetime import date

import pytest
from tests.conftest import EXAMPLES, ROOT
from typer.testing import CliRunner

import relata
from relata.cli import app
from relata.library import store as store_module

runner = CliRunner()


def cli_json(*args: str):
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def as_json(table) -> list[dict]:
    """Arrow rows as JSON would carry them (dates as ISO strings)."""
    return [{k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()} for row in table.to_pylist()]


@pytest.fixture(scope="module")
def store(examples_db):
    with relata.Store(examples_db) as opened:
        yield opened


@pytest.mark.parametrize(("cli", "method", "filters"), [
    (["events"], "events", {}),
    (["events", "--actor", "China", "--type", "CONSULT,COOPERATE"], "events",
     {"actor": "China", "type": ["CONSULT", "COOPERATE"]}),
    (["events", "--from", "2024-01", "--to", "2024-06-30"], "events", {"date_from": "2024-01", "date_to": date(2024, 6, 30)}),
    (["events", "--source", "RUS"], "events", {"source": "RUS"}),
    (["quotes", "--speaker", "Putin"], "quotes", {"speaker": "Putin"}),
    (["quotes", "--kind", "direct", "--from", "2023"], "quotes", {"kind": "direct", "date_from": "2023"}),
    (["claims", "--unit", "USD"], "claims", {"unit": "USD"}),
    (["claims"], "claims", {}),
])
def test_listings_equal_the_cli_json(store, examples_db, cli, method, filters):
    expected = cli_json(*cli, "--db", str(examples_db))
    found = as_json(getattr(store, method)(**filters))
    assert found == expected
    assert found, f"{cli}: the examples should have some rows"


def test_actors_equal_the_cli_json(store, examples_db):
    assert as_json(store.actors()) == cli_json("actors", "--db", str(examples_db))


def test_dyad_equals_the_cli_json(store, examples_db):
    timeline = cli_json("dyad", "China", "Russia", "--db", str(examples_db), "--by", "month")
    rows = store.dyad("China", "Russia", by="month").to_pylist()
    flattened = [
        (e["period"], e["id"], e["type"], e["direction"], e["date"], e["intensity"], r["document_id"],
         r["position"], r["source"], r["target"], r["sentence"])
        for e in timeline["events"] for r in e["reports"]]
    assert [(r["period"], r["event_id"], r["type"], r["direction"], r["event_date"], r["event_intensity"],
             r["document_id"], r["position"], r["source"], r["target"], r["sentence"]) for r in rows] == flattened
    assert len(rows) == timeline["reports_total"] and len({r["event_id"] for r in rows}) == timeline["events_total"]


def test_corroboration_equals_the_cli_json(store, examples_db):
    data = cli_json("corroborate", "--db", str(examples_db), "--min-sources", "1")
    rows = store.corroboration(min_documents=1).to_pylist()
    expected = [(kind, g["id"], m["document_id"], m["position"], m["text"])
                for kind, key in (("claim", "claims"), ("quote", "quotes")) for g in data[key] for m in g["members"]]
    assert [(r["kind"], r["group_id"], r["document_id"], r["position"], r["text"]) for r in rows] == expected
    assert rows


def test_filters_are_checked(store):
    with pytest.raises(relata.InvalidFilterError, match="unknown type 'MEET'"):
        store.events(type="MEET")
    with pytest.raises(relata.InvalidFilterError, match="date_from must be"):
        store.events(date_from="May 2024")
    with pytest.raises(relata.InvalidFilterError, match="is after"):
        store.quotes(date_from="2024-06", date_to="2024-05")
    with pytest.raises(relata.UnknownActorError):
        store.events(actor="Atlantis")


def test_event_filters_narrow_as_documented(store):
    everything = store.events()
    consult = store.events(type="consult")
    assert 0 < consult.num_rows < everything.num_rows
    assert set(consult.column("plover_type").to_pylist()) == {"CONSULT"}
    may = store.events(date_from="2024-05", date_to="2024-05").column("date").to_pylist()
    assert may and all(d.year == 2024 and d.month == 5 for d in may)
    china = store.events(actor="China").to_pylist()
    assert all("CHN" in (r["source_country"], r["target_country"]) for r in china)


def test_ingest_needs_a_writable_store_and_reports_failures(tmp_path, examples_db):
    with relata.Store(examples_db) as read_only, pytest.raises(relata.StoreError, match="read-only"):
        read_only.ingest(EXAMPLES / "chile_spain_aid.txt")
    missing = tmp_path / "missing.txt"
    with relata.Store(tmp_path / "new.duckdb", read_only=False) as store:
        result = store.ingest([EXAMPLES / "chile_spain_aid.txt", missing])
        assert result.counts == {"added": 1, "failed": 1} and result.failed == 1
        assert "missing.txt" in str(result.errors[0]) and result.derived.event_groups >= 1
        again = store.ingest(EXAMPLES / "chile_spain_aid.txt")
        assert again.counts == {"unchanged": 1} and again.derived is None
        assert store.stats()["documents"] == 1
        assert store.query("SELECT count(*) AS n FROM events").to_pylist()[0]["n"] == store.events().num_rows
        with pytest.raises(relata.QueryError):
            store.query("DROP TABLE events")
    with pytest.raises(relata.StoreError, match="no such store"):
        relata.Store(tmp_path / "absent.duckdb")


def test_the_docstring_examples_run(examples_db):
    globs = {"getfixture": lambda name: {"examples_db": examples_db}[name]}
    result = doctest.testmod(store_module, extraglobs=globs, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3 and result.failed == 0


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## From Python"):]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)


def test_the_readme_example_runs(tmp_path, capsys):
    code = readme_example()
    assert len([line for line in code.splitlines() if line.strip()]) <= 6
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert "CONSULT" in printed and (tmp_path / "news.duckdb").exists()
