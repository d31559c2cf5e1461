"""Tables derived from the stored documents, rebuilt after every change to the store.

Event groups (one real-world event, many reports) and corroboration groups (the same figure or
quote in several documents) are caches over the item tables; rebuilding them after an ingest or a
fetch round keeps the report and the web app in step with what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from relata.analyze.corroboration import rebuild_corroboration
from relata.analyze.event_groups import rebuild_event_groups


@dataclass(frozen=True)
class DerivedCounts:
    event_groups: int
    claim_groups: int
    quote_groups: int


def rebuild_derived(con: duckdb.DuckDBPyConnection) -> DerivedCounts:
    events = rebuild_event_groups(con)
    corroboration = rebuild_corroboration(con)
    return DerivedCounts(events, len(corroboration.claims), len(corroboration.quotes))
