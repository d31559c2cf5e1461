"""The same quote in several documents: verbatim, trimmed, or lightly reworded.

Only quoted words count (``direct`` and ``partial`` quotes): indirect speech is each outlet's own
paraphrase, and two outlets paraphrasing alike says more about copying than about what was said.
Texts are compared normalised (lower case, punctuation to spaces, one space between words), so a
trailing comma or curly apostrophe never separates two reports of the same words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from relata.analyze.corroboration_model import QuoteGroup, QuoteMention
from relata.analyze.corroboration_pairs import LSH_MIN_ITEMS, connected_groups, linked_pairs, normalise
from relata.analyze.provenance import first_reported, publication_order

QUOTED_KINDS = ("direct", "partial")
# fuzz.ratio (normalised edit similarity) at or above which two quotes are the same words:
# 85 lets a word or two change in a sentence ("that ... undo" / "which ... reverse" scores ~92)
# while two different sentences that share a subject ("The talks were useful" / "The talks were
# not useful at all") stay below it.
SAME_WORDS = 85
# A trimmed quote is (almost) contained in the longer one: fuzz.partial_ratio at or above this ...
TRIMMED_WORDS = 95
# ... and it keeps at least this share of the longer quote's characters, so that a stock phrase
# ("we will not give up") does not join every long quote that happens to contain it.
TRIMMED_MIN_SHARE = 0.4
# fuzz.ratio of a text and a longer text containing it is 200 * share / (1 + share): when the
# shorter one keeps at least this share, containment already reached SAME_WORDS above, so
# partial_ratio (the costly test) is only needed for clearly trimmed quotes.
_RATIO_COVERS = SAME_WORDS / (200 - SAME_WORDS)
# Quotes shorter than this many words ("No comment", "very good") are said by everyone; they are
# never grouped.
MIN_WORDS = 4


def quotable(mention: QuoteMention) -> bool:
    return mention.kind in QUOTED_KINDS and len(normalise(mention.text).split()) >= MIN_WORDS


def same_quote(a: str, b: str) -> bool:
    """Whether two quote texts are the same words, possibly trimmed or lightly reworded."""
    return same_normalised(normalise(a), normalise(b))


def same_normalised(a: str, b: str) -> bool:
    """``same_quote`` on texts already normalised (each text is normalised once, not per pair)."""
    if not a or not b:
        return False
    if a == b or fuzz.ratio(a, b, score_cutoff=SAME_WORDS):
        return True
    shorter, longer = sorted((a, b), key=len)
    share = len(shorter) / len(longer)
    if share < TRIMMED_MIN_SHARE or share >= _RATIO_COVERS:
        return False
    return bool(fuzz.partial_ratio(shorter, longer, score_cutoff=TRIMMED_WORDS))


def group_quotes(
    mentions: Sequence[QuoteMention], min_documents: int = 1, lsh_min_items: int = LSH_MIN_ITEMS,
    bands: Callable | None = None,
) -> list[QuoteGroup]:
    """The quotes reported by at least ``min_documents`` documents, ordered by first publication,
    ids from 1. Indirect speech and very short quotes are left out (see ``quotable``).
    ``bands(items, texts, distinct, keys)`` receives the LSH band keys when LSH runs."""
    items = [m for m in mentions if quotable(m)]
    texts = [normalise(m.text) for m in items]
    sink = None if bands is None else lambda distinct, keys: bands(items, texts, distinct, keys)
    pairs = linked_pairs(texts, texts, same_normalised, lsh_min_items, sink)
    components = [[items[i] for i in component] for component in connected_groups(len(items), pairs)]
    kept = [group for group in components if len({m.document.id for m in group}) >= min_documents]
    kept.sort(key=first_key)
    return [quote_group(group_id, members) for group_id, members in enumerate(kept, start=1)]


def first_key(members: list[QuoteMention]) -> tuple:
    """Where a group ranks: by its first report's publication (then document id and position);
    groups are numbered in this order."""
    first = min(members, key=lambda m: (publication_order(m.document), m.position))
    return publication_order(first.document) + (first.position,)


def quote_group(group_id: int, members: list[QuoteMention]) -> QuoteGroup:
    """The group of ``members`` (one quote) under ``group_id``."""
    members = sorted(members, key=lambda m: (publication_order(m.document), m.position))
    speaker, speaker_name = _common_speaker(members)
    # The wording most members give (the fullest one on a tie): trimmed and reworded
    # versions are the exceptions.
    wordings = Counter(normalise(m.text) for m in members)
    text = max(
        enumerate(members), key=lambda item: (wordings[normalise(item[1].text)], len(item[1].text), -item[0])
    )[1].text
    return QuoteGroup(
        id=group_id,
        text=text.strip().rstrip(",").strip(),
        speaker=speaker,
        speaker_name=speaker_name,
        members=tuple(members),
        provenance=first_reported(m.document for m in members),
    )


def _common_speaker(members: list[QuoteMention]) -> tuple[str | None, str | None]:
    """The speaker most members name (the earliest on a tie); ``None`` when none is named."""
    named = [(m.speaker, m.speaker_name) for m in members if m.speaker or m.speaker_name]
    if not named:
        return None, None
    counts = Counter(named)
    first = {}
    for index, speaker in enumerate(named):
        first.setdefault(speaker, index)
    return max(named, key=lambda s: (counts[s], -first[s]))
