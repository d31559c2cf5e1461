"""The web app: ``create_app(db_path)`` serves the report's pages, search, filters and a JSON API
over a store opened read-only.

Security: the store connection is read-only; every page is rendered with autoescaping and a
Content-Security-Policy that forbids inline script; static files are served from a fixed list of
names (no path from a request ever reaches the file system).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, PlainTextResponse, Response

from relata import __version__
from relata.report.plotly_assets import PLOTLY_CSS, PLOTLY_JS, plotly_css, plotly_js
from relata.report.render import CSP, STATIC, Renderer, WebUrls
from relata.store import open_store
from relata.web import api, docs, errors, pages

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_FILES = {
    "relata.css": (lambda: STATIC / "relata.css", "text/css"),
    "relata.js": (lambda: STATIC / "relata.js", "text/javascript"),
    PLOTLY_JS: (plotly_js, "text/javascript"),
}


def create_app(db_path: str | Path) -> FastAPI:
    """The app over the store at ``db_path``; raises StoreError when it cannot be opened."""
    store = open_store(db_path, read_only=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Relata", version=__version__,
        description="Who said and did what to whom, and when: the record of a Relata store.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan,
    )
    app.state.store = store
    app.state.renderer = Renderer.create(WebUrls())

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name == PLOTLY_CSS:
            return PlainTextResponse(plotly_css(), media_type="text/css")
        if name not in _FILES:
            raise HTTPException(404, f"no static file {name!r}")
        path, media_type = _FILES[name]
        return FileResponse(path(), media_type=media_type)

    errors.install(app)
    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    return app
