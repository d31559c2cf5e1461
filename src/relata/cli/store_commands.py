"""Commands over the store: ``stats``, ``export``, ``query`` read it; ``derive`` rebuilds its
derived tables."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from relata.cli.app import DbOption, app, err, fail, out
from relata.errors import RelataError


@app.command()
def stats(
    db: DbOption = Path("relata.duckdb"),
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Counts of documents, actors, quotes, events, claims and times, and the top speakers."""
    from relata.store import open_store
    from relata.store import stats as store_stats

    try:
        with open_store(db, read_only=True) as con:
            numbers = store_stats(con)
    except RelataError as exc:
        fail(str(exc))
    if as_json:
        out.print_json(json.dumps(numbers))
        return
    table = Table(title=f"Relata store {db}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("documents", "actors", "entities", "quotes", "events", "claims", "times"):
        table.add_row(key, str(numbers[key]))
    out.print(table)
    if numbers["top_speakers"]:
        speakers = Table(title="Top speakers")
        speakers.add_column("speaker")
        speakers.add_column("quotes", justify="right")
        for row in numbers["top_speakers"]:
            speakers.add_row(row["speaker"], str(row["quotes"]))
        out.print(speakers)


@app.command()
def derive(
    db: DbOption = Path("relata.duckdb"),
    full: Annotated[bool, typer.Option(
        "--full", help="Regroup the whole store instead of updating from the documents added or removed.")] = False,
) -> None:
    """Bring the event groups and the corroboration groups up to date (what `ingest`, `fetch`
    and `watch` do after storing, unless given --no-derive): from the documents added or
    removed since the last time, or from the whole store with --full. Same tables either way."""
    from relata.analyze.derived import FULL, UP_TO_DATE, update_derived
    from relata.store import open_store

    try:
        with open_store(db) as con:
            update = update_derived(con, full=full)
    except RelataError as exc:
        fail(str(exc))
    counts = update.counts
    how = {FULL: "rebuilt from the whole store", UP_TO_DATE: "already up to date"}.get(
        update.how, f"updated from {update.documents} added or removed document(s)")
    err.print(f"relata: {db}: {how}: {counts.event_groups} event groups, {counts.claim_groups} claim groups, "
              f"{counts.quote_groups} quote groups", markup=False, soft_wrap=True)


EXPORT_FORMATS = ("jsonl", "csv", "parquet", "events-csv", "events-parquet")
_DEFAULT_OUT = {"jsonl": "relata-export.jsonl", "csv": "relata-export", "parquet": "relata-export",
                "events-csv": "events.csv", "events-parquet": "events.parquet"}


@app.command()
def export(
    db: DbOption = Path("relata.duckdb"),
    fmt: Annotated[str, typer.Option(
        "--format", help="jsonl (records), csv or parquet (one file per table), events-csv or "
                         "events-parquet (event data, one row per event: docs/event-data.md).")] = "jsonl",
    out_path: Annotated[Path | None, typer.Option(
        "--out", help="File (jsonl, events-*) or directory (csv, parquet).", show_default=False)] = None,
) -> None:
    """Export the store: full records as JSON Lines, its tables as CSV or Parquet, or event data
    (GDELT/POLECAT-style columns) as one CSV or Parquet file."""
    import relata

    if fmt not in EXPORT_FORMATS:
        fail(f"--format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}", code=2)
    try:
        with relata.Store(db) as store:
            written = store.export(fmt, out_path or Path(_DEFAULT_OUT[fmt]))
    except (RelataError, OSError) as exc:
        fail(str(exc))
    for path in written:
        err.print(f"wrote {path}", markup=False, soft_wrap=True)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="A read-only SQL query (DuckDB dialect).")],
    db: DbOption = Path("relata.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a read-only SQL query against the store (tables: documents, actors, quotes, events, ...)."""
    from relata.store import open_store
    from relata.store import query as store_query

    try:
        with open_store(db, read_only=True) as con:
            columns, rows = store_query(con, sql)
    except RelataError as exc:
        fail(str(exc))
    if fmt == "json":
        out.print_json(json.dumps([dict(zip(columns, row, strict=True)) for row in rows], default=str))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
