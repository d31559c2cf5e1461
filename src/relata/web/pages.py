"""The HTML pages: the report's templates, with filters, pagination and search."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from relata import views
from relata.report.render import bar_chart, dyad_chart
from relata.views.params import MAX_TEXT, Filters, PageRequest
from relata.web.deps import connection, filters, page_request

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
PageParams = Annotated[PageRequest, Depends(page_request)]
FilterParams = Annotated[Filters, Depends(filters)]
Id = Annotated[str, Path(max_length=200)]


def _render(request: Request, template: str, **context) -> str:
    return request.app.state.renderer.render(template, **context)


def _pages(request: Request):
    """Links to other windows of the current listing, keeping its filters."""
    urls = request.app.state.renderer.urls

    def page_url(offset: int) -> str:
        return urls.with_query(request.url.path, {**request.query_params, "offset": offset})

    return page_url


@router.get("/")
def index(request: Request, con: Con):
    overview = views.overview(con)
    return _render(request, "index.html", title="Overview", overview=overview, charts=True,
                   month_chart=bar_chart(overview.by_month, "Documents by publication month"),
                   outlet_chart=bar_chart(overview.by_outlet, "Documents by outlet", horizontal=True),
                   type_chart=bar_chart(overview.by_event_type, "Event mentions by PLOVER type",
                                        horizontal=True))


@router.get("/documents")
def documents(request: Request, con: Con, page: PageParams, where: FilterParams):
    return _render(request, "documents.html", title="Documents", page=views.documents(con, where, page),
                   filters=where, outlets=views.outlets(con), page_url=_pages(request))


@router.get("/documents/{document_id}")
def document(request: Request, con: Con, document_id: Id):
    view = views.document_view(con, document_id)
    return _render(request, "document.html", title=view.record.title or "(untitled)", view=view)


@router.get("/actors")
def actors(request: Request, con: Con, page: PageParams,
           q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None):
    where = Filters(q=q)
    return _render(request, "actors.html", title="Actors", page=views.actors(con, where, page),
                   filters=where, page_url=_pages(request))


@router.get("/dyads")
def dyads(request: Request, con: Con):
    return _render(request, "dyads.html", title="Dyads", dyads=views.dyads(con))


@router.get("/dyads/{a}/{b}")
def dyad(request: Request, con: Con, a: Id, b: Id,
         by: Annotated[str, Query(pattern="^(day|month|year)$")] = "month"):
    timeline = views.dyad(con, a, b, by)
    return _render(request, "dyad.html", title=f"{timeline.a.label} ↔ {timeline.b.label}",
                   timeline=timeline, chart=dyad_chart(timeline), charts=True, a=a, b=b)


@router.get("/events")
def events(request: Request, con: Con, page: PageParams, where: FilterParams):
    return _render(request, "events.html", title="Events", page=views.events(con, where, page),
                   filters=where, outlets=views.outlets(con), page_url=_pages(request))


@router.get("/map")
def event_map(request: Request, con: Con):
    return _render(request, "map.html", title="Events on a map", m=views.event_map(con), map_page=True)


@router.get("/quotes")
def quotes(request: Request, con: Con, page: PageParams, where: FilterParams):
    if where.active:
        return _render(request, "quotes.html", title="Quotes", page=views.quotes(con, where, page),
                       filters=where, outlets=views.outlets(con), page_url=_pages(request))
    return _render(request, "quotes.html", title="Quotes by speaker", filters=where,
                   outlets=views.outlets(con), speakers=views.quotes_by_speaker(con))


@router.get("/claims")
def claims(request: Request, con: Con, page: PageParams, where: FilterParams):
    return _render(request, "claims.html", title="Claims and corroboration",
                   page=views.claims(con, where, page), corroboration=views.corroboration(con),
                   filters=where, outlets=views.outlets(con), page_url=_pages(request))


@router.get("/search")
def search(request: Request, con: Con, page: PageParams,
           q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None):
    results = views.search(con, q, page) if q and q.strip() else None
    return _render(request, "search.html", title=f"Search: {q}" if results else "Search",
                   results=results, query=q or "", page_url=_pages(request))
