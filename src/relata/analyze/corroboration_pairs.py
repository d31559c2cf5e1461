"""Which items to compare, and how compared pairs become groups.

Comparing every pair of items is exact and fast for a few hundred items but quadratic. Above
``LSH_MIN_ITEMS`` candidate pairs come from MinHash LSH (datasketch's sketches and banding,
computed by :mod:`relata.analyze.minhash`) over character shingles
instead: texts sharing enough shingles land in the same bucket, and only those pairs are scored
by the caller's exact (rapidfuzz) test. LSH only proposes; it never decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import combinations

from rapidfuzz.utils import default_process

from relata.analyze import minhash

# Below this many items every pair is scored (500 items are 124,750 pairs, well under a second
# with rapidfuzz); above it LSH proposes the pairs.
LSH_MIN_ITEMS = 500
# Character shingles: 4 characters catch a changed word or a trimmed clause while keeping
# unrelated sentences, which share mostly function-word shingles, apart.
SHINGLE_SIZE = 4
NUM_PERMUTATIONS = 128
# Jaccard similarity of shingle sets above which LSH proposes a pair. Kept well under what the
# exact tests accept: a quote trimmed to half its length still shares ~50% of the longer one's
# shingles, and a missed candidate can never be recovered by the exact test.
LSH_JACCARD = 0.3
_SEED = 1  # fixed, so the candidates (and so the groups) are the same on every run
_SKETCH_CHUNK = 1000


def candidate_pairs(
    texts: Sequence[str], lsh_min_items: int = LSH_MIN_ITEMS, keys_sink: Callable | None = None,
) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of ``texts`` worth scoring: all of them for a small list,
    the ones MinHash LSH finds similar for a large one. ``keys_sink``, when given and LSH runs, is
    called once with ``(indices, keys)``: the band keys of ``texts[indices[n]]`` in ``keys[n]``
    (one index per distinct text with shingles), for the store to keep."""
    if len(texts) < lsh_min_items:
        yield from combinations(range(len(texts)), 2)
    else:
        yield from _lsh_pairs(texts, keys_sink)


def normalise(text: str) -> str:
    """Lower case, punctuation to spaces, runs of spaces to one: how texts are compared."""
    return " ".join(default_process(text).split())


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """Overlapping character ``size``-grams of the normalised text (the text itself when shorter)."""
    clean = normalise(text)
    if len(clean) <= size:
        return {clean} if clean else set()
    return {clean[i:i + size] for i in range(len(clean) - size + 1)}


def lsh_shape() -> tuple[int, int]:
    """``(bands, rows)``: datasketch's choice for ``MinHashLSH(threshold=LSH_JACCARD)``."""
    return minhash.lsh_shape(LSH_JACCARD, NUM_PERMUTATIONS)


def band_keys(texts: Sequence[str]):
    """One row of band keys (``numpy.uint64``, ``bands`` wide) per text; every text must have
    shingles. A text's keys depend on that text alone (fixed seed and permutations), so keys
    computed now and keys stored from an earlier run compare: two texts are LSH candidates
    exactly when they share a key in some band."""
    import numpy as np

    bands, rows = lsh_shape()
    keys = np.empty((len(texts), bands), dtype=np.uint64)
    # Multipliers folding a band's `rows` hash values into one key; a rare false collision only
    # proposes a pair the exact test then rejects.
    fold = np.array([(0x9E3779B97F4A7C15 * (k + 1)) % 2**64 | 1 for k in range(rows)], dtype=np.uint64)
    for first in range(0, len(texts), _SKETCH_CHUNK):  # grams of one chunk at a time in memory
        chunk = texts[first:first + _SKETCH_CHUNK]
        grams = [[gram.encode("utf-8") for gram in shingles(text)] for text in chunk]
        values = minhash.signatures(grams, NUM_PERMUTATIONS, _SEED)[:, :bands * rows].astype(np.uint64)
        with np.errstate(over="ignore"):
            keys[first:first + len(chunk)] = (values.reshape(len(chunk), bands, rows) * fold).sum(axis=2)
    return keys


def _lsh_pairs(texts: Sequence[str], keys_sink: Callable | None = None) -> Iterator[tuple[int, int]]:
    """MinHash LSH banding, kept in numpy arrays: a band key per text and band (a few dozen bytes per
    text) instead of datasketch's index of dicts of sets (about 10 kB per text: 440 MB for the
    quotes and claims of 10,000 articles). Same sketches (datasketch, same seed and permutations)
    and same bands and rows as ``MinHashLSH(threshold=LSH_JACCARD)``; each pair is proposed once,
    in the first band it shares. Identical texts are sketched once."""
    import numpy as np

    bands, _ = lsh_shape()
    copies: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        copies.setdefault(text, []).append(index)
    for same in copies.values():  # identical texts: every pair, no sketch needed
        yield from combinations(same, 2)
    distinct = [same[0] for same in copies.values() if shingles(texts[same[0]])]
    keys = band_keys([texts[index] for index in distinct])
    if keys_sink is not None:
        keys_sink(distinct, keys)
    for band in range(bands):
        order = np.argsort(keys[:, band], kind="stable")
        column = keys[order, band]
        starts = np.flatnonzero(np.r_[True, column[1:] != column[:-1]])
        for start, stop in zip(starts, np.r_[starts[1:], len(column)], strict=True):
            if stop - start < 2:
                continue
            members = order[start:stop]
            left, right = np.triu_indices(len(members), k=1)
            a, b = members[left], members[right]
            if band:  # proposed already by an earlier band they share
                fresh = ~(keys[a, :band] == keys[b, :band]).any(axis=1)
                a, b = a[fresh], b[fresh]
            for i, j in zip(a.tolist(), b.tolist(), strict=True):
                for x in copies[texts[distinct[i]]]:
                    for y in copies[texts[distinct[j]]]:
                        yield min(x, y), max(x, y)


def connected_groups(size: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``range(size)`` under the linked ``pairs``, each sorted, in
    order of their smallest member (union-find with path halving)."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    components: dict[int, list[int]] = {}
    for i in range(size):
        components.setdefault(root(i), []).append(i)
    return sorted(components.values(), key=lambda members: members[0])


def linked_pairs(
    items: Sequence, texts: Sequence[str], same: Callable[[object, object], bool],
    lsh_min_items: int = LSH_MIN_ITEMS, keys_sink: Callable | None = None,
) -> Iterator[tuple[int, int]]:
    """The candidate pairs of ``items`` (proposed on ``texts``) that ``same`` accepts."""
    for i, j in candidate_pairs(texts, lsh_min_items, keys_sink):
        if same(items[i], items[j]):
            yield i, j
