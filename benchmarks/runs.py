"""The measurements: raw spaCy against Relata's pipeline in this process, and ``relata ingest``
as a separate command (its own memory, its worker processes) on a corpus written to disk."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from relata import nlp
from relata.clean.document import CleanDocument
from relata.pipeline import process

# Runs `relata` and reports its peak memory and that of its worker processes on the last line.
_RELATA = """
import atexit, resource, sys
def report():
    # VmHWM: ru_maxrss would carry over the benchmark's own peak through fork and exec.
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    own = int(status.split()[0])
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) + children.ru_utime + children.ru_stime
    print(f"maxrss {own} {children.ru_maxrss} {cpu}", file=sys.stderr)
atexit.register(report)
from relata.cli import main
sys.argv = ["relata", *sys.argv[1:]]
main()
"""


@dataclass(frozen=True)
class Throughput:
    words: int
    raw_seconds: float
    full_seconds: float
    raw_cpu: float
    full_cpu: float
    peak_mb: float

    @property
    def ratio(self) -> float:
        return self.raw_seconds / self.full_seconds

    @property
    def cpu_ratio(self) -> float:
        return self.raw_cpu / self.full_cpu


@dataclass(frozen=True)
class IngestRun:
    label: str
    documents: int
    seconds: float
    cpu_seconds: float  # the command and its workers
    main_mb: float
    worker_mb: float
    summary: str

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds


def parse_against_pipeline(documents: list[CleanDocument], batch_size: int = 16, chunk: int = 48) -> Throughput:
    """Seconds (wall and CPU) for ``nlp.pipe`` alone and for the full pipeline (the same parse plus
    every extractor and the resolver) on the same documents, the model loaded and warm for both.

    The two alternate chunk by chunk, so that load from other processes falls on both alike,
    and which goes first alternates too: the second pass over a chunk finds its words already
    in spaCy's tokenizer cache and vocabulary (about a tenth of a parse on new text), which
    before session 4 always favoured the pipeline (Lee corpus: 0.86 that way, 0.72 the other)."""
    words = sum(len(d.text.split()) for d in documents)
    model = nlp.load()
    # Warm-up: the model, and the tables and matchers the extractors build once per process.
    list(process(documents[:2], batch_size=batch_size))
    wall = {"raw": 0.0, "full": 0.0}
    cpu = {"raw": 0.0, "full": 0.0}
    for n, first in enumerate(range(0, len(documents), chunk)):
        part = documents[first:first + chunk]
        texts = [d.text for d in part]
        both = [("raw", model.pipe(texts, batch_size=batch_size)), ("full", process(part, batch_size=batch_size))]
        for kind, outputs in both if n % 2 == 0 else reversed(both):
            started, started_cpu = time.perf_counter(), time.process_time()
            for _ in outputs:  # generators: the work happens here
                pass
            wall[kind] += time.perf_counter() - started
            cpu[kind] += time.process_time() - started_cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Throughput(words, wall["raw"], wall["full"], cpu["raw"], cpu["full"], peak)


def ingest(label: str, inputs: list[str], db: Path, documents: int, workers: int | None,
           extra: list[str] = ()) -> IngestRun:
    """``relata ingest --workers N`` as a command, timed from start to exit; ``workers=None``
    leaves the default (the machine's cores)."""
    option = [] if workers is None else ["--workers", str(workers)]
    command = [sys.executable, "-c", _RELATA, "ingest", *inputs, "--db", str(db), *option, *extra]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    lines = done.stderr.strip().splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith("maxrss"):
        raise RuntimeError(f"relata ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    _, own, workers_kb, cpu = lines[-1].split()
    summary = next((line for line in reversed(lines) if line.startswith("relata: ")), "")
    return IngestRun(label, documents, seconds, float(cpu), int(own) / 1024, int(workers_kb) / 1024,
                     summary.split(": ", 2)[-1])
