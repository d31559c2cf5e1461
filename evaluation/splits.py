"""Fixed tune/check halves of a development set, by a stable hash.

Every item of a set has a key (a PLOVER GSR record's ``id``, a news-events article's file name).
The items are ranked by the SHA-1 of the key's UTF-8 bytes (hex order, key as a tie-break); the
first half of the ranking is the *tune* half, the rest the *check* half (for an odd count the
check half has one more). The assignment depends on the keys only: not on the order the set is
read in, the machine, or the code being measured.

Develop against the tune half's errors only; report both halves. A change that raises the tune
half and not the check half is overfitting.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

TUNE = "tune"
CHECK = "check"
HALVES = (TUNE, CHECK)


def stable_hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def halves(keys: Iterable[str]) -> dict[str, str]:
    """Each key -> ``"tune"`` or ``"check"``."""
    ranked = sorted(set(keys), key=lambda k: (stable_hash(k), k))
    cut = len(ranked) // 2
    return {key: TUNE if i < cut else CHECK for i, key in enumerate(ranked)}
