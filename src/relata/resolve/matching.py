"""From a mention as written to the dictionary actor it names.

Exact lookup on normalised names first (``the U.S.``, ``Vladimir V. Putin``); then, for people and
organisations only, a close fuzzy match to catch transliteration variants (``Sergei``/``Sergey
Lavrov``, ``Zelensky``/``Zelenskyy``). The fuzzy bar is high: a wrong actor is worse than none.
"""

from __future__ import annotations

from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from relata.mentions.dictionary import ActorDictionary, KnownActor
from relata.mentions.names import name_key, without_initials

# Which kinds of known actor each NER label may name, most likely first.
KINDS_FOR_LABEL = {
    "PERSON": ("person",),
    "GPE": ("state", "organization", "group"),  # ("M23 rebels", "the Taliban" are often tagged GPE)
    "LOC": ("state",),
    "NORP": ("state", "group", "organization"),
    "ORG": ("organization", "group", "state"),
    "FAC": ("state", "organization"),
}
_FUZZY_KINDS = {"PERSON": ("person",), "ORG": ("organization", "group")}
FUZZY_CUTOFF = 90.0
FUZZY_MIN_LENGTH = 8


@lru_cache(maxsize=65536)  # news repeats the same names; fuzzy search is the costly part
def match_known(text: str, label: str, dictionary: ActorDictionary) -> KnownActor | None:
    """The known actor ``text`` names, given its NER label; ``None`` if none or ambiguous."""
    kinds = KINDS_FOR_LABEL.get(label, ())
    forms = dictionary.lookup(text)
    for kind in kinds:
        actors = {f.actor.id: f.actor for f in forms if f.actor.kind == kind}
        if len(actors) == 1:
            return next(iter(actors.values()))
        if actors:
            return None  # two people both called "Kim": not ours to pick
    return fuzzy_known(text, label, dictionary)


def fuzzy_known(text: str, label: str, dictionary: ActorDictionary) -> KnownActor | None:
    kinds = _FUZZY_KINDS.get(label)
    key = without_initials(name_key(text))
    if not kinds or len(key) < FUZZY_MIN_LENGTH:
        return None
    choices = _fuzzy_choices(dictionary, kinds)
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if best is None:
        return None
    forms = [f for f in dictionary.forms_for_key(best[0]) if f.actor.kind in kinds]
    ids = {f.actor.id for f in forms}
    return forms[0].actor if len(ids) == 1 else None


@cache
def _fuzzy_choices(dictionary: ActorDictionary, kinds: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        key
        for key in dictionary.keys()
        if len(key) >= FUZZY_MIN_LENGTH and any(f.actor.kind in kinds for f in dictionary.forms_for_key(key))
    )
