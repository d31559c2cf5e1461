"""The benchmark's texts: the bundled examples, ../shared/seeds when present, and gensim's Lee
corpus (300 ABC news articles), varied to reach any number of documents.

The Lee corpus ships inside the gensim wheel (``gensim/test/test_data/lee_background.cor``). The
wheel is fetched with pip into ``.cache/bench`` the first time (PyPI only; never committed) and
read as a zip: gensim is not installed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "bench"
GENSIM = "gensim==4.4.0"
LEE_MEMBER = "gensim/test/test_data/lee_background.cor"
DOCS_PER_FILE = 500

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def bundled_inputs() -> list[str]:
    """The examples, plus the seed articles beside the project when they are there."""
    paths = [str(ROOT / "examples")]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths.append(str(seeds))
    return paths


def lee_articles(cache: Path = CACHE) -> list[str]:
    """The 300 articles of the Lee background corpus, one string each."""
    wheel = _gensim_wheel(cache)
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(LEE_MEMBER).decode("utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _gensim_wheel(cache: Path) -> Path:
    wheels = sorted(cache.glob("gensim-*.whl"))
    if not wheels:
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", GENSIM, "--no-deps", "--only-binary=:all:",
             "--quiet", "-d", str(cache)],
            check=True,
        )
        wheels = sorted(cache.glob("gensim-*.whl"))
    return wheels[-1]


def variant(articles: list[str], k: int) -> dict:
    """Document ``k``: article ``k mod 300``. Later rounds rotate its sentences and close it with
    the lead sentence of another article, so every document has its own text (and id) while
    staying real news prose."""
    i, turn = k % len(articles), k // len(articles)
    sentences = _SENTENCE_END.split(articles[i])
    if turn:
        cut = turn % len(sentences)
        lead = _SENTENCE_END.split(articles[(i + turn) % len(articles)])[0]
        sentences = sentences[cut:] + sentences[:cut] + [lead]
    published = dt.date(2001, 1, 1) + dt.timedelta(days=k % 365)
    return {
        "url": f"https://lee.example/{turn}/{i}",
        "published": published.isoformat(),
        "text": " ".join(sentences),
    }


def write_lee_corpus(folder: Path, docs: int, articles: list[str]) -> list[Path]:
    """``docs`` documents as JSON Lines files of at most ``DOCS_PER_FILE`` lines under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for first in range(0, docs, DOCS_PER_FILE):
        path = folder / f"lee_{first // DOCS_PER_FILE:04d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for k in range(first, min(docs, first + DOCS_PER_FILE)):
                handle.write(json.dumps(variant(articles, k)) + "\n")
        files.append(path)
    return files
