"""``make bench``: how fast Relata is next to the parser it cannot be faster than, and how it scales.

In one run, on the same texts:

1. raw spaCy (``nlp.pipe``, the model and components Relata loads) against Relata's full pipeline,
   in words per second, on the bundled examples, ../shared/seeds and gensim's Lee corpus (300 ABC
   news articles), with this process's peak memory;
2. ``relata ingest`` in documents per second, with 1 and 2 workers, on ``--docs`` documents (the
   Lee articles varied, as JSON Lines), and re-ingesting the unchanged corpus.

``--smoke`` is a quick run on 20 documents made from the examples (no download), for the tests.
Not a timed test: the numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpus, runs
from relata import nlp
from relata.clean import clean_document
from relata.corpus import cleaned_inputs
from relata.ingest import RawDocument

DEFAULT_DOCS = 4000
SMOKE_DOCS = 20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS,
                        help=f"documents for the ingest runs (default {DEFAULT_DOCS})")
    parser.add_argument("--smoke", action="store_true", help=f"a quick run on {SMOKE_DOCS} documents")
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="relata-bench-") as scratch:
        scratch = Path(scratch)
        bundled = _bundled()
        if args.smoke:
            articles, docs = [d.text for d in bundled], SMOKE_DOCS
            texts, source = bundled[:SMOKE_DOCS], "examples + seeds"
            label = f"{docs} documents from the bundled examples"
        else:
            articles, docs = corpus.lee_articles(), args.docs
            texts, source = bundled + _lee(articles), "examples + seeds + Lee corpus"
            label = f"{docs:,} documents: the {len(articles)} Lee articles, varied"
        speed = runs.parse_against_pipeline(texts)
        files = corpus.write_lee_corpus(scratch / "corpus", docs, articles)
        inputs = [str(f) for f in files]
        one = runs.ingest("`relata ingest`, 1 worker", inputs, scratch / "one.duckdb", docs, 1)
        many = runs.ingest(f"`relata ingest --workers {args.workers}`", inputs, scratch / "many.duckdb", docs,
                           args.workers)
        again = runs.ingest(f"re-ingest, unchanged (--workers {args.workers})", inputs, scratch / "many.duckdb",
                            docs, args.workers)
    print(_report(speed, len(texts), source, label, [one, many, again], args.workers,
                  time.perf_counter() - started))
    return 0


def _bundled():
    """The cleaned English documents of the examples and seeds."""
    documents = [item[1] for item in cleaned_inputs(corpus.bundled_inputs()) if isinstance(item, tuple)]
    return [d for d in documents if d.language == "en"]


def _lee(articles: list[str]):
    return [clean_document(RawDocument(source=f"lee:{n}", body=text, kind="text"))
            for n, text in enumerate(articles)]


def _report(speed: runs.Throughput, documents: int, source: str, label: str, ingests: list, workers: int,
            seconds: float) -> str:
    one, many = ingests[0], ingests[1]
    lines = [
        f"model: {nlp.MODEL_NAME}; {documents} documents, {speed.words:,} words ({source})",
        "",
        "| pipeline | words/s | seconds | words/CPU-s | CPU seconds |",
        "|---|---:|---:|---:|---:|",
        f"| raw spaCy `nlp.pipe` | {speed.words / speed.raw_seconds:,.0f} | {speed.raw_seconds:.1f} "
        f"| {speed.words / speed.raw_cpu:,.0f} | {speed.raw_cpu:.1f} |",
        f"| Relata, full pipeline | {speed.words / speed.full_seconds:,.0f} | {speed.full_seconds:.1f} "
        f"| {speed.words / speed.full_cpu:,.0f} | {speed.full_cpu:.1f} |",
        "",
        f"ratio Relata / raw spaCy: **{speed.ratio:.2f}** (wall), **{speed.cpu_ratio:.2f}** (CPU); "
        f"peak RSS of this process: {speed.peak_mb:,.0f} MB",
        "",
        f"ingest: {label}",
        "",
        "| run | documents/s | seconds | CPU seconds (cores busy) | peak RSS main / workers (MB) | outcome |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for run in ingests:
        pool = f"{run.worker_mb:,.0f}" if run.worker_mb else "-"
        lines.append(f"| {run.label} | {run.per_second:,.1f} | {run.seconds:.1f} "
                     f"| {run.cpu_seconds:.0f} ({run.cpu_seconds / run.seconds:.2f}) | {run.main_mb:,.0f} / {pool} "
                     f"| {run.summary} |")
    lines += ["", f"scaling, {workers} workers against 1: **{one.seconds / many.seconds:.2f}x**; "
                  f"whole benchmark: {seconds:.0f} s"]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
