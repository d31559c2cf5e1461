"""Who a body speaks for: a quote said by a state organ or by unnamed officials goes to the state
(or international organisation) they speak for, as issue 4 asks (``the ministry`` / ``a
spokesperson for X`` -> the organisation or country actor when no person is named), and as events
code a state's officials and organs as the state.

- ``China's foreign ministry said``, ``Philippine officials said``, ``EU officials estimate``,
  ``officials in Cairo said`` (a speaking body, data/quote_speaking_bodies.txt, whose possessive,
  modifier or ``of``/``from``/``in`` phrase names a state, a capital or an international
  organisation) -> China, the Philippines, the European Union, Egypt.

A speaker that resolves keeps its own name: ``Putin said`` stays Vladimir Putin, and a named organ
(``the State Department said``, an organisation actor) stays that organisation.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Token

from relata.records import Actor
from relata.resolve.actors import DocumentActors
from relata.resolve.dictionary import load_dictionary

_MODIFIERS = ("poss", "amod", "compound", "nmod", "npadvmod")
_PHRASE_PREPS = ("of", "from", "in", "for", "at")
_SPEAKS_FOR = ("state", "organization")


@cache
def speaking_bodies() -> frozenset[str]:
    text = resources.files("relata.data").joinpath("quote_speaking_bodies.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def speaking_for(actor: Actor | None, subject: Token | None, actors: DocumentActors) -> Actor | None:
    """The speaker to record for a cue whose subject is ``subject`` and resolved to ``actor``."""
    if actor is not None:
        return actor  # a named organ ("the State Department") is an actor of its own
    # The tagger often reads "foreign ministry" as a name (PROPN): the word decides, not the tag.
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if not {subject.lemma_.lower(), subject.lower_} & speaking_bodies():
        return None
    return _owner(subject, actors)


def _owner(body: Token, actors: DocumentActors) -> Actor | None:
    """The state or organisation a body's modifiers or phrase name (nearest first)."""
    candidates = [c for c in body.children if c.dep_ in _MODIFIERS and c.i < body.i]
    candidates.sort(key=lambda c: body.i - c.i)
    for child in body.children:
        if child.dep_ == "prep" and child.lower_ in _PHRASE_PREPS:
            candidates += [p for p in child.children if p.dep_ == "pobj"]
    for token in candidates:
        if token.pos_ == "NOUN" and not token.ent_type_:
            continue  # "officials from both parties": a common noun names no one in particular
        found = actors.resolve(token)
        if found is None:
            continue
        if found.kind in _SPEAKS_FOR:
            return actors.acting_for(found)
        if found.kind == "location" and found.country and load_dictionary().city_of_state(token.text):
            return actors.get(found.country)  # "officials in Cairo": a capital stands for its state
    return None
