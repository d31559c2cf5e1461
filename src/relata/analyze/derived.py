"""Tables derived from the stored documents, kept up to date after every change to the store.

Event groups (one real-world event, many reports) and corroboration groups (the same figure or
quote in several documents) are caches over the item tables; updating them after an ingest or a
fetch round keeps the report and the web app in step with what is stored.

The store notes every document added or removed (``derive_pending``, written with the document),
so after a round of N new documents into a store of M only what those N touch is regrouped
(:func:`update_derived`): time grows with N, not M, and the tables come out exactly as a full
rebuild (:func:`rebuild_derived`, ``relata derive --full``) makes them. A full rebuild runs
instead when the tables were never built or not by this version (no ``derived.tracking`` mark),
when the round touches a large share of the store, or when corroboration cannot be updated
(see ``corroboration_update``).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from relata.analyze.corroboration import build_corroboration
from relata.analyze.corroboration_bands import TABLE as BANDS_TABLE
from relata.analyze.corroboration_pairs import LSH_MIN_ITEMS
from relata.analyze.corroboration_store import TABLES as CORROBORATION_TABLES
from relata.analyze.corroboration_update import update_corroboration
from relata.analyze.event_groups import TABLE as EVENT_GROUPS
from relata.analyze.event_groups import build_event_groups, update_event_groups
from relata.store.schema import TABLES as STORE_TABLES

# store_info key saying the derived tables are right for every document not in derive_pending.
TRACKING = "derived.tracking"
# Above this share of the store in one round, regrouping everything is the cheaper way.
FULL_SHARE = 0.25
DERIVED_TABLES = (EVENT_GROUPS, *CORROBORATION_TABLES, BANDS_TABLE)
FULL, UPDATED, UP_TO_DATE = "rebuilt", "updated", "up to date"


@dataclass(frozen=True)
class DerivedCounts:
    event_groups: int
    claim_groups: int
    quote_groups: int


@dataclass(frozen=True)
class DerivedUpdate:
    """What :func:`update_derived` did: ``how`` is ``rebuilt``, ``updated`` (from ``documents``
    added or removed) or ``up to date`` (nothing pending)."""

    how: str
    documents: int
    counts: DerivedCounts
    corroboration_rebuilt: bool = False  # updated, but corroboration had to be regrouped whole


def rebuild_derived(con: duckdb.DuckDBPyConnection, lsh_min_items: int = LSH_MIN_ITEMS) -> DerivedCounts:
    """Recompute every derived table from the whole store, in one transaction."""
    _ensure_bookkeeping(con)
    with _transaction(con):
        events = build_event_groups(con)
        corroboration = build_corroboration(con, lsh_min_items)
        con.execute("DELETE FROM derive_pending")
        con.execute("INSERT OR REPLACE INTO store_info VALUES (?, '1')", [TRACKING])
    return DerivedCounts(events, len(corroboration.claims), len(corroboration.quotes))


def update_derived(
    con: duckdb.DuckDBPyConnection, full: bool = False, lsh_min_items: int = LSH_MIN_ITEMS,
    full_share: float = FULL_SHARE,
) -> DerivedUpdate:
    """Bring the derived tables up to date with the store: from the documents added or removed
    since the last update when that is possible, else (or with ``full``, or when more than
    ``full_share`` of the store is pending) by a full rebuild. Either way the tables are the same."""
    _ensure_bookkeeping(con)
    pending = [row[0] for row in con.execute("SELECT document_id FROM derive_pending ORDER BY ALL").fetchall()]
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    if full or not _tracking(con) or len(pending) > full_share * max(stored, 1):
        return DerivedUpdate(FULL, len(pending), rebuild_derived(con, lsh_min_items))
    if not pending:
        return DerivedUpdate(UP_TO_DATE, 0, derived_counts(con))
    with _transaction(con):
        events = update_event_groups(con, pending)
        groups = update_corroboration(con, pending, lsh_min_items)
        rebuilt = groups is None
        if rebuilt:  # corroboration cannot follow this round: regroup it whole
            corroboration = build_corroboration(con, lsh_min_items)
            groups = len(corroboration.claims), len(corroboration.quotes)
        con.execute("DELETE FROM derive_pending")
    return DerivedUpdate(UPDATED, len(pending), DerivedCounts(events, *groups), rebuilt)


def derived_counts(con: duckdb.DuckDBPyConnection) -> DerivedCounts:
    return DerivedCounts(*(
        con.execute(query).fetchone()[0] for query in (
            f"SELECT count(DISTINCT group_id) FROM {EVENT_GROUPS}",
            "SELECT count(*) FROM claim_groups", "SELECT count(*) FROM quote_groups")))


def _ensure_bookkeeping(con: duckdb.DuckDBPyConnection) -> None:
    # A catalog of Parquet views (relata spark) has no bookkeeping tables until its first derive.
    for name in ("store_info", "derive_pending"):
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({STORE_TABLES[name]})")


def _tracking(con: duckdb.DuckDBPyConnection) -> bool:
    names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not set(DERIVED_TABLES) <= names:
        return False
    return bool(con.execute("SELECT count(*) FROM store_info WHERE key = ?", [TRACKING]).fetchone()[0])


class _transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, kind, value, traceback):
        self.con.execute("COMMIT" if kind is None else "ROLLBACK")
        return False
