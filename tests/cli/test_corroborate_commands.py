"""``relata corroborate`` on a small hand-built store."""

import json

import pytest
from typer.testing import CliRunner

from relata.cli import app
from relata.records import Claim, DocumentRecord, Quote
from relata.store import open_store, write_record

runner = CliRunner()
SAID = "The border crossings need new rail lines before the winter"


def record(doc_id, outlet, published, value):
    figure = f"${value / 1e9:g} billion"
    text = f"China's exports to Russia were {figure} in 2023. \"{SAID},\" Irina Sokolova said."
    start = text.index(figure)
    quote_start = text.index(SAID)
    return DocumentRecord(
        id=doc_id, source=f"{doc_id}.txt", title=None, author=None, outlet=outlet, published=published,
        language="en", text=text,
        claims=(Claim(start, start + len(figure), figure, value, "USD", "exact", "China's exports to Russia",
                      "2023", False),),
        quotes=(Quote(quote_start, quote_start + len(SAID), SAID, "direct", "irina-sokolova", "Irina Sokolova",
                      "said"),),
    )


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    con = open_store(path)
    for r in (record("a", "Baltic Courier", "2024-01-12", 110.9e9), record("b", "Trade Wire", "2024-01-13", 110.9e9),
              record("f", "Continental Monitor", "2024-01-20", 119.0e9)):
        write_record(con, r, r.source, r.id)
    con.close()
    return str(path)


def test_json_output_has_groups_first_sources_and_the_conflict(db):
    result = runner.invoke(app, ["corroborate", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    exports, other = data["claims"]
    assert (exports["value"], exports["documents"], exports["outlets"]) == (110.9e9, 2, ["Baltic Courier", "Trade Wire"])
    assert exports["first"]["status"] == "clear" and exports["first"]["first"][0]["document_id"] == "a"
    assert exports["conflicts"] == [other["id"]] and other["value"] == 119.0e9
    assert data["conflicts"] == [{"group": exports["id"], "other": other["id"]}]
    [quote] = data["quotes"]
    assert quote["text"] == SAID and quote["documents"] == 3 and quote["first"]["published"] == "2024-01-12"


def test_kind_and_min_sources_filter(db):
    quotes_only = json.loads(runner.invoke(app, ["corroborate", "--db", db, "--format", "json", "--kind", "quotes"]).stdout)
    assert quotes_only["claims"] == [] and len(quotes_only["quotes"]) == 1
    three = json.loads(runner.invoke(app, ["corroborate", "--db", db, "--format", "json", "--min-sources", "3"]).stdout)
    # No figure has three documents, but the conflicting pair is still shown; the quote has three.
    assert [g["documents"] for g in three["claims"]] == [2, 1] and len(three["quotes"]) == 1


def test_table_output_names_the_first_outlet_and_the_conflict(db):
    result = runner.invoke(app, ["corroborate", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "110.9 billion USD" in result.stdout and "119 billion USD" in result.stdout
    assert "Conflicting figures" in result.stdout
    assert "Baltic Courier (2024-01-12)" in result.stdout
    assert "Irina Sokolova" in result.stdout


def test_save_writes_the_group_tables(db):
    assert runner.invoke(app, ["corroborate", "--db", db, "--save", "--format", "json"]).exit_code == 0
    con = open_store(db, read_only=True)
    assert con.execute("SELECT count(*) FROM claim_groups").fetchone() == (2,)
    assert con.execute("SELECT count(*) FROM quote_group_members").fetchone() == (3,)
    con.close()


@pytest.mark.parametrize("args", [["--format", "xml"], ["--kind", "events"], ["--min-sources", "0"]])
def test_bad_options_are_usage_errors(db, args):
    assert runner.invoke(app, ["corroborate", "--db", db, *args]).exit_code == 2


def test_missing_store_fails_with_one_line(tmp_path):
    result = runner.invoke(app, ["corroborate", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert result.stderr.startswith("relata: ") and "no such store" in result.stderr
