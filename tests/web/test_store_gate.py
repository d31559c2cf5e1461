"""The web app and a writer in another process: the server lets go of the store between requests,
answers 503 with Retry-After while the writer holds it, and shows what it committed afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.views.fixture_store import build_store

from relata.errors import StoreBusyError
from relata.store import open_store
from relata.store.connection import marker_path, writer_waiting
from relata.web import create_app

ROOT = Path(__file__).resolve().parents[2]
# A process that opens the store (read-write unless told), says so, deletes one document when
# writing, and holds the file until its stdin closes.
HOLDER = """
import sys
from relata.store import open_store
read_only = sys.argv[2] == "ro"
con = open_store(sys.argv[1], read_only=read_only, wait=float(sys.argv[3]))
if not read_only:
    con.execute("DELETE FROM documents WHERE id = 'doc-talks'")
print("holding", flush=True)
sys.stdin.read()
con.close()
"""


class Holder:
    def __init__(self, db: Path, mode: str = "rw", wait: float = 10.0):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode, str(wait)], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)

    def wait_holding(self) -> None:
        line = self.proc.stdout.readline()
        assert line.strip() == "holding", self.proc.stderr.read()

    def release(self) -> None:
        self.proc.stdin.close()
        assert self.proc.wait(timeout=30) == 0, self.proc.stderr.read()


@pytest.fixture
def db(tmp_path):
    return build_store(tmp_path / "gate.duckdb")


def _total(client) -> int:
    response = client.get("/api/documents")
    assert response.status_code == 200, response.text
    return response.json()["total"]


def test_idle_server_lets_go_of_the_store(db):
    app = create_app(db, linger=0.1)
    with TestClient(app) as client:
        assert _total(client) == 9 and app.state.store.is_open
        deadline = time.monotonic() + 5
        while app.state.store.is_open and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not app.state.store.is_open
        # Let go, the store is a writer's at once (wait=0: the holder would fail if it were not).
        holder = Holder(db, wait=0)
        try:
            holder.wait_holding()
        finally:
            holder.release()
        assert _total(client) == 8


def test_busy_store_is_a_503_with_retry_after_then_the_new_state(db):
    app = create_app(db, linger=30)  # the server would hold the file for 30 s if nobody asked for it
    with TestClient(app) as client:
        assert _total(client) == 9 and app.state.store.is_open
        holder = Holder(db)
        try:
            holder.wait_holding()  # the waiting writer's marker made the idle server let go
            api = client.get("/api/documents")
            assert api.status_code == 503 and api.headers["retry-after"] == "2"
            assert "store busy" in api.json()["detail"]
            page = client.get("/documents")
            assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
            assert "store busy" in page.text and page.headers["retry-after"] == "2"
            assert client.get("/docs").status_code == 200  # what needs no store still works
            spec = client.get("/api/openapi.json").json()
            assert "503" in spec["paths"]["/api/documents"]["get"]["responses"]
        finally:
            holder.release()
        assert _total(client) == 8


def test_writer_waits_for_the_request_in_flight_and_new_requests_are_refused(db):
    app = create_app(db, linger=30)
    gate = app.state.store
    with gate.cursor() as cursor:  # a request in flight
        holder = Holder(db)
        deadline = time.monotonic() + 20
        while not writer_waiting(db):
            assert time.monotonic() < deadline and holder.proc.poll() is None
            time.sleep(0.02)
        with pytest.raises(StoreBusyError), gate.cursor():
            pass
        assert cursor.execute("SELECT count(*) FROM documents").fetchone()[0] == 9
    try:
        holder.wait_holding()
        assert not writer_waiting(db) and not marker_path(db).exists()
    finally:
        holder.release()
    with gate.cursor() as cursor:
        assert cursor.execute("SELECT count(*) FROM documents").fetchone()[0] == 8
    gate.close()


def test_a_writer_kept_out_gets_a_one_line_busy_error(db):
    reader = Holder(db, mode="ro")
    try:
        reader.wait_holding()
        started = time.monotonic()
        with pytest.raises(StoreBusyError) as caught:
            open_store(db, wait=0.3)
        assert 0.3 <= time.monotonic() - started < 5
        message = str(caught.value)
        assert "\n" not in message and "store busy" in message and f"(PID {reader.proc.pid})" in message
        assert not marker_path(db).exists()  # the writer that gave up took its marker away
        open_store(db, read_only=True, wait=0).close()  # readers share the file
    finally:
        reader.release()


def test_server_started_during_a_write_answers_503_until_it_ends(db):
    holder = Holder(db)
    try:
        holder.wait_holding()
        app = create_app(db)  # busy is not a reason to refuse to start
        with TestClient(app) as client:
            assert client.get("/api/documents").status_code == 503
            holder.release()
            assert _total(client) == 8
    finally:
        if holder.proc.poll() is None:
            holder.release()


def test_a_replaced_store_file_is_reopened(db, tmp_path):
    app = create_app(db, linger=30)
    with TestClient(app) as client:
        assert _total(client) == 9
        other = build_store(tmp_path / "other.duckdb")
        with open_store(other) as con:
            con.execute("DELETE FROM documents WHERE id = 'doc-talks'")
        os.replace(other, db)  # as `rm store; relata ingest` or a restored backup would
        assert _total(client) == 8


def test_a_stale_marker_from_a_killed_writer_is_ignored(db):
    marker = marker_path(db)
    marker.write_text("12345\n")
    assert writer_waiting(db)
    old = time.time() - 60
    os.utime(marker, (old, old))
    assert not writer_waiting(db)
    with TestClient(create_app(db)) as client:
        assert _total(client) == 9
