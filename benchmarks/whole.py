"""Whole processes, as a user runs them: a plain ``spacy.load`` + ``nlp.pipe`` process against
``relata extract``, on the same texts, in the same run.

Two corpora:

- **short**: gensim's Lee corpus (300 ABC wire articles, about 200 words each) ``times`` times,
  as one JSON Lines file that both processes read;
- **long**: the bundled examples and ``../shared/seeds`` (the seeds are 500 to 2,400 words)
  copied ``times`` times, read by ``relata extract`` in their own formats (HTML, feeds, gzip,
  odd encodings); the raw spaCy process reads their cleaned English texts (what Relata parses)
  from a JSON Lines file.

Each process is timed from start to exit, wall-clock and CPU (its own and its children's), so
start-up, imports, model load, reading, cleaning, extraction and JSON output all count. The
raw process and Relata's alternate, so load from other processes falls on both alike.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus

# The raw spaCy process: load the model Relata loads, parse every text, nothing else.
_RAW_SPACY = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
nlp.max_length = 5_000_000
with open(sys.argv[2], encoding="utf-8") as handle:
    texts = [json.loads(line)["text"] for line in handle]
for doc in nlp.pipe(texts):
    pass
"""


@dataclass(frozen=True)
class Corpus:
    name: str
    relata_inputs: list[Path]  # what `relata extract` reads
    texts: Path  # JSON Lines with the texts the raw spaCy process parses
    documents: int
    words: int

    @property
    def relata(self) -> Path:
        return self.relata_inputs[0]


@dataclass(frozen=True)
class ProcessRun:
    label: str
    seconds: float
    cpu_seconds: float
    returncode: int
    stderr: str


@dataclass(frozen=True)
class Pair:
    corpus: Corpus
    raw: ProcessRun  # with --repeat: the median run of each process
    relata: ProcessRun
    ratios: tuple[float, ...] = ()  # with --repeat: each alternating pair's wall-clock ratio

    @property
    def ratio(self) -> float:
        return self.raw.seconds / self.relata.seconds

    @property
    def cpu_ratio(self) -> float:
        return self.raw.cpu_seconds / self.relata.cpu_seconds


def write_short(folder: Path, times: int, articles: list[str] | None = None, name: str = "Lee corpus") -> Corpus:
    """The Lee corpus (or other ``articles``) ``times`` times, as one JSON Lines file (url,
    published, text)."""
    articles = articles if articles is not None else corpus.lee_articles()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"lee_x{times}.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for k in range(times * len(articles)):
            document = corpus.variant(articles, k % len(articles))
            document["url"] = f"https://lee.example/copy{k // len(articles)}/{k % len(articles)}"
            words += len(document["text"].split())
            handle.write(json.dumps(document) + "\n")
    return Corpus(f"short: {name} x{times}", [path], path, times * len(articles), words)


def write_long(folder: Path, times: int, texts: bool = True) -> Corpus:
    """The examples and seeds copied ``times`` times, and (``texts``) their cleaned English texts."""
    folder.mkdir(parents=True, exist_ok=True)
    originals = [Path(p) for p in corpus.bundled_inputs()]
    copies = []
    for k in range(times):
        for original in originals:
            copy = folder / f"copy{k}" / original.name
            shutil.copytree(original, copy, dirs_exist_ok=True)
            copies.append(copy)
    if not texts:
        return Corpus(f"long: examples + seeds x{times}", copies, folder / "texts.jsonl", 0, 0)
    from relata.corpus import cleaned_inputs

    cleaned = [item[1] for item in cleaned_inputs([str(p) for p in originals]) if isinstance(item, tuple)]
    english = [c.text for c in cleaned if c.language == "en"]
    path = folder / "texts.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(times):
            for text in english:
                handle.write(json.dumps({"text": text}) + "\n")
    words = times * sum(len(text.split()) for text in english)
    return Corpus(f"long: examples + seeds x{times}", copies, path, times * len(cleaned), words)


def run(label: str, command: list[str]) -> ProcessRun:
    """``command`` from start to exit: wall-clock and the CPU time of it and its children."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    # The children's CPU: wait4's usage counts the process and the children it waited for.
    return ProcessRun(label, seconds, usage.ru_utime + usage.ru_stime, process.returncode, stderr)


def raw_spacy(texts: Path) -> ProcessRun:
    from relata.nlp import MODEL_NAME

    return run("plain spaCy process (`spacy.load` + `nlp.pipe`)", [sys.executable, "-c", _RAW_SPACY, MODEL_NAME,
                                                                  str(texts)])


def byte_compiled() -> None:
    """Relata's modules byte-compiled, as an installed package has them (pip compiles a wheel's
    modules on install; spaCy's, which the raw process imports, are). An editable install run
    under ``PYTHONDONTWRITEBYTECODE`` (this sandbox and CI set it) never writes its ``.pyc``
    files, and every process compiled Relata's 150 modules again: about 0.2-0.3 CPU s of each
    start-up that a user's installed Relata does not pay. Not timed; files already up to date are
    left alone."""
    import compileall

    import relata

    compileall.compile_dir(str(Path(relata.__file__).parent), quiet=1)


def relata_extract(inputs: list[Path], workers: int | None) -> ProcessRun:
    """``relata extract`` over ``inputs``; ``workers=None`` leaves the default (every core)."""
    byte_compiled()
    option = [] if workers is None else ["--workers", str(workers)]
    label = f"`relata extract --workers {workers}`" if workers is not None else "`relata extract` (default workers)"
    done = run(label, [sys.executable, "-m", "relata", "extract", "--quiet", *option, *map(str, inputs)])
    if done.returncode not in (0, 1):  # 1: some input failed, which the long corpus may hold on purpose
        raise RuntimeError(f"relata extract failed ({done.returncode}): {done.stderr[-2000:]}")
    return done


def pair(corpus_: Corpus, repeat: int = 1) -> Pair:
    """The raw process and `relata extract --workers 1` on ``corpus_``, one after the other,
    ``repeat`` times alternating: the median run of each (a shared machine's speed drifts during
    a run of minutes; one pair can land on either side of a target by that drift alone)."""
    raws: list[ProcessRun] = []
    relatas: list[ProcessRun] = []
    for _ in range(max(1, repeat)):
        raw = raw_spacy(corpus_.texts)
        if raw.returncode != 0:
            raise RuntimeError(f"raw spaCy process failed: {raw.stderr[-2000:]}")
        raws.append(raw)
        relatas.append(relata_extract(corpus_.relata_inputs, 1))
    ratios = tuple(r.seconds / x.seconds for r, x in zip(raws, relatas, strict=True)) if repeat > 1 else ()
    return Pair(corpus_, median_run(raws), median_run(relatas), ratios)


def median_run(runs: list[ProcessRun]) -> ProcessRun:
    """The run of median wall-clock time (the lower middle one of an even number)."""
    return sorted(runs, key=lambda r: r.seconds)[(len(runs) - 1) // 2]


def load() -> str:
    """The load average, to print next to timings taken on a shared machine."""
    try:
        return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load average unknown"


def report(pairs: list[Pair], parallel: ProcessRun | None, cores: int) -> list[str]:
    lines = [
        "whole processes (start to exit: start-up, model load, reading, cleaning, extraction, JSON out)",
        "",
        "| texts | documents | words | process | seconds | words/s | CPU seconds | ratio (wall) | ratio (CPU) |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for p in pairs:
        c = p.corpus
        lines.append(f"| {c.name} | {c.documents:,} | {c.words:,} | {p.raw.label} | {p.raw.seconds:.1f} "
                     f"| {c.words / p.raw.seconds:,.0f} | {p.raw.cpu_seconds:.1f} | | |")
        lines.append(f"| | | | {p.relata.label} | {p.relata.seconds:.1f} | {c.words / p.relata.seconds:,.0f} "
                     f"| {p.relata.cpu_seconds:.1f} | **{p.ratio:.2f}** | **{p.cpu_ratio:.2f}** |")
    for p in pairs:
        if p.ratios:
            lines.append(f"\n{p.corpus.name}: {len(p.ratios)} alternating pairs, wall-clock ratios "
                         + ", ".join(f"{r:.2f}" for r in p.ratios) + " (the table shows each process's median run)")
    if parallel is not None and pairs:
        one = pairs[0]
        docs = one.corpus.documents
        lines += [
            "",
            f"`relata extract` on {one.corpus.name} ({docs:,} documents), {cores} cores:",
            "",
            "| process | documents/s | seconds | CPU seconds (cores busy) |",
            "|---|---:|---:|---:|",
            f"| {one.relata.label} | {docs / one.relata.seconds:,.1f} | {one.relata.seconds:.1f} "
            f"| {one.relata.cpu_seconds:.0f} ({one.relata.cpu_seconds / one.relata.seconds:.2f}) |",
            f"| {parallel.label} | {docs / parallel.seconds:,.1f} | {parallel.seconds:.1f} "
            f"| {parallel.cpu_seconds:.0f} ({parallel.cpu_seconds / parallel.seconds:.2f}) |",
            "",
            f"default workers against 1: **{one.relata.seconds / parallel.seconds:.2f}x** documents/s",
        ]
    return lines
