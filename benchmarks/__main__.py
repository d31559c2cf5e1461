"""``make bench``: how fast Relata is next to the parser it cannot be faster than, and how it scales.

In one run, on the same texts:

1. ``speed``: raw spaCy (``nlp.pipe``, the model and components Relata loads, its own attribute
   ruler and lemmatizer among them: ``relata.nlp_rules``) against Relata's
   full pipeline inside one process, in words per second, on the bundled examples,
   ../shared/seeds and gensim's Lee corpus (300 ABC news articles), with this process's peak memory;
2. ``whole``: whole processes as a user runs them, a plain ``spacy.load`` + ``nlp.pipe`` process
   against ``relata extract --workers 1`` on short articles (the Lee corpus x4) and long ones (the
   examples and seeds, repeated), then ``relata extract`` with its default workers on the short ones;
3. ``ingest``: ``relata ingest`` in documents per second, with 1 worker and the default workers,
   on ``--docs`` documents (the Lee articles varied, as JSON Lines), and re-ingesting the
   unchanged corpus; ``memory``: the 1-worker ingest of ``--docs`` documents against a tenth;
4. ``derive``: a store of ``--docs`` documents plus a round of 50 new ones: updating the derived
   tables from the round against rebuilding them from the whole store.

``--smoke`` is a quick run on 20 documents made from the examples (no download), for the tests.
Not a timed test: the numbers depend on the machine and on what else runs on it; each table
says the load average it was measured under.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpus, derive, runs, whole
from relata import nlp
from relata.clean import clean_document
from relata.corpus import cleaned_inputs
from relata.ingest import RawDocument

DEFAULT_DOCS = 10000
SMOKE_DOCS = 20


PARTS = ("speed", "whole", "ingest", "memory", "derive")
ROUND = 50  # new documents in the derive round


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS,
                        help=f"documents for the ingest runs and the derive store (default {DEFAULT_DOCS})")
    parser.add_argument("--smoke", action="store_true", help=f"a quick run on {SMOKE_DOCS} documents")
    parser.add_argument("--workers", type=int, default=None,
                        help="workers of the parallel runs (default: the command's default, the machine's cores)")
    parser.add_argument("--lee-times", type=int, default=4, help="copies of the Lee corpus, whole part (default 4)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="alternating pairs per corpus in the whole part; the medians are shown (default 1)")
    parser.add_argument("--long-times", type=int, default=8,
                        help="copies of the examples and seeds, whole part (default 8)")
    parser.add_argument("--only", action="append", choices=PARTS,
                        help="run only this part (repeatable): speed = raw spaCy against the pipeline in one "
                             "process; whole = a plain spaCy process against `relata extract`, and extract's "
                             "default workers; ingest = 1 and default workers, then re-ingest; memory = 1 "
                             "worker on --docs and on a tenth of them, then re-ingest; derive = a round of "
                             f"{ROUND} new documents into a store of --docs: update against full rebuild")
    args = parser.parse_args(argv)
    parts = set(args.only or PARTS)
    started = time.perf_counter()
    out: list[str] = [f"{whole.load()} at the start; {os.cpu_count()} cores"]
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
        if "speed" in parts:
            out += _speed(runs.parse_against_pipeline(texts), len(texts), source)
        if "whole" in parts:
            if args.smoke:
                args.lee_times = args.long_times = 1
            out += _whole(scratch, articles, args)
        ingests: dict[str, runs.IngestRun] = {}
        if parts & {"ingest", "memory"}:
            inputs = [str(f) for f in corpus.write_lee_corpus(scratch / "corpus", docs, articles)]
            ingests["one"] = runs.ingest("`relata ingest --workers 1`", inputs, scratch / "one.duckdb", docs, 1)
            if "ingest" in parts:
                many = f"--workers {args.workers}" if args.workers else "(default workers)"
                ingests["many"] = runs.ingest(f"`relata ingest` {many}", inputs, scratch / "many.duckdb", docs,
                                              args.workers)
            # Nothing is parsed on a re-ingest, so the worker count does not matter.
            ingests["again"] = runs.ingest("re-ingest, unchanged", inputs, scratch / "one.duckdb", docs, 1)
            if "memory" in parts and docs >= 10 * SMOKE_DOCS:
                # Flat memory: the same 1-worker run on a tenth of the corpus, for its peak RSS.
                tenth = docs // 10
                small = [str(f) for f in corpus.write_lee_corpus(scratch / "tenth", tenth, articles)]
                ingests["tenth"] = runs.ingest(f"`relata ingest --workers 1`, {tenth:,} documents", small,
                                               scratch / "tenth.duckdb", tenth, 1)
            out += _ingest(ingests, label)
        if "derive" in parts:
            store = scratch / "one.duckdb"
            run = derive.run(store, scratch, docs, SMOKE_DOCS if args.smoke else ROUND, articles,
                             store_ready=store.exists(), workers=args.workers)
            out += [f"{whole.load()}", *derive.report(run), ""]
    out.append(f"whole benchmark: {time.perf_counter() - started:.0f} s; {whole.load()} at the end")
    print("\n".join(out))
    return 0


def _bundled():
    """The cleaned English documents of the examples and seeds."""
    documents = [item[1] for item in cleaned_inputs(corpus.bundled_inputs()) if isinstance(item, tuple)]
    return [d for d in documents if d.language == "en"]


def _lee(articles: list[str]):
    return [clean_document(RawDocument(source=f"lee:{n}", body=text, kind="text"))
            for n, text in enumerate(articles)]


def _speed(speed: runs.Throughput, documents: int, source: str) -> list[str]:
    return [
        f"in one process ({whole.load()}): model {nlp.MODEL_NAME}; {documents} documents, "
        f"{speed.words:,} words ({source})",
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


def _whole(scratch: Path, articles: list[str], args) -> list[str]:
    short = whole.write_short(scratch / "short", args.lee_times, articles,
                              "examples" if args.smoke else "Lee corpus")
    long = whole.write_long(scratch / "long", args.long_times)
    before = whole.load()
    pairs = [whole.pair(short, args.repeat), whole.pair(long, args.repeat)]
    parallel = whole.relata_extract(short.relata_inputs, args.workers)
    from relata.parallel import default_workers

    return [f"{before} at the start of the part, {whole.load()} at its end",
            *whole.report(pairs, parallel, args.workers or default_workers()), ""]


def _ingest(ingests: dict[str, runs.IngestRun], label: str) -> list[str]:
    lines = [
        f"ingest ({whole.load()} at the end): {label}",
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
        lines.append(f"scaling, {many.label} against 1 worker: **{one.seconds / many.seconds:.2f}x**")
    if tenth is not None:
        lines.append(f"memory, 1 worker: peak RSS with {one.documents:,} documents against {tenth.documents:,}: "
                     f"**{one.main_mb / tenth.main_mb:.2f}x** ({one.main_mb:,.0f} / {tenth.main_mb:,.0f} MB)")
    return lines + [""]


if __name__ == "__main__":
    sys.exit(main())
