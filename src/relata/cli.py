"""The ``relata`` command: thin commands over the library. Only this module prints or exits."""

from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from relata import __version__
from relata.errors import InputError, RelataError
from relata.ingest import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="relata",
    help="Who said and did what to whom, and when: source-linked records from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.", min=1)
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for every input; overrides the documents'."),
]
InputsArgument = Annotated[
    list[str], typer.Argument(help="Files, directories (recursive), globs, or - for stdin.", show_default=False)
]


def _version(value: bool) -> None:
    if value:
        out.print(f"relata {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Relata reads news articles (text, HTML, JSON Lines, RSS/Atom, .gz) and records who said and
    did what to whom, and when, each fact linked to the sentence it came from."""


def _report(error: InputError) -> None:
    # One line per failed input: "relata: PATH[:LINE]: reason".
    err.print(f"relata: {error}", markup=False, soft_wrap=True)


@contextmanager
def _progress(quiet: bool, label: str):
    if quiet or not sys.stderr.isatty():
        yield None
        return
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
    ) as progress:
        yield progress, progress.add_task(label, total=None)


def _fail(message: str, code: int = 1) -> None:
    err.print(f"relata: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def extract(
    inputs: InputsArgument,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    quiet: QuietOption = False,
) -> None:
    """Write one JSON record per document to standard output (JSON Lines)."""
    from relata.corpus import extract_records
    from relata.records import to_dict

    failed = done = 0
    with _progress(quiet, "extracting") as bar:
        for item in extract_records(inputs, published=published, max_bytes=max_bytes):
            if isinstance(item, InputError):
                failed += 1
                _report(item)
            else:
                done += 1
                sys.stdout.write(json.dumps(to_dict(item), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            if bar:
                bar[0].update(bar[1], description=f"extracting: {done} records, {failed} failed")
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    inputs: InputsArgument,
    db: DbOption = Path("relata.duckdb"),
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    quiet: QuietOption = False,
) -> None:
    """Extract and store documents. Unchanged inputs are skipped; changed ones replaced; never duplicated."""
    from relata.corpus import ingest as ingest_inputs
    from relata.store import open_store

    try:
        con = open_store(db)
    except RelataError as exc:
        _fail(str(exc))
    counts: Counter[str] = Counter()
    with _progress(quiet, "ingesting") as bar:
        for outcome in ingest_inputs(con, inputs, published=published, max_bytes=max_bytes):
            counts[outcome.status] += 1
            if outcome.error is not None:
                _report(outcome.error)
            if bar:
                bar[0].update(bar[1], description="ingesting: " + _summary(counts))
    con.close()
    if not quiet:
        err.print(f"relata: {db}: " + _summary(counts), markup=False)
    raise typer.Exit(1 if counts["failed"] else 0)


def _summary(counts: Counter) -> str:
    order = ("added", "replaced", "linked", "unchanged", "failed")
    return ", ".join(f"{counts[k]} {k}" for k in order if counts[k]) or "nothing to do"


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
        _fail(str(exc))
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
def export(
    db: DbOption = Path("relata.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl (records), csv or parquet (one file per table).")] = "jsonl",
    out_path: Annotated[Path, typer.Option("--out", help="File (jsonl) or directory (csv, parquet).")] = Path("relata-export.jsonl"),
) -> None:
    """Export the store: full records as JSON Lines, or its tables as CSV or Parquet."""
    from relata.store import export as store_export
    from relata.store import open_store

    if fmt not in ("jsonl", "csv", "parquet"):
        _fail(f"--format must be jsonl, csv or parquet, not {fmt!r}", code=2)
    try:
        with open_store(db, read_only=True) as con:
            written = store_export(con, fmt, out_path)
    except (RelataError, OSError) as exc:
        _fail(str(exc))
    for path in written:
        err.print(f"wrote {path}", markup=False)


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
        _fail(str(exc))
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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("relata: interrupted", markup=False)
        sys.exit(130)


if __name__ == "__main__":
    main()
