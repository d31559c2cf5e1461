"""Actors of one document: mentions grouped into canonical actors.

FIRST VERSION (to be deepened): people are grouped by surname; GPE/NORP mentions are kept as
unresolved states. The public API below is what the other extractors rely on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from relata.nlp import ParsedDocument
from relata.records import Actor, EntityMention


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"


@dataclass(frozen=True)
class DocumentActors:
    """The actors one document mentions, and where.

    - ``actors``: each actor once.
    - ``mentions``: entity mentions with their ``actor`` id filled in (or ``None``).
    """

    actors: tuple[Actor, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        self._by_id.update({a.id: a for a in self.actors})

    def get(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def at(self, start: int, end: int) -> Actor | None:
        """The actor of the longest resolved mention overlapping ``[start, end)``."""
        best = None
        for m in self.mentions:
            if m.actor and m.start < end and start < m.end:
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        return self.get(best.actor) if best else None

    def resolve(self, phrase: Span | Token) -> Actor | None:
        """The actor a noun phrase refers to: a name, a title, or a pronoun (by coreference)."""
        if isinstance(phrase, Token):
            start, end = phrase.idx, phrase.idx + len(phrase.text)
        else:
            start, end = phrase.start_char, phrase.end_char
        return self.at(start, end)


def resolve_actors(parsed: ParsedDocument, mentions: Sequence[EntityMention]) -> DocumentActors:
    people: dict[str, Actor] = {}
    resolved: list[EntityMention] = []
    actors: dict[str, Actor] = {}
    for m in mentions:
        actor_id = None
        if m.label == "PERSON":
            surname = m.text.split()[-1]
            match = next((a for a in people.values() if a.name.split()[-1] == surname), None)
            if match is None or len(m.text.split()) > len(match.name.split()):
                actor = Actor(id=slug(m.text), name=m.text, kind="person", country=None, aliases=(m.text,))
                if match is not None:
                    people.pop(match.id)
                people[actor.id] = actor
                actors[actor.id] = actor
            actor_id = (match or people[slug(m.text)]).id if slug(m.text) not in people else slug(m.text)
        resolved.append(EntityMention(m.start, m.end, m.text, m.label, actor_id))
    return DocumentActors(actors=tuple(actors.values()), mentions=tuple(resolved))
