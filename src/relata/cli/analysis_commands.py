"""Commands that analyse the store across documents: ``actors`` and ``dyad``."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from relata.cli.app import DbOption, app, fail, out
from relata.errors import RelataError

if TYPE_CHECKING:
    from relata.analyze.actor_lookup import ActorSelection
    from relata.analyze.dyad import DyadTimeline

FORMATS = ("table", "json", "csv")
FormatOption = Annotated[str, typer.Option("--format", help="table, json or csv.")]


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        fail(f"--format must be table, json or csv, not {fmt!r}", code=2)


def _write_csv(columns: list[str], rows: list[list]) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    writer.writerows(rows)


@app.command()
def actors(
    db: DbOption = Path("relata.duckdb"),
    fmt: FormatOption = "table",
    limit: Annotated[int | None, typer.Option("--limit", help="Show at most N actors.", min=1)] = None,
) -> None:
    """Actors across the store, most mentioned first: kind, country, documents, mentions, events."""
    from relata.analyze.actor_lookup import list_actors
    from relata.store import open_store

    _check_format(fmt)
    try:
        with open_store(db, read_only=True) as con:
            found = list_actors(con, limit)
    except RelataError as exc:
        fail(str(exc))
    columns = ["id", "name", "kind", "country", "documents", "mentions", "events"]
    if fmt == "json":
        out.print_json(json.dumps([asdict(a) for a in found], ensure_ascii=False))
    elif fmt == "csv":
        _write_csv(columns + ["aliases"],
                   [[getattr(a, c) for c in columns] + ["; ".join(a.aliases)] for a in found])
    else:
        table = Table(title=f"Actors in {db}")
        for column in columns:
            table.add_column(column, justify="right" if column in ("documents", "mentions", "events") else "left")
        for a in found:
            table.add_row(*(Text("" if getattr(a, c) is None else str(getattr(a, c))) for c in columns))
        out.print(table)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(metavar="A", help="An actor: name, alias or id (Putin, Russia, RUS).")],
    b: Annotated[str, typer.Argument(metavar="B", help="The other actor.")],
    db: DbOption = Path("relata.duckdb"),
    by: Annotated[str, typer.Option("--by", help="Period: day, month or year.")] = "month",
    fmt: Annotated[str, typer.Option(
        "--format", help="table, json (the whole timeline) or csv (one row per report).")] = "table",
) -> None:
    """What A did to B and B to A: distinct events and their reports by period and type, each
    event with the documents and sentences that report it. A state includes its people."""
    from relata.analyze.dyad import PERIOD_LENGTHS, dyad_timeline
    from relata.store import open_store

    _check_format(fmt)
    if by not in PERIOD_LENGTHS:
        fail(f"--by must be day, month or year, not {by!r}", code=2)
    try:
        with open_store(db, read_only=True) as con:
            timeline = dyad_timeline(con, a, b, by=by)
    except RelataError as exc:
        fail(str(exc))
    if fmt == "json":
        data = asdict(timeline)
        data.update(events_total=timeline.event_count, reports_total=timeline.report_count)
        out.print_json(json.dumps(data, ensure_ascii=False))
    elif fmt == "csv":
        _dyad_csv(timeline)
    else:
        _dyad_tables(timeline)


def _dyad_csv(timeline: DyadTimeline) -> None:
    from relata.analyze.item_tables import DYAD_SCHEMA, dyad_rows

    rows = dyad_rows(timeline)
    _write_csv(DYAD_SCHEMA.names, [[row[name] for name in DYAD_SCHEMA.names] for row in rows])


def _side(selection: ActorSelection) -> str:
    ids = ", ".join(selection.member_ids[:6]) + (" ..." if len(selection.member_ids) > 6 else "")
    how = " (near match)" if selection.how == "fuzzy" else ""
    return f"{selection.query!r}{how} = {ids}"


def _dyad_tables(timeline: DyadTimeline) -> None:
    a, b = timeline.a.label, timeline.b.label
    arrows = {"a_to_b": f"{a} → {b}", "b_to_a": f"{b} → {a}"}
    out.print(f"{a} ↔ {b}: {timeline.event_count} events from {timeline.report_count} reports, "
              f"by {timeline.by}", markup=False)
    out.print(f"  A: {_side(timeline.a)}\n  B: {_side(timeline.b)}", markup=False)
    if not timeline.events:
        out.print("No events between them in the store.", markup=False)
        return
    counts = Table(title="Events by period and type")
    for column, justify in (("period", "left"), ("direction", "left"), ("type", "left"),
                            ("events", "right"), ("reports", "right"), ("mean intensity", "right")):
        counts.add_column(column, justify=justify)
    for period in timeline.periods:
        for c in period.counts:
            counts.add_row(period.label, Text(arrows[c.direction]), c.type, str(c.events), str(c.reports),
                           f"{c.mean_intensity:+.1f}")
        counts.add_row(period.label, "all", "", str(period.events), str(period.reports),
                       f"{period.mean_intensity:+.1f}", style="bold", end_section=True)
    out.print(counts)
    events = Table(title="Events and their reports", show_lines=False)
    for column in ("date", "event", "document", "sentence"):
        events.add_column(column, overflow="fold")
    for event in timeline.events:
        summary = (f"{event.type} {event.intensity:+.1f}\n{event.source_name} → {event.target_name}\n"
                   f"{len(event.reports)} report{'s' if len(event.reports) != 1 else ''}")
        for i, r in enumerate(event.reports):
            document = f"{r.title or r.document_source}\n{r.published or 'no date'} · {r.document_id[:12]}"
            first = i == 0
            events.add_row((event.date or "undated") if first else "", Text(summary if first else ""),
                           Text(document), Text(f"“{r.sentence}” [{r.start}:{r.end}]"),
                           end_section=i == len(event.reports) - 1)
    out.print(events)
