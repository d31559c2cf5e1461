"""The JSON API under /api: listings are paginated (``limit`` 1-500, ``offset`` >= 0)."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Path, Query

from relata import views
from relata.analyze.corroboration import claim_group_dict, quote_group_dict
from relata.records import to_dict
from relata.store import record
from relata.views.params import Filters, NotFoundError, PageRequest
from relata.web import schemas
from relata.web.deps import connection, filters, page_request

ERRORS = {404: {"model": schemas.ErrorMessage}, 422: {"model": schemas.ErrorMessage},
          503: {"model": schemas.ErrorMessage,
                "description": "Store busy (an ingest is writing it): retry after Retry-After seconds."}}
router = APIRouter(prefix="/api", responses=ERRORS)

Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
PageParams = Annotated[PageRequest, Depends(page_request)]
FilterParams = Annotated[Filters, Depends(filters)]
Id = Annotated[str, Path(max_length=200)]


def _window(items: list, page: PageRequest) -> dict:
    return {"items": items[page.offset:page.offset + page.limit], "total": len(items),
            "limit": page.limit, "offset": page.offset}


@router.get("/documents", response_model=schemas.Page[schemas.DocumentSummary], tags=["documents"])
def list_documents(con: Con, page: PageParams, where: FilterParams):
    """Documents, newest first. ``q`` searches titles and text; ``actor``: documents mentioning
    the actor; ``type``: documents with an event of that type."""
    return views.documents(con, where, page)


@router.get("/documents/{document_id}", response_model=schemas.DocumentRecord, tags=["documents"],
            response_model_by_alias=True)
def get_document(con: Con, document_id: Id):
    """One document's full record, as in the output contract (``relata.document/1``)."""
    found = record(con, document_id)
    if found is None:
        raise NotFoundError(f"no document with id {document_id!r}")
    return to_dict(found)


@router.get("/actors", response_model=schemas.Page[schemas.ActorInfo], tags=["actors"])
def list_actors(con: Con, page: PageParams,
                q: Annotated[str | None, Query(max_length=200, description="Part of an id, name or alias.")] = None):
    """Actors across the store, by mentions."""
    return views.actors(con, Filters(q=q), page)


@router.get("/quotes", response_model=schemas.Page[schemas.QuoteRow], tags=["quotes"])
def list_quotes(con: Con, page: PageParams, where: FilterParams):
    """Quotes; ``actor`` is the speaker, ``q`` matches the words or the speaker's name."""
    return views.quotes(con, where, page)


@router.get("/events", response_model=schemas.Page[schemas.EventRow], tags=["events"])
def list_events(con: Con, page: PageParams, where: FilterParams):
    """Event mentions; ``actor`` matches either side, ``q`` the sentence."""
    return views.events(con, where, page)


@router.get("/claims", response_model=schemas.Page[schemas.ClaimRow], tags=["claims"])
def list_claims(con: Con, page: PageParams, where: FilterParams):
    """Numeric claims; ``actor`` is whoever states the figure."""
    return views.claims(con, where, page)


@router.get("/dyads", response_model=schemas.Page[schemas.DyadSummary], tags=["dyads"])
def list_dyads(con: Con, page: PageParams):
    """Pairs of actors with events between them, most reported first."""
    return _window(list(views.dyads(con)), page)


@router.get("/dyads/{a}/{b}", response_model=schemas.DyadTimeline, tags=["dyads"])
def get_dyad(con: Con, a: Id, b: Id,
             by: Annotated[str, Query(pattern="^(day|month|year)$", description="day, month or year")] = "month"):
    """The timeline between two actors (ids, names or aliases), both directions: distinct events
    per period and PLOVER type with mean intensity, each event with its reports."""
    return views.dyad(con, a, b, by)


@router.get("/corroboration/claims", response_model=schemas.Page[schemas.ClaimGroup], tags=["corroboration"])
def claim_groups(con: Con, page: PageParams):
    """Figures reported by several documents, who reported them first, and conflicting figures."""
    return _window([claim_group_dict(g) for g in views.corroboration(con).claims], page)


@router.get("/corroboration/quotes", response_model=schemas.Page[schemas.QuoteGroup], tags=["corroboration"])
def quote_groups(con: Con, page: PageParams):
    """Quotes carried by several documents, and who carried them first."""
    return _window([quote_group_dict(g) for g in views.corroboration(con).quotes], page)
