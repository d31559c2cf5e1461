"""The same figure in several documents, and figures that contradict each other.

Two claims report the same figure when they have the same unit and direction (a level or a
change), compatible periods, values within a tolerance that widens with the qualifier (``about
$240 billion`` is ``$240.1 billion``), and measures that describe the same quantity. Two groups
conflict when their measures are (nearly) the same words, their periods are the same known
period, and their values cannot both be true.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from relata.analyze.corroboration_model import ClaimGroup, ClaimMention
from relata.analyze.corroboration_pairs import LSH_MIN_ITEMS, candidate_pairs, connected_groups
from relata.analyze.provenance import first_reported, publication_order

# Relative difference two values may have and still be the same figure. An exact figure gets
# 2%: enough for rounding ("$240 billion" for 240.1, "26%" for 26.3 is 1.2%) but not for a
# revision or a misprint ($110.9 vs $119.0 billion is 7%). A qualified figure ("about", "more
# than", "up to") was rounded on purpose, so it gets 5%.
EXACT_TOLERANCE = 0.02
QUALIFIED_TOLERANCE = 0.05
# token_set_ratio of two measures at or above which they name the same quantity whatever the
# figure ("trade between China and Russia" / "bilateral trade between Russia and China" is 100;
# "China's exports to Russia" / "Russian energy exports to China" is 82, so this alone would
# be too loose for a round figure, hence the precision condition below for weaker matches).
SAME_MEASURE = 85
# A figure with at least this many significant digits (240.1 billion, 26.3%) seldom matches
# another one in the same unit and period by chance, so measures sharing one content word are
# enough. Extracted measures are often a clause or a headline fragment ("China-Russia trade hits
# record" / "Trade between China and Russia"), which only a content word ties together.
PRECISE_DIGITS = 3
# For a conflict the measures must be nearly the same words in any order (token_sort_ratio):
# a false "these outlets disagree" is worse than a missed one, and loosely similar measures
# ("exports to Russia" / "energy exports to Russia") legitimately have different values.
CONFLICT_MEASURE = 90

_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for from by with and or as than between its their his her our this "
    "that these those s was were is are be been total".split()
)


def tolerance(qualifier: str) -> float:
    return EXACT_TOLERANCE if qualifier == "exact" else QUALIFIED_TOLERANCE


def values_agree(a: ClaimMention, b: ClaimMention) -> bool:
    """Whether two values are the same figure within the looser of the two tolerances."""
    allowed = max(tolerance(a.qualifier), tolerance(b.qualifier)) * max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) <= allowed


def values_conflict(a: ClaimMention, b: ClaimMention) -> bool:
    """Whether two values cannot both be true: they disagree beyond tolerance and no bound
    (``more than``, ``less than``, ``up to``) makes them consistent."""
    if values_agree(a, b):
        return False
    return not (_within_bound(a, b.value) or _within_bound(b, a.value) or _same_direction(a, b))


def _within_bound(bound: ClaimMention, value: float) -> bool:
    if bound.qualifier == "more_than":
        return value >= bound.value
    if bound.qualifier in ("less_than", "up_to"):
        return value <= bound.value
    return False


def _same_direction(a: ClaimMention, b: ClaimMention) -> bool:
    lower = {"less_than", "up_to"}
    return (a.qualifier == b.qualifier == "more_than") or (a.qualifier in lower and b.qualifier in lower)


def significant_digits(value: float) -> int:
    """Digits of ``value`` without leading and trailing zeros: 240100000000 -> 4, 0.05 -> 1."""
    digits = f"{abs(value):.12g}".split("e")[0].replace(".", "").strip("0")
    return len(digits)


def content_words(measure: str | None) -> frozenset[str]:
    return frozenset(default_process(measure or "").split()) - _FUNCTION_WORDS


def measures_similar(a: ClaimMention, b: ClaimMention) -> bool:
    """Whether two measures plausibly name the same quantity, given how precise the figures are."""
    if not a.measure or not b.measure:
        return False  # a figure without a measure could be anything
    if fuzz.token_set_ratio(a.measure, b.measure, processor=default_process) >= SAME_MEASURE:
        return True
    precise = max(significant_digits(a.value), significant_digits(b.value)) >= PRECISE_DIGITS
    return precise and bool(content_words(a.measure) & content_words(b.measure))


def same_claim(a: ClaimMention, b: ClaimMention) -> bool:
    """Whether two claims report the same figure."""
    return (
        a.unit == b.unit
        and a.change == b.change
        and (a.period is None or b.period is None or a.period == b.period)
        and values_agree(a, b)
        and measures_similar(a, b)
    )


def claims_conflict(a: ClaimMention, b: ClaimMention) -> bool:
    """Whether two claims give different values for the same measure and the same known period."""
    return (
        a.unit == b.unit
        and a.change == b.change
        and a.period is not None
        and a.period == b.period
        and bool(a.measure and b.measure)
        and fuzz.token_sort_ratio(a.measure, b.measure, processor=default_process) >= CONFLICT_MEASURE
        and values_conflict(a, b)
    )


def group_claims(
    mentions: Sequence[ClaimMention], min_documents: int = 1, lsh_min_items: int = LSH_MIN_ITEMS,
    bands: Callable | None = None,
) -> list[ClaimGroup]:
    """The figures reported by at least ``min_documents`` documents, and every figure that
    conflicts with another one however few report it; ordered by first publication, ids from 1.
    Claims without a measure are left out: such a figure could be about anything.
    ``bands(items, texts, distinct, keys)`` receives the LSH band keys of the conflict search
    when LSH runs."""
    items = [m for m in mentions if m.measure]
    components = connected_groups(len(items), _same_claim_pairs(items))
    component_of = {i: n for n, component in enumerate(components) for i in component}
    conflicting: dict[int, set[int]] = defaultdict(set)
    for i, j in _conflict_pairs(items, lsh_min_items, bands):
        ci, cj = component_of[i], component_of[j]
        if ci != cj:
            conflicting[ci].add(cj)
            conflicting[cj].add(ci)
    members = [[items[i] for i in component] for component in components]
    kept = [
        n for n, group in enumerate(members)
        if conflicting[n] or len({m.document.id for m in group}) >= min_documents
    ]
    kept.sort(key=lambda n: first_key(members[n]))
    new_id = {n: group_id for group_id, n in enumerate(kept, start=1)}
    return [claim_group(new_id[n], members[n], sorted(new_id[c] for c in conflicting[n])) for n in kept]


def _same_claim_pairs(items: Sequence[ClaimMention]) -> Iterator[tuple[int, int]]:
    """Pairs that are the same claim, comparing only claims of one unit and direction whose values
    are within the widest tolerance of each other (a sliding window over the sorted values)."""
    blocks: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        blocks[(item.unit, item.change)].append(index)
    widest = max(EXACT_TOLERANCE, QUALIFIED_TOLERANCE)
    for indices in blocks.values():
        indices.sort(key=lambda i: items[i].value)
        for n, i in enumerate(indices):
            for j in indices[n + 1:]:
                a, b = items[i], items[j]
                if b.value - a.value > widest * max(abs(a.value), abs(b.value)):
                    break  # sorted: every later value is further away
                if same_claim(a, b):
                    yield min(i, j), max(i, j)


def conflict_text(claim: ClaimMention) -> str:
    """What the conflict search compares two dated claims on."""
    return f"{claim.unit} {claim.measure}"


def _conflict_pairs(
    items: Sequence[ClaimMention], lsh_min_items: int, bands: Callable | None = None
) -> Iterator[tuple[int, int]]:
    dated = [i for i, item in enumerate(items) if item.period is not None]
    texts = [conflict_text(items[i]) for i in dated]
    sink = None if bands is None else lambda distinct, keys: bands([items[i] for i in dated], texts, distinct, keys)
    for a, b in candidate_pairs(texts, lsh_min_items, sink):
        i, j = dated[a], dated[b]
        if claims_conflict(items[i], items[j]):
            yield i, j


def first_key(members: list[ClaimMention]) -> tuple:
    """Where a group ranks: by its first report's publication (then document id and position);
    groups are numbered in this order."""
    first = min(members, key=lambda m: (publication_order(m.document), m.position))
    return publication_order(first.document) + (first.position,)


def claim_group(group_id: int, members: list[ClaimMention], conflicts: list[int]) -> ClaimGroup:
    """The group of ``members`` (one figure) under ``group_id``, conflicting with ``conflicts``."""
    members = sorted(members, key=lambda m: (publication_order(m.document), m.position))
    values = Counter(m.value for m in members)
    # The most reported value; on a tie the most precise one, then the earliest.
    typical = min(enumerate(members),
                  key=lambda item: (-values[item[1].value], -significant_digits(item[1].value), item[0]))[1]
    return ClaimGroup(
        id=group_id,
        unit=typical.unit,
        value=typical.value,
        qualifier=typical.qualifier,
        measure=_most_common([m.measure for m in members]),
        period=_most_common([m.period for m in members]),
        change=typical.change,
        members=tuple(members),
        provenance=first_reported(m.document for m in members),
        conflicts=tuple(conflicts),
    )


def _most_common(values: list[str | None]) -> str | None:
    """The most frequent known value, the earliest on a tie; ``None`` when none is known."""
    known = [v for v in values if v]
    if not known:
        return None
    counts = Counter(known)
    first = {}
    for index, value in enumerate(known):
        first.setdefault(value, index)
    return max(known, key=lambda v: (counts[v], -first[v]))
