"""What an act's parties make of it: a crowd's attack is a riot and its gathering a protest, a
state's protest to another state a diplomatic one (ACCUSE), a trip only a visit when it goes to
another state, a possible act a threat only when its own side announces it. Used by
:mod:`relata.relations.events` once the roles are known."""

from __future__ import annotations

from functools import cache

from relata.mentions.tables import data_path, read_table
from relata.relations.event_actors import Roles, subject_actors
from relata.relations.event_anaphora import own_ids
from relata.relations.event_patterns import PatternMatch
from relata.resolve.actors import DocumentActors

GATHERING_VERBS = frozenset({"gather", "assemble", "converge", "congregate"})


def own_side_speaks(roles: Roles, modality, actors: DocumentActors) -> bool:
    """Whether the speaker of a possible act is (of) its source: only one's own side threatens."""
    speakers = {actors.coded_as(a).id for a in subject_actors(modality.speech, actors)}
    return bool(speakers & {actors.coded_as(a).id for a in roles.sources})


def diplomatic_protest(match: PatternMatch, roles: Roles, actors: DocumentActors) -> bool:
    """``Athens protested to Ankara``: a state (by its name or capital) protesting to another state."""
    subject = roles.subject
    named = actors.resolve(subject) if subject is not None and subject.pos_ == "PROPN" and not roles.passive else None
    addressed = [p for c in match.head.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                 for p in c.children if p.dep_ == "pobj"]
    return named is not None and named.kind == "state" and any(
        (a := actors.resolve(p)) is not None and a.kind == "state" for p in addressed)


@cache
def _crowd_nouns() -> frozenset[str]:
    return frozenset(row["noun"].lower() for row in read_table(data_path("crowd_nouns.tsv")))


def by_a_crowd(roles: Roles) -> bool:
    """Whether every source is a crowd, or the unresolved subject names one (``Protesters attacked``)."""
    if roles.sources:
        return all(_crowd(a.name) for a in roles.sources)
    return roles.subject is not None and _crowd(roles.subject.text)


def _crowd(name: str) -> bool:
    """Whether an actor's name or a subject says a crowd of civilians (``Iranian protesters``):
    ``data/crowd_nouns.tsv``."""
    words = name.lower().split()
    return bool(words) and words[-1] in _crowd_nouns()


def foreign_targets(roles: Roles, actors: DocumentActors) -> tuple:
    """The targets that are not the sources themselves or their own state."""
    own = own_ids(roles.sources, actors)
    return tuple(t for t in roles.targets if t.id not in own and actors.coded_as(t).id not in own)


def is_travel(match: PatternMatch) -> bool:
    """A verb of travel (``went to``, ``flew to``, ``arrived in``): a visit row that needs a
    preposition (see ``data/plover_patterns.tsv``)."""
    return match.mode == "visit" and match.noun is None and any(t.dep_ == "prep" for t in match.tokens)


def foreign_destinations(roles: Roles, actors: DocumentActors) -> tuple:
    """The destinations of a trip that are a state or a place in a state other than the traveller's."""
    home = {actors.acting_for(a).country or a.country for a in roles.sources}
    return tuple(a for a in roles.targets
                 if a.kind in ("state", "location") and a.country and a.country not in home)
