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


def _kill_at(corpus: Path, db: Path, seconds: float, expected: dict) -> int:
    """Start an ingest into ``db``, kill -9 it after ``seconds``, check the store is consistent and
    return how many documents it holds."""
    proc = _ingest(corpus, db)
    time.sleep(seconds)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    if not db.exists():
        return 0
    state = _snapshot(db)
    assert state["orphans"] == 0 and state["duplicate_positions"] == 0, state
    assert set(state["ids"]) <= set(expected["ids"])
    return state["documents"]


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
        partial_counts.append(_kill_at(corpus, db, full_run * fraction, expected))
    if not any(0 < n < expected["documents"] for n in partial_counts):
        # On a loaded machine the run's pace is not its clean run's: look for the moment between
        # the last kill that found nothing stored and the first that found everything, each probe
        # on a store of its own (a probe's documents count only if the store is consistent).
        low, high = 0.0, 1.0
        for fraction, n in zip((0.4, 0.6, 0.8, 0.95), partial_counts, strict=True):
            low, high = (fraction, high) if n == 0 else (low, min(high, fraction))
        for probe in range(5):
            middle = (low + high) / 2
            n = _kill_at(corpus, tmp_path / f"probe{probe}.duckdb", full_run * middle, expected)
            partial_counts.append(n)
            if 0 < n < expected["documents"]:
                break
            low, high = (middle, high) if n == 0 else (low, middle)
    # At least one kill must have landed mid-run, or the test proved nothing.
    assert any(0 < n < expected["documents"] for n in partial_counts), (partial_counts, expected["documents"])

    finish = _ingest(corpus, db)
    _, stderr = finish.communicate(timeout=600)
    assert finish.returncode == 0, stderr
    assert _snapshot(db) == expected
    shutil.rmtree(corpus)
    json.dumps(expected)  # the snapshot is plain data


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads worker processes from /proc")
def test_workers_leave_when_ingest_is_killed(tmp_path):
    """kill -9 of `relata ingest --workers 2` leaves no worker behind waiting for work."""
    _corpus(tmp_path / "corpus", copies=2)
    proc = subprocess.Popen(
        [sys.executable, "-m", "relata", "ingest", str(tmp_path / "corpus"), "--db", str(tmp_path / "s.duckdb"),
         "-q", "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = [c for c in _children(proc.pid)
                   if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.skip("ingest finished before its workers could be seen")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and "Z" not in Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0]]
    assert workers and not alive, f"workers {alive} outlived their killed parent"
