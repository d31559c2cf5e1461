"""The CAMEO/Phoenix sector of each actor (``Actor.sector``): what part of its country an actor is.

- A person who acts for a state (:func:`relata.resolve.agency.acting_state`): the sector of the
  office, the Phoenix agents table's for the role word when it is a state sector (``army chief``
  -> MIL, ``police chief`` -> COP, ``chief justice`` -> JUD), else GOV; a Phoenix office on
  the date gives its own (``KENGOV`` -> GOV).
- A person who acts for an international organisation the dictionary knows: IGO (NGO for the
  non-governmental ones of ``data/actors/cameo_organizations.tsv``).
- Another person the Phoenix tables know: the sector of the role in force on the date (``ELI``
  out of office), else none; none for a person the text takes out of office (``former``).
- An organisation: IGO or NGO from the crosswalk; a state's own body (``Russian Foreign Ministry``,
  ``National Guard``): the sector of its last words in the agents table (``guard`` -> MIL), else GOV.
- A group or other organisation the Phoenix non-state or international tables list by its name
  (``Taliban``, ``Karen National Union``): its sector there, when not a state's; a group of a
  state (``Iraqi rebels``): the sector of its noun (REB).
- A role noun (``police``): the sector it was found with (:mod:`relata.resolve.role_nouns`).
- A state, a place: none.
"""

from __future__ import annotations

from relata.records import Actor
from relata.resolve.agency import acting_organization, acting_state, is_state_organ, out_of_office
from relata.resolve.dated_roles import organization_classes, state_office
from relata.resolve.index import DocumentIndex
from relata.resolve.phoenix import STATE_SECTORS, phoenix_actor
from relata.resolve.role_nouns import role_sector

_MAX_NAME_WORDS = 3


def _words_sector(words: list[str], state: bool = False) -> str | None:
    """The sector of the longest role noun ending a name (``Kenya Defence Forces`` -> MIL); for a
    state's body, else the last word of a state sector in it (``Third Army Region`` -> MIL)."""
    for size in range(min(_MAX_NAME_WORDS, len(words)), 0, -1):
        sector = role_sector(" ".join(words[-size:]))
        if sector is not None and (not state or sector in STATE_SECTORS):
            return sector
    if state:
        inner = [sector for w in reversed(words) if (sector := role_sector(w)) in STATE_SECTORS]
        return inner[0] if inner else None
    return None


def _listed_sector(name: str, on_date: str | None) -> str | None:
    """The sector the Phoenix non-state or international tables give a named body (``Karen
    National Union`` -> REB), when that is no state's sector."""
    match = phoenix_actor(name, on_date)
    if match is None or match.actor.source not in ("nonstate", "international"):
        return None
    sector = match.sector or next((r.sector for r in match.actor.roles if r.sector), "")
    return sector if sector and sector not in STATE_SECTORS else None


def _office_sector(index: DocumentIndex, actor: Actor, state: str) -> str:
    match = index.phoenix.get(actor.id)
    if state_office(match) == state and match.sector in STATE_SECTORS:
        return match.sector
    for fact in index.person_roles(actor.id):
        if fact.acting and fact.country in (state, None):
            sector = role_sector(fact.role.replace("_", " "))
            if sector in STATE_SECTORS:
                return sector
    return "GOV"


def _person_sector(index: DocumentIndex, actor: Actor) -> str | None:
    state = acting_state(index, actor)
    if state is not None:
        return _office_sector(index, actor, state)
    body = acting_organization(index, actor)
    if body is not None:
        # an official of an organisation the dictionary knows as international; not of an
        # unknown body ("junta spokesman X": the junta is no international organisation)
        known = index.dictionary.actors.get(body)
        return organization_classes().get(body) or ("IGO" if known is not None and known.country is None else None)
    if out_of_office(index, actor.id):
        return None  # "former president X", "opposition leader X": no office, whatever a table says
    match = index.phoenix.get(actor.id)
    return match.sector or None if match is not None else None


def actor_sector(index: DocumentIndex, actor: Actor) -> str | None:
    """The sector of ``actor`` in this document (module docstring), or ``None``."""
    if actor.sector or actor.kind in ("state", "location"):
        return actor.sector
    if actor.kind == "person":
        return _person_sector(index, actor)
    if actor.kind == "organization":
        body = organization_classes().get(actor.id)
        if body is not None:
            return body
        if actor.country and is_state_organ(actor.name):
            return _words_sector(actor.name.lower().replace("'s", "").split(), state=True) or "GOV"
        return _listed_sector(actor.name, index.published)
    if actor.kind == "group":
        return _listed_sector(actor.name, index.published) or _words_sector(actor.name.lower().split())
    return None
