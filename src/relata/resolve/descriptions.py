"""Descriptions that point at an actor without naming it: ``the Russian president``, ``the
foreign minister``, ``a spokesperson for the State Department``, ``the ministry``.

A title description goes to the person in this document who holds that role (from the text's
own titles, or the dictionary's office holders in the publication year), else to the
organisation or state it names. An institution noun (``the ministry``) goes back to the latest
organisation whose name contains it, or to the state named in the phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Token

from relata.mentions.tables import data_path, read_table
from relata.resolve.index import DocumentIndex
from relata.resolve.titles import Description, describe, roles_match

_PHRASE_DEPS = {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "appos"}
_PHRASE_MAX = 12
_INDEFINITE = {"a", "an", "another", "one"}
# The parts of speech of a description's head word ("the minister", "the Kremlin").
DESCRIBING_POS = frozenset({"NOUN", "PROPN"})


@cache
def _institution_nouns() -> dict[str, str]:
    return {r["noun"]: r["refers_to"] for r in read_table(data_path("people", "institution_nouns.tsv"))}


def noun_phrase(head: Token) -> list[Token]:
    """The words of the noun phrase headed by ``head``, without clauses hanging off it."""
    out = [head]
    for child in head.children:
        if child.dep_ in _PHRASE_DEPS:
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)[:_PHRASE_MAX]


def refer(index: DocumentIndex, tokens: Sequence[Token], head: Token) -> str | None:
    """The actor id a description refers to, or ``None``."""
    if head.pos_ not in DESCRIBING_POS:
        return None
    description = describe(tokens, index.actor_of, index.dictionary)
    if description and description.role:
        # "a spokesman" brings in someone new, not the spokesman named before
        holder = None if _indefinite(head) else _role_holder(index, description, head)
        if holder:
            return holder
        return description.organization or _state(index, description.country)
    refers_to = _institution_nouns().get(head.lemma_.lower()) or _institution_nouns().get(head.lower_)
    if refers_to == "igo" and head.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                      for c in head.children) and not (description and description.country):
        # "the bloc", "the regional body": the organisation so named, else the latest IGO
        return _latest_organization(index, head) or _latest_igo(index, head)
    if refers_to == "organization":
        # "Israel's foreign ministry" after "Egyptian Foreign Ministry" is not the Egyptian one
        country = description.country if description else None
        return _latest_organization(index, head, country) or _state(index, country)
    if refers_to == "state" and description:
        return _state(index, description.country)
    return None


def _indefinite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children)


def _state(index: DocumentIndex, country: str | None) -> str | None:
    return country if country and country in index.actors else None


def _role_holder(index: DocumentIndex, description: Description, head: Token) -> str | None:
    """The person holding the described role: the latest one mentioned before ``head``."""
    last_seen: dict[str, int] = {}
    for position, mention in enumerate(index.mentions):
        actor = index.actors.get(mention.actor or "")
        if actor is None or actor.kind != "person":
            continue
        if any(_fits(fact, description, actor.country) for fact in index.person_roles(actor.id)):
            before = index.spans[position].start < head.i
            last_seen[actor.id] = max(
                last_seen.get(actor.id, -1), index.spans[position].start if before else -1
            )
    if not last_seen:
        return None
    if len(last_seen) > 1 and description.country is None and description.organization is None:
        return None  # "the president" with two presidents in the story
    best = max(last_seen, key=lambda actor_id: last_seen[actor_id])
    if last_seen[best] < 0 and len(last_seen) > 1:
        return None
    return best


def _fits(fact, description: Description, nationality: str | None = None) -> bool:
    """Whether a role the person holds fits the description; a role the text gave without a
    state (``President Putin``) is of the person's own state when the person has one, so
    ``the North Korean leader`` is not Putin."""
    if not roles_match(description.role, fact.role):
        return False
    if description.organization and fact.organization and description.organization != fact.organization:
        return False
    country = fact.country or (nationality if fact.organization is None else None)
    return description.country is None or country is None or description.country == country


def _latest_organization(index: DocumentIndex, head: Token, country: str | None = None) -> str | None:
    """The latest organisation before ``head`` whose name holds its noun, of ``country`` when
    the phrase names one."""
    noun = head.lemma_.lower()
    return _latest(index, head, lambda actor: actor.kind in {"organization", "group"} and (
        country is None or actor.country is None or actor.country == country) and noun in actor.name.lower().split())


def _latest_igo(index: DocumentIndex, head: Token) -> str | None:
    """The latest intergovernmental organisation named before ``head`` in the last few sentences."""
    return _latest(index, head, lambda actor: actor.sector == "IGO", window=120)


def _latest(index: DocumentIndex, head: Token, wanted, window: int | None = None) -> str | None:
    """The id of the last actor named before ``head`` (within ``window`` tokens) that ``wanted`` accepts."""
    best = None
    for position, mention in enumerate(index.mentions):
        actor = index.actors.get(mention.actor or "")
        start = index.spans[position].start
        if actor is not None and start < head.i and (window is None or head.i - window < start) and wanted(actor):
            best = actor.id
    return best
