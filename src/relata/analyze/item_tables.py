"""The store's quotes, claims, actors, dyads and corroboration as Arrow tables, one row per item.

These are what :class:`relata.Store` returns and what ``relata quotes``, ``claims``, ``actors``,
``dyad`` and ``corroborate`` print as JSON or CSV: the same functions, so the Python API and the
command line always agree. Filters come validated in a :class:`~relata.analyze.selection.Selection`.
"""

from __future__ import annotations

from dataclasses import asdict

import duckdb
import pyarrow as pa

from relata.analyze.actor_lookup import list_actors
from relata.analyze.corroboration import corroborate, corroboration_dict
from relata.analyze.dyad import DyadTimeline, dyad_timeline
from relata.analyze.selection import ActorIds, Selection, Where, published_filters
from relata.store.schema import present_columns

QUOTE_KINDS = ("direct", "partial", "indirect")

_DOCUMENT = """d.outlet, d.title, d.published,
    CASE WHEN regexp_matches(d.source, '^https?://') THEN d.source END AS url, d.source AS source_path"""

QUOTE_SCHEMA = pa.schema([
    ("quote_id", pa.string()), ("document_id", pa.string()), ("position", pa.int32()),
    ("kind", pa.string()), ("text", pa.string()), ("speaker_id", pa.string()),
    ("speaker_name", pa.string()), ("cue", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("corroboration_group", pa.int32()), ("outlet", pa.string()), ("title", pa.string()),
    ("published", pa.string()), ("url", pa.string()), ("source_path", pa.string()),
])
CLAIM_SCHEMA = pa.schema([
    ("claim_id", pa.string()), ("document_id", pa.string()), ("position", pa.int32()),
    ("text", pa.string()), ("value", pa.float64()), ("unit", pa.string()), ("qualifier", pa.string()),
    ("measure", pa.string()), ("period", pa.string()), ("change", pa.bool_()),
    ("attributed_to_id", pa.string()), ("attributed_to_name", pa.string()), ("start", pa.int32()),
    ("end", pa.int32()), ("corroboration_group", pa.int32()), ("outlet", pa.string()),
    ("title", pa.string()), ("published", pa.string()), ("url", pa.string()), ("source_path", pa.string()),
])
ACTOR_SCHEMA = pa.schema([
    ("id", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("country", pa.string()),
    ("documents", pa.int64()), ("mentions", pa.int64()), ("events", pa.int64()),
    ("aliases", pa.list_(pa.string())),
])
# "source"/"target" are the report's sides (a meeting may be reported either way round);
# "event_source"/"event_target" the event's, from its earliest report.
DYAD_SCHEMA = pa.schema([
    ("period", pa.string()), ("event_id", pa.string()), ("type", pa.string()), ("direction", pa.string()),
    ("event_source", pa.string()), ("event_target", pa.string()), ("event_source_name", pa.string()),
    ("event_target_name", pa.string()), ("event_date", pa.string()), ("event_intensity", pa.float64()),
    ("reports", pa.int32()), ("source", pa.string()), ("target", pa.string()), ("document_id", pa.string()),
    ("title", pa.string()), ("outlet", pa.string()), ("published", pa.string()),
    ("document_source", pa.string()), ("position", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
    ("trigger", pa.string()), ("report_date", pa.string()), ("report_intensity", pa.float64()),
    ("sentence", pa.string()),
])
CORROBORATION_SCHEMA = pa.schema([
    ("kind", pa.string()), ("group_id", pa.int32()), ("group_text", pa.string()),
    ("speaker", pa.string()), ("speaker_name", pa.string()), ("speakers", pa.list_(pa.string())),
    ("value", pa.float64()), ("unit", pa.string()), ("qualifier", pa.string()), ("measure", pa.string()),
    ("period", pa.string()), ("change", pa.bool_()), ("documents", pa.int32()),
    ("outlets", pa.list_(pa.string())), ("first_status", pa.string()), ("first_published", pa.string()),
    ("first_document_ids", pa.list_(pa.string())), ("undated_document_ids", pa.list_(pa.string())),
    ("conflicts", pa.list_(pa.int32())), ("document_id", pa.string()), ("outlet", pa.string()),
    ("published", pa.string()), ("source", pa.string()), ("title", pa.string()), ("position", pa.int32()),
    ("text", pa.string()), ("member_value", pa.float64()), ("member_qualifier", pa.string()),
    ("member_measure", pa.string()), ("member_period", pa.string()), ("member_kind", pa.string()),
    ("member_speaker_name", pa.string()),
])


def _group_column(con: duckdb.DuckDBPyConnection, members: str, alias: str) -> tuple[str, str]:
    # The corroboration tables exist once an ingest (or `relata derive`) built them.
    if not present_columns(con, members):
        return "NULL::INTEGER", ""
    return "g.group_id", (f" LEFT JOIN {members} g ON g.document_id = {alias}.document_id "
                          f"AND g.position = {alias}.position")


def _table(con: duckdb.DuckDBPyConnection, sql: str, where: Where, order: str, schema: pa.Schema) -> pa.Table:
    rows = con.sql(sql + where.sql + " ORDER BY " + order, params=where.params).to_arrow_table()
    return rows.select(schema.names).cast(schema)


def quotes_table(con: duckdb.DuckDBPyConnection, selection: Selection | None = None) -> pa.Table:
    """Quotes, oldest document first; ``actor`` is the speaker, ``types`` the quote kinds, dates
    the publication date."""
    selection = selection or Selection()
    group, join = _group_column(con, "quote_group_members", "q")
    where = Where()
    published_filters(where, selection)
    if selection.actor:
        where.add("list_contains(?, q.speaker)", ActorIds(con)(selection.actor))
    if selection.types:
        where.add("list_contains(?, q.kind)", list(selection.types))
    sql = (f"SELECT q.document_id || ':' || q.position AS quote_id, q.document_id, q.position, q.kind, "
           f"q.text, q.speaker AS speaker_id, q.speaker_name, q.cue, q.start, q.\"end\", "
           f"{group} AS corroboration_group, {_DOCUMENT} FROM quotes q "
           f"JOIN documents d ON d.id = q.document_id{join}")
    return _table(con, sql, where, "d.published NULLS LAST, q.document_id, q.position", QUOTE_SCHEMA)


def claims_table(con: duckdb.DuckDBPyConnection, selection: Selection | None = None) -> pa.Table:
    """Numeric claims, oldest document first; ``actor`` is whoever states the figure, ``types``
    the units (``USD``, ``percent`` ...), dates the publication date."""
    selection = selection or Selection()
    group, join = _group_column(con, "claim_group_members", "c")
    where = Where()
    published_filters(where, selection)
    if selection.actor:
        where.add("list_contains(?, c.attributed_to)", ActorIds(con)(selection.actor))
    if selection.types:
        where.add("list_contains(?, c.unit)", list(selection.types))
    sql = (f"SELECT c.document_id || ':' || c.position AS claim_id, c.document_id, c.position, c.text, "
           f"c.value, c.unit, c.qualifier, c.measure, c.period, c.change, c.attributed_to AS attributed_to_id, "
           f"coalesce(a.name, x.name) AS attributed_to_name, c.start, c.\"end\", {group} AS corroboration_group, "
           f"{_DOCUMENT} FROM claims c JOIN documents d ON d.id = c.document_id "
           f"LEFT JOIN document_actors a ON a.document_id = c.document_id AND a.actor_id = c.attributed_to "
           f"LEFT JOIN actors x ON a.actor_id IS NULL AND x.id = c.attributed_to{join}")
    return _table(con, sql, where, "d.published NULLS LAST, c.document_id, c.position", CLAIM_SCHEMA)


def actors_table(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> pa.Table:
    """Actors across the store, most mentioned first (what ``relata actors`` lists)."""
    rows = [asdict(actor) for actor in list_actors(con, limit)]
    return pa.Table.from_pylist([{**r, "aliases": list(r["aliases"])} for r in rows], schema=ACTOR_SCHEMA)


def dyad_rows(timeline: DyadTimeline) -> list[dict]:
    """One row per report of every event of the dyad, event columns repeated on each."""
    return [
        {"period": e.period, "event_id": e.id, "type": e.type, "direction": e.direction,
         "event_source": e.source, "event_target": e.target, "event_source_name": e.source_name,
         "event_target_name": e.target_name, "event_date": e.date, "event_intensity": e.intensity,
         "reports": len(e.reports), "source": r.source, "target": r.target, "document_id": r.document_id,
         "title": r.title, "outlet": r.outlet, "published": r.published, "document_source": r.document_source,
         "position": r.position, "start": r.start, "end": r.end, "trigger": r.trigger, "report_date": r.date,
         "report_intensity": r.intensity, "sentence": r.sentence}
        for e in timeline.events for r in e.reports
    ]


def dyad_table(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month") -> pa.Table:
    """The dyad's timeline (:func:`relata.analyze.dyad.dyad_timeline`), one row per report."""
    return pa.Table.from_pylist(dyad_rows(dyad_timeline(con, a, b, by=by)), schema=DYAD_SCHEMA)


def corroboration_rows(data: dict) -> list[dict]:
    """:func:`relata.analyze.corroboration.corroboration_dict` flattened: one row per member of
    every claim and quote group, the group's columns repeated on each."""
    rows = []
    for kind, groups in (("claim", data["claims"]), ("quote", data["quotes"])):
        for group in groups:
            first = group["first"]
            base = {
                "kind": kind, "group_id": group["id"], "group_text": group.get("text"),
                "speaker": group.get("speaker"), "speaker_name": group.get("speaker_name"),
                "speakers": group.get("speakers", []), "value": group.get("value"),
                "unit": group.get("unit"), "qualifier": group.get("qualifier"),
                "measure": group.get("measure"), "period": group.get("period"), "change": group.get("change"),
                "documents": group["documents"], "outlets": group["outlets"], "first_status": first["status"],
                "first_published": first["published"],
                "first_document_ids": [d["document_id"] for d in first["first"]],
                "undated_document_ids": first["undated"], "conflicts": group.get("conflicts", []),
            }
            for m in group["members"]:
                rows.append({
                    **base, "document_id": m["document_id"], "outlet": m["outlet"], "published": m["published"],
                    "source": m["source"], "title": m["title"], "position": m["position"], "text": m["text"],
                    "member_value": m.get("value"), "member_qualifier": m.get("qualifier"),
                    "member_measure": m.get("measure"), "member_period": m.get("period"),
                    "member_kind": m.get("kind"), "member_speaker_name": m.get("speaker_name"),
                })
    return rows


def corroboration_table(con: duckdb.DuckDBPyConnection, kind: str = "all", min_documents: int = 2) -> pa.Table:
    """Claim and/or quote groups reported by at least ``min_documents`` documents, one row per member."""
    data = corroboration_dict(corroborate(con, kind, min_documents))
    return pa.Table.from_pylist(corroboration_rows(data), schema=CORROBORATION_SCHEMA)


__all__ = [
    "QUOTE_KINDS", "QUOTE_SCHEMA", "CLAIM_SCHEMA", "ACTOR_SCHEMA", "DYAD_SCHEMA", "CORROBORATION_SCHEMA",
    "quotes_table", "claims_table", "actors_table", "dyad_rows", "dyad_table", "corroboration_rows",
    "corroboration_table",
]
