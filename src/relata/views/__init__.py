"""Read-only views of a store for the report and the web app: frozen dataclasses, no HTML or HTTP.

Each function takes an open (read-only) DuckDB connection and validated parameters
(:mod:`relata.views.params`) and returns what one page shows.
"""

from relata.views.catalog import actors, claims, documents, events, outlets, quotes, quotes_of
from relata.views.corpus import corroboration, document_ids, dyad, dyads, overview, quotes_by_speaker
from relata.views.document import DocumentView, document_view, safe_url, search
from relata.views.event_map import EventMap, event_map
from relata.views.params import (
    MAX_LIMIT,
    Filters,
    InvalidParameterError,
    NotFoundError,
    PageRequest,
)

__all__ = [
    "actors", "claims", "documents", "events", "outlets", "quotes", "quotes_of", "corroboration", "document_ids",
    "dyad", "dyads", "event_map", "EventMap", "overview", "quotes_by_speaker", "DocumentView", "document_view", "safe_url",
    "search", "MAX_LIMIT", "Filters", "InvalidParameterError", "NotFoundError", "PageRequest",
]
