"""``relata corroborate``: figures and quotes that several documents report, who was first, and
which figures contradict each other."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from relata.cli.app import DbOption, app, fail, out
from relata.errors import RelataError

FORMATS = ("table", "json")
QUOTE_WIDTH = 70
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_QUALIFIER_WORDS = {"about": "about ", "more_than": "more than ", "less_than": "less than ", "up_to": "up to "}


@app.command()
def corroborate(
    db: DbOption = Path("relata.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    kind: Annotated[str, typer.Option("--kind", help="claims, quotes or all.")] = "all",
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Show items reported by at least this many documents.")
    ] = 2,
    save: Annotated[
        bool, typer.Option("--save", help="Also rebuild the store's claim_groups and quote_groups tables.")
    ] = False,
) -> None:
    """Group the same figure or quote reported by several documents; show who reported it first
    and flag figures that contradict each other (same measure and period, different value)."""
    from relata.analyze.corroboration import KINDS, corroboration_dict, rebuild_corroboration
    from relata.analyze.corroboration import corroborate as find_groups
    from relata.store import open_store

    if fmt not in FORMATS:
        fail(f"--format must be table or json, not {fmt!r}", code=2)
    if kind not in KINDS:
        fail(f"--kind must be claims, quotes or all, not {kind!r}", code=2)
    try:
        if save:
            with open_store(db) as con:
                rebuild_corroboration(con)
        with open_store(db, read_only=True) as con:
            result = find_groups(con, kind, min_sources)
    except RelataError as exc:
        fail(str(exc))
    if fmt == "json":
        out.print_json(json.dumps(corroboration_dict(result)))
        return
    _print_tables(result, kind)


def _print_tables(result, kind: str) -> None:
    if kind in ("claims", "all"):
        values = {group.id: group for group in result.claims}
        table = Table(title="Figures reported by several documents", show_lines=True)
        for column in ("#", "figure", "measure", "period", "docs", "outlets", "first reported", "conflicts"):
            table.add_column(column, justify="right" if column in ("#", "docs") else "left")
        for group in result.claims:
            table.add_row(
                str(group.id), _figure(group.value, group.unit, group.qualifier, group.change),
                group.measure or "", group.period or "", str(len(group.documents)), ", ".join(group.outlets),
                _first(group), ", ".join(f"#{other} {_figure(values[other].value, values[other].unit)}"
                                         for other in group.conflicts),
            )
        out.print(table)
        if result.conflicts:
            conflicts = Table(title="Conflicting figures (same measure and period, different value)")
            for column in ("measure", "period", "figure", "reported by", "other figure", "reported by"):
                conflicts.add_column(column)
            for conflict in result.conflicts:
                a, b = values[conflict.group], values[conflict.other]
                conflicts.add_row(
                    a.measure or "", a.period or "", _figure(a.value, a.unit), ", ".join(a.outlets),
                    _figure(b.value, b.unit), ", ".join(b.outlets),
                )
            out.print(conflicts)
    if kind in ("quotes", "all"):
        table = Table(title="Quotes reported by several documents", show_lines=True)
        for column in ("#", "quote", "speaker", "docs", "outlets", "first reported"):
            table.add_column(column, justify="right" if column in ("#", "docs") else "left")
        for group in result.quotes:
            text = group.text if len(group.text) <= QUOTE_WIDTH else group.text[:QUOTE_WIDTH - 1] + "…"
            speakers = ", ".join(group.speakers) or "(unnamed)"
            table.add_row(
                str(group.id), f"“{text}”", speakers, str(len(group.documents)), ", ".join(group.outlets),
                _first(group),
            )
        out.print(table)


def _figure(value: float, unit: str, qualifier: str = "exact", change: bool = False) -> str:
    """A value the way a reader writes it: 240100000000 USD -> "240.1 billion USD"."""
    words = _QUALIFIER_WORDS.get(qualifier, "")
    if change:
        words += "change of "
    if unit == "percent":
        return f"{words}{value:g}%"
    for scale, name in _SCALES:
        if abs(value) >= scale:
            return f"{words}{value / scale:,.4g} {name} {unit}"
    return f"{words}{value:,.12g} {unit}"


def _first(group) -> str:
    documents = {m.document.id: m.document for m in group.members}
    provenance = group.provenance
    names = [documents[doc_id].outlet or documents[doc_id].source for doc_id in provenance.first]
    text = "unknown (no member is dated)" if not names else f"{' = '.join(names)} ({provenance.published})"
    if provenance.status == "tie":
        text += " tie"
    if provenance.undated:
        text += f"; {len(provenance.undated)} undated"
    return text
