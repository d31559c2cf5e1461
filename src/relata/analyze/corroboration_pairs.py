"""Which items to compare, and how compared pairs become groups.

Comparing every pair of items is exact and fast for a few hundred items but quadratic. Above
``LSH_MIN_ITEMS`` candidate pairs come from MinHash LSH (``datasketch``) over character shingles
instead: texts sharing enough shingles land in the same bucket, and only those pairs are scored
by the caller's exact (rapidfuzz) test. LSH only proposes; it never decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import combinations

from rapidfuzz.utils import default_process

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


def candidate_pairs(texts: Sequence[str], lsh_min_items: int = LSH_MIN_ITEMS) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of ``texts`` worth scoring: all of them for a small list,
    the ones MinHash LSH finds similar for a large one."""
    if len(texts) < lsh_min_items:
        yield from combinations(range(len(texts)), 2)
    else:
        yield from _lsh_pairs(texts)


def normalise(text: str) -> str:
    """Lower case, punctuation to spaces, runs of spaces to one: how texts are compared."""
    return " ".join(default_process(text).split())


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """Overlapping character ``size``-grams of the normalised text (the text itself when shorter)."""
    clean = normalise(text)
    if len(clean) <= size:
        return {clean} if clean else set()
    return {clean[i:i + size] for i in range(len(clean) - size + 1)}


def _lsh_pairs(texts: Sequence[str]) -> Iterator[tuple[int, int]]:
    # Imported here: only large corpora need it.
    from datasketch import MinHash, MinHashLSH

    grams = [[gram.encode("utf-8") for gram in shingles(text)] for text in texts]
    indexed = [index for index, item in enumerate(grams) if item]
    # bulk() draws the permutations once for all sketches.
    sketches = MinHash.bulk([grams[index] for index in indexed], num_perm=NUM_PERMUTATIONS, seed=_SEED)
    lsh = MinHashLSH(threshold=LSH_JACCARD, num_perm=NUM_PERMUTATIONS)
    for index, sketch in zip(indexed, sketches, strict=True):
        lsh.insert(index, sketch)
    seen: set[tuple[int, int]] = set()
    for index, sketch in zip(indexed, sketches, strict=True):
        for other in lsh.query(sketch):
            if other != index:
                seen.add((min(index, other), max(index, other)))
    yield from sorted(seen)


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
    lsh_min_items: int = LSH_MIN_ITEMS,
) -> Iterator[tuple[int, int]]:
    """The candidate pairs of ``items`` (proposed on ``texts``) that ``same`` accepts."""
    for i, j in candidate_pairs(texts, lsh_min_items):
        if same(items[i], items[j]):
            yield i, j
