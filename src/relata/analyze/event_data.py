"""Event data: one row per event mention in the columns event-data users expect (GDELT, ICEWS,
POLECAT): who did what to whom, when and where, with the CAMEO code, QuadClass and Goldstein score,
the real-world event it belongs to, and the document and sentence it came from.

``event_table(con, selection)`` returns the rows as an Arrow table with :data:`SCHEMA`; the
``relata export --format events-csv|events-parquet`` files, ``relata events`` and
:meth:`relata.Store.events` are this table. Every column is described in ``docs/event-data.md``
(with its POLECAT and GDELT counterparts); :data:`COLUMNS` holds the same descriptions.

Event groups are computed from the stored events on every call (the ``event_groups`` table is a
cache that ``--no-derive`` leaves stale), so the ids always match what is stored. Place actors
(kind ``location``) get coordinates as event locations do (:mod:`relata.resolve.coordinates`),
with the other side's country and the document's dateline as context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from relata.analyze.cameo import quad_and_goldstein
from relata.analyze.event_groups import group_reports, load_reports
from relata.analyze.selection import ActorIds, Selection, Where
from relata.records import PLOVER_TYPES
from relata.store.schema import present_columns

# name, Arrow type, meaning (docs/event-data.md says the same, with POLECAT and GDELT fields).
COLUMNS: tuple[tuple[str, pa.DataType, str], ...] = (
    ("event_id", pa.string(), "one event mention: <document_id>:<position>"),
    ("event_group_id", pa.string(), "the real-world event: mentions of one type and actor pair within 3 days"),
    ("reports", pa.int32(), "mentions in the event group"),
    ("date", pa.date32(), "the day the event is placed at: its own date, else the publication day"),
    ("date_precision", pa.string(), "how precisely the text dates the event: day, month, year; null undated"),
    ("source_id", pa.string(), "actor id of who acts (ISO alpha-3 for a state)"),
    ("source_name", pa.string(), "its canonical name"),
    ("source_kind", pa.string(), "person, state, organization, group or location"),
    ("source_country", pa.string(), "ISO 3166-1 alpha-3 of its state"),
    ("source_sector", pa.string(), "CAMEO/Phoenix role sector (GOV, MIL, ...) when the record has it"),
    ("source_lat", pa.float64(), "latitude of a place actor"),
    ("source_lon", pa.float64(), "longitude of a place actor"),
    ("target_id", pa.string(), "actor id of whom it is done to"),
    ("target_name", pa.string(), "its canonical name"),
    ("target_kind", pa.string(), "person, state, organization, group or location"),
    ("target_country", pa.string(), "ISO 3166-1 alpha-3 of its state"),
    ("target_sector", pa.string(), "CAMEO/Phoenix role sector when the record has it"),
    ("target_lat", pa.float64(), "latitude of a place actor"),
    ("target_lon", pa.float64(), "longitude of a place actor"),
    ("plover_type", pa.string(), "PLOVER event type"),
    ("plover_mode", pa.string(), "PLOVER mode, or null"),
    ("cameo", pa.string(), "CAMEO code of the pattern that coded the event, when the record has it"),
    ("quad_class", pa.int8(), "CAMEO QuadClass 1-4, from the CAMEO code, else the PLOVER type"),
    ("goldstein", pa.float64(), "Goldstein-style score, from the CAMEO code, else the PLOVER type and mode"),
    ("intensity", pa.float64(), "the record's intensity (-10 conflict ... +10 cooperation)"),
    ("negated", pa.bool_(), "always false: a negated or denied event is never coded"),
    ("attributed_to_id", pa.string(), "actor id of whoever asserts the event, when the outlet reports a claim"),
    ("attributed_to_name", pa.string(), "its canonical name"),
    ("location_name", pa.string(), "where it happened, as the text names it"),
    ("location_country", pa.string(), "ISO alpha-3 of the state the place lies in"),
    ("location_lat", pa.float64(), "latitude of the place (null when unsure)"),
    ("location_lon", pa.float64(), "longitude of the place (null when unsure)"),
    ("document_id", pa.string(), "the document's id"),
    ("url", pa.string(), "the document's URL (null for a file)"),
    ("source_path", pa.string(), "where the document was read from: URL or path"),
    ("outlet", pa.string(), "the outlet"),
    ("title", pa.string(), "the document's title"),
    ("published", pa.string(), "publication date, YYYY-MM-DD (or YYYY-MM, YYYY)"),
    ("trigger", pa.string(), "the word(s) that signal the event"),
    ("sentence", pa.string(), "the sentence or clause the event was coded from"),
    ("start", pa.int32(), "offset of the sentence in the document's cleaned text"),
    ("end", pa.int32(), "end offset (exclusive)"),
)
SCHEMA = pa.schema([pa.field(name, kind) for name, kind, _ in COLUMNS])

_BASE_SQL = """
    SELECT e.document_id || ':' || e.position AS event_id, e.document_id, e.position,
           g.group_id AS event_group_id, g.reports, g.day AS date, g.precision AS date_precision,
           e.source AS source_id, coalesce(sa.name, xa.name) AS source_name,
           coalesce(sa.kind, xa.kind) AS source_kind, coalesce(sa.country, xa.country) AS source_country,
           {source_sector} AS source_sector,
           e.target AS target_id, coalesce(ta.name, ya.name) AS target_name,
           coalesce(ta.kind, ya.kind) AS target_kind, coalesce(ta.country, ya.country) AS target_country,
           {target_sector} AS target_sector,
           e.type AS plover_type, e.mode AS plover_mode, {cameo} AS cameo, e.intensity,
           false AS negated, e.attributed_to AS attributed_to_id, coalesce(aa.name, za.name) AS attributed_to_name,
           e.location_name, e.location_country, {lat} AS location_lat, {lon} AS location_lon,
           CASE WHEN regexp_matches(d.source, '^https?://') THEN d.source END AS url, d.source AS source_path,
           d.outlet, d.title, d.published, e.trigger,
           substr(d.text, e.start + 1, e."end" - e.start) AS sentence, e.start, e."end",
           left(d.text, 300) AS head
    FROM events e
    JOIN documents d ON d.id = e.document_id
    JOIN _relata_groups g ON g.document_id = e.document_id AND g.position = e.position
    LEFT JOIN document_actors sa ON sa.document_id = e.document_id AND sa.actor_id = e.source
    LEFT JOIN document_actors ta ON ta.document_id = e.document_id AND ta.actor_id = e.target
    LEFT JOIN document_actors aa ON aa.document_id = e.document_id AND aa.actor_id = e.attributed_to
    LEFT JOIN actors xa ON sa.actor_id IS NULL AND xa.id = e.source
    LEFT JOIN actors ya ON ta.actor_id IS NULL AND ya.id = e.target
    LEFT JOIN actors za ON aa.actor_id IS NULL AND za.id = e.attributed_to"""
_ORDER = " ORDER BY g.day NULLS LAST, e.document_id, e.position"
_GROUPS_VIEW = "_relata_groups"
_PRECISION = {10: "day", 7: "month", 4: "year"}


def _groups(con: duckdb.DuckDBPyConnection) -> pa.Table:
    memberships = group_reports(load_reports(con))
    sizes = Counter(m.group_id for m in memberships)
    return pa.table({
        "document_id": pa.array([m.document_id for m in memberships], pa.string()),
        "position": pa.array([m.position for m in memberships], pa.int32()),
        "group_id": pa.array([m.group_id for m in memberships], pa.string()),
        "reports": pa.array([sizes[m.group_id] for m in memberships], pa.int32()),
        "day": pa.array([m.anchor.day if m.anchor else None for m in memberships], pa.date32()),
        "precision": pa.array([_PRECISION.get(len(m.anchor.label)) if m.anchor else None
                               for m in memberships], pa.string()),
    })


def _column(con, table: str, name: str, alias: str) -> str:
    """``alias.name``, or ``NULL`` when the store lacks the column (written by an older Relata, or
    a field this Relata does not store yet: ``cameo`` and ``sector`` are read once they are)."""
    return f"{alias}.{name}" if name in present_columns(con, table) else "NULL"


def _where(con: duckdb.DuckDBPyConnection, selection: Selection) -> Where:
    where = Where()
    ids = ActorIds(con)
    if selection.actor:
        members = ids(selection.actor)
        where.add("(list_contains(?, e.source) OR list_contains(?, e.target))", members, members)
    if selection.source:
        where.add("list_contains(?, e.source)", ids(selection.source))
    if selection.target:
        where.add("list_contains(?, e.target)", ids(selection.target))
    if selection.types:
        where.add("list_contains(?, e.type)", list(selection.types))
    if selection.first_day:
        where.add("g.day >= ?", selection.first_day)
    if selection.last_day:
        where.add("g.day <= ?", selection.last_day)
    if selection.outlet:
        where.add("lower(d.outlet) = lower(?)", selection.outlet)
    if selection.document:
        where.add("e.document_id = ?", selection.document)
    return where


def event_table(con: duckdb.DuckDBPyConnection, selection: Selection | None = None) -> pa.Table:
    """The event-data rows of the store (those ``selection`` keeps), ordered by day, document and
    position, with the columns of :data:`SCHEMA`."""
    selection = selection or Selection()
    sql = _BASE_SQL.format(
        source_sector=_column(con, "document_actors", "sector", "sa"),
        target_sector=_column(con, "document_actors", "sector", "ta"),
        cameo=_column(con, "events", "cameo", "e"),
        lat=_column(con, "events", "location_lat", "e"), lon=_column(con, "events", "location_lon", "e"))
    where = _where(con, selection)
    con.register(_GROUPS_VIEW, _groups(con))
    try:
        rows = con.sql(sql + where.sql + _ORDER, params=where.params).to_arrow_table()
    finally:
        con.unregister(_GROUPS_VIEW)
    return _finish(rows)


def _finish(rows: pa.Table) -> pa.Table:
    """Add what SQL does not compute (QuadClass, Goldstein, place actors' coordinates) and give
    every column its documented name, order and type."""
    data = rows.to_pydict()
    scores = {key: quad_and_goldstein(*key) for key in
              set(zip(data["cameo"], data["plover_type"], data["plover_mode"], strict=True))}
    keys = list(zip(data["cameo"], data["plover_type"], data["plover_mode"], strict=True))
    data["quad_class"] = [scores[k][0] for k in keys]
    data["goldstein"] = [scores[k][1] for k in keys]
    for side, other in (("source", "target"), ("target", "source")):
        data[f"{side}_lat"], data[f"{side}_lon"] = _place_coordinates(data, side, other)
    return pa.table({name: pa.array(data[name], kind) for name, kind, _ in COLUMNS}, schema=SCHEMA)


def _place_coordinates(data: dict, side: str, other: str) -> tuple[list, list]:
    size = len(data["event_id"])
    lats: list[float | None] = [None] * size
    lons: list[float | None] = [None] * size
    places = [i for i in range(size) if data[f"{side}_kind"][i] == "location"]
    if not places:
        return lats, lons
    from relata.resolve.coordinates import dateline_country, locate  # the gazetteer loads on first use

    datelines: dict[str, str | None] = {}
    for i in places:
        document = data["document_id"][i]
        if document not in datelines:
            datelines[document] = dateline_country(data["head"][i])
        context = {data[f"{other}_country"][i], datelines[document]} - {None}
        found = locate(data[f"{side}_name"][i], data[f"{side}_country"][i], context)
        if found is not None:
            lats[i], lons[i] = found.lat, found.lon
    return lats, lons


EXPORT_FORMATS = {"events-csv": "csv", "events-parquet": "parquet"}


def write_events(con: duckdb.DuckDBPyConnection, fmt: str, out: Path,
                 selection: Selection | None = None) -> Path:
    """Write the event data as one CSV (header, RFC 4180 quoting, UTF-8, empty cells for null)
    or Parquet file at ``out``; returns ``out``."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown event-data format {fmt!r} ({', '.join(EXPORT_FORMATS)})")
    table = event_table(con, selection)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if EXPORT_FORMATS[fmt] == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, out)
    else:
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, out)
    return out


def event_types() -> Iterable[str]:
    return PLOVER_TYPES


__all__ = ["COLUMNS", "SCHEMA", "EXPORT_FORMATS", "event_table", "write_events", "event_types"]
