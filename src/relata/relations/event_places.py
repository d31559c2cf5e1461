"""Where an event happened, and places that stand for a party: the place a trigger names
(``met in Geneva``, ``a bombing near Samarra``), a town in another state coded as that state (as
CAMEO codes a city by its country), and a place standing in for a doer or target the text leaves
unnamed."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span, Token

from relata.mentions.tables import data_path, read_table
from relata.records import Location
from relata.relations.event_actors import place_of
from relata.relations.event_patterns import PatternMatch
from relata.resolve.actors import DocumentActors


def event_place(match: PatternMatch, actors: DocumentActors) -> tuple[Span, object] | None:
    """The place span a trigger says its event happened at, and the actor it resolves to."""
    place: Token | None = place_of(match.head)
    if place is None and match.noun is not None:
        place = place_of(match.noun)
    if place is None:  # "a bombing near Samarra killed": the place hangs on an event noun subject
        subject = next((c for c in match.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        place = place_of(subject) if subject is not None and subject.pos_ == "NOUN" else None
    if place is None:
        return None
    span = place.doc[place.i:place.i + 1]
    for ent in place.doc.ents:
        if ent.start <= place.i < ent.end:
            span = ent
            break
    return span, actors.resolve(span)


def location_of(place: tuple[Span, object] | None) -> Location | None:
    if place is None:
        return None
    span, actor = place
    return Location(name=span.text, country=actor.country if actor is not None else None)


def foreign_places_as_states(targets: Sequence, sources: Sequence, actors: DocumentActors, protest: bool = False):
    """A town or region in another state than the sources' is not a party: that state is, as
    CAMEO codes a city by its country (``Uganda sheltered thousands fleeing Beni``: UGA -> COD),
    and the town is where it happened. A place in the sources' own state stays (a domestic event,
    see :func:`relata.relations.event_partners.state_level`), and so does one in no known state (``cut gas supplies to Europe``).
    A protest's place gives its state wherever it lies: a rally in a town is addressed to the
    government, not to the town (``protested in Kisumu and parts of Nairobi``: one PROTEST -> KEN).
    Returns the targets and the first place so replaced."""
    home = set() if protest else {actors.coded_as(a).country or a.country for a in sources}
    out, placed = [], None
    for actor in targets:
        state = actors.get(actor.country) if actor.kind == "location" and actor.country else None
        if state is not None and (sources or protest) and actor.country not in home:
            out.append(state)
            placed = placed or actor
        else:
            out.append(actor)
    return tuple(out), placed


def stand_in(place: tuple[Span, object] | None) -> tuple:
    """The place as the actor of a role the text leaves unnamed, when it lies in a known state."""
    actor = place[1] if place is not None else None
    if actor is None or actor.kind not in ("state", "location") or not actor.country:
        return ()
    return (actor,)


@cache
def _feature_nouns() -> frozenset[str]:
    return frozenset(row["noun"].lower() for row in read_table(data_path("natural_features.tsv")))


def natural_feature(actor) -> bool:
    """Whether an actor is a river, sea or shoal in no known state (``data/natural_features.tsv``):
    where an event happened, never a party to it."""
    words = actor.name.lower().split()
    return actor.kind == "location" and actor.country is None and bool(words) and words[-1] in _feature_nouns()
