"""Grouping a document's person mentions into people.

Known people come from the dictionary (``Putin``, ``Vladimir V. Putin`` -> ``vladimir-putin``).
Unknown people are named by the longest full name the document gives them; short forms
(``Cheng``, ``Mr. Cheng``) join the full name whose words contain them (``Cheng Chin-mo``). When
two full names could claim a short form, the nearest preceding one takes it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from relata.mentions.dictionary import ActorDictionary, KnownActor
from relata.mentions.gender import given_name_gender, given_names, honorific_gender, is_honorific
from relata.mentions.names import name_key, slug
from relata.resolve.matching import match_known


@dataclass
class Person:
    name: str
    known: KnownActor | None = None
    positions: list[int] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.known.id if self.known else slug(self.name)

    @property
    def words(self) -> set[str]:
        names = [self.name] if not self.known else [self.name, *self._known_aliases]
        return {w for n in names for w in name_key(n).split()}

    _known_aliases: tuple[str, ...] = ()


_GLUED_TITLE = re.compile(r"^(\w*[a-z])([A-Z][a-z]+)$")
_AMBIGUOUS = Person("")  # a short name two full names could claim, none of them yet seen


def bare_name(text: str) -> str:
    """The name without honorifics (``Mr. Cheng`` -> ``Cheng``), and without a title word glued to
    its end by a lost space (``Evan MedeirosProfessor`` -> ``Evan Medeiros``)."""
    words = text.split()
    while len(words) > 1 and is_honorific(words[0]):
        words = words[1:]
    glued = _GLUED_TITLE.match(words[-1]) if words else None
    if glued and is_honorific(glued.group(2)):
        words[-1] = glued.group(1)
    return " ".join(words)


def group_people(names: list[tuple[int, str]], dictionary: ActorDictionary) -> dict[int, Person]:
    """``(mention position, text)`` pairs -> the person each mention names."""
    people: list[Person] = []
    assigned: dict[int, Person] = {}
    multi = [(p, bare_name(t)) for p, t in names if len(name_key(bare_name(t)).split()) > 1]
    single = [(p, bare_name(t)) for p, t in names if len(name_key(bare_name(t)).split()) <= 1]
    for position, name in multi:
        person = _full_name_owner(name, people, dictionary)
        if person is None:
            person = Person(name)
            people.append(person)
        elif not person.known and len(name) > len(person.name):
            person.name = name
        person.positions.append(position)
        assigned[position] = person
    honorific = {p: honorific_gender(t.split()[0].rstrip(".")) for p, t in names if t.split()}
    for position, name in single:
        person = _short_name_owner(position, name, people, dictionary, honorific.get(position))
        if person is _AMBIGUOUS:
            continue
        if person is None:
            person = Person(name)
            people.append(person)
        person.positions.append(position)
        assigned[position] = person
    return assigned


def _known_person(actor: KnownActor, people: list[Person], dictionary: ActorDictionary) -> Person:
    for person in people:
        if person.known and person.known.id == actor.id:
            return person
    person = Person(actor.name, actor, _known_aliases=_aliases(dictionary).get(actor.id, ()))
    people.append(person)
    return person


@cache
def _aliases(dictionary: ActorDictionary) -> dict[str, tuple[str, ...]]:
    """Every surface form of each known actor, in the dictionary's order: gathered once per
    dictionary, not by a walk over all its forms for each person a document names."""
    out: dict[str, list[str]] = defaultdict(list)
    for form in dictionary.forms:
        out[form.actor.id].append(form.text)
    return {actor_id: tuple(texts) for actor_id, texts in out.items()}


def _other_gender(person: Person, gender: str | None) -> bool:
    held = person.known.gender if person.known else given_name_gender(person.name)
    return gender is not None and held is not None and held != gender


def _full_name_owner(name: str, people: list[Person], dictionary: ActorDictionary) -> Person | None:
    known = match_known(name, "PERSON", dictionary)
    first, *tail = name.split()
    if known is None and len(tail) > 1 and first.lower() not in given_names():
        # "Crooked Hillary Clinton": a nickname or epithet NER swept into a known name
        known = match_known(" ".join(tail), "PERSON", dictionary)
    if known:
        return _known_person(known, people, dictionary)
    words = name_key(name).split()
    for person in people:
        theirs = name_key(person.name).split()
        shorter, longer = (words, theirs) if len(words) <= len(theirs) else (theirs, words)
        # "Mumtaz Baloch" and "Mumtaz Zahra Baloch": same first and last word, one inside the other
        if set(shorter) <= set(longer) and shorter[0] == longer[0] and shorter[-1] == longer[-1]:
            return person
        # "Bagheri Kani" after "Ali Bagheri Kani", "Lopez Obrador" after "Andres Manuel Lopez
        # Obrador": a compound surname without the given names
        if len(shorter) >= 2 and len(longer) > len(shorter) and longer[-len(shorter):] == shorter:
            return person
    return None


def _short_name_owner(
    position: int, name: str, people: list[Person], dictionary: ActorDictionary, gender: str | None = None
) -> Person | None:
    word = name_key(name)
    owners = [p for p in people if word in p.words and (p.known or len(p.name.split()) > 1)
              and not _other_gender(p, gender)]  # "Mrs. Clinton" is not Bill Clinton
    if len(owners) > 1:
        preceding = [(max((q for q in p.positions if q < position), default=-1), p) for p in owners]
        nearest = max(preceding, key=lambda pair: pair[0])
        return nearest[1] if nearest[0] >= 0 else _AMBIGUOUS
    if owners:
        return owners[0]
    known = match_known(name, "PERSON", dictionary)
    if known:
        return _known_person(known, people, dictionary)
    return next((p for p in people if not p.known and name_key(p.name) == word), None)
