"""The web app: ``create_app(db_path)`` serves the report's pages, search, filters and a JSON API
over a store opened read-only, and only while requests come (see :mod:`relata.web.store`), so that
``relata ingest`` can write to it meanwhile; during the write the app answers 503 with Retry-After.

Security: the store connection is read-only; every page is rendered with autoescaping and a
Content-Security-Policy that forbids inline script; static files are served from a fixed list of
names (no path from a request ever reaches the file system).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse, Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from relata import __version__
from relata.report.plotly_assets import PLOTLY_CSS, PLOTLY_JS, plotly_css, plotly_js
from relata.report.render import CSP, STATIC, Renderer, WebUrls
from relata.report.world_shapes import WORLD_JS, world_shapes_js
from relata.web import api, docs, errors, pages
from relata.web.store import LINGER, StoreGate

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_FILES = {
    "relata.css": (lambda: STATIC / "relata.css", "text/css"),
    "relata.js": (lambda: STATIC / "relata.js", "text/javascript"),
    "relata-map.js": (lambda: STATIC / "relata-map.js", "text/javascript"),
    PLOTLY_JS: (plotly_js, "text/javascript"),
}


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every answer; plain ASGI, cheaper than an ``@app.middleware``."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path, linger: float = LINGER) -> FastAPI:
    """The app over the store at ``db_path``; raises StoreError when it is missing or cannot be
    opened (a store busy with a writer is fine: the app answers 503 until the writer is done)."""
    store = StoreGate(db_path, linger=linger)
    store.check()

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

    app.add_middleware(SecurityHeaders)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name == PLOTLY_CSS:
            return PlainTextResponse(plotly_css(), media_type="text/css")
        if name == WORLD_JS:
            return PlainTextResponse(world_shapes_js(), media_type="text/javascript")
        if name not in _FILES:
            raise HTTPException(404, f"no static file {name!r}")
        path, media_type = _FILES[name]
        return FileResponse(path(), media_type=media_type)

    errors.install(app)
    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    return app
