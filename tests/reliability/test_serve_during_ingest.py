"""`relata serve` and `relata ingest` on the same store, as real processes.

The behaviour defined (docs/report-and-web.md, "Serving while ingesting"): the server holds the
store only while requests come and lets go at once when a writer waits, so ingest gets in and exits
0; while it writes, the API answers 503 with Retry-After and a JSON message, the pages a plain
message; afterwards the server shows the new documents. Nothing else: no other 5xx, no crash, and
the store is whole afterwards.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from benchmarks.load import Server
from tests.views.fixture_store import build_store

from relata.store import open_store, stats

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ("russia_china_summit.txt", "india_pakistan_talks.txt", "brazil_argentina_trade.txt",
          "germany_france_defence.txt", "wire_briefs.jsonl")
POLLED = ("/api/documents?limit=500", "/", "/api/documents/doc-talks", "/events?limit=5", "/api/dyads")


class Poller(threading.Thread):
    """A client asking the server in a loop, recording every answer."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base = base
        self.stop = threading.Event()
        self.answers: list[tuple[float, str, httpx.Response | Exception]] = []

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as client:
            n = 0
            while not self.stop.is_set():
                path = POLLED[n % len(POLLED)]
                n += 1
                try:
                    answer: httpx.Response | Exception = client.get(path)
                except httpx.HTTPError as exc:
                    answer = exc
                self.answers.append((time.monotonic(), path, answer))


def _documents_total(base: str) -> int | None:
    response = httpx.get(base + "/api/documents", params={"limit": 500}, timeout=30)
    return response.json()["total"] if response.status_code == 200 else None


@pytest.mark.slow
def test_ingest_while_serving_then_the_server_shows_the_new_documents(tmp_path):
    db = build_store(tmp_path / "store.duckdb")  # 9 documents, no model needed
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in INPUTS:
        shutil.copy(ROOT / "examples" / name, corpus / name)

    with Server(db, tmp_path / "serve.log") as server:
        assert _documents_total(server.base) == 9
        poller = Poller(server.base)
        poller.start()
        time.sleep(0.5)  # the server has the store open and busy when the writer arrives
        started = time.monotonic()
        ingest = subprocess.run([sys.executable, "-m", "relata", "ingest", str(corpus), "--db", str(db)],
                                capture_output=True, text=True, cwd=ROOT, timeout=300)
        ended = time.monotonic()
        assert ingest.returncode == 0, ingest.stderr
        assert "Traceback" not in ingest.stderr
        added = int(re.search(r"(\d+)\s+added", ingest.stderr).group(1))  # rich may wrap the line
        assert added >= len(INPUTS)

        deadline = time.monotonic() + 20
        while _documents_total(server.base) != 9 + added:
            assert time.monotonic() < deadline, "the server never showed the ingested documents"
            time.sleep(0.1)
        time.sleep(0.3)
        poller.stop.set()
        poller.join(timeout=30)
        assert server.proc.poll() is None, "the server died"

    log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in log, log
    answers = poller.answers
    assert len(answers) > 20
    failures = [(path, a) for _, path, a in answers if isinstance(a, Exception)]
    assert not failures, failures[:5]
    statuses = {a.status_code for _, _, a in answers}
    assert statuses <= {200, 503}, statuses
    busy = [(t, path, a) for t, path, a in answers if a.status_code == 503]
    print(f"{len(answers)} answers, {len(busy)} busy; ingest took {ended - started:.1f} s")
    assert busy, "the poller never met the writer: the test proved nothing"
    assert all(started <= t <= ended + 5 for t, _, _ in busy)  # busy only around the write
    for _, path, answer in busy:
        assert answer.headers["retry-after"] == "2"
        if path.startswith("/api"):
            assert "store busy" in answer.json()["detail"]
        else:
            assert answer.headers["content-type"].startswith("text/html") and "store busy" in answer.text
    assert answers[-1][2].status_code == 200

    with open_store(db, read_only=True) as con:
        counts = stats(con)
        orphans = con.execute(
            "SELECT count(*) FROM quotes WHERE document_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert counts["documents"] == 9 + added and orphans == 0


HOLD_READ_ONLY = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("holding", flush=True)
sys.stdin.read()
"""


@pytest.mark.slow
def test_ingest_locked_out_by_another_reader_fails_with_one_line(tmp_path):
    """A reader that is not `relata serve` never lets go: ingest waits 10 s, then says why."""
    db = build_store(tmp_path / "store.duckdb")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_READ_ONLY, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        ingest = subprocess.run(
            [sys.executable, "-m", "relata", "ingest", str(ROOT / "examples" / INPUTS[0]), "--db", str(db)],
            capture_output=True, text=True, cwd=ROOT, timeout=120)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert ingest.returncode == 1
    lines = ingest.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in ingest.stderr, ingest.stderr
    assert lines[0].startswith(f"relata: {db}: store busy: another process (PID {holder.pid})")
    with open_store(db, read_only=True) as con:
        assert stats(con)["documents"] == 9
