"""Library errors as HTTP answers: a 4xx with a message, as JSON under /api and as a page elsewhere.

A store that cannot be read (busy with a writer, or gone) is the server's trouble, not the
request's: 503, with ``Retry-After`` when it is only busy.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from relata.errors import QueryError, RelataError, StoreBusyError, StoreError, UnknownActorError
from relata.views.params import InvalidParameterError, NotFoundError

STATUS = (
    (NotFoundError, 404),
    (UnknownActorError, 404),
    (InvalidParameterError, 422),
    (QueryError, 400),
    (StoreError, 503),
)
RETRY_AFTER = "2"  # seconds; a busy store is free again when its ingest finishes


def status_of(error: RelataError) -> int:
    return next((code for kind, code in STATUS if isinstance(error, kind)), 500)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {item.get('msg', 'invalid value')}" if where else item.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    def answer(request: Request, status: int, message: str, headers: dict | None = None):
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        renderer = request.app.state.renderer
        return HTMLResponse(renderer.render("error.html", title=f"Error {status}", message=message),
                            status_code=status, headers=headers)

    @app.exception_handler(RelataError)
    async def relata_error(request: Request, error: RelataError):
        headers = {"Retry-After": RETRY_AFTER} if isinstance(error, StoreBusyError) else None
        return answer(request, status_of(error), str(error), headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError):
        return answer(request, 422, _validation_message(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        message = error.detail if isinstance(error.detail, str) else "request failed"
        return answer(request, error.status_code, message)
