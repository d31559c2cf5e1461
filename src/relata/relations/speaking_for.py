"""Who a body speaks for: a quote said by a state organ or by unnamed officials goes to the state
(or international organisation) they speak for, as issue 4 asks (``the ministry`` / ``a
spokesperson for X`` -> the organisation or country actor when no person is named), and as events
code a state's officials and organs as the state.

- ``China's foreign ministry said``, ``Philippine officials said``, ``EU officials estimate``,
  ``officials in Cairo said`` (a speaking body, data/quote_speaking_bodies.txt, whose possessive,
  modifier or ``of``/``from``/``in`` phrase names a state, a capital or an international
  organisation) -> China, the Philippines, the European Union, Egypt.
- ``NEW DELHI - ..., the government said``: a state body named by no phrase of its own speaks for
  the state of the dateline, when the story names that state (not ``police``: often local).

- ``the Trump campaign said``, ``Clinton's team says`` (data/quote_person_bodies.txt) -> the
  candidate, as a state's organs speak for it; a spokesperson for a person stays unnamed.

A speaker that resolves keeps its own name: ``Putin said`` stays Vladimir Putin, and a named organ
(``the State Department said``, an organisation actor) stays that organisation.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.tokens import Token

from relata.mentions.dictionary import load_dictionary
from relata.mentions.places import find_place
from relata.nlp import doc_text
from relata.records import Actor
from relata.resolve.actors import DocumentActors
from relata.resolve.agency import organ_words

_MODIFIERS = ("poss", "amod", "compound", "nmod", "npadvmod")
_PHRASE_PREPS = ("of", "from", "in", "for", "at")
_SPEAKS_FOR = ("state", "organization")


@cache
def _words(name: str) -> frozenset[str]:
    text = resources.files("relata.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def speaking_bodies() -> frozenset[str]:
    return _words("quote_speaking_bodies.txt")


def person_bodies() -> frozenset[str]:
    """``campaign``, ``team``: who speaks for the person their modifier names."""
    return _words("quote_person_bodies.txt")


def speaking_for(actor: Actor | None, subject: Token | None, actors: DocumentActors) -> Actor | None:
    """The speaker to record for a cue whose subject is ``subject`` and resolved to ``actor``."""
    if actor is not None:
        return actor  # a named organ ("the State Department") is an actor of its own
    # The tagger often reads "foreign ministry" as a name (PROPN): the word decides, not the tag.
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    words = {subject.lemma_.lower(), subject.lower_}
    if words & person_bodies():
        person = _person_owner(subject, actors)
        if person is not None:
            return person  # "the Trump campaign said": Donald Trump's words, as a ministry's are its state's
    if not words & speaking_bodies():
        return None
    owner = _owner(subject, actors)
    if owner is None and subject.lemma_.lower() in _organ_words() and not _qualified(subject):
        owner = _dateline_state(subject.doc, actors)  # "OSLO - ..., the government said": Norway's
    return owner


@cache
def _organ_words() -> frozenset[str]:
    """A state's own bodies (``government``, ``defence ministry``) that are not often local."""
    return organ_words() - _LOCAL_BODIES


# Bodies that are as often a city's or a region's as the state's ("police said" in a Charlotte
# story is Charlotte's police): the dateline does not make them the state's.
_LOCAL_BODIES = frozenset({"police", "gendarmerie", "department", "guard", "council", "state council", "forces"})


def _qualified(body: Token) -> bool:
    """Whether a body's phrase names whose it is or sets it apart (``the opposition's ...``, ``a
    regional government``, ``police in Texas``): then the dateline does not say whose it is."""
    return any(c.dep_ in ("poss", "nmod", "prep") or c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ")
               for c in body.children)


_DATELINE = re.compile(r"^([A-Z][A-Z.'’ ]{2,}?)(?:, [A-Za-z. ]+)? ?[-–—]+ ", re.MULTILINE)


def _dateline_state(doc, actors: DocumentActors) -> Actor | None:
    """The state of the place a story is filed from (``NEW DELHI - ...``), if the story names it."""
    text = doc_text(doc)
    match = _DATELINE.search(text, 0, 2000)
    if match is None:
        return None
    span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    found = actors.resolve(span) if span is not None else None
    if found is not None and found.kind == "state":
        code = found.id
    elif found is not None and found.kind == "location":
        code = found.country
    else:
        name = match.group(1).strip().title()
        dictionary = load_dictionary()
        if dictionary.city_of_state(name):
            code = next(f.actor.id for f in dictionary.lookup(name) if f.actor.kind == "state")
        else:
            place = find_place(name)
            code = place.country if place is not None else None
    return actors.get(code) if code else None


def _person_owner(body: Token, actors: DocumentActors) -> Actor | None:
    """The person a campaign or team belongs to: a possessor (``Clinton's team``, ``her
    campaign``), a name before it (``the Trump campaign``) or ``for X``."""
    candidates = [c for c in body.children if c.dep_ in ("poss", "compound") and c.i < body.i]
    for child in body.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            candidates += [p for p in child.children if p.dep_ == "pobj"]
    for token in candidates:
        if token.pos_ not in ("PROPN", "PRON"):
            continue
        found = actors.resolve(token)
        if found is not None and found.kind == "person":
            return found
    return None


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
