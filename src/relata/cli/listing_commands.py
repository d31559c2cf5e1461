"""Listings of the store with filters: ``events`` (event data), ``quotes`` and ``claims``.

Each prints the Arrow table that :class:`relata.Store` returns for the same filters
(:mod:`relata.analyze.event_data`, :mod:`relata.analyze.item_tables`) as a table, JSON or CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from relata.cli.app import DbOption, app, fail, out
from relata.errors import RelataError

FORMATS = ("table", "json", "csv")
FormatOption = Annotated[str, typer.Option("--format", help="table, json or csv.")]
FromOption = Annotated[str | None, typer.Option("--from", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
ToOption = Annotated[str | None, typer.Option("--to", help="Up to this date, inclusive (2024-05 runs to 31 May).")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Only this outlet (case-insensitive).")]
DocumentOption = Annotated[str | None, typer.Option("--document", help="Only this document id.")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most N rows.")]
SENTENCE_WIDTH = 90


def json_value(value):
    """A table cell as JSON: dates as ISO strings, everything else as it is."""
    return value.isoformat() if isinstance(value, date) else value


def table_json(table) -> str:
    rows = [{k: json_value(v) for k, v in row.items()} for row in table.to_pylist()]
    return json.dumps(rows, ensure_ascii=False)


def _print(table, fmt: str, columns: list[tuple[str, callable]], title: str) -> None:
    if fmt == "json":
        out.print_json(table_json(table))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(table.column_names)
        for row in table.to_pylist():
            writer.writerow(["" if v is None else json.dumps(v, ensure_ascii=False) if isinstance(v, list)
                             else json_value(v) for v in row.values()])
    else:
        shown = Table(title=f"{title}: {table.num_rows}")
        for name, _ in columns:
            shown.add_column(name, overflow="fold")
        for row in table.to_pylist():
            shown.add_row(*(Text(cell(row)) for _, cell in columns))
        out.print(shown)


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        fail(f"--format must be table, json or csv, not {fmt!r}", code=2)


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SENTENCE_WIDTH else text[:SENTENCE_WIDTH - 1] + "…"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def _run(db: Path, method: str, limit: int | None, **filters):
    import relata

    try:
        with relata.Store(db) as store:
            table = getattr(store, method)(**filters)
    except RelataError as exc:
        fail(str(exc))
    return table.slice(0, limit) if limit else table


@app.command()
def events(
    db: DbOption = Path("relata.duckdb"),
    actor: Annotated[str | None, typer.Option("--actor", help="Either side: a name, alias or id.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Who acts.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Whom it is done to.")] = None,
    kind: Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated.")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    outlet: OutletOption = None,
    document: DocumentOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Event data, one row per event mention (the columns of docs/event-data.md), filtered; dates
    are the day the event is placed at."""
    _check(fmt)
    table = _run(db, "events", limit, actor=actor, source=source, target=target, type=kind,
                 date_from=date_from, date_to=date_to, outlet=outlet, document=document)
    _print(table, fmt, [
        ("date", lambda r: json_value(r["date"]) or "undated"),
        ("event", lambda r: f"{r['plover_type']} {r['intensity']:+.1f}\n"
                            f"{r['source_name'] or r['source_id'] or '?'} → {r['target_name'] or r['target_id'] or '?'}"),
        ("where", lambda r: r["location_name"] or ""),
        ("sentence", lambda r: _short(r["sentence"])),
        ("document", lambda r: f"{r['outlet'] or ''} {r['published'] or ''}\n{r['event_id']}"),
    ], "Events")


@app.command()
def quotes(
    db: DbOption = Path("relata.duckdb"),
    speaker: Annotated[str | None, typer.Option("--speaker", help="A name, alias or id.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, partial or indirect (comma-separated).")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    outlet: OutletOption = None,
    document: DocumentOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Quotes with their speakers, filtered; dates are publication dates."""
    _check(fmt)
    table = _run(db, "quotes", limit, speaker=speaker, kind=kind, date_from=date_from, date_to=date_to,
                 outlet=outlet, document=document)
    _print(table, fmt, [
        ("speaker", lambda r: r["speaker_name"] or "(unknown)"),
        ("kind", lambda r: r["kind"]),
        ("quote", lambda r: f"“{_short(r['text'])}”"),
        ("document", lambda r: f"{r['outlet'] or ''} {r['published'] or ''}\n{r['quote_id']}"),
    ], "Quotes")


@app.command()
def claims(
    db: DbOption = Path("relata.duckdb"),
    actor: Annotated[str | None, typer.Option("--actor", help="Whoever states the figure.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Unit(s), comma-separated: USD, percent ...")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    outlet: OutletOption = None,
    document: DocumentOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Numeric claims, filtered; dates are publication dates."""
    _check(fmt)
    table = _run(db, "claims", limit, actor=actor, unit=unit, date_from=date_from, date_to=date_to,
                 outlet=outlet, document=document)
    _print(table, fmt, [
        ("figure", lambda r: f"{r['qualifier']} {_number(r['value'])} {r['unit']}"),
        ("measure", lambda r: r["measure"] or ""),
        ("text", lambda r: _short(r["text"])),
        ("by", lambda r: r["attributed_to_name"] or ""),
        ("document", lambda r: f"{r['outlet'] or ''} {r['published'] or ''}\n{r['claim_id']}"),
    ], "Claims")
