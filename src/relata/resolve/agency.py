"""Who acts for a state: the state an actor stands for when it acts as an event's source or target.

PLOVER codes the acts of a state's officials and organs as the state's own acts (``Putin visited
Xi`` is Russia consulting China). An actor stands for a state when it is

- the state itself;
- a person holding a state office: a dictionary office of a state held in the publication year
  (any current office when the document has no date), or a role the text gives with a state
  (``Russian President X``, ``X, a spokesperson for the Chinese foreign ministry``) unless a
  qualifier takes the person out of office (``opposition leader``, ``former president``);
- a national organisation whose name makes it an organ of its state (``Russian Foreign Ministry``,
  ``People's Liberation Army``), never a party, company or armed group.

- a person the Phoenix tables give a state office on the document's date
  (:mod:`relata.resolve.dated_roles`), unless the text takes the person out of office;
- a role noun without a name that the resolver gave a state and a state sector (``police`` in a
  Kenyan story: KEN, COP; :mod:`relata.resolve.role_nouns`).

People without a state role (scholars, private people, opposition figures) and international
organisations stand for no state; an international organisation's officials stand for it
(:func:`acting_organization`), from a title in the text or a Phoenix IGO role on the date.
The words are data: ``data/people/state_agency.tsv``.
"""

from __future__ import annotations

from functools import cache

from relata.mentions.tables import data_path, read_table
from relata.records import Actor
from relata.resolve.dated_roles import organization_of, state_office
from relata.resolve.index import DocumentIndex
from relata.resolve.phoenix import STATE_SECTORS

ORGAN, PRIVATE = "organ", "private"


@cache
def _words(kind: str) -> frozenset[str]:
    return frozenset(r["word"].lower() for r in read_table(data_path("people", "state_agency.tsv"))
                     if r.get("kind") == kind)


def organ_words() -> frozenset[str]:
    """The words naming a state's own bodies (``ministry``, ``government``, ``police``)."""
    return _words(ORGAN)


def private_qualifier(words: list[str]) -> bool:
    """Whether title words such as ``opposition leader`` or ``former president`` name no office."""
    return any(w.lower().strip("-") in _words(PRIVATE) for w in words)


def is_state_organ(name: str) -> bool:
    lowered = name.lower().replace("'s", " ")
    tokens = lowered.split()
    organs = _words(ORGAN)
    return any(t.strip(".,") in organs for t in tokens) or any(" " in o and o in lowered for o in organs)


def acting_state(index: DocumentIndex, actor: Actor) -> str | None:
    """The ISO alpha-3 code of the state ``actor`` acts for, or ``None``."""
    if actor.kind == "state":
        return actor.id
    if actor.id in index.unnamed:
        return actor.country if actor.sector in STATE_SECTORS else None
    if actor.kind == "organization":
        return actor.country if actor.country and is_state_organ(actor.name) else None
    if actor.kind != "person":
        return None
    # an office in the person's own state first: King Charles III reigns in 15 realms, and acts for Britain
    for fact in sorted(index.person_roles(actor.id),
                       key=lambda f: (f.country is None, f.country != actor.country, f.role)):
        if not fact.acting:
            continue
        if fact.organization is not None:
            organization = index.actors.get(fact.organization) or _known(index, fact.organization)
            if organization is None or not is_state_organ(organization.name):
                continue
        if fact.country:
            return fact.country
        if fact.organization is None and actor.country and acting_organization(index, actor) is None:
            # "President X" of a person the text or dictionary gives a nationality; not the
            # "Secretary-General" of the UN, whose nationality is no office
            return actor.country
    if not out_of_office(index, actor.id) and acting_organization(index, actor) is None:
        return state_office(index.phoenix.get(actor.id))
    return None


def out_of_office(index: DocumentIndex, person_id: str) -> bool:
    """Whether the text says the person holds no office now (``former president X``,
    ``opposition leader X``), which a dictionary's office on the date does not overrule."""
    return any(not fact.acting for fact in index.roles.get(person_id, ()))


def acting_organization(index: DocumentIndex, actor: Actor) -> str | None:
    """The international organisation a person holds an office of (``NATO Secretary General
    Jens Stoltenberg``), which PLOVER codes as the actor of that person's official acts; ``None``
    for a state office or no office. National bodies are states' organs (:func:`acting_state`)."""
    if actor.kind != "person":
        return None
    for fact in index.person_roles(actor.id):
        if not fact.acting or fact.organization is None:
            continue
        organization = index.actors.get(fact.organization) or _known(index, fact.organization)
        if organization is not None and organization.kind == "organization" and organization.country is None:
            return organization.id
    body = organization_of(index.phoenix.get(actor.id))
    if body is not None and not out_of_office(index, actor.id) and not index.roles.get(actor.id):
        return body  # a Phoenix IGO office on the date, when the text gives the person no other role
    return None


def _known(index: DocumentIndex, actor_id: str) -> Actor | None:
    known = index.dictionary.actors.get(actor_id)
    return Actor(known.id, known.name, known.kind, known.country) if known else None


def has_untold_office(index: DocumentIndex, person_id: str) -> bool:
    """Whether the text gives the person an office (``Foreign Minister X``) but no state."""
    return any(f.country is None and f.organization is None for f in index.roles.get(person_id, ()))


def country_of_untold_office(index: DocumentIndex, person_id: str) -> str | None:
    """``President Yoweri Museveni has banned Ugandan opposition candidates``: a person the text
    gives a state office (``President``, also a former one) but no state, in a document that names
    exactly one state, is of that state. With two states or none named nothing is assumed."""
    if not has_untold_office(index, person_id):
        return None
    states = {a.id for a in index.actors.values() if a.kind == "state"}
    return states.pop() if len(states) == 1 else None

