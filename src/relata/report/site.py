"""The static report: every page of the record written as HTML files, openable without a server.

``write_report(con, out)`` renders the overview, the actors, every dyad with its timeline, the
events on a world map, quotes by speaker, claims with their corroboration, and one page per
document with its spans highlighted; then copies the stylesheet, the page scripts, Plotly's
JavaScript (read from the installed ``plotly`` package, never fetched) and the map's world shapes
(shipped in ``relata/data/world``) into ``out/assets``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from relata import views
from relata.report.plotly_assets import PLOTLY_CSS, PLOTLY_JS, plotly_css, plotly_js
from relata.report.render import STATIC, Renderer, StaticUrls, bar_chart, dyad_chart
from relata.report.world_shapes import WORLD_JS, world_shapes_js
from relata.views.params import ALL

ASSETS = ("relata.css", "relata.js", "relata-map.js")


@dataclass(frozen=True)
class ReportSummary:
    out: Path
    pages: int
    documents: int
    dyads: int

    @property
    def index(self) -> Path:
        return self.out / "index.html"


def write_report(con: duckdb.DuckDBPyConnection, out: Path, max_dyads: int = 200) -> ReportSummary:
    """Write the site into ``out`` (created if needed; files of an earlier report are overwritten)."""
    out = Path(out)
    (out / "assets").mkdir(parents=True, exist_ok=True)
    renderer = Renderer.create(StaticUrls())
    urls = renderer.urls
    written = 0

    def page(name: str, template: str, **context) -> None:
        nonlocal written
        (out / name).write_text(renderer.render(template, **context), encoding="utf-8")
        written += 1

    overview = views.overview(con)
    page(urls.index(), "index.html", title="Overview", overview=overview, charts=True,
         month_chart=bar_chart(overview.by_month, "Documents by publication month"),
         outlet_chart=bar_chart(overview.by_outlet, "Documents by outlet", horizontal=True),
         type_chart=bar_chart(overview.by_event_type, "Event mentions by PLOVER type", horizontal=True))
    page(urls.documents(), "documents.html", title="Documents", page=views.documents(con, page=ALL))
    page(urls.actors(), "actors.html", title="Actors", page=views.actors(con, page=ALL))
    page(urls.events(), "events.html", title="Events", page=views.events(con, page=ALL))
    page(urls.map(), "map.html", title="Events on a map", m=views.event_map(con), map_page=True)
    page(urls.quotes(), "quotes.html", title="Quotes by speaker", speakers=views.quotes_by_speaker(con))
    page(urls.claims(), "claims.html", title="Claims and corroboration", page=views.claims(con, page=ALL),
         corroboration=views.corroboration(con))

    dyads = views.dyads(con, limit=max_dyads)
    page(urls.dyads(), "dyads.html", title="Dyads", dyads=dyads)
    for d in dyads:
        timeline = views.dyad(con, d.a, d.b)
        page(urls.dyad(d.a, d.b), "dyad.html", title=f"{d.a_name} ↔ {d.b_name}", timeline=timeline,
             chart=dyad_chart(timeline), charts=True, a=d.a, b=d.b)

    ids = views.document_ids(con)
    for document_id in ids:
        view = views.document_view(con, document_id)
        page(urls.document(document_id), "document.html", title=view.record.title or "(untitled)", view=view)

    for name in ASSETS:
        shutil.copyfile(STATIC / name, out / "assets" / name)
    shutil.copyfile(plotly_js(), out / "assets" / PLOTLY_JS)
    (out / "assets" / PLOTLY_CSS).write_text(plotly_css(), encoding="utf-8")
    (out / "assets" / WORLD_JS).write_text(world_shapes_js(), encoding="utf-8")
    return ReportSummary(out=out, pages=written, documents=len(ids), dyads=len(dyads))
