"""Opening the DuckDB file: read-write for ingestion, read-only for everything that only looks.

DuckDB lets one process write a file or several processes read it, never both. A process that
finds the file locked retries for ``wait`` seconds before :class:`StoreBusyError`. A writer that
has to wait also leaves a marker next to the store (``<store>.writer-waiting``) for as long as it
waits; long-lived readers (``relata serve``) check it with :func:`writer_waiting` and let go of the
file so that the writer gets in between their requests instead of waiting for them forever.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb

from relata.errors import StoreBusyError, StoreError
from relata.store.schema import create_statements, migrate

DEFAULT_DB = "relata.duckdb"
DEFAULT_WAIT = 10.0
_RETRY = 0.05
# A waiting writer rewrites its marker every _RETRY seconds; an older one is left by a killed writer.
_MARKER_STALE = 2.0
_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")


def open_store(path: str | Path, read_only: bool = False, wait: float = DEFAULT_WAIT) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``; a writable one creates the file and tables.

    Raises :class:`StoreBusyError` when another process still holds the file after ``wait`` seconds,
    :class:`StoreError` when it is missing (read-only) or not a store.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such store (run `relata ingest` first)")
    deadline = time.monotonic() + wait
    marker = None
    try:
        while True:
            try:
                con = duckdb.connect(str(path), read_only=read_only)
                break
            except duckdb.IOException as exc:
                if not _is_lock_conflict(exc):
                    raise StoreError(f"{path}: cannot open the store ({_first_line(exc)})") from None
                if time.monotonic() >= deadline:
                    raise StoreBusyError(_busy_message(path, exc, wait)) from None
                if not read_only:
                    marker = _announce(path) or marker
                time.sleep(_RETRY)
            except duckdb.Error as exc:
                raise StoreError(f"{path}: not a Relata store ({_first_line(exc)})") from None
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)
    if not read_only:
        statements = create_statements()
        tables = [s for s in statements if s.startswith("CREATE TABLE")]
        for statement in tables:
            con.execute(statement)
        migrate(con)
        for statement in statements:
            if statement not in tables:
                con.execute(statement)  # views after the columns they read
    return con


def marker_path(path: str | Path) -> Path:
    # Resolved, so that a writer and a reader naming the store differently agree on the marker.
    return Path(f"{Path(path).resolve()}.writer-waiting")


def writer_waiting(path: str | Path) -> bool:
    """Whether a writer is waiting for the store at ``path`` (its marker is fresh)."""
    try:
        age = time.time() - marker_path(path).stat().st_mtime
    except OSError:
        return False
    return age < _MARKER_STALE


def _announce(path: Path) -> Path | None:
    marker = marker_path(path)
    try:
        marker.write_text(f"{os.getpid()}\n", encoding="ascii")
    except OSError:
        return None  # an unwritable folder: the writer still retries, only without priority
    return marker


def _is_lock_conflict(exc: Exception) -> bool:
    message = str(exc)
    return "Could not set lock" in message or "Conflicting lock" in message


def _busy_message(path: Path, exc: Exception, wait: float) -> str:
    holder = _LOCK_HOLDER.search(str(exc))
    who = f"another process (PID {holder.group(1)})" if holder else "another process"
    waited = f" after waiting {wait:g} s" if wait > 0 else ""
    return f"{path}: store busy: {who} has it open{waited}; retry when it has finished"


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
