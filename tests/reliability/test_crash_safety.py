"""kill -9 during `relata ingest`, at several points: the store stays consistent and a rerun
finishes the job with no document lost and none duplicated."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("documents", "sources", "document_actors", "entities", "quotes", "events", "claims", "times")


def _corpus(folder: Path, copies: int = 6) -> None:
    """Plain-text and HTML examples, each copy made distinct so every file is its own document."""
    folder.mkdir()
    sources = [p for p in sorted((ROOT / "examples").iterdir()) if p.suffix in (".txt", ".html")]
    for n in range(copies):
        for path in sources:
            data = path.read_bytes()
            if b"\x00" in data or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                continue
            marker = f"\n\nEditor's note {n}: this copy was filed from desk {n} of the wire.\n".encode()
            (folder / f"{n}_{path.name}").write_bytes(data + marker)


def _ingest(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "relata", "ingest", str(corpus), "--db", str(db), "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )


def _snapshot(db: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        out["ids"] = sorted(r[0] for r in con.execute("SELECT id FROM documents").fetchall())
        out["orphans"] = sum(
            con.execute(f"SELECT count(*) FROM {t} WHERE document_id NOT IN (SELECT id FROM documents)").fetchone()[0]
            for t in TABLES[2:]
        )
        out["duplicate_positions"] = sum(
            con.execute(f"SELECT count(*) - count(DISTINCT (document_id, position)) FROM {t}").fetchone()[0]
            for t in TABLES[3:]
        )
    finally:
        con.close()
    return out


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun(tmp_path):
    corpus = tmp_path / "corpus"
    _corpus(corpus)
    clean_db = tmp_path / "clean.duckdb"
    started = time.perf_counter()
    assert _ingest(corpus, clean_db).wait(timeout=600) == 0
    full_run = time.perf_counter() - started
    expected = _snapshot(clean_db)
    assert expected["documents"] >= 30 and expected["orphans"] == 0

    db = tmp_path / "crashed.duckdb"
    partial_counts = []
    for fraction in (0.4, 0.6, 0.8, 0.95):
        proc = _ingest(corpus, db)
        time.sleep(full_run * fraction)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        if db.exists():
            state = _snapshot(db)
            assert state["orphans"] == 0 and state["duplicate_positions"] == 0, state
            assert set(state["ids"]) <= set(expected["ids"])
            partial_counts.append(state["documents"])
    # At least one kill must have landed mid-run, or the test proved nothing.
    assert any(0 < n < expected["documents"] for n in partial_counts), (partial_counts, expected["documents"])

    finish = _ingest(corpus, db)
    _, stderr = finish.communicate(timeout=600)
    assert finish.returncode == 0, stderr
    assert _snapshot(db) == expected
    shutil.rmtree(corpus)
    json.dumps(expected)  # the snapshot is plain data
