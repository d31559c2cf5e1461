"""What was fetched, when, and how it went: one row per URL, in the same DuckDB store.

The table is also the work queue of ``watch``: entries read from a feed are recorded as
``pending`` before any is fetched, so an entry is never lost because its feed later answers 304,
and failed ones are simply fetched again on the next round.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import duckdb

from relata.fetch.listing import Entry

TABLE = "fetch_state"
_COLUMNS = """
    url VARCHAR PRIMARY KEY,          -- as listed or given
    kind VARCHAR NOT NULL,            -- 'page', or 'listing' for feeds and sitemaps
    feed VARCHAR,                     -- the listing that named this page first
    listed_date VARCHAR,              -- the date that listing gave the entry
    final_url VARCHAR,                -- after redirects
    canonical VARCHAR,                -- the page's <link rel="canonical">
    source VARCHAR,                   -- the key of the stored document (sources.source)
    etag VARCHAR,
    last_modified VARCHAR,
    status VARCHAR NOT NULL,          -- see STATUSES
    http_status INTEGER,
    error VARCHAR,
    attempts INTEGER NOT NULL DEFAULT 0,
    fetched_at TIMESTAMP              -- the last attempt (never used as a publication date)
"""
PENDING, FAILED, SKIPPED = "pending", "failed", "skipped"
# Stored outcomes as in relata.store.write_record, plus "unchanged" (same content or HTTP 304)
# and "read" for a listing.
DONE = ("added", "replaced", "linked", "unchanged", "read")
STATUSES = (PENDING, FAILED, SKIPPED, *DONE)
# A page the server says is gone or forbidden (404, 410, ...) is tried this many rounds, not
# forever: a watch over months would otherwise re-request every dead link each round. Timeouts,
# 429 and 5xx are transient and always tried again.
PERMANENT_HTTP = (400, 401, 403, 404, 405, 410, 414, 451)
GIVE_UP_AFTER = 3


@dataclass(frozen=True)
class UrlState:
    url: str
    kind: str
    feed: str | None
    listed_date: str | None
    final_url: str | None
    canonical: str | None
    source: str | None
    etag: str | None
    last_modified: str | None
    status: str
    http_status: int | None
    error: str | None
    attempts: int
    fetched_at: datetime | None


_FIELDS = tuple(UrlState.__dataclass_fields__)


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} ({_COLUMNS})")


def get(con: duckdb.DuckDBPyConnection, url: str) -> UrlState | None:
    row = con.execute(f"SELECT {', '.join(_FIELDS)} FROM {TABLE} WHERE url = ?", [url]).fetchone()
    return UrlState(*row) if row else None


def enqueue(con: duckdb.DuckDBPyConnection, feed: str, entries: Iterable[Entry]) -> int:
    """Record entries not seen before as pending; the number of new ones.

    A URL known without a listing (given to ``fetch``) is adopted by ``feed``, so its retries follow.
    """
    rows = {entry.url: (entry.url, feed, entry.published) for entry in entries}
    if not rows:
        return 0
    before = _count(con)
    con.executemany(
        f"INSERT INTO {TABLE} (url, kind, feed, listed_date, status) VALUES (?, 'page', ?, ?, '{PENDING}') "
        "ON CONFLICT (url) DO UPDATE SET feed = coalesce(feed, excluded.feed), "
        "listed_date = coalesce(listed_date, excluded.listed_date)",
        list(rows.values()),
    )
    return _count(con) - before


def due(con: duckdb.DuckDBPyConnection, feed: str) -> list[UrlState]:
    """Pages named by ``feed`` still to fetch: new, failed or skipped last time, and not stored;
    not those that answered a permanent error (``PERMANENT_HTTP``) ``GIVE_UP_AFTER`` times."""
    permanent = ", ".join(str(code) for code in PERMANENT_HTTP)
    rows = con.execute(
        f"SELECT {', '.join(_FIELDS)} FROM {TABLE} "
        "WHERE feed = ? AND kind = 'page' AND status IN (?, ?, ?) "
        f"AND NOT (status = ? AND http_status IN ({permanent}) AND attempts >= ?) "
        "AND url NOT IN (SELECT source FROM sources) ORDER BY listed_date DESC NULLS LAST, url",
        [feed, PENDING, FAILED, SKIPPED, FAILED, GIVE_UP_AFTER],
    ).fetchall()
    return [UrlState(*row) for row in rows]


def record(con: duckdb.DuckDBPyConnection, url: str, kind: str, status: str, **fields) -> None:
    """Record one attempt at ``url``: its status and whatever ``fields`` (column=value) it learned.

    Columns not given keep their value (an ETag survives a failed attempt); ``attempts`` grows by one.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown fetch status {status!r}")
    unknown = set(fields) - set(_FIELDS)
    if unknown:
        raise ValueError(f"unknown fetch state columns: {sorted(unknown)}")
    names = ["url", "kind", "status", *fields]
    values = [url, kind, status, *fields.values()]
    updates = ", ".join(f"{name} = excluded.{name}" for name in ["status", *fields])
    con.execute(
        f"INSERT INTO {TABLE} ({', '.join(names)}, attempts, fetched_at) "
        f"VALUES ({', '.join('?' for _ in names)}, 1, now()) "
        f"ON CONFLICT (url) DO UPDATE SET {updates}, "
        f"attempts = {TABLE}.attempts + 1, fetched_at = now()",
        values,
    )


def _count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
