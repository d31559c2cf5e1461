"""Derived tables after a round of new documents: the update from the round against a full
rebuild, on the same store, each in a process of its own (its time and peak memory alone).

The store holds ``--docs`` documents (the Lee articles, varied) with its derived tables up to
date; a round of ``round`` new documents (further variants: new texts, sharing sentences and
quotes with the stored ones, as a day of wire copy does) is ingested with ``--no-derive``; then
``update_derived`` brings the tables up to date from the round, and ``update_derived(full=True)``
rebuilds them from the whole store. Both leave a digest of every derived table: they must agree.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus, runs

# The derive step alone is timed (imports it needs included); the process's peak memory (VmHWM)
# is read right after it, before the tables are digested for the comparison.
_STEP = """
import hashlib, json, sys, time
from relata.analyze.derived import DERIVED_TABLES, update_derived
from relata.store import open_store
con = open_store(sys.argv[1])
started = time.perf_counter()
update = update_derived(con, full=sys.argv[2] == "full")
seconds = time.perf_counter() - started
peak = int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0])
digest = {}
for t in DERIVED_TABLES:
    rows = con.execute(f"SELECT * FROM {t} ORDER BY ALL")
    h = hashlib.sha256()
    while chunk := rows.fetchmany(50000):
        h.update(repr(chunk).encode())
    digest[t] = h.hexdigest()
con.close()
print(json.dumps({"seconds": seconds, "peak_kb": peak, "how": update.how, "documents": update.documents,
                  "counts": update.counts.__dict__, "digest": digest}))
"""


@dataclass(frozen=True)
class DeriveStep:
    label: str
    seconds: float
    peak_mb: float
    how: str
    counts: dict
    digest: dict


@dataclass(frozen=True)
class DeriveRun:
    documents: int
    new: int
    update: DeriveStep
    full: DeriveStep

    @property
    def identical(self) -> bool:
        return self.update.digest == self.full.digest


def step(label: str, db: Path, full: bool) -> DeriveStep:
    done = subprocess.run([sys.executable, "-c", _STEP, str(db), "full" if full else "update"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"derive failed: {done.stderr[-2000:]}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return DeriveStep(label, out["seconds"], out["peak_kb"] / 1024, out["how"], out["counts"], out["digest"])


def run(db: Path, scratch: Path, documents: int, new: int, articles: list[str],
        store_ready: bool, workers: int | None) -> DeriveRun:
    """``db`` holds ``documents`` documents with derived tables up to date when ``store_ready``;
    else it is built here (default workers, then a full derive)."""
    if not store_ready:
        inputs = [str(f) for f in corpus.write_lee_corpus(scratch / "derive-store", documents, articles)]
        runs.ingest("store", inputs, db, documents, workers, extra=["--no-derive"])
        step("full rebuild", db, full=True)
    round_file = scratch / "derive-round.jsonl"
    with round_file.open("w", encoding="utf-8") as handle:
        for k in range(documents, documents + new):
            handle.write(json.dumps(corpus.variant(articles, k)) + "\n")
    runs.ingest("round", [str(round_file)], db, new, workers, extra=["--no-derive"])
    update = step(f"`relata derive` after {new} new documents", db, full=False)
    full = step("`relata derive --full` (the same store)", db, full=True)
    return DeriveRun(documents, new, update, full)


def report(run: DeriveRun) -> list[str]:
    u, f = run.update, run.full
    return [
        f"derive: a store of {run.documents:,} documents, then a round of {run.new} new ones",
        "",
        "| step | seconds | peak RSS (MB) | event groups | claim groups | quote groups |",
        "|---|---:|---:|---:|---:|---:|",
        *(f"| {s.label} | {s.seconds:.2f} | {s.peak_mb:,.0f} | {s.counts['event_groups']:,} "
          f"| {s.counts['claim_groups']:,} | {s.counts['quote_groups']:,} |" for s in (u, f)),
        "",
        f"update against full rebuild: **{f.seconds / u.seconds:.0f}x** faster, peak RSS "
        f"{u.peak_mb:,.0f} / {f.peak_mb:,.0f} MB; tables identical: **{'yes' if run.identical else 'NO'}** "
        f"(update: {u.how})",
    ]
