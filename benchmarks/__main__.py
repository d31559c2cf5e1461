"""Words per second of raw spaCy and of Relata's full pipeline on the same texts, in one run.

Texts: the bundled examples, plus ../shared/seeds when present, repeated to reach ``--words``.
Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from relata import nlp
from relata.corpus import cleaned_inputs
from relata.pipeline import process

ROOT = Path(__file__).resolve().parent.parent


def _texts(min_words: int):
    paths = [str(ROOT / "examples")]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths.append(str(seeds))
    cleaned = [item[1] for item in cleaned_inputs(paths) if isinstance(item, tuple)]
    cleaned = [c for c in cleaned if c.language == "en"]
    corpus, words = [], 0
    while words < min_words:
        for c in cleaned:
            corpus.append(c)
            words += len(c.text.split())
    return corpus, words


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--words", type=int, default=60_000, help="words to process per measurement")
    args = parser.parse_args(argv)
    corpus, words = _texts(args.words)
    model = nlp.load()
    model(corpus[0].text)  # warm-up
    started = time.perf_counter()
    for _ in model.pipe((c.text for c in corpus), batch_size=16):
        pass
    raw = time.perf_counter() - started
    started = time.perf_counter()
    for _ in process(corpus, batch_size=16):
        pass
    full = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(corpus)} documents, {words} words (examples + seeds, repeated)")
    print("| pipeline | words/s | seconds |")
    print("|---|---:|---:|")
    print(f"| raw spaCy nlp.pipe ({nlp.MODEL_NAME}) | {words / raw:,.0f} | {raw:.1f} |")
    print(f"| Relata full pipeline | {words / full:,.0f} | {full:.1f} |")
    print(f"ratio (Relata / spaCy): {raw / full:.2f}; peak RSS: {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
