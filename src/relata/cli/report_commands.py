"""Commands that show the record: ``report`` (a static site) and ``serve`` (the web app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from relata.cli.app import DbOption, app, err, fail
from relata.errors import RelataError


@app.command()
def report(
    db: DbOption = Path("relata.duckdb"),
    out_dir: Annotated[Path, typer.Option("--out", help="Directory to write the site into.")] = Path("relata-report"),
) -> None:
    """Write a self-contained HTML report (open OUT/index.html; no server, no network needed)."""
    from relata.report import write_report
    from relata.store import open_store

    try:
        with open_store(db, read_only=True) as con:
            summary = write_report(con, out_dir)
    except (RelataError, OSError) as exc:
        fail(str(exc))
    err.print(f"wrote {summary.pages} pages ({summary.documents} documents, {summary.dyads} dyads); "
              f"open {summary.index}", markup=False, soft_wrap=True)


@app.command()
def serve(
    db: DbOption = Path("relata.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Interface to bind; another than 127.0.0.1 exposes the store.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=0, max=65535)] = 8000,
) -> None:
    """Serve the record as a web app with search, filters and a JSON API (docs at /docs).

    `relata ingest` may write the same store meanwhile: the server answers 503 (retry) while it writes.
    """
    import uvicorn

    from relata.web import create_app

    try:
        web_app = create_app(db)
    except RelataError as exc:
        fail(str(exc))
    err.print(f"serving {db} on http://{host}:{port}/ (API docs at /docs; Ctrl-C to stop)", markup=False, soft_wrap=True)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
