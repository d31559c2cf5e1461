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

DEFAULT_DOCS = 10000
SMOKE_DOCS = 20


PARTS = ("speed", "ingest", "memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS,
                        help=f"documents for the ingest runs (default {DEFAULT_DOCS})")
    parser.add_argument("--smoke", action="store_true", help=f"a quick run on {SMOKE_DOCS} documents")
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    parser.add_argument("--only", action="append", choices=PARTS,
                        help="run only this part (repeatable): speed = raw spaCy against the pipeline; "
                             "ingest = 1 and N workers, then re-ingest; memory = 1 worker on --docs and on "
                             "a tenth of them, then re-ingest")
    args = parser.parse_args(argv)
    parts = set(args.only or PARTS)
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
        speed = runs.parse_against_pipeline(texts) if "speed" in parts else None
        ingests: dict[str, runs.IngestRun] = {}
        if parts & {"ingest", "memory"}:
            inputs = [str(f) for f in corpus.write_lee_corpus(scratch / "corpus", docs, articles)]
            ingests["one"] = runs.ingest("`relata ingest`, 1 worker", inputs, scratch / "one.duckdb", docs, 1)
            if "ingest" in parts:
                ingests["many"] = runs.ingest(f"`relata ingest --workers {args.workers}`", inputs,
                                              scratch / "many.duckdb", docs, args.workers)
            # Nothing is parsed on a re-ingest, so the worker count does not matter.
            ingests["again"] = runs.ingest("re-ingest, unchanged", inputs, scratch / "one.duckdb", docs, 1)
            if "memory" in parts and docs >= 10 * SMOKE_DOCS:
                # Flat memory: the same 1-worker run on a tenth of the corpus, for its peak RSS.
                tenth = docs // 10
                small = [str(f) for f in corpus.write_lee_corpus(scratch / "tenth", tenth, articles)]
                ingests["tenth"] = runs.ingest(f"`relata ingest`, 1 worker, {tenth:,} documents", small,
                                               scratch / "tenth.duckdb", tenth, 1)
    print(_report(speed, len(texts), source, label, ingests, args.workers, time.perf_counter() - started))
    return 0


def _bundled():
    """The cleaned English documents of the examples and seeds."""
    documents = [item[1] for item in cleaned_inputs(corpus.bundled_inputs()) if isinstance(item, tuple)]
    return [d for d in documents if d.language == "en"]


def _lee(articles: list[str]):
    return [clean_document(RawDocument(source=f"lee:{n}", body=text, kind="text"))
            for n, text in enumerate(articles)]


def _report(speed: runs.Throughput | None, documents: int, source: str, label: str,
            ingests: dict[str, runs.IngestRun], workers: int, seconds: float) -> str:
    lines = []
    if speed is not None:
        lines += [
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
        ]
    if ingests:
        lines += [
            f"ingest: {label}",
            "",
            "| run | documents/s | seconds | CPU seconds (cores busy) | peak RSS main / workers (MB) | outcome |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for run in ingests.values():
            pool = f"{run.worker_mb:,.0f}" if run.worker_mb else "-"
            lines.append(f"| {run.label} | {run.per_second:,.1f} | {run.seconds:.1f} "
                         f"| {run.cpu_seconds:.0f} ({run.cpu_seconds / run.seconds:.2f}) "
                         f"| {run.main_mb:,.0f} / {pool} | {run.summary} |")
        lines.append("")
        one, many, tenth = ingests["one"], ingests.get("many"), ingests.get("tenth")
        if many is not None:
            lines.append(f"scaling, {workers} workers against 1: **{one.seconds / many.seconds:.2f}x**")
        if tenth is not None:
            lines.append(f"memory, 1 worker: peak RSS with {one.documents:,} documents against {tenth.documents:,}: "
                         f"**{one.main_mb / tenth.main_mb:.2f}x** ({one.main_mb:,.0f} / {tenth.main_mb:,.0f} MB)")
    lines.append(f"whole benchmark: {seconds:.0f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
