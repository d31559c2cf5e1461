"""Relata's MinHash signatures and LSH banding are datasketch's, bit for bit (computed without
importing datasketch, whose import loads scipy), so stored band keys always compare."""

import random

import numpy as np
import pytest
from tests.conftest import EXAMPLES

from relata.analyze import minhash
from relata.analyze.corroboration_pairs import _SEED, LSH_JACCARD, NUM_PERMUTATIONS, shingles

datasketch = pytest.importorskip("datasketch")


def _gram_sets():
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.glob("*.txt"))]
    sentences = [s for t in texts for s in t.split(". ") if s.strip()]
    rng = random.Random(3)
    sentences += ["".join(rng.choice("abcdefgh ") for _ in range(rng.randint(1, 40))) for _ in range(200)]
    return [[g.encode("utf-8") for g in shingles(s)] for s in sentences] + [[]]


def test_signatures_are_datasketchs():
    gram_sets = _gram_sets()
    assert len(gram_sets) > 250
    ours = minhash.signatures(gram_sets, NUM_PERMUTATIONS, _SEED)
    theirs = np.stack([m.hashvalues for m in datasketch.MinHash.bulk(gram_sets, num_perm=NUM_PERMUTATIONS,
                                                                      seed=_SEED)])
    assert ours.dtype == theirs.dtype and (ours == theirs).all()
    other_seed = minhash.signatures(gram_sets[:20], 64, 7)
    assert (other_seed == np.stack([m.hashvalues for m in datasketch.MinHash.bulk(gram_sets[:20], num_perm=64,
                                                                                  seed=7)])).all()


def test_banding_is_datasketchs():
    from datasketch.lsh import _optimal_param

    for (threshold, num_perm), shape in minhash.LSH_SHAPES.items():
        assert shape == _optimal_param(threshold, num_perm, 0.5, 0.5)
    assert minhash.lsh_shape(LSH_JACCARD, NUM_PERMUTATIONS) == (37, 3)
    assert minhash.lsh_shape(0.5, 64) == _optimal_param(0.5, 64, 0.5, 0.5)
