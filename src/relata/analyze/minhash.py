"""MinHash signatures of shingle sets, and the LSH banding that turns them into band keys.

The values are datasketch's (``MinHash.bulk``, version 2's default ``affine32`` scheme: SHA-1
of each shingle cut to 32 bits, the MurmurHash3 finalizer, then ``a * h + b`` modulo 2^32 for
``num_perm`` odd ``a`` and any ``b`` drawn from ``numpy.random.RandomState(seed)``), and the
banding is ``MinHashLSH``'s for the threshold used, computed here because importing datasketch
loads scipy: 0.3 to 0.5 s, a third of what updating the derived tables after a round of 50
documents may take. ``tests/analyze/test_minhash.py`` checks both against datasketch itself,
bit for bit, so keys stored by earlier runs and keys computed now always compare.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence
from functools import cache

import numpy as np

# (bands, rows) of datasketch's MinHashLSH(threshold=0.3, num_perm=128) (its _optimal_param with
# equal false-positive and false-negative weights).
LSH_SHAPES = {(0.3, 128): (37, 3)}

_MAX = np.uint32(0xFFFFFFFF)
# MurmurHash3's 32-bit finalizer: (shift, multiplier, shift, multiplier, shift).
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_SHA1_32 = struct.Struct("<I")


def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` of datasketch's ``MinHashLSH(threshold, num_perm)``."""
    try:
        return LSH_SHAPES[(threshold, num_perm)]
    except KeyError:
        from datasketch.lsh import _optimal_param  # another setting: ask datasketch (and scipy)

        return _optimal_param(threshold, num_perm, 0.5, 0.5)


@cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def signatures(gram_sets: Sequence[Sequence[bytes]], num_perm: int, seed: int) -> np.ndarray:
    """One row of ``num_perm`` minimum hash values (``uint32``) per set of shingles (bytes)."""
    a, b = _permutations(num_perm, seed)
    s1, m1, s2, m2, s3 = _FMIX32
    out = np.full((len(gram_sets), num_perm), _MAX, dtype=np.uint32)
    for n, grams in enumerate(gram_sets):
        if not grams:
            continue
        hv = np.fromiter((_SHA1_32.unpack_from(hashlib.sha1(g).digest())[0] for g in grams),
                         dtype=np.uint32, count=len(grams)).reshape(-1, 1)
        hv = hv ^ (hv >> s1)
        hv = hv * m1
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = hv ^ (hv >> s3)
        out[n] = np.minimum(out[n], (hv * a + b).min(axis=0))
    return out
