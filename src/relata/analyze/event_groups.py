"""One real-world event, many reports: grouping event mentions across documents.

Ten outlets covering one visit give ten event mentions; counted as ten visits they inflate every
count (GDELT's event counts are inflated exactly this way). Here every mention is kept as a
*report* and reports of the same event share a *group*; counts of events count groups.

The rule, precisely:

1. **Key.** Two reports can be the same event only if they have the same PLOVER ``type`` and the
   same dyad of actor ids. The dyad is *unordered* for the types in :data:`SYMMETRIC_TYPES` (a
   meeting reported as "Xi met Putin" and as "Putin met Xi" is one meeting) and *ordered* for the
   others (an accusation by A of B is not one by B of A). Actor ids are compared as stored, not
   widened to their country, so a meeting of foreign ministers and one of presidents on the same
   day stay two events.
2. **Both sides.** A report lacking its source or its target has no dyad to identify its event
   by; it is an event of its own and is never merged.
3. **Anchor.** Each report gets one calendar day (:func:`anchor`): the event's ``date`` when it
   is a full day; for a coarser date (``YYYY-MM``, ``YYYY``, ``YYYY-Www``, ``YYYY-Qn``), the
   document's ``published`` day when it falls inside it, else the first day of that period; with no
   usable event date, the ``published`` day. A report with neither is an event of its own. The
   anchor also keeps the date *as precisely as it is known* (``2024-05-16``, ``2024-05``, ``2013``),
   so that the first-day stand-in of a coarse date is never shown as a real day.
4. **Window.** Within one key, reports are linked when their anchors are at most
   :data:`DATE_WINDOW_DAYS` apart, and the groups are the connected components of that relation
   (single linkage: a chain of daily reports about a week-long summit is one event).

A group's id is derived from its earliest report (anchor, then document id, then position), so
the same data always gives the same ids, whether computed here in memory or read from the
``event_groups`` table.

Why a table *and* an in-memory function: the connected-components step is awkward and slow as a
recursive SQL view, and a table lets the report and the web app join on ``group_id`` with plain
SQL. The table is a cache of :func:`group_reports`, rebuilt by :func:`rebuild_event_groups` after
ingestion; readers that must never see a stale cache (``relata dyad``) recompute the groups of the
reports they show, which gives identical ids because a group depends only on its key's reports.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

# Outlets date the same event differently: a wire story on the day, a weekly on the weekend,
# relative dates ("on Tuesday") resolved against different publication days, time zones across
# the date line. Three days absorbs that spread without merging, say, two summits a week apart.
DATE_WINDOW_DAYS = 3

# Types whose two sides play the same part, so the direction is an artefact of the sentence
# ("A met B" / "B hosted A", "A and B agreed", "A and B held joint exercises"). Every other type
# (accusations, aid, sanctions, attacks ...) keeps its direction.
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})

TABLE = "event_groups"
CREATE_TABLE = f"""
    CREATE TABLE {TABLE} (
        document_id VARCHAR NOT NULL, position INTEGER NOT NULL, group_id VARCHAR NOT NULL,
        anchor DATE, anchor_label VARCHAR, PRIMARY KEY (document_id, position))"""


@dataclass(frozen=True, slots=True)
class EventReport:
    """What grouping needs to know about one event mention."""

    document_id: str
    position: int
    type: str
    source: str | None
    target: str | None
    date: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class Anchor:
    """When a report's event happened: a day for the window, and the date as precisely as known."""

    day: date
    label: str  # "2024-05-16", or coarser ("2024-05", "2013") when only that much is known


@dataclass(frozen=True, slots=True)
class Membership:
    """The group a report belongs to, and its anchor (``None``: undated)."""

    document_id: str
    position: int
    group_id: str
    anchor: Anchor | None


def date_interval(value: str | None) -> tuple[date, date] | None:
    """First and last day of a TIMEX-style date (day, month, year, ISO week, quarter), else ``None``.

    Partial values with an unknown year (``XXXX-05-14``), seasons and decades give ``None``.
    """
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            day = date.fromisoformat(value[:10])
            return day, day
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            first = date(int(value[:4]), int(value[5:]), 1)
            return first, _next_month(first) - timedelta(days=1)
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if len(value) == 8 and value[4:6] == "-W" and value[6:].isdigit():
            monday = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return monday, monday + timedelta(days=6)
        if len(value) == 7 and value[4:6] == "-Q" and value[6] in "1234":
            first = date(int(value[:4]), 3 * int(value[6]) - 2, 1)
            return first, _next_month(_next_month(_next_month(first))) - timedelta(days=1)
    except ValueError:
        return None
    return None


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def anchor(event_date: str | None, published: str | None) -> Anchor | None:
    """The anchor of a report (rule 3 of the module docstring); ``None`` when nothing dates it."""
    published_span = date_interval(published[:10]) if published else None
    published_day = published_span[0] if published_span and published_span[0] == published_span[1] else None
    interval = date_interval(event_date)
    if interval is None:
        return Anchor(published_day, published_day.isoformat()) if published_day else None
    first, last = interval
    label = _known_part(first, last)
    if published_day is not None and first <= published_day <= last:
        return Anchor(published_day, label)
    return Anchor(first, label)


def _known_part(first: date, last: date) -> str:
    # The most precise calendar period (day, month, year) holding the whole interval.
    if first == last:
        return first.isoformat()
    if (first.year, first.month) == (last.year, last.month):
        return first.isoformat()[:7]
    return first.isoformat()[:4]


def group_key(report: EventReport) -> tuple[str, str, str] | None:
    """Reports with equal keys may be one event; ``None`` when the report lacks a side."""
    if report.source is None or report.target is None:
        return None
    if report.type in SYMMETRIC_TYPES:
        first, second = sorted((report.source, report.target))
        return report.type, first, second
    return report.type, report.source, report.target


def group_reports(reports: Iterable[EventReport], window_days: int = DATE_WINDOW_DAYS) -> list[Membership]:
    """The group of every report: same key, anchors chained within ``window_days`` days."""
    by_key: dict[tuple, list[tuple[Anchor, EventReport]]] = defaultdict(list)
    memberships: list[Membership] = []
    for report in reports:
        when = anchor(report.date, report.published)
        key = group_key(report)
        if key is None or when is None:
            memberships.append(_membership(report, _group_id(report), when))
        else:
            by_key[key].append((when, report))
    for dated in by_key.values():
        dated.sort(key=lambda item: (item[0].day, item[1].document_id, item[1].position))
        group_id, previous = None, None
        for when, report in dated:
            if previous is None or (when.day - previous).days > window_days:
                group_id = _group_id(report)
            memberships.append(_membership(report, group_id, when))
            previous = when.day
    return memberships


def _membership(report: EventReport, group_id: str, when: Anchor | None) -> Membership:
    return Membership(report.document_id, report.position, group_id, when)


def _group_id(first: EventReport) -> str:
    digest = hashlib.sha1(f"{first.document_id}:{first.position}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


_REPORTS_SQL = """
    SELECT e.document_id, e.position, e.type, e.source, e.target, e.date, d.published
    FROM events e JOIN documents d ON d.id = e.document_id"""


def load_reports(con: duckdb.DuckDBPyConnection) -> list[EventReport]:
    """Every stored event mention, as grouping sees it."""
    return [EventReport(*row) for row in con.execute(_REPORTS_SQL).fetchall()]


def rebuild_event_groups(con: duckdb.DuckDBPyConnection, window_days: int = DATE_WINDOW_DAYS) -> int:
    """Recompute the ``event_groups`` table from the stored events, in one transaction.

    Idempotent; call it after ingestion. Returns the number of distinct events (groups).
    """
    con.execute("BEGIN TRANSACTION")
    try:
        groups = build_event_groups(con, window_days)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return groups


def build_event_groups(con: duckdb.DuckDBPyConnection, window_days: int = DATE_WINDOW_DAYS) -> int:
    """:func:`rebuild_event_groups` in the caller's transaction."""
    memberships = group_reports(load_reports(con), window_days)
    # The table is a cache of this function: recreated, so a change of its columns needs no migration.
    con.execute(f"DROP TABLE IF EXISTS {TABLE}")
    con.execute(CREATE_TABLE)
    _insert(con, memberships)
    return len({m.group_id for m in memberships})


def update_event_groups(
    con: duckdb.DuckDBPyConnection, touched: list[str], window_days: int = DATE_WINDOW_DAYS
) -> int:
    """Bring ``event_groups`` up to date after the documents ``touched`` were added or removed,
    in the caller's transaction; the table must be up to date for every other document.

    A group depends only on the reports of its key (rule 1), so only the keys the touched
    documents had or have are regrouped: their reports are read, grouped by
    :func:`group_reports` exactly as a full rebuild would, and their rows replaced. The time
    grows with the touched documents and the reports sharing their keys, not with the store.
    Returns the number of distinct events (groups) in the table.
    """
    con.execute("CREATE TEMP TABLE _event_touched AS SELECT unnest(?::VARCHAR[]) AS document_id", [touched])
    try:
        # Keys the touched documents have now, and keys of the groups their old reports were in
        # (read from a remaining report of the group: every report of a group shares its key).
        con.execute(f"""
            CREATE TEMP TABLE _event_keys AS
            WITH keyed AS (
                SELECT e.type, e.source, e.target FROM events e JOIN _event_touched t USING (document_id)
                UNION
                SELECT e.type, e.source, e.target FROM {TABLE} g
                JOIN events e USING (document_id, position)
                WHERE g.group_id IN (SELECT g2.group_id FROM {TABLE} g2 JOIN _event_touched USING (document_id)))
            SELECT DISTINCT type,
                   CASE WHEN type IN {_sql_list(SYMMETRIC_TYPES)} THEN least(source, target) ELSE source END AS a,
                   CASE WHEN type IN {_sql_list(SYMMETRIC_TYPES)} THEN greatest(source, target) ELSE target END AS b
            FROM keyed WHERE source IS NOT NULL AND target IS NOT NULL""")
        rows = con.execute(f"""
            {_REPORTS_SQL} JOIN _event_touched t ON t.document_id = e.document_id
            UNION
            {_REPORTS_SQL} JOIN _event_keys k ON k.type = e.type AND k.a = e.source AND k.b = e.target
            UNION
            {_REPORTS_SQL} JOIN _event_keys k ON k.type = e.type AND k.b = e.source AND k.a = e.target
                AND k.type IN {_sql_list(SYMMETRIC_TYPES)}""").fetchall()
        memberships = group_reports((EventReport(*row) for row in rows), window_days)
        # Out go the touched documents' rows (current or gone) and every row of the keys regrouped.
        con.execute(f"DELETE FROM {TABLE} WHERE document_id IN (SELECT document_id FROM _event_touched)")
        con.execute("CREATE TEMP TABLE _event_regrouped AS SELECT unnest(?::VARCHAR[]) AS document_id, "
                    "unnest(?::INTEGER[]) AS position",
                    [[m.document_id for m in memberships], [m.position for m in memberships]])
        con.execute(f"DELETE FROM {TABLE} USING _event_regrouped r "
                    f"WHERE {TABLE}.document_id = r.document_id AND {TABLE}.position = r.position")
        _insert(con, memberships)
        return con.execute(f"SELECT count(DISTINCT group_id) FROM {TABLE}").fetchone()[0]
    finally:
        for name in ("_event_touched", "_event_keys", "_event_regrouped"):
            con.execute(f"DROP TABLE IF EXISTS {name}")


def _sql_list(values: Iterable[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


def _insert(con: duckdb.DuckDBPyConnection, memberships: list[Membership]) -> None:
    # Column lists unnested in one statement: executemany inserts row by row (minutes at 100k).
    con.execute(
        f"INSERT INTO {TABLE} SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5)",
        [[m.document_id for m in memberships], [m.position for m in memberships],
         [m.group_id for m in memberships], [m.anchor and m.anchor.day for m in memberships],
         [m.anchor and m.anchor.label for m in memberships]],
    )


__all__ = [
    "DATE_WINDOW_DAYS", "SYMMETRIC_TYPES", "TABLE", "EventReport", "Membership", "date_interval",
    "Anchor", "anchor", "group_key", "group_reports", "load_reports", "rebuild_event_groups",
    "build_event_groups", "update_event_groups",
]
