"""Who an event is between: actors at the level PLOVER codes (an official gives the state), the
partners of a mutual act (``X and Y met``: each is the other's partner, not the place's) and of a
reciprocal one (``X and Y traded fire``: each did it to the other)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Token

from relata.mentions.tables import data_path, read_table
from relata.relations.event_actors import Roles
from relata.relations.event_patterns import PatternMatch
from relata.relations.event_words import GO_BETWEEN_VERBS
from relata.relations.phrase_actors import np_actors
from relata.resolve.actors import DocumentActors

MAX_PAIRS = 3
# Modifiers that make a coordinated subject each other's partners whatever else is named.
JOINT_WORDS = frozenset({"joint", "combined", "bilateral"})  # at most this many sources (and targets) per trigger
# "X and Y met/agreed/cooperated" with no object: each is the other's partner, not the place's.
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
MUTUAL_CODES = frozenset({"057"})  # CAMEO "Sign formal agreement" (SUPPORT): signed with each other
MUTUAL_VERBS = frozenset({"sign", "ink"})  # the verbs of 057, whatever code its object gave it ("signed a deal": 050)
# "X and Y restored ties / normalised relations": a relation is between its subjects
RELATION_NOUNS = frozenset({"tie", "ties", "relation", "relations", "relationship"})


def state_level(found: Sequence, actors: DocumentActors, avoid: Sequence = (),
                 own: Sequence | None = None) -> list[str]:
    """Actor ids at the level PLOVER codes: an official or organ of a state gives the state, an
    official of an international organisation the organisation. A
    target whose state is the source's (``President X banned opposition candidates``, a domestic
    event) keeps its own id, so a state or place stays (``X imposed a curfew in Sudan``: SDN);
    a target that is a source actor itself is dropped. ``avoid``: the source actors; ``own``:
    those of them a target may not be (default: all)."""
    states = {actors.coded_as(a).id for a in avoid}
    own = {a.id for a in (avoid if own is None else own)}
    out: list[str] = []
    for actor in found[:MAX_PAIRS]:
        state = actors.coded_as(actor).id
        chosen = actor.id if state in states else state
        if chosen not in own and chosen not in out:
            out.append(chosen)
    return out


def mutual_partners(type_: str, roles: Roles, actors, match: PatternMatch) -> list[str]:
    """The distinct actors of a coordinated subject of a mutual act with no partner named as its
    object (``met X``, ``talks with X``), else []. Other targets found for such a verb are where
    it happened (``met ... in Kazakhstan``), not who took part."""
    signed = match.cameo in MUTUAL_CODES or match.head.lemma_ in MUTUAL_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in RELATION_NOUNS for c in match.head.children)
    if (type_ not in MUTUAL_TYPES and not signed) or len(roles.sources) < 2 or match.mode == "visit" \
            or match.head.lemma_.lower() in GO_BETWEEN_VERBS:  # "X and Y offered to host talks": not partners
        return []
    heads = (match.head, match.noun) if match.noun is not None else (match.head,)
    joint = any(c.dep_ == "amod" and c.lower_ in JOINT_WORDS for h in heads for c in h.children)
    for head in heads:
        for c in head.children:
            if joint:
                break  # "Latvia and Estonia announced joint patrols along their borders with Belarus"
            partner = (c.dep_ == "dobj" and c != match.noun) or (c.dep_ == "prep" and c.lower_ in ("with", "to"))
            if partner and names_someone(c, actors, roles.sources):
                return []  # "met X", "talks with X": the partner is named
    return _distinct_states(roles, actors)


def names_someone(token: Token, actors: DocumentActors, besides: Sequence = ()) -> bool:
    """Whether an object or a ``with``/``to`` phrase names an actor other than ``besides`` (``pledged
    closer ties`` does not, nor ``signed the agreement in Jakarta`` when Indonesia is a signatory)."""
    phrase = [p for p in token.children if p.dep_ == "pobj"] if token.dep_ == "prep" else [token]
    return any(a not in besides for p in phrase for a in np_actors(p, actors))


@cache
def _reciprocal_verbs() -> frozenset[str]:
    return frozenset(row["verb"].lower() for row in read_table(data_path("reciprocal_verbs.tsv")))


def reciprocal_partners(roles: Roles, actors: DocumentActors, match: PatternMatch) -> list[str]:
    """The distinct actors of a coordinated subject of a reciprocal verb (``trade``, ``exchange``:
    ``data/reciprocal_verbs.tsv``) that names no other party (``traded fire with X``), else []:
    each of them did the act to the others."""
    if len(roles.sources) < 2:
        return []
    verb = match.head
    if verb.pos_ in ("NOUN", "PROPN"):
        # "traded accusations": the event noun's verb; in a headline the verb is often read as a
        # compound of the noun ("Kyrgyzstan and Tajikistan trade blame")
        compound = next((c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1
                         and verb.dep_ == "ROOT"), None)
        verb = verb.head if verb.dep_ in ("dobj", "nsubjpass") else compound if compound is not None else verb
    if verb.lemma_.lower() not in _reciprocal_verbs():
        return []
    if any(c.dep_ == "prep" and c.lower_ in ("with", "against", "on", "at") and names_someone(c, actors)
           for c in verb.children):
        return []
    return _distinct_states(roles, actors)


def _distinct_states(roles: Roles, actors: DocumentActors) -> list[str]:
    """The coordinated sources at the level PLOVER codes, each once; [] unless there are two."""
    partners = [p for p in dict.fromkeys(state_level(roles.sources, actors)) if p]
    return partners[:MAX_PAIRS] if len(partners) >= 2 else []


def partner_pairs(type_: str, roles: Roles, actors: DocumentActors, match: PatternMatch) -> list[tuple[str, str]]:
    """(source, target) pairs of an act among a coordinated subject: a mutual act once per pair
    (``X and Y met``), a reciprocal one each way (``X and Y traded fire``); [] for neither."""
    partners = mutual_partners(type_, roles, actors, match)
    if partners:
        return [(a, b) for i, a in enumerate(partners) for b in partners[i + 1:]]
    partners = reciprocal_partners(roles, actors, match)
    return [(a, b) for a in partners for b in partners if a != b]
