"""The web app's hold on the store: one read-only connection shared by the requests in flight.

DuckDB lets one process write a file or several read it, never both, so a server that kept the
store open would lock ``relata ingest`` out for as long as it runs. The gate opens the store on the
first request, shares it (one cursor per request) while requests keep coming, and lets go of it
when it has been idle for ``linger`` seconds, at once when a writer is waiting for the file (see
:func:`relata.store.connection.writer_waiting`), or when the file was replaced. While a writer
waits or holds the file, requests get :class:`StoreBusyError` (the app answers 503 with
Retry-After); the next request after the writer has finished opens the store afresh and sees
everything it committed.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from relata.errors import StoreBusyError, StoreError
from relata.store.connection import open_store, writer_waiting

LINGER = 1.0  # opening costs ~20-40 ms; a second of idling keeps bursts of requests cheap
# Requests run side by side; DuckDB's threads within one small query only add scheduling
# (the events page: 98 ms with one thread, 158 ms with two, on 2 busy cores).
THREADS = 1
_TICK = 0.05
BUSY = "store busy: another process is writing to it; retry in a moment"


class StoreGate:
    """Hands out cursors on a read-only connection that is opened and closed as described above."""

    def __init__(self, path: str | Path, linger: float = LINGER):
        self.path = Path(path)
        self.linger = linger
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._identity: tuple[int, int] | None = None
        self._users = 0
        self._idle_since = 0.0
        self._reaper: threading.Thread | None = None
        self._shut = False

    def check(self) -> None:
        """Open the store once so that a missing or broken one fails at start-up; a busy one is fine."""
        try:
            with self.cursor():
                pass
        except StoreBusyError:
            pass

    @property
    def is_open(self) -> bool:
        return self._con is not None

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self._acquire()
        try:
            yield cursor
        finally:
            cursor.close()
            self._release()

    def close(self) -> None:
        """Refuse new requests; close now, or when the last request in flight is done."""
        with self._lock:
            self._shut = True
            if self._users == 0:
                self._close()

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._shut:
                raise StoreError("the server is shutting down")
            identity = self._stat()
            replaced = self._con is not None and identity != self._identity
            waiting = writer_waiting(self.path)
            if self._con is not None and self._users == 0 and (replaced or waiting):
                self._close()
            if waiting or (self._con is not None and replaced):
                # Refuse new work until the requests in flight are done and the file is let go.
                raise StoreBusyError(BUSY)
            if self._con is None:
                try:
                    self._con = open_store(self.path, read_only=True, wait=0)
                except StoreBusyError:
                    raise StoreBusyError(BUSY) from None
                # A setting, not a config: another connection of this process to the file may exist.
                self._con.execute(f"SET threads = {THREADS}")
                self._identity = identity
                self._start_reaper()
            self._users += 1
            return self._con.cursor()

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            self._idle_since = time.monotonic()
            if self._users == 0 and (self._shut or writer_waiting(self.path)):
                self._close()

    def _stat(self) -> tuple[int, int]:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise StoreError(f"{self.path}: no such store (run `relata ingest` first)") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the store ({exc.strerror})") from None
        return st.st_dev, st.st_ino

    def _close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
            self._identity = None

    def _start_reaper(self) -> None:
        # Under self._lock; the reaper clears self._reaper under it too, as it stops.
        if self._reaper is None:
            self._reaper = threading.Thread(target=self._reap, name="relata-store-reaper", daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        while True:
            time.sleep(_TICK)
            with self._lock:
                idle = time.monotonic() - self._idle_since >= self.linger
                if self._con is not None and self._users == 0 and (idle or writer_waiting(self.path)):
                    self._close()
                if self._con is None:
                    self._reaper = None
                    return
