"""Request dependencies: a cursor on the read-only store, the page window and the filters.

Query values are checked by FastAPI (types, bounds) and then by :mod:`relata.views.params`
(formats such as dates and PLOVER types); either way a bad value becomes a 4xx with a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import duckdb
from fastapi import Query, Request

from relata.views.params import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_TEXT, Filters, PageRequest


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of the app's read-only connection: one per request, so threads never share one.
    Raises StoreBusyError (503) while another process writes the store."""
    with request.app.state.store.cursor() as cursor:
        yield cursor


def page_request(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> PageRequest:
    return PageRequest(limit=limit, offset=offset)


def filters(
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Text to look for (case-insensitive).")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Actor id, name or alias; a state includes its people.")] = None,
    type: Annotated[str | None, Query(max_length=MAX_TEXT, description="PLOVER event type, e.g. ACCUSE.")] = None,
    date_from: Annotated[str | None, Query(max_length=10, description="Published on or after: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(max_length=10, description="Published on or before: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_TEXT, description="Outlet name (exact, case-insensitive).")] = None,
) -> Filters:
    return Filters(q=q, actor=actor, type=type, date_from=date_from, date_to=date_to, outlet=outlet)
