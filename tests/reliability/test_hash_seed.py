"""Records do not depend on the process's string hashing: ``PYTHONHASHSEED`` changes the order
of every set of strings, and a person's sector once came from whichever of two roles a set gave
first (Lee corpus article 209: Robert Hill, LEG in one process and GOV in the next)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _extract(path: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "relata", "extract", str(path), "--workers", "1"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=True)
    return done.stdout


def test_the_same_records_whatever_the_hash_seed(tmp_path):
    lee = pytest.importorskip("benchmarks.corpus", reason="the benchmark's Lee corpus reader is not importable")
    if not sorted(lee.CACHE.glob("gensim-*.whl")):
        # the corpus ships in the gensim wheel, which `make bench` downloads; tests download nothing
        pytest.skip(f"Lee corpus not downloaded (no gensim wheel in {lee.CACHE}; `make bench` fetches it)")
    articles = lee.lee_articles()
    path = tmp_path / "lee.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in (209, 0, 1):
            out.write(json.dumps({"id": f"lee-{i}", "text": articles[i], "published": "2001-09-15"}) + "\n")
    first, second = _extract(path, "1"), _extract(path, "2")
    assert first and first == second, "records differ between PYTHONHASHSEED=1 and =2"
